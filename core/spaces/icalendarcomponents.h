// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/spaces/icalendarlines.h"
#include "core/spaces/icalendarvalues.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace hub {

/// The file as libical reads it. Each of the calendar's components is
/// parsed on its own, so which scanned one it came from is known, not
/// guessed from its position, and what libical could not read is reported
/// with the exact line.
class ICalendarComponents
{
    // Its messages are the importer's, as they were before it was split off.
    Q_DECLARE_TR_FUNCTIONS(hub::ICalendarImporter)
public:
    /// One of the calendar's own components as libical read it, with the
    /// scanned component it was rebuilt from.
    struct Part
    {
        icalcomponent *ical = nullptr; ///< owned by the calendar
        const ICalendarLines::Component *lines = nullptr;
    };

    /// What libical could not read in a component, and the line it is on.
    struct Unread
    {
        QString what;
        int line = 0;
    };

    /// Builds the VCALENDAR from the scan one component at a time; a file
    /// libical cannot read as a calendar, or whose calendar properties or
    /// time zones it cannot read, comes back as an invalid error naming the
    /// line. `lines` must outlive the result.
    static Result<ICalendarComponents> read(const ICalendarLines &lines);

    /// The calendar, with every part in it.
    icalcomponent *root() const { return m_root.get(); }
    /// In file order.
    const QList<Part> &parts() const { return m_parts; }

    /// libical marks what it could not read and goes on: the first such mark
    /// of the part, if any.
    static std::optional<Unread> unread(const Part &part);

private:
    Status checkTimeZones() const;

    IcalComponentPtr m_root;
    QList<Part> m_parts;
};

} // namespace hub
