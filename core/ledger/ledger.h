// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/amount.h"
#include "core/common/ids.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace hub {

using AccountId = Id<struct AccountTag>;
using TransferId = Id<struct TransferTag>;

enum class AccountStatus
{
    Open,
    Frozen,
    Closed
};
QString toString(AccountStatus status);
std::optional<AccountStatus> accountStatusFrom(const QString &text);

/// A member's credit account. Balances start at zero and move only by transfers.
struct Account
{
    AccountId id;
    MemberId member;
    QString memberName;
    bool isHub = false;
    AccountStatus status = AccountStatus::Open;
    Amount balance;
    Amount limitMin;                ///< ≤ 0: the balance may not go below it
    std::optional<Amount> limitMax; ///< > 0: the balance may not go above it
    std::optional<Amount> warnMin;  ///< soft warning level above limitMin
    QDateTime openedAt;
    QDateTime lastActivityAt;
};

/// What a person enters to move credit.
struct TransferDraft
{
    MemberId payer;
    MemberId payee;
    Amount amount;
    QString memo;
    QString category;  ///< optional; a new name joins the managed list
    QString reference; ///< optional, e.g. "booking #12"
    /// A treasurer's override of a limit; its note is recorded on the transfer.
    bool overrideLimits = false;
    QString overrideNote;
};

/// A posted transfer. Immutable once written.
struct Transfer
{
    TransferId id;
    AccountId payerAccount;
    AccountId payeeAccount;
    MemberId payer;
    MemberId payee;
    QString payerName;
    QString payeeName;
    Amount amount;
    QString memo;
    QString category;
    QString reference;
    std::optional<TransferId> reverses;
    std::optional<TransferId> reversedBy;
    QString overrideNote;
    QString enteredBy;
    QDateTime createdAt; ///< UTC
    QString prevHash;
    QString hash;

    /// A reversal is undone by posting anew; a transfer is reversed once.
    bool isReversible() const { return !reverses && !reversedBy; }
};

/// A transfer that went through, and the soft warnings it crossed.
struct Posting
{
    Transfer transfer;
    QStringList warnings;
};

/// One line of a statement: a transfer seen from one account.
struct StatementLine
{
    Transfer transfer;
    Amount change; ///< + received, − paid
    Amount runningBalance;
};

/// An account's statement for a period in the hub's time zone.
struct Statement
{
    Account account;
    QDate from;
    QDate to;
    Amount opening;
    Amount closing;
    Amount totalIn;
    Amount totalOut;
    QList<StatementLine> lines;
};

} // namespace hub
