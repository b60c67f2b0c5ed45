// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/ledger/ledger.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace hub {

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

} // namespace hub
