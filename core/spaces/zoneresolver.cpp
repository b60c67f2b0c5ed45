// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/spaces/zoneresolver.h"

#include <QList>

namespace hub {

std::optional<EventZone> ZoneResolver::resolve(const QString &tzid) const
{
    EventZone z;
    z.name = tzid;
    const QByteArray id = tzid.trimmed().toUtf8();
    if (QTimeZone::isTimeZoneIdAvailable(id)) {
        z.qt = QTimeZone(id);
        return z;
    }
    // "/freeassociation.sourceforge.net/Europe/London", "/mozilla.org/20050126_1/America/New_York".
    const QList<QByteArray> parts = id.split('/');
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QByteArray tail = parts.mid(i).join('/');
        if (tail.contains('/') && QTimeZone::isTimeZoneIdAvailable(tail)) {
            z.qt = QTimeZone(tail);
            return z;
        }
    }
    // Outlook writes Windows names: "GMT Standard Time".
    const QByteArray iana = QTimeZone::windowsIdToDefaultIanaId(id);
    if (!iana.isEmpty() && QTimeZone::isTimeZoneIdAvailable(iana)) {
        z.qt = QTimeZone(iana);
        return z;
    }
    if (icaltimezone *own = icalcomponent_get_timezone(m_calendar, id.constData())) {
        const char *location = icaltimezone_get_location(own);
        if (location && QTimeZone::isTimeZoneIdAvailable(QByteArray(location))) {
            z.qt = QTimeZone(QByteArray(location));
            return z;
        }
        z.file = own;
        return z;
    }
    return std::nullopt;
}

EventZone ZoneResolver::floating() const
{
    EventZone z;
    z.qt = m_hub;
    z.floating = true;
    z.name = QString::fromUtf8(m_hub.id());
    return z;
}

EventZone ZoneResolver::utc() const
{
    EventZone z;
    z.qt = QTimeZone::utc();
    z.name = QStringLiteral("UTC");
    return z;
}

} // namespace hub
