// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/spaces/space.h"

#include <QCoreApplication>
#include <QDate>

#include <functional>
#include <optional>

class QIODevice;

namespace hub {

class Hub;

/// Which bookings an iCalendar export holds.
struct CalendarExportOptions
{
    std::optional<SpaceId> space; ///< none: every space
    QDate from;                   ///< first local day; invalid = open
    QDate to;                     ///< last local day, included; invalid = open
};

/// Writes bookings as an RFC 5545 calendar built with libical: a VTIMEZONE
/// for the hub's zone, one VEVENT per single booking with local times, and
/// one VEVENT with RRULE and EXDATEs per series plus a RECURRENCE-ID VEVENT
/// for each occurrence that differs from its series. Events are written one
/// by one, so a year of a busy hub never sits in memory as one string.
/// No e-mail address leaves the hub; the booker's name only where the member
/// agreed to be in the shared directory.
class ICalendarExporter
{
    Q_DECLARE_TR_FUNCTIONS(hub::ICalendarExporter)
public:
    /// Bookings written so far out of `total`; return false to cancel.
    using Progress = std::function<bool(int done, int total)>;

    explicit ICalendarExporter(Hub &hub);

    /// Writes the calendar; returns how many VEVENTs it holds.
    Result<int> write(QIODevice &out, const CalendarExportOptions &options, const Progress &progress = {});

    /// The UID of a booking made here: "booking-12@riverside-hub.hubkeeper".
    static QString bookingUid(BookingId id, const QString &hubName);
    /// The UID of a series made here.
    static QString seriesUid(SeriesId id, const QString &hubName);

private:
    Hub &m_hub;
};

} // namespace hub
