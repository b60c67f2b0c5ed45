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

LedgerBatch::LedgerBatch(Hub &hub) : m_hub(hub), m_work(hub.sharedDatabase(), hub.access(), hub.audit())
{}

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
    QList<TransferDraft> drafts;
    QList<int> draftRows;
    drafts.reserve(table->records.size());
    draftRows.reserve(table->records.size());
    // A batch names the same few members over and over (a work party, a
    // month of room charges): each is looked up once, not twice per row.
    QHash<QString, Result<MemberId>> resolved;
    // A copy, not a reference into the hash that the next lookup may grow.
    const auto resolve = [&](const QString &ref) -> Result<MemberId> {
        auto it = resolved.constFind(ref);
        if (it == resolved.constEnd()) {
            auto m = m_hub.members().find(ref);
            it = resolved.insert(ref, m ? Result<MemberId>(m->id) : Result<MemberId>(fail(m.error())));
        }
        return *it;
    };
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
            const Result<MemberId> m = resolve(cell(side));
            if (!m) {
                problem(side, cell(side).isEmpty() ? tr("missing") : m.error().message);
                ok = false;
                continue;
            }
            (side == QStringLiteral("payer") ? d.payer : d.payee) = *m;
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
        if (ok) {
            drafts << std::move(d);
            draftRows << record.row;
        }
    }
    // The rows that parsed are posted in file order, so each limit is checked
    // against the balances the earlier rows leave behind; written only if
    // every row of the file is good.
    auto outcomes = m_hub.ledger().payAll(drafts, report.problems.isEmpty() && !dryRun);
    if (!outcomes)
        return fail(outcomes.error());
    report.postings.reserve(outcomes->size());
    for (qsizetype i = 0; i < outcomes->size(); ++i) {
        BatchOutcome &o = (*outcomes)[i];
        if (o.posting) {
            report.postings << std::move(*o.posting);
        } else {
            const QString where = o.error->where;
            report.problems << BatchProblem{draftRows[i], where.isEmpty() ? QStringLiteral("amount") : where,
                                            o.error->message, o.error->kind};
        }
    }
    std::stable_sort(report.problems.begin(), report.problems.end(),
                     [](const BatchProblem &a, const BatchProblem &b) { return a.row < b.row; });
    if (!report.problems.isEmpty())
        report.postings.clear();
    return report;
}

Result<LevyPreview> LedgerBatch::previewLevy(Amount amount, const QString &memo, const QString &group)
{
    auto tx = Transaction::begin(m_hub.database(), Transaction::Mode::Immediate);
    if (!tx)
        return fail(tx.error());
    auto preview = run(amount, memo, group, false);
    if (!preview)
        return fail(preview.error());
    return preview->first; // the guard rolls back, even the hub account if it was new
}

Result<QList<Posting>> LedgerBatch::levy(Amount amount, const QString &memo, const QString &group)
{
    // The permission (Levy) is payAll()'s, which also records the audit row.
    return m_work.run<QList<Posting>>(std::nullopt, [&](Write &) -> Result<QList<Posting>> {
        auto done = run(amount, memo, group, true);
        if (!done)
            return fail(done.error());
        if (done->first.blocked()) {
            QStringList names;
            for (const LevyLine &l : done->first.lines)
                if (!l.refusal.isEmpty())
                    names << l.name;
            return fail(Error::refused(
                tr("the levy would breach the limit of %1: %2; nothing was posted")
                    .arg(tr("%Ln member(s)", nullptr, int(names.size())), names.join(QStringLiteral(", ")))));
        }
        return done->second;
    });
}

Result<std::pair<LevyPreview, QList<Posting>>> LedgerBatch::run(Amount amount, const QString &memo,
                                                                const QString &group, bool write)
{
    if (amount.minor() <= 0)
        return fail(Error::invalid(tr("the levy must be more than zero"), QStringLiteral("amount")));
    if (memo.trimmed().isEmpty())
        return fail(Error::invalid(tr("a memo is required: say what the levy is for"), QStringLiteral("memo")));
    auto hubAccount = m_hub.ledger().hubAccount();
    if (!hubAccount)
        return fail(hubAccount.error());
    MemberFilter filter;
    filter.status = MemberStatus::Active;
    auto members = m_hub.members().list(filter);
    if (!members)
        return fail(members.error());
    const QString wanted = group.trimmed().toLower();

    // Every account in one read, not one query (and savepoint) per member:
    // a city levy reads 100,000 of them. A member without one yet gets it
    // opened as before.
    auto accounts = m_hub.ledger().accounts();
    if (!accounts)
        return fail(accounts.error());
    QHash<qint64, Amount> balances;
    balances.reserve(accounts->size());
    for (const Account &a : std::as_const(*accounts))
        balances.insert(a.member.value(), a.balance);
    accounts->clear();

    LevyPreview preview{amount, memo.trimmed(), {}};
    QList<TransferDraft> drafts;
    preview.lines.reserve(members->size());
    drafts.reserve(members->size());
    for (const Member &m : std::as_const(*members)) {
        if (m.id == hubAccount->member || (!wanted.isEmpty() && !m.interests.contains(wanted)))
            continue;
        auto known = balances.constFind(m.id.value());
        Amount balance;
        if (known != balances.constEnd()) {
            balance = *known;
        } else {
            auto account = m_hub.ledger().account(m.id);
            if (!account)
                return fail(account.error());
            balance = account->balance;
        }
        preview.lines << LevyLine{m.id, m.displayName, balance, balance, {}};
        drafts << TransferDraft{m.id, hubAccount->member, amount, preview.memo, QStringLiteral("levy"), {}, false, {}};
    }
    if (preview.lines.isEmpty())
        return fail(Error::invalid(wanted.isEmpty() ? tr("no active member would pay this levy")
                                                    : tr("no active member has the role “%1”").arg(group),
                                   QStringLiteral("group")));
    auto outcomes = m_hub.ledger().payAll(drafts, write);
    if (!outcomes)
        return fail(outcomes.error());
    QList<Posting> postings;
    for (qsizetype i = 0; i < outcomes->size(); ++i) {
        LevyLine &line = preview.lines[i];
        if (outcomes->at(i).posting) {
            line.after = line.before.checkedSub(amount).value_or(line.before);
            postings << *outcomes->at(i).posting;
        } else {
            line.refusal = outcomes->at(i).error->message;
        }
    }
    return std::pair{preview, postings};
}

} // namespace hub
