// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/clock.h"
#include "core/common/error.h"
#include "core/spaces/space.h"
#include "core/storage/integritychecker.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QTimeZone>

#include <memory>

namespace hub {

class Database;
class SettingsService;

/// Which bookings a list is about.
struct BookingFilter
{
    QDateTime from; ///< bookings ending after it; invalid = open
    QDateTime to;   ///< bookings starting before it; invalid = open
    std::optional<SpaceId> space;
    bool includeCancelled = false;
};

/// Single bookings of the hub's spaces. The conflict, opening-hours and
/// capacity rules are checked inside BEGIN IMMEDIATE, so two desks booking
/// the same slot at once cannot both succeed.
class BookingService
{
    Q_DECLARE_TR_FUNCTIONS(hub::BookingService)
public:
    static constexpr int MaxTitleLength = 200;
    static constexpr int MaxNotesLength = 2000;

    BookingService(std::shared_ptr<Database> db, SettingsService &settings, const Clock &clock,
                   const QString &actor);

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
    /// A live booking is cancelled and frees its slot.
    Result<Booking> cancel(BookingId id);

    Result<Booking> get(BookingId id) const;
    /// Bookings by start time.
    Result<QList<Booking>> list(const BookingFilter &filter = {}) const;

    /// A wall-clock date and time in the hub's time zone.
    QDateTime localTime(QDate date, QTime time) const;
    QTimeZone zone() const;

    /// Live bookings of one space that overlap each other: each is named.
    QList<Finding> verify() const;

private:
    Result<Booking> changeStatus(BookingId id, const QList<BookingStatus> &from, BookingStatus to);
    static Result<Booking> get(const QSqlDatabase &db, BookingId id);

    std::shared_ptr<Database> m_db;
    SettingsService &m_settings;
    const Clock &m_clock;
    const QString &m_actor;
};

} // namespace hub
