// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/clock.h"
#include "core/common/error.h"
#include "core/ledger/accountbook.h"
#include "core/ledger/ledger.h"
#include "core/ledger/ledgercategories.h"
#include "core/ledger/ledgertypes.h"
#include "core/ledger/ledgerverifier.h"
#include "core/ledger/transferchain.h"
#include "core/ledger/transferposter.h"
#include "core/ledger/transferrules.h"
#include "core/ledger/transfersearch.h"
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

/// The mutual credit ledger, as the rest of the hub sees it: one front door
/// to its parts, each of which keeps one kind of its rules. Accounts start at
/// zero (AccountBook), transfers are checked (TransferRules) and posted inside
/// BEGIN IMMEDIATE so two desks cannot overspend together (TransferPoster),
/// they are immutable and hash-chained (TransferChain) and checked against
/// the stored balances (LedgerVerifier).
/// After KeePassXC, whose Database leaves merging and searching to a Merger
/// and an EntrySearcher.
class LedgerService
{
    Q_DECLARE_TR_FUNCTIONS(hub::LedgerService)
public:
    static constexpr int MaxMemoLength = TransferRules::MaxMemoLength;
    static constexpr int MaxCategoryLength = TransferRules::MaxCategoryLength;
    static constexpr int MaxReferenceLength = TransferRules::MaxReferenceLength;

    LedgerService(std::shared_ptr<Database> db, SettingsService &settings, MemberService &members, const Clock &clock,
                  const QString &actor, AccessControl &access, AuditTrail &audit);
    // The parts hold references to each other.
    Q_DISABLE_COPY_MOVE(LedgerService)

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
    Result<QList<Account>> accounts(const AccountFilter &filter = {}, int limit = -1,
                                    AccountSort sort = AccountSort::Name, bool descending = false) const;
    /// The accounts after `after` (keyset paging: no OFFSET), and the key of the page after them.
    Result<Page<Account>> accountPage(const AccountFilter &filter, const PageKey &after, int limit,
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
    Result<QList<Transfer>> transfers(const TransferFilter &filter = {}, int limit = -1, bool newestFirst = true) const;
    /// The transfers after `after` (keyset paging: no OFFSET), and the key of the page after them.
    Result<Page<Transfer>> transferPage(const TransferFilter &filter, const PageKey &after, int limit,
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
    // Declared in the order they are built: each part is built after the parts it uses.
    AccountBook m_accounts;
    TransferChain m_chain;
    LedgerCategories m_categories;
    TransferSearch m_search;
    TransferPoster m_poster;
    LedgerVerifier m_verifier;
};

} // namespace hub
