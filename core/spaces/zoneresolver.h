// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/spaces/eventzone.h"

#include <QTimeZone>

#include <libical/ical.h>
#include <optional>

namespace hub {

/// Finds the zone a TZID of an imported calendar names: an IANA id (also
/// behind libical's and Mozilla's prefixes), a Windows name, or a VTIMEZONE
/// of the file itself.
class ZoneResolver
{
public:
    ZoneResolver(icalcomponent *calendar, const QTimeZone &hub) : m_calendar(calendar), m_hub(hub) {}

    /// Nothing when neither this computer nor the file knows the zone.
    std::optional<EventZone> resolve(const QString &tzid) const;
    /// For times without a zone: the hub's.
    EventZone floating() const;
    EventZone utc() const;

private:
    icalcomponent *m_calendar;
    QTimeZone m_hub;
};

} // namespace hub
