// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ledger/accountposition.h"

#include "core/ledger/ledger.h"

namespace hub {

AccountPosition AccountPosition::of(const Account &account)
{
    AccountPosition p;
    p.balance = account.balance.minor();
    p.limitMin = account.limitMin.minor();
    if (account.limitMax)
        p.limitMax = account.limitMax->minor();
    if (account.warnMin)
        p.warnMin = account.warnMin->minor();
    return p;
}

bool AccountPosition::atLimit() const
{
    return (limitMin < 0 && balance <= limitMin) || (limitMax && balance >= *limitMax);
}

bool AccountPosition::nearLimit() const
{
    // Within 10 % of the lower limit: (balance - limitMin) ≤ |limitMin| / 10,
    // kept in integers.
    return !atLimit() && ((warnMin && balance <= *warnMin) || (limitMin < 0 && (balance - limitMin) * 10 <= -limitMin));
}

QString AccountPosition::atRiskSql()
{
    // The same three tests as atLimit() || nearLimit(), on the stored columns.
    return QStringLiteral(
        "((a.limit_min_minor < 0 AND a.balance_minor <= a.limit_min_minor) "
        "OR (a.limit_max_minor IS NOT NULL AND a.balance_minor >= a.limit_max_minor) "
        "OR (a.warn_min_minor IS NOT NULL AND a.balance_minor <= a.warn_min_minor) "
        "OR (a.limit_min_minor < 0 AND (a.balance_minor - a.limit_min_minor) * 10 <= -a.limit_min_minor))");
}

} // namespace hub
