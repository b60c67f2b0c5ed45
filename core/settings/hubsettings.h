// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/amount.h"

#include <QString>
#include <QTimeZone>

#include <optional>

namespace hub {

/// The hub-wide settings, read as one value.
struct HubSettings
{
    QString name;
    QString timeZone;   ///< IANA id, e.g. "Europe/London"
    QString unitName;   ///< e.g. "Hours" or "Credits"
    QString unitSymbol; ///< may be empty
    int decimals = 2;
    Amount defaultLimitMin;                ///< lowest balance a new account may reach (≤ 0)
    std::optional<Amount> defaultLimitMax; ///< highest balance, if any

    /// Defaults for a new hub: the system's time zone, "Hours" with 2 decimals.
    static HubSettings defaults();

    /// "12.50 Hours"
    QString formatAmount(Amount amount) const;
    /// The hub's time zone; UTC if the stored name is unknown on this computer.
    QTimeZone zone() const;
};

} // namespace hub
