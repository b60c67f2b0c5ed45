// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/spaces/icalendarexporter.h"

#include "core/spaces/icalendarexportrun.h"

namespace hub {

namespace {

// The right-hand side of our UIDs: the hub's name as a host-like word, so two
// hubs exporting booking #12 never send the same UID.
QString uidHost(const QString &hubName)
{
    QString host;
    for (const QChar c : hubName.toLower()) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'))
            host += c;
        else if (!host.isEmpty() && !host.endsWith(u'-'))
            host += u'-';
    }
    while (host.endsWith(u'-'))
        host.chop(1);
    if (host.isEmpty())
        host = QStringLiteral("hub");
    return host + QStringLiteral(".hubkeeper");
}

} // namespace

ICalendarExporter::ICalendarExporter(Hub &hub) : m_hub(hub)
{}

QString ICalendarExporter::bookingUid(BookingId id, const QString &hubName)
{
    return QStringLiteral("booking-%1@%2").arg(id.value()).arg(uidHost(hubName));
}

QString ICalendarExporter::seriesUid(SeriesId id, const QString &hubName)
{
    return QStringLiteral("series-%1@%2").arg(id.value()).arg(uidHost(hubName));
}

Result<int> ICalendarExporter::write(QIODevice &out, const CalendarExportOptions &options, const Progress &progress)
{
    return ICalendarExportRun(m_hub, out, options).write(progress);
}

} // namespace hub
