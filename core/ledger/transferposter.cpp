// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ledger/transferposter.h"

#include "core/access/accesscontrol.h"
#include "core/audit/audittrail.h"
#include "core/ledger/accountbook.h"
#include "core/ledger/ledgercategories.h"
#include "core/ledger/transferchain.h"
#include "core/ledger/transferrules.h"
#include "core/ledger/transfersearch.h"
#include "core/settings/settingsservice.h"
#include "core/storage/database.h"
#include "core/storage/transaction.h"

#include <QDateTime>
#include <QHash>

#include <unordered_map>

namespace hub {

namespace {

// The same rules as pay(), against balances kept here: each account is
// read once and written once, and the chain is extended in memory.
class PendingBatch
{
public:
    PendingBatch(QSqlDatabase db, AccountBook &book, const TransferChain &chain, const HubSettings &settings)
        : m_db(std::move(db)), m_book(book), m_chain(chain), m_settings(settings)
    {}

    /// Finds where the batch links on to the chain.
    Status start();
    /// Posts one row on top of the rows before it, or says why not.
    Result<Posting> post(const TransferDraft &d);
    /// Writes the balance of every account the batch moved, once each.
    Status storeBalances() const;

private:
    Result<Account *> accountOf(MemberId m);
    Result<qint64> categoryOf(const QString &name);

    QSqlDatabase m_db;
    AccountBook &m_book;
    const TransferChain &m_chain;
    const HubSettings &m_settings;
    // A node-based map: the payer's Account * must stay valid while the
    // payee's entry is inserted (a QHash moves its entries when it grows).
    std::unordered_map<qint64, Account> m_accounts;
    QHash<qint64, QDateTime> m_touched;
    QHash<QString, qint64> m_categories;
    TransferId m_lastId;
    QString m_lastHash;
};

Status PendingBatch::start()
{
    auto end = TransferChain::chainEnd(m_db);
    if (!end)
        return fail(end.error());
    m_lastId = end->first;
    m_lastHash = end->second;
    return {};
}

Result<Account *> PendingBatch::accountOf(MemberId m)
{
    auto it = m_accounts.find(m.value());
    if (it == m_accounts.end()) {
        auto a = m_book.ensureAccount(m_db, m);
        if (!a)
            return fail(a.error());
        it = m_accounts.emplace(m.value(), *a).first;
    }
    return &it->second;
}

Result<qint64> PendingBatch::categoryOf(const QString &name)
{
    if (!m_categories.contains(name)) {
        auto id = LedgerCategories::categoryId(m_db, name);
        if (!id)
            return fail(id.error());
        m_categories.insert(name, *id);
    }
    return m_categories.value(name);
}

Result<Posting> PendingBatch::post(const TransferDraft &d)
{
    if (auto ok = TransferRules::validate(d); !ok)
        return fail(ok.error());
    auto payer = accountOf(d.payer);
    if (!payer)
        return fail(payer.error());
    auto payee = accountOf(d.payee);
    if (!payee)
        return fail(payee.error());
    auto after = TransferRules::checkRules(d, **payer, **payee, m_settings);
    if (!after)
        return fail(after.error());
    auto category = categoryOf(d.category.simplified());
    if (!category)
        return fail(category.error());
    const Transfer t =
        m_chain.build(d, **payer, **payee, std::nullopt, TransferId(m_lastId.value() + 1), m_lastHash, *category);
    if (auto ok = TransferChain::insert(m_db, t, *category); !ok)
        return fail(ok.error());
    Posting p{t, TransferRules::warningsFor(t, **payer, **payee, after->first, after->second, m_settings)};
    (*payer)->balance = after->first;
    (*payee)->balance = after->second;
    m_touched.insert((*payer)->id.value(), t.createdAt);
    m_touched.insert((*payee)->id.value(), t.createdAt);
    m_lastId = t.id;
    m_lastHash = t.hash;
    return p;
}

Status PendingBatch::storeBalances() const
{
    for (const auto &entry : m_accounts) {
        const Account &a = entry.second;
        if (m_touched.contains(a.id.value()))
            if (auto ok = AccountBook::storeBalance(m_db, a.id, a.balance, m_touched.value(a.id.value())); !ok)
                return ok;
    }
    return {};
}

} // namespace

TransferPoster::TransferPoster(std::shared_ptr<Database> db, const SettingsService &settings,
                               const AccessControl &access, AuditTrail &audit, AccountBook &accounts,
                               const TransferChain &chain, const TransferSearch &search)
    : m_db(std::move(db)), m_settings(settings), m_access(access), m_audit(audit), m_accounts(accounts), m_chain(chain),
      m_search(search), m_work(m_db, access, audit)
{}

Status TransferPoster::guardTransfer(const TransferDraft &d) const
{
    const bool granted = AccessControl::Grant::active(Permission::RecordTransfer);
    if (auto ok = m_access.require(Permission::RecordTransfer); !ok)
        return ok;
    if (d.overrideLimits)
        if (auto ok = m_access.require(Permission::Override); !ok)
            return ok;
    // The ceiling is for people who hold only the front-desk role: a
    // treasurer's transfer, a booking's own charge and the implicit admin pass.
    if (granted || m_access.isImplicitAdmin() || m_access.hasRole(Role::Treasurer))
        return {};
    const auto ceiling = m_access.frontDeskCeiling();
    if (ceiling && d.amount > *ceiling) {
        const auto s = m_settings.load();
        const auto money = [&](Amount a) {
            return s ? s->formatAmount(a) : a.toString(2);
        };
        return fail(Error::refused(tr("The front desk may record transfers of at most %1; %2 needs a treasurer.")
                                       .arg(money(*ceiling), money(d.amount)),
                                   QStringLiteral("amount")));
    }
    return {};
}

Result<Posting> TransferPoster::post(const QSqlDatabase &db, const TransferDraft &d, std::optional<TransferId> reverses)
{
    auto settings = m_settings.load();
    if (!settings)
        return fail(settings.error());
    if (auto ok = TransferRules::validate(d); !ok)
        return fail(ok.error());
    auto payer = m_accounts.ensureAccount(db, d.payer);
    if (!payer)
        return fail(payer.error());
    auto payee = m_accounts.ensureAccount(db, d.payee);
    if (!payee)
        return fail(payee.error());
    auto after = TransferRules::checkRules(d, *payer, *payee, *settings);
    if (!after)
        return fail(after.error());
    auto category = LedgerCategories::categoryId(db, d.category);
    if (!category)
        return fail(category.error());
    auto end = TransferChain::chainEnd(db);
    if (!end)
        return fail(end.error());
    const Transfer t =
        m_chain.build(d, *payer, *payee, reverses, TransferId(end->first.value() + 1), end->second, *category);
    if (auto ok = TransferChain::insert(db, t, *category); !ok)
        return fail(ok.error());
    if (auto ok = AccountBook::storeBalance(db, payer->id, after->first, t.createdAt); !ok)
        return fail(ok.error());
    if (auto ok = AccountBook::storeBalance(db, payee->id, after->second, t.createdAt); !ok)
        return fail(ok.error());
    const QString what = reverses ? QStringLiteral("transfer.reverse") : QStringLiteral("transfer.post");
    QString summary = reverses ? tr("%1 from account #%2 to #%3, reversing #%4")
                                     .arg(settings->formatAmount(t.amount))
                                     .arg(payer->id.value())
                                     .arg(payee->id.value())
                                     .arg(reverses->value())
                               : tr("%1 from account #%2 to #%3")
                                     .arg(settings->formatAmount(t.amount))
                                     .arg(payer->id.value())
                                     .arg(payee->id.value());
    if (d.overrideLimits)
        summary += tr("; limit override");
    if (auto ok = m_audit.record(what, QStringLiteral("transfer"), t.id.value(), summary); !ok)
        return fail(ok.error());
    return Posting{t, TransferRules::warningsFor(t, *payer, *payee, after->first, after->second, *settings)};
}

Status TransferPoster::guardBatch(const QList<TransferDraft> &drafts) const
{
    if (auto ok = m_access.require(Permission::Levy); !ok)
        return ok;
    for (const TransferDraft &d : drafts)
        if (d.overrideLimits)
            if (auto ok = m_access.require(Permission::Override); !ok)
                return ok;
    return {};
}

Result<QList<BatchOutcome>> TransferPoster::payAll(const QList<TransferDraft> &drafts, bool write)
{
    if (auto ok = guardBatch(drafts); !ok)
        return fail(ok.error());
    auto settings = m_settings.load();
    if (!settings)
        return fail(settings.error());
    auto tx = Transaction::begin(*m_db, Transaction::Mode::Immediate);
    if (!tx)
        return fail(tx.error());
    PendingBatch batch(tx->connection(), m_accounts, m_chain, *settings);
    if (auto ok = batch.start(); !ok)
        return fail(ok.error());
    bool allGood = true;
    QList<BatchOutcome> out;
    out.reserve(drafts.size());
    for (const TransferDraft &d : drafts) {
        BatchOutcome &outcome = out.emplace_back();
        auto row = batch.post(d);
        allGood = allGood && row.has_value();
        if (row)
            outcome.posting = std::move(*row);
        else
            outcome.error = std::move(row.error());
    }
    if (!allGood || !write)
        return out; // the guard rolls everything back
    if (auto ok = batch.storeBalances(); !ok)
        return fail(ok.error());
    if (!out.isEmpty())
        if (auto ok = auditBatch(out); !ok)
            return fail(ok.error());
    if (auto ok = tx->commit(); !ok)
        return fail(ok.error());
    return out;
}

Status TransferPoster::auditBatch(const QList<BatchOutcome> &out)
{
    return m_audit.record(QStringLiteral("transfer.batch"), QStringLiteral("transfer"),
                          out.first().posting->transfer.id.value(),
                          tr("%n transfer(s), #%1 to #%2", nullptr, int(out.size()))
                              .arg(out.first().posting->transfer.id.value())
                              .arg(out.last().posting->transfer.id.value()));
}

Result<Posting> TransferPoster::pay(const TransferDraft &draft)
{
    // The permission depends on the draft (an override, the front-desk ceiling).
    if (auto ok = guardTransfer(draft); !ok)
        return fail(ok.error());
    // post() records its own audit row: it is also the body of reverse().
    return m_work.run<Posting>(std::nullopt,
                               [&](Write &w) -> Result<Posting> { return post(w.connection(), draft, std::nullopt); });
}

Result<Posting> TransferPoster::reverse(TransferId original, const QString &memo, bool overrideLimits,
                                        const QString &overrideNote)
{
    if (auto ok = m_access.require(Permission::ReverseTransfer); !ok)
        return fail(ok.error());
    if (overrideLimits)
        if (auto ok = m_access.require(Permission::Override); !ok)
            return fail(ok.error());
    return m_work.run<Posting>(std::nullopt, [&](Write &w) -> Result<Posting> {
        return reverseIn(w, original, memo, overrideLimits, overrideNote);
    });
}

Result<Posting> TransferPoster::reverseIn(Write &w, TransferId original, const QString &memo, bool overrideLimits,
                                          const QString &overrideNote)
{
    auto t = m_search.transfer(original);
    if (!t)
        return fail(t.error());
    if (t->reverses)
        return fail(Error::refused(tr("transfer #%1 is itself the reversal of #%2; post a new transfer instead")
                                       .arg(original.value())
                                       .arg(t->reverses->value())));
    if (t->reversedBy)
        return fail(Error::refused(
            tr("transfer #%1 was already reversed by #%2").arg(original.value()).arg(t->reversedBy->value())));
    TransferDraft d;
    d.payer = t->payee;
    d.payee = t->payer;
    d.amount = t->amount;
    d.memo = memo.trimmed().isEmpty() ? TransferRules::reversalMemo(*t) : memo;
    d.category = t->category;
    d.reference = tr("reverses #%1").arg(original.value());
    d.overrideLimits = overrideLimits;
    d.overrideNote = overrideNote;
    return post(w.connection(), d, original);
}

} // namespace hub
