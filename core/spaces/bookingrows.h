// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/spaces/space.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QTimeZone>
#include <QVariant>

#include <functional>
#include <memory>
#include <optional>

namespace hub {

class BookingCharges;
class BookingRules;
class Clock;
class Database;
class Query;

/// Which bookings a list is about.
struct BookingFilter
{
    QDateTime from; ///< bookings ending after it; invalid = open
    QDateTime to;   ///< bookings starting before it; invalid = open
    std::optional<SpaceId> space;
    bool includeCancelled = false;
};

/// The bookings and booking_series rows: reading them, and writing a
/// booking's fields together with its charge, which is part of it.
class BookingRows
{
    // The texts keep the translation context they were written in.
    Q_DECLARE_TR_FUNCTIONS(hub::BookingService)
public:
    BookingRows(std::shared_ptr<Database> db, const Clock &clock, const QString &actor, const BookingRules &rules,
                BookingCharges &charges);

    /// Reads a booking inside the caller's transaction.
    static Result<Booking> get(const QSqlDatabase &db, BookingId id);
    Result<Booking> get(BookingId id) const;
    /// Bookings by start time.
    Result<QList<Booking>> list(const BookingFilter &filter) const;
    /// The same bookings one at a time as they are read, none kept: a year
    /// of a city hub's bookings is exported without holding them all.
    /// `visit` returns false to stop.
    Status each(const BookingFilter &filter, const std::function<bool(const Booking &)> &visit) const;
    static Result<BookingSeries> seriesRow(const QSqlDatabase &db, SeriesId id);
    Result<BookingSeries> series(SeriesId id) const;
    /// Occurrences of a series by date, cancelled ones included.
    static Result<QList<Booking>> occurrences(const QSqlDatabase &db, SeriesId id);
    Result<QList<Booking>> occurrences(SeriesId id) const;

    /// A new booking row (an occurrence of `series` when given), charged when `d` says so.
    Result<Booking> insert(const QSqlDatabase &db, const BookingDraft &d, const Space &space, qint64 start, qint64 end,
                           bool outside, std::optional<SeriesId> series, QDate occurrence);
    /// `old` rewritten from `d` and re-priced; `exception` marks it an exception of its series.
    Result<Booking> rewrite(const QSqlDatabase &db, const Booking &old, const BookingDraft &d, const Space &space,
                            qint64 start, qint64 end, bool outside, bool exception);

    /// A stored UTC time (seconds since the epoch).
    static QDateTime fromSecs(const QVariant &v);
    /// A series' first start as booking_series keeps it: wall-clock text of `zone`.
    static QString localText(const QDateTime &t, const QTimeZone &zone);

private:
    void bindFields(Query &q, const BookingDraft &d, const Space &space, qint64 start, qint64 end, bool outside) const;

    std::shared_ptr<Database> m_db;
    const Clock &m_clock;
    const QString &m_actor;
    const BookingRules &m_rules;
    BookingCharges &m_charges;
};

} // namespace hub
