// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ledger/ledgerbatch.h"

#include "core/common/csvreader.h"
#include "core/hub.h"
#include "core/ledger/ledgerservice.h"
#include "core/members/memberservice.h"
#include "core/settings/settingsservice.h"
#include "core/storage/transaction.h"

namespace hub {

bool LevyPreview::blocked() const
{
    for (const LevyLine &l : lines)
        if (!l.refusal.isEmpty())
            return true;
    return false;
}

Amount LevyPreview::total() const
{
    return Amount::fromMinor(amount.minor() * lines.size());
}

LedgerBatch::LedgerBatch(Hub &hub) : m_hub(hub) {}

Result<BatchReport> LedgerBatch::payCsv(const QByteArray &csv, bool dryRun)
{
    auto table = CsvReader::read(csv);
    if (!table)
        return fail(table.error());
    auto settings = m_hub.settings().load();
    if (!settings)
        return fail(settings.error());

    const QStringList required = {QStringLiteral("payer"), QStringLiteral("payee"), QStringLiteral("amount"),
                                  QStringLiteral("memo")};
    QHash<QString, qsizetype> column;
    for (qsizetype i = 0; i < table->headers.size(); ++i)
        column.insert(table->headers[i].trimmed().toLower(), i);
    for (const QString &name : required)
        if (!column.contains(name))
            return fail(Error::invalid(tr("the header row has no “%1” column; expected payer,payee,amount,memo "
                                          "and optionally category,reference")
                                           .arg(name),
                                       tr("row 1")));

    BatchReport report;
    report.dryRun = dryRun;
    report.rows = int(table->records.size());
    // Every row is posted in order inside one transaction, so each limit is
    // checked against the balances the earlier rows leave behind.
    auto tx = Transaction::begin(m_hub.database(), Transaction::Mode::Immediate);
    if (!tx)
        return fail(tx.error());
    for (const CsvRecord &record : std::as_const(table->records)) {
        const auto cell = [&](const QString &name) {
            return column.contains(name) ? record.field(column.value(name)).trimmed() : QString();
        };
        const auto problem = [&](const QString &col, const QString &message) {
            report.problems << BatchProblem{record.row, col, message};
        };
        TransferDraft d;
        bool ok = true;
        for (const QString &side : {QStringLiteral("payer"), QStringLiteral("payee")}) {
            auto m = m_hub.members().find(cell(side));
            if (!m) {
                problem(side, cell(side).isEmpty() ? tr("missing") : m.error().message);
                ok = false;
                continue;
            }
            (side == QStringLiteral("payer") ? d.payer : d.payee) = m->id;
        }
        auto amount = Amount::parse(cell(QStringLiteral("amount")), settings->decimals);
        if (!amount) {
            problem(QStringLiteral("amount"), amount.error().message);
            ok = false;
        } else {
            d.amount = *amount;
        }
        d.memo = cell(QStringLiteral("memo"));
        d.category = cell(QStringLiteral("category"));
        d.reference = cell(QStringLiteral("reference"));
        if (!ok)
            continue;
        auto posting = m_hub.ledger().pay(d);
        if (!posting) {
            const QString where = posting.error().where;
            report.problems << BatchProblem{record.row, where.isEmpty() ? QStringLiteral("amount") : where,
                                            posting.error().message, posting.error().kind};
            continue;
        }
        report.postings << *posting;
    }
    if (report.problems.isEmpty() && !dryRun)
        if (auto ok = tx->commit(); !ok)
            return fail(ok.error());
    return report;
}

Result<LevyPreview> LedgerBatch::previewLevy(Amount amount, const QString &memo, const QString &group)
{
    if (amount.minor() <= 0)
        return fail(Error::invalid(tr("the levy must be more than zero"), QStringLiteral("amount")));
    if (memo.trimmed().isEmpty())
        return fail(Error::invalid(tr("a memo is required: say what the levy is for"), QStringLiteral("memo")));
    // Everything below, even opening the hub's own account, happens in a
    // transaction that is always rolled back: a preview writes nothing and
    // says exactly what the real levy would refuse.
    auto tx = Transaction::begin(m_hub.database(), Transaction::Mode::Immediate);
    if (!tx)
        return fail(tx.error());
    auto hubAccount = m_hub.ledger().hubAccount();
    if (!hubAccount)
        return fail(hubAccount.error());
    MemberFilter filter;
    filter.status = MemberStatus::Active;
    auto members = m_hub.members().list(filter);
    if (!members)
        return fail(members.error());
    const QString wanted = group.trimmed().toLower();

    LevyPreview preview{amount, memo.trimmed(), {}};
    for (const Member &m : std::as_const(*members)) {
        if (m.id == hubAccount->member || (!wanted.isEmpty() && !m.interests.contains(wanted)))
            continue;
        auto account = m_hub.ledger().account(m.id);
        if (!account)
            return fail(account.error());
        LevyLine line{m.id, m.displayName, account->balance, account->balance, {}};
        auto posting = m_hub.ledger().pay({m.id, hubAccount->member, amount, memo, QStringLiteral("levy"), {}, false, {}});
        if (posting)
            line.after = account->balance.checkedSub(amount).value_or(account->balance);
        else
            line.refusal = posting.error().message;
        preview.lines << line;
    }
    if (preview.lines.isEmpty())
        return fail(Error::invalid(wanted.isEmpty() ? tr("no active member would pay this levy")
                                                    : tr("no active member has the role “%1”").arg(group),
                                   QStringLiteral("group")));
    tx->rollback();
    return preview;
}

Result<QList<Posting>> LedgerBatch::levy(Amount amount, const QString &memo, const QString &group)
{
    auto tx = Transaction::begin(m_hub.database(), Transaction::Mode::Immediate);
    if (!tx)
        return fail(tx.error());
    auto preview = previewLevy(amount, memo, group);
    if (!preview)
        return fail(preview.error());
    if (preview->blocked()) {
        QStringList names;
        for (const LevyLine &l : preview->lines)
            if (!l.refusal.isEmpty())
                names << l.name;
        return fail(Error::refused(tr("the levy would breach the limit of %n member(s): %1; nothing was posted", nullptr,
                                      int(names.size()))
                                      .arg(names.join(QStringLiteral(", ")))));
    }
    auto hubAccount = m_hub.ledger().hubAccount();
    if (!hubAccount)
        return fail(hubAccount.error());
    QList<Posting> postings;
    for (const LevyLine &l : preview->lines) {
        auto posting = m_hub.ledger().pay({l.member, hubAccount->member, amount, preview->memo, QStringLiteral("levy"),
                                           {}, false, {}});
        if (!posting)
            return fail(posting.error());
        postings << *posting;
    }
    if (auto ok = tx->commit(); !ok)
        return fail(ok.error());
    return postings;
}

} // namespace hub
