// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/clock.h"
#include "core/common/error.h"
#include "core/ledger/ledger.h"
#include "core/settings/hubsettings.h"
#include "core/storage/integritychecker.h"
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

/// Which accounts a list is about.
struct AccountFilter
{
    QString search; ///< member name words, as in the Members search
    std::optional<AccountStatus> status;
    bool atRiskOnly = false; ///< at or near a limit (AccountPosition::atRisk)
};

enum class AccountSort
{
    Name,
    Balance,
    LastActivity
};

/// Which transfers a list is about.
struct TransferFilter
{
    std::optional<MemberId> member; ///< paid or received by this member
    QDateTime from;                 ///< UTC, inclusive; invalid = open
    QDateTime to;                   ///< UTC, exclusive; invalid = open
    QString category;
};

/// A limit change; a change that would leave the balance in breach needs an override.
struct LimitChange
{
    Amount min;
    std::optional<Amount> max;
    std::optional<Amount> warn;
    bool override = false;
    QString note;
};

/// One row of a batch: posted, or why not.
struct BatchOutcome
{
    std::optional<Posting> posting;
    std::optional<Error> error;
};

/// The mutual credit ledger. Every rule of it lives here: accounts start at
/// zero, limits are checked inside BEGIN IMMEDIATE so two desks cannot
/// overspend together, transfers are immutable and hash-chained.
class LedgerService
{
    Q_DECLARE_TR_FUNCTIONS(hub::LedgerService)
public:
    static constexpr int MaxMemoLength = 500;
    static constexpr int MaxCategoryLength = 40;
    static constexpr int MaxReferenceLength = 100;

    LedgerService(std::shared_ptr<Database> db, SettingsService &settings, MemberService &members, const Clock &clock,
                  const QString &actor, AccessControl &access, AuditTrail &audit);

    /// The field checks of a transfer (payer, payee, amount, memo, ...), before any balance is read.
    static Status validate(const TransferDraft &draft);
    /// Every field problem of a transfer, the first being the one validate()
    /// reports, so a form can mark each bad field at once.
    static QList<Error> problems(const TransferDraft &draft);
    /// The memo reverse() writes when it is given none.
    static QString reversalMemo(const Transfer &original);

    /// The member's account, opened with the hub's default limits on first use.
    Result<Account> account(MemberId member);
    /// The hub's own account (an organisation member named after the hub).
    Result<Account> hubAccount();
    Result<QList<Account>> accounts(const AccountFilter &filter = {}, int limit = -1, int offset = 0,
                                    AccountSort sort = AccountSort::Name, bool descending = false) const;
    Result<int> accountCount(const AccountFilter &filter = {}) const;

    /// Posts one transfer. Refused (nothing written) when a rule says no; the
    /// message says the limit, the balance and by how much it would breach.
    Result<Posting> pay(const TransferDraft &draft);
    /// Posts many transfers in order in one transaction, each under the same
    /// rules as pay(): every row or none. With any refused row, or when
    /// `write` is false (a dry run), nothing is written; the outcome of every
    /// row says what was (or would be) posted or why not.
    Result<QList<BatchOutcome>> payAll(const QList<TransferDraft> &drafts, bool write = true);
    /// Posts the opposite of `original`, naming it. A transfer is reversed once.
    Result<Posting> reverse(TransferId original, const QString &memo = {}, bool overrideLimits = false,
                            const QString &overrideNote = {});

    Status setLimits(MemberId member, const LimitChange &change);
    /// Frozen accounts receive but do not pay; an account closes only at zero.
    Status setStatus(MemberId member, AccountStatus status);

    Result<Transfer> transfer(TransferId id) const;
    Result<QList<Transfer>> transfers(const TransferFilter &filter = {}, int limit = -1, int offset = 0,
                                      bool newestFirst = true) const;
    Result<int> transferCount(const TransferFilter &filter = {}) const;
    /// Opening balance, each transfer with its running balance, closing, totals.
    Result<Statement> statement(MemberId member, QDate from, QDate to);

    Result<QStringList> categories() const;
    Status addCategory(const QString &name);

    /// The zero sum, every stored balance against its transfers, the hash
    /// chain and the limits: each failing row is named.
    QList<Finding> verify() const;

    /// The UTC instant where a hub-local date begins.
    QDateTime startOfDay(QDate date) const;

    /// SHA-256 over a transfer's canonical fields and the previous hash.
    static QString hashOf(const Transfer &t, qint64 categoryId);

private:
    /// The permission checks of a new transfer: who may record one, override
    /// a limit, and the front-desk ceiling.
    Status guardTransfer(const TransferDraft &draft) const;
    Result<Account> ensureAccount(const QSqlDatabase &db, MemberId member);
    // The bodies of the writes above, inside their unit of work.
    Result<Account> hubAccountIn(Write &w);
    Result<Posting> reverseIn(Write &w, TransferId original, const QString &memo, bool overrideLimits,
                              const QString &overrideNote);
    Status setLimitsIn(Write &w, MemberId member, const LimitChange &change, const HubSettings &settings);
    Result<Posting> post(const QSqlDatabase &db, const TransferDraft &draft, std::optional<TransferId> reverses);
    static Result<std::pair<Amount, Amount>> checkRules(const TransferDraft &d, const Account &payer,
                                                        const Account &payee, const HubSettings &settings);
    static QStringList warningsFor(const Transfer &t, const Account &payer, const Account &payee, Amount payerAfter,
                                   Amount payeeAfter, const HubSettings &settings);
    static Result<qint64> categoryId(const QSqlDatabase &db, const QString &category);
    static Result<std::pair<TransferId, QString>> chainEnd(const QSqlDatabase &db);
    static Status insert(const QSqlDatabase &db, const Transfer &t, qint64 categoryId);
    static Status storeBalance(const QSqlDatabase &db, AccountId account, Amount balance, const QDateTime &at);
    Transfer build(const TransferDraft &d, const Account &payer, const Account &payee,
                   std::optional<TransferId> reverses, TransferId id, const QString &prevHash, qint64 categoryId) const;

    std::shared_ptr<Database> m_db;
    SettingsService &m_settings;
    MemberService &m_members;
    const Clock &m_clock;
    const QString &m_actor;
    AccessControl &m_access;
    AuditTrail &m_audit;
    UnitOfWork m_work;
};

} // namespace hub
