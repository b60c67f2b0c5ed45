// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>

namespace hub {

struct Account;

/// Where an account's balance stands against its limits: the one rule for
/// "at a limit" and "near a limit", used by the Ledger page's and hubctl's
/// "near the limit" filter (in SQL) and by the ledger activity report (in
/// memory), so the two never disagree.
struct AccountPosition
{
    qint64 balance = 0;
    qint64 limitMin = 0;            ///< ≤ 0; 0 means no debit is allowed
    std::optional<qint64> limitMax; ///< > 0 when set
    std::optional<qint64> warnMin;  ///< the account's own warning level

    static AccountPosition of(const Account &account);

    /// At or past the lower limit (when debit is allowed) or the upper one.
    bool atLimit() const;
    /// Not at a limit, but at or below the warning level, or within 10 % of
    /// the lower limit.
    bool nearLimit() const;
    /// At or near a limit: what "near the limit only" lists.
    bool atRisk() const { return atLimit() || nearLimit(); }

    /// atRisk() as an SQL condition over the accounts table aliased `a`.
    static QString atRiskSql();
};

} // namespace hub
