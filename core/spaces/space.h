// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/amount.h"
#include "core/common/ids.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace hub {

using SpaceId = Id<struct SpaceTag>;
using BookingId = Id<struct BookingTag>;

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
    QString colour;             ///< #rrggbb, for the calendar
    bool active = true;
    OpeningHours hours = OpeningHours::always();
};

enum class BookingStatus { Tentative, Confirmed, Cancelled };
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

    bool isLive() const { return status != BookingStatus::Cancelled; }
};

} // namespace hub
