// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/clock.h"
#include "core/common/error.h"
#include "core/ledger/ledger.h"
#include "core/ledger/ledgertypes.h"
#include "core/settings/hubsettings.h"
#include "core/storage/keysetorder.h"
#include "core/storage/unitofwork.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <memory>

namespace hub {

class AccessControl;
class AuditTrail;
class Database;
class MemberService;
class SettingsService;

/// The members' credit accounts: each opens at zero with the hub's default
/// limits on first use; their lists, limits and status.
class AccountBook
{
    // The ledger's texts keep the one translation context they always had.
    Q_DECLARE_TR_FUNCTIONS(hub::LedgerService)
public:
    AccountBook(std::shared_ptr<Database> db, const SettingsService &settings, MemberService &members,
                const Clock &clock, const QString &actor, const AccessControl &access, AuditTrail &audit);

    /// The member's account, opened with the hub's default limits on first use.
    Result<Account> account(MemberId member);
    /// The hub's own account (an organisation member named after the hub).
    Result<Account> hubAccount();
    Result<QList<Account>> accounts(const AccountFilter &filter, int limit, AccountSort sort, bool descending) const;
    /// The accounts after `after` (keyset paging), and the key of the page after them.
    Result<Page<Account>> accountPage(const AccountFilter &filter, const PageKey &after, int limit, AccountSort sort,
                                      bool descending) const;
    Result<int> accountCount(const AccountFilter &filter) const;

    Status setLimits(MemberId member, const LimitChange &change);
    /// Frozen accounts receive but do not pay; an account closes only at zero.
    Status setStatus(MemberId member, AccountStatus status);

    /// account() on a connection already writing, as a posting reads its two sides.
    Result<Account> ensureAccount(const QSqlDatabase &db, MemberId member);
    /// Writes a balance a posting has computed, and when the account last moved.
    static Status storeBalance(const QSqlDatabase &db, AccountId account, Amount balance, const QDateTime &at);

private:
    // The bodies of the writes above, inside their unit of work.
    Result<Account> hubAccountIn(Write &w);
    Status setLimitsIn(Write &w, MemberId member, const LimitChange &change, const HubSettings &settings);

    std::shared_ptr<Database> m_db;
    const SettingsService &m_settings;
    MemberService &m_members;
    const Clock &m_clock;
    const QString &m_actor;
    const AccessControl &m_access;
    UnitOfWork m_work;
};

} // namespace hub
