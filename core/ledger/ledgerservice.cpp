// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ledger/ledgerservice.h"

namespace hub {

LedgerService::LedgerService(std::shared_ptr<Database> db, SettingsService &settings, MemberService &members,
                             const Clock &clock, const QString &actor, AccessControl &access, AuditTrail &audit)
    : m_accounts(db, settings, members, clock, actor, access, audit), m_chain(clock, actor, access),
      m_categories(db, access, audit), m_search(db, settings, m_accounts),
      m_poster(db, settings, access, audit, m_accounts, m_chain, m_search), m_verifier(std::move(db))
{}

Status LedgerService::validate(const TransferDraft &draft)
{
    return TransferRules::validate(draft);
}

QList<Error> LedgerService::problems(const TransferDraft &draft)
{
    return TransferRules::problems(draft);
}

QString LedgerService::reversalMemo(const Transfer &original)
{
    return TransferRules::reversalMemo(original);
}

QString LedgerService::hashOf(const Transfer &t, qint64 categoryId)
{
    return TransferChain::hashOf(t, categoryId);
}

Result<Account> LedgerService::account(MemberId member)
{
    return m_accounts.account(member);
}

Result<Account> LedgerService::hubAccount()
{
    return m_accounts.hubAccount();
}

Result<QList<Account>> LedgerService::accounts(const AccountFilter &filter, int limit, AccountSort sort,
                                               bool descending) const
{
    return m_accounts.accounts(filter, limit, sort, descending);
}

Result<Page<Account>> LedgerService::accountPage(const AccountFilter &filter, const PageKey &after, int limit,
                                                 AccountSort sort, bool descending) const
{
    return m_accounts.accountPage(filter, after, limit, sort, descending);
}

Result<int> LedgerService::accountCount(const AccountFilter &filter) const
{
    return m_accounts.accountCount(filter);
}

Status LedgerService::setLimits(MemberId member, const LimitChange &change)
{
    return m_accounts.setLimits(member, change);
}

Status LedgerService::setStatus(MemberId member, AccountStatus status)
{
    return m_accounts.setStatus(member, status);
}

Result<Posting> LedgerService::pay(const TransferDraft &draft)
{
    return m_poster.pay(draft);
}

Result<QList<BatchOutcome>> LedgerService::payAll(const QList<TransferDraft> &drafts, bool write)
{
    return m_poster.payAll(drafts, write);
}

Result<Posting> LedgerService::reverse(TransferId original, const QString &memo, bool overrideLimits,
                                       const QString &overrideNote)
{
    return m_poster.reverse(original, memo, overrideLimits, overrideNote);
}

Result<Transfer> LedgerService::transfer(TransferId id) const
{
    return m_search.transfer(id);
}

Result<QList<Transfer>> LedgerService::transfers(const TransferFilter &filter, int limit, bool newestFirst) const
{
    return m_search.transfers(filter, limit, newestFirst);
}

Result<Page<Transfer>> LedgerService::transferPage(const TransferFilter &filter, const PageKey &after, int limit,
                                                   bool newestFirst) const
{
    return m_search.transferPage(filter, after, limit, newestFirst);
}

Result<int> LedgerService::transferCount(const TransferFilter &filter) const
{
    return m_search.transferCount(filter);
}

Result<Statement> LedgerService::statement(MemberId member, QDate from, QDate to)
{
    return m_search.statement(member, from, to);
}

QDateTime LedgerService::startOfDay(QDate date) const
{
    return m_search.startOfDay(date);
}

Result<QStringList> LedgerService::categories() const
{
    return m_categories.categories();
}

Status LedgerService::addCategory(const QString &name)
{
    return m_categories.addCategory(name);
}

QList<Finding> LedgerService::verify() const
{
    return m_verifier.verify();
}

} // namespace hub
