// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/settings/hubsettings.h"

#include <QTimeZone>

namespace hub {

HubSettings HubSettings::defaults()
{
    HubSettings s;
    s.name = QStringLiteral("My Community Hub");
    QString zone = QString::fromUtf8(QTimeZone::systemTimeZoneId());
    if (zone.isEmpty() || !QTimeZone::isTimeZoneIdAvailable(zone.toUtf8()))
        zone = QStringLiteral("UTC");
    s.timeZone = zone;
    s.unitName = QStringLiteral("Hours");
    s.unitSymbol = QStringLiteral("h");
    s.decimals = 2;
    s.defaultLimitMin = Amount::fromMinor(-20 * 100);
    return s;
}

QTimeZone HubSettings::zone() const
{
    const QTimeZone z(timeZone.toUtf8());
    return z.isValid() ? z : QTimeZone::utc();
}

QString HubSettings::formatAmount(Amount amount) const
{
    return amount.toString(decimals) + u' ' + unitName;
}

} // namespace hub
