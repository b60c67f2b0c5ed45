// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/clock.h"
#include "core/common/error.h"
#include "core/spaces/bookingcharges.h"
#include "core/spaces/bookingrows.h"
#include "core/spaces/bookingrules.h"
#include "core/spaces/bookingverifier.h"
#include "core/spaces/freespacesearch.h"
#include "core/spaces/seriesbookings.h"
#include "core/spaces/singlebookings.h"
#include "core/spaces/space.h"
#include "core/spaces/zonemigration.h"
#include "core/storage/integritychecker.h"
#include "core/storage/unitofwork.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlDatabase>
#include <QTimeZone>

#include <memory>

namespace hub {

class AccessControl;
class AuditTrail;
class Database;
class LedgerService;
class SettingsService;

/// Single bookings of the hub's spaces. The conflict, opening-hours and
/// capacity rules are checked inside BEGIN IMMEDIATE, so two desks booking
/// the same slot at once cannot both succeed. The one door to them: each
/// call goes to the part that owns its rule (BookingRules, SingleBookings,
/// SeriesBookings, BookingCharges, BookingRows, FreeSpaceSearch,
/// ZoneMigration, BookingVerifier).
class BookingService
{
    Q_DECLARE_TR_FUNCTIONS(hub::BookingService)
public:
    static constexpr int MaxTitleLength = BookingRules::MaxTitleLength;
    static constexpr int MaxNotesLength = BookingRules::MaxNotesLength;
    /// No booking lasts longer, so a clash search needs to look back only this far.
    static constexpr int MaxBookingDays = BookingRules::MaxBookingDays;

    BookingService(std::shared_ptr<Database> db, SettingsService &settings, LedgerService &ledger, const Clock &clock,
                   const QString &actor, AccessControl &access, AuditTrail &audit);
    // The parts hold references to each other: a copy would share the original's.
    Q_DISABLE_COPY_MOVE(BookingService)

    /// The field checks of a booking, before anything is read.
    static Status validate(const BookingDraft &draft);

    /// Books a space once. Refused (nothing written) when another live booking
    /// clashes once both sides' setup and clean-up times are added, outside the
    /// opening hours or above the capacity unless overridden with a note.
    Result<Booking> book(const BookingDraft &draft);
    /// A tentative booking becomes confirmed.
    Result<Booking> confirm(BookingId id);
    /// A tentative booking is turned down and frees its slot.
    Result<Booking> decline(BookingId id);
    /// A live booking is cancelled and frees its slot; a charge is reversed.
    Result<Booking> cancel(BookingId id);
    /// Cancels one occurrence, it and every later one, or the whole series.
    /// Cancelled dates stay as cancelled rows (EXDATE), so later series
    /// edits never bring them back. Returns every booking cancelled.
    Result<QList<Booking>> cancel(BookingId id, CancelScope scope);

    /// Changes one booking (time, space, title, attendees, notes, member)
    /// under the same rules as book(), ignoring its own slot. An occurrence
    /// of a series becomes an exception. A charged booking is re-priced: the
    /// old charge is reversed and the new one posted.
    Result<Booking> edit(BookingId id, const BookingDraft &draft);

    /// Every date of `draft.repeat` with what stands in its way; nothing written.
    Result<QList<SeriesOccurrence>> preview(const BookingDraft &draft) const;
    /// Books every date of `draft.repeat`, or none: the refusal lists every
    /// clashing date. With `draft.skipClashes` the free dates are booked and
    /// the others returned in `skipped`.
    Result<SeriesOutcome> bookSeries(const BookingDraft &draft);
    /// Applies `draft` (title, times of day, duration, rule, attendees, notes,
    /// member) to every live occurrence that is not an exception; cancelled
    /// dates and exceptions are kept. New dates of a changed rule are booked,
    /// dates the rule no longer has are cancelled. All or none.
    Result<SeriesOutcome> editSeries(SeriesId id, const BookingDraft &draft);
    Result<BookingSeries> series(SeriesId id) const;
    /// Occurrences of a series by date, cancelled ones included.
    Result<QList<Booking>> occurrences(SeriesId id) const;

    /// Active spaces holding `capacity` people, open and free (buffers
    /// included) for the whole of [from, to).
    Result<QList<Space>> freeSpaces(const QDateTime &from, const QDateTime &to, int capacity = 0) const;
    /// What `duration` of `space` costs at its hourly rate (rounded to the
    /// minor unit); none when the space is free of charge.
    static std::optional<Amount> price(const Space &space, qint64 seconds);

    /// Bookings ending after now that a change of time zone would touch.
    Result<int> upcomingCount() const;
    /// Moves the hub to `zone` and treats upcoming bookings as `policy` says,
    /// in one transaction. Ask is refused (nothing written) when any exist.
    Status changeZone(const QString &zone, ZoneChangePolicy policy);

    Result<Booking> get(BookingId id) const;
    /// Bookings by start time.
    Result<QList<Booking>> list(const BookingFilter &filter = {}) const;
    /// The same, one at a time as read (BookingRows::each).
    Status each(const BookingFilter &filter, const std::function<bool(const Booking &)> &visit) const;

    /// A wall-clock date and time in the hub's time zone.
    QDateTime localTime(QDate date, QTime time) const;
    QTimeZone zone() const;

    /// Live bookings of one space that overlap each other: each is named.
    QList<Finding> verify() const;

    /// Refuses a plain settings change of the zone while upcoming bookings
    /// exist; changeZone() is the way that says what happens to them.
    Status guardZoneChange(const QString &from, const QString &to) const;

    /// Reads a booking inside the caller's transaction.
    static Result<Booking> get(const QSqlDatabase &db, BookingId id);

private:
    // Declared in the order they are built: a part is handed only parts above it.
    UnitOfWork m_work;
    BookingRules m_rules;
    BookingCharges m_charges;
    BookingRows m_rows;
    SingleBookings m_single;
    SeriesBookings m_series;
    FreeSpaceSearch m_search;
    BookingVerifier m_verifier;
    ZoneMigration m_zones;
};

} // namespace hub
