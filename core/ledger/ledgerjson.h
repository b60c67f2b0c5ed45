// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ledger/ledger.h"
#include "core/settings/hubsettings.h"

#include <QJsonObject>

namespace hub {

/// JSON shapes of the ledger, shared by hubctl and subject access. Amounts
/// appear as text in the hub's unit and as integer minor units.
class LedgerJson
{
public:
    static QJsonObject account(const Account &a, const HubSettings &s);
    static QJsonObject transfer(const Transfer &t, const HubSettings &s);
    static QJsonObject statement(const Statement &st, const HubSettings &s);
    /// "amount": "12.50", "amount_minor": 1250
    static void insertAmount(QJsonObject &o, const QString &key, const std::optional<Amount> &a, const HubSettings &s);
};

} // namespace hub
