// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/spaces/icalendarimporter.h"

#include "core/spaces/icalendarimportrun.h"

#include <algorithm>

namespace hub {

QString CalendarImportEvent::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Book:
        return QStringLiteral("book");
    case Outcome::AlreadyThere:
        return QStringLiteral("already-there");
    case Outcome::Skipped:
        return QStringLiteral("skipped");
    case Outcome::Refused:
        return QStringLiteral("refused");
    case Outcome::Unreadable:
        return QStringLiteral("unreadable");
    }
    return QStringLiteral("book");
}

int CalendarImportReport::bookings() const
{
    int n = 0;
    for (const CalendarImportEvent &e : events)
        if (e.outcome == CalendarImportEvent::Outcome::Book)
            n += e.bookings;
    return n;
}

int CalendarImportReport::count(CalendarImportEvent::Outcome outcome) const
{
    return int(std::count_if(events.cbegin(), events.cend(),
                             [outcome](const CalendarImportEvent &e) { return e.outcome == outcome; }));
}

bool CalendarImportReport::ok() const
{
    return std::none_of(events.cbegin(), events.cend(), [](const CalendarImportEvent &e) { return e.blocks(); });
}

int CalendarImportReport::exitCode() const
{
    if (count(CalendarImportEvent::Outcome::Unreadable) > 0)
        return int(ErrorKind::Invalid);
    if (count(CalendarImportEvent::Outcome::Refused) > 0)
        return int(ErrorKind::Refused);
    return 0;
}

ICalendarImporter::ICalendarImporter(Hub &hub) : m_hub(hub)
{}

Result<CalendarImportReport> ICalendarImporter::run(const QByteArray &ics, SpaceId spaceId, bool dryRun,
                                                    const Progress &progress)
{
    return ICalendarImportRun(m_hub, dryRun, progress).run(ics, spaceId);
}

} // namespace hub
