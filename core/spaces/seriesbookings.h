// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/spaces/space.h"
#include "core/storage/unitofwork.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QTimeZone>

#include <memory>
#include <optional>

namespace hub {

class BookingCharges;
class BookingRows;
class BookingRules;
class Clock;
class Database;

/// Repeating bookings: every date of a rule booked, changed or cancelled as
/// one unit of work, all or none unless the clashing dates are skipped.
class SeriesBookings
{
    // The texts keep the translation context they were written in.
    Q_DECLARE_TR_FUNCTIONS(hub::BookingService)
public:
    SeriesBookings(std::shared_ptr<Database> db, const UnitOfWork &work, const Clock &clock, const QString &actor,
                   const BookingRules &rules, BookingRows &rows, BookingCharges &charges);

    Result<QList<SeriesOccurrence>> preview(const BookingDraft &draft) const;
    Result<SeriesOutcome> bookSeries(const BookingDraft &draft);
    Result<SeriesOutcome> editSeries(SeriesId id, const BookingDraft &draft);
    /// Cancels one occurrence (of a series or not), it and every later one, or the whole series.
    Result<QList<Booking>> cancel(BookingId id, CancelScope scope);

private:
    // The bodies of the writes above, inside their unit of work.
    Result<SeriesOutcome> bookSeriesIn(Write &w, const BookingDraft &d);
    Result<SeriesOutcome> editSeriesIn(Write &w, SeriesId id, const BookingDraft &draft);
    Result<QList<Booking>> cancelIn(Write &w, BookingId id, CancelScope scope);

    /// The local dates of the series (from its rule, or its RRULE text); none is an error.
    Result<QList<QDate>> seriesDates(const BookingDraft &d, const std::optional<Recurrence> &rule,
                                     const QString &rrule) const;
    Result<QList<SeriesOccurrence>> datesOf(const QSqlDatabase &db, const BookingDraft &d, const Space &space,
                                            const std::optional<Recurrence> &rule, const QString &rrule) const;
    Status bookDates(const QSqlDatabase &db, const BookingDraft &d, const Space &space, SeriesId series,
                     const std::optional<Recurrence> &rule, const QString &rrule, const QHash<QDate, Booking> &existing,
                     SeriesOutcome &outcome);
    static Result<QHash<QDate, Booking>> stepAside(const QSqlDatabase &db, const QList<Booking> &all);
    Status refundDropped(const QSqlDatabase &db, const QList<Booking> &all, const SeriesOutcome &outcome);
    static Status storeRule(const QSqlDatabase &db, SeriesId id, const BookingDraft &d, const QString &rrule,
                            const QTimeZone &hubZone);
    static Result<QList<Booking>> targetsOf(const QSqlDatabase &db, const Booking &b, CancelScope scope);
    static Status endBefore(const QSqlDatabase &db, const Booking &b);

    std::shared_ptr<Database> m_db;
    const UnitOfWork &m_work;
    const Clock &m_clock;
    const QString &m_actor;
    const BookingRules &m_rules;
    BookingRows &m_rows;
    BookingCharges &m_charges;
};

} // namespace hub
