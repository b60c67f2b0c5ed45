// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/spaces/space.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

#include <functional>

namespace hub {

class Hub;

/// One VEVENT of an imported file and what became (or would become) of it.
struct CalendarImportEvent
{
    enum class Outcome
    {
        Book,         ///< booked (or, in a dry run, would be)
        AlreadyThere, ///< its UID was imported before; not booked twice
        Skipped,      ///< cancelled in the file, or part of a series that is not booked
        Refused,      ///< the booking rules refuse it (clash, hours, closed day …)
        Unreadable,   ///< the event makes no sense as a booking
    };

    int line = 0; ///< the BEGIN:VEVENT line
    QString uid;
    QString title;
    QDateTime start; ///< UTC; a repeating event's first date
    QDateTime end;   ///< UTC
    bool allDay = false;
    QDate changesDate; ///< RECURRENCE-ID: the local date of the series it changes
    QString plan;      ///< what is (or would be) booked, in plain words
    int bookings = 0;  ///< how many bookings it makes
    Outcome outcome = Outcome::Book;
    QString problem;         ///< why refused, unreadable, skipped or already there
    int problemLine = 0;     ///< the .ics line the problem is about
    QList<BookingId> booked; ///< after an import that wrote

    bool blocks() const { return outcome == Outcome::Refused || outcome == Outcome::Unreadable; }
    static QString outcomeName(Outcome outcome);
};

/// What an import (or its dry run) found.
struct CalendarImportReport
{
    bool dryRun = false;
    bool written = false; ///< the bookings were committed
    QList<CalendarImportEvent> events;

    int bookings() const;
    int count(CalendarImportEvent::Outcome outcome) const;
    /// Nothing refused and nothing unreadable: the import can be (or was) written.
    bool ok() const;
    /// Unreadable events come first: the file must be fixed (exit 2); then
    /// refusals (exit 3); 0 when ok.
    int exitCode() const;
};

/// Reads an .ics file into one space through libical, all or nothing.
///
/// Times: DTSTART/DTEND with a TZID (IANA or Windows names, or a VTIMEZONE
/// in the file), UTC ('Z') and floating times (taken in the hub's zone).
/// All-day events book the space from its opening to its closing time that
/// day (the whole day where it is always open); a closed day is refused.
/// A repeating event in the hub's zone whose RRULE Hubkeeper can edit is
/// stored as a series (BookingService::bookSeries), its EXDATEs cancelled and
/// its RECURRENCE-ID overrides kept as exceptions; any other rule is expanded
/// and booked date by date. STATUS:CANCELLED events are skipped. Each UID is
/// kept, so importing the same file again reports what is already there.
/// Every event is tried inside one transaction, rolled back after a dry run
/// or when anything is refused.
class ICalendarImporter
{
    Q_DECLARE_TR_FUNCTIONS(hub::ICalendarImporter)
public:
    /// Events handled so far out of `total`; return false to cancel.
    using Progress = std::function<bool(int done, int total)>;

    explicit ICalendarImporter(Hub &hub);

    /// A file that is not iCalendar (or breaks its syntax) is an invalid
    /// error naming the line; an unknown space is not-found. Refusals and
    /// unreadable events are in the report, and then nothing is written.
    Result<CalendarImportReport> run(const QByteArray &ics, SpaceId space, bool dryRun, const Progress &progress = {});

private:
    // One call of run() is an ICalendarImportRun, so libical stays out of
    // this header.
    Hub &m_hub;
};

} // namespace hub
