// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/amount.h"
#include "core/common/ids.h"
#include "core/ledger/ledger.h"
#include "core/spaces/recurrence.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace hub {

using SpaceId = Id<struct SpaceTag>;
using BookingId = Id<struct BookingTag>;
using SeriesId = Id<struct SeriesTag>;
using ClosureId = Id<struct ClosureTag>;

/// One day's opening, in minutes after local midnight (closes may be 1440).
struct DayHours
{
    int opens = 0;
    int closes = 24 * 60;
    bool operator==(const DayHours &) const = default;
};

/// A space's opening hours per weekday, in the hub's time zone. A weekday
/// without hours is a closed day.
struct OpeningHours
{
    std::array<std::optional<DayHours>, 7> days; ///< [0] = Monday … [6] = Sunday

    /// Open all day, every day: what a space has until someone says otherwise,
    /// so a new space never refuses bookings for hours nobody entered.
    static OpeningHours always();
    /// Hours of a Qt weekday (1 = Monday … 7 = Sunday).
    std::optional<DayHours> on(int weekday) const { return days.at(weekday - 1); }
    bool operator==(const OpeningHours &) const = default;
};

/// A bookable room or area of the hub.
struct Space
{
    SpaceId id;
    QString name;
    QString description;
    int capacity = 1;
    std::optional<Amount> rate; ///< credits per hour; none = free
    int setupMinutes = 0;       ///< kept free before each booking
    int cleanupMinutes = 0;     ///< kept free after each booking
    QStringList features;
    QString colour; ///< #rrggbb, for the calendar
    bool active = true;
    OpeningHours hours = OpeningHours::always();
};

enum class BookingStatus
{
    Tentative,
    Confirmed,
    Cancelled
};
QString toString(BookingStatus status);
std::optional<BookingStatus> bookingStatusFrom(const QString &text);

/// What a person enters to book a space once.
struct BookingDraft
{
    SpaceId space;
    QString title;
    std::optional<MemberId> member; ///< none: the hub's own use
    int attendees = 0;
    QDateTime start; ///< any time spec; stored as UTC
    QDateTime end;
    bool tentative = false;
    QString notes;
    /// Booking outside the opening hours needs a note saying why; it is recorded.
    QString outsideHoursOverride;
    /// More attendees than the capacity needs a note saying why; it is recorded.
    QString capacityOverride;
    /// Charge the space's hourly rate to the booker's account (a ledger
    /// transfer to the hub, in the same transaction as the booking).
    bool charge = false;
    /// Repeats: BookingService::bookSeries() books every date or none.
    std::optional<Recurrence> repeat;
    /// With a series: book the free dates and report the clashing ones.
    bool skipClashes = false;
    /// iCalendar UID of an imported event; empty = made here.
    QString uid;
};

/// A stored booking.
struct Booking
{
    BookingId id;
    SpaceId space;
    QString spaceName;
    QString title;
    std::optional<MemberId> member;
    QString memberName;
    int attendees = 0;
    QDateTime start; ///< UTC
    QDateTime end;   ///< UTC
    QString zone;    ///< IANA id the wall-clock times were made in
    BookingStatus status = BookingStatus::Confirmed;
    QString notes;
    QString outsideHoursOverride;
    QString capacityOverride;
    QString createdBy;
    QDateTime createdAt; ///< UTC
    std::optional<SeriesId> series;
    QDate occurrence;                         ///< the occurrence's local date in its series (RECURRENCE-ID)
    bool exception = false;                   ///< edited on its own; series edits leave it alone
    std::optional<TransferId> charge;         ///< the transfer that charged the booker
    std::optional<TransferId> chargeReversal; ///< the transfer that gave it back
    QString uid;

    bool isLive() const { return status != BookingStatus::Cancelled; }
};

/// A recurring series: the rule and the wall-clock start of its first date.
/// Its occurrences are ordinary bookings with `series` set.
struct BookingSeries
{
    SeriesId id;
    SpaceId space;
    QString rrule;        ///< RFC 5545 RRULE value
    QDateTime firstStart; ///< local, in `zone`
    int durationMinutes = 0;
    QString zone;
    bool charge = false;
    std::optional<Recurrence> recurrence; ///< none when the rule came from an import we cannot edit
};

/// One date of a series as it would be booked, and what stands in its way.
struct SeriesOccurrence
{
    QDate date;      ///< local date (the occurrence key)
    QDateTime start; ///< UTC
    QDateTime end;   ///< UTC
    QString problem; ///< empty = free; else the clash, closed day or hours
    QString note;    ///< set when a clock change moved it (or it happens twice)
};

/// What bookSeries() / editSeries() did.
struct SeriesOutcome
{
    std::optional<SeriesId> series;
    QList<Booking> booked;           ///< new or changed occurrences
    QList<SeriesOccurrence> skipped; ///< with skipClashes: the dates left out, and why
    QList<SeriesOccurrence> moved;   ///< booked at another time than the rule's by a clock change
};

/// Which part of a series a cancellation covers.
enum class CancelScope
{
    Occurrence,       ///< just this booking
    ThisAndFollowing, ///< this occurrence and every later one
    Series,           ///< every live occurrence
};

/// A day a space (or the whole hub) is closed: a holiday, a deep clean.
struct Closure
{
    ClosureId id;
    std::optional<SpaceId> space; ///< none = the whole hub
    QDate day;                    ///< local date
    QString reason;
};

} // namespace hub
