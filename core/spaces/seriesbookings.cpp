// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/spaces/seriesbookings.h"

#include "core/common/clock.h"
#include "core/common/localtime.h"
#include "core/spaces/bookingcharges.h"
#include "core/spaces/bookingrows.h"
#include "core/spaces/bookingrules.h"
#include "core/storage/database.h"
#include "core/storage/query.h"
#include "core/storage/transaction.h"

#include <QLocale>
#include <QSet>

namespace hub {

namespace {

// The refusal of a series lists every date that cannot be booked.
Error seriesRefusal(const QList<SeriesOccurrence> &clashing, qsizetype total)
{
    QStringList lines{
        SeriesBookings::tr("%1 of %2 dates cannot be booked, so none was booked:").arg(clashing.size()).arg(total)};
    for (const SeriesOccurrence &o : clashing)
        lines
            << QStringLiteral("  %1: %2").arg(QLocale().toString(o.date, QStringLiteral("ddd d MMM yyyy")), o.problem);
    lines << SeriesBookings::tr("Choose other times, or book the free dates only.");
    return Error::refused(lines.join(u'\n'), QStringLiteral("start"));
}

} // namespace

SeriesBookings::SeriesBookings(std::shared_ptr<Database> db, const UnitOfWork &work, const Clock &clock,
                               const QString &actor, const BookingRules &rules, BookingRows &rows,
                               BookingCharges &charges)
    : m_db(std::move(db)), m_work(work), m_clock(clock), m_actor(actor), m_rules(rules), m_rows(rows),
      m_charges(charges)
{}

Result<QList<QDate>> SeriesBookings::seriesDates(const BookingDraft &d, const std::optional<Recurrence> &rule,
                                                 const QString &rrule) const
{
    const QDateTime firstLocal = d.start.toTimeZone(m_rules.zone());
    auto dates = rule ? rule->dates(firstLocal) : Recurrence::expand(rrule, firstLocal);
    if (!dates)
        return fail(dates.error());
    if (dates->isEmpty())
        return fail(Error::invalid(tr("the series has no dates"), QStringLiteral("repeat")));
    return dates;
}

Result<QList<SeriesOccurrence>> SeriesBookings::datesOf(const QSqlDatabase &db, const BookingDraft &d,
                                                        const Space &space, const std::optional<Recurrence> &rule,
                                                        const QString &rrule) const
{
    const QTimeZone hubZone = m_rules.zone();
    const QDateTime firstLocal = d.start.toTimeZone(hubZone);
    const qint64 duration = d.start.secsTo(d.end);
    auto dates = seriesDates(d, rule, rrule);
    if (!dates)
        return fail(dates.error());
    QList<SeriesOccurrence> out;
    const bool overridden = !d.outsideHoursOverride.trimmed().isEmpty();
    for (const QDate &date : *dates) {
        SeriesOccurrence o;
        o.date = date;
        // In the spring gap an occurrence moves forward by the gap (RFC 5545).
        const LocalTime::Resolved resolved = LocalTime::occurrence(date, firstLocal.time(), hubZone);
        const QDateTime start = resolved.at;
        o.note = resolved.note;
        o.start = start.toUTC();
        o.end = start.addSecs(duration).toUTC();
        auto problem = BookingRules::problemWith(db, space, o.start.toSecsSinceEpoch(), o.end.toSecsSinceEpoch(),
                                                 hubZone, overridden);
        if (!problem)
            return fail(problem.error());
        if (*problem)
            o.problem = (*problem)->message;
        out << o;
    }
    return out;
}

Result<QList<SeriesOccurrence>> SeriesBookings::preview(const BookingDraft &d) const
{
    if (!d.repeat)
        return fail(Error::invalid(tr("choose how the booking repeats"), QStringLiteral("repeat")));
    if (auto ok = BookingRules::validate(d); !ok)
        return fail(ok.error());
    auto tx = Transaction::begin(*m_db, Transaction::Mode::Deferred);
    if (!tx)
        return fail(tx.error());
    auto space = BookingRules::prepare(tx->connection(), d);
    if (!space)
        return fail(space.error());
    return datesOf(tx->connection(), d, *space, d.repeat, {});
}

Result<SeriesOutcome> SeriesBookings::bookSeries(const BookingDraft &d)
{
    return m_work.run<SeriesOutcome>(Permission::Book,
                                     [&](Write &w) -> Result<SeriesOutcome> { return bookSeriesIn(w, d); });
}

Result<SeriesOutcome> SeriesBookings::bookSeriesIn(Write &w, const BookingDraft &d)
{
    if (!d.repeat)
        return fail(Error::invalid(tr("choose how the booking repeats"), QStringLiteral("repeat")));
    if (auto ok = BookingRules::validate(d); !ok)
        return fail(ok.error());
    const QTimeZone hubZone = m_rules.zone();
    const QSqlDatabase db = w.connection();
    auto space = BookingRules::prepare(db, d);
    if (!space)
        return fail(space.error());
    const QDateTime firstLocal = d.start.toTimeZone(hubZone);
    Query s(db, QStringLiteral(
                    "INSERT INTO booking_series (space_id, rrule, first_start, duration_minutes, zone, charge, "
                    "created_by, created_at) VALUES (:space, :rule, :first, :minutes, :zone, :charge, :by, :at)"));
    s.bind(QStringLiteral(":space"), d.space.value())
        .bind(QStringLiteral(":rule"), d.repeat->toRRule(firstLocal))
        .bind(QStringLiteral(":first"), BookingRows::localText(firstLocal, hubZone))
        .bind(QStringLiteral(":minutes"), std::max<qint64>(1, d.start.secsTo(d.end) / 60))
        .bind(QStringLiteral(":zone"), QString::fromUtf8(hubZone.id()))
        .bind(QStringLiteral(":charge"), d.charge ? 1 : 0)
        .bind(QStringLiteral(":by"), m_actor)
        .bind(QStringLiteral(":at"), m_clock.nowSecs());
    if (auto ok = s.exec(); !ok)
        return fail(ok.error());
    SeriesOutcome outcome;
    outcome.series = SeriesId(s.lastInsertId());
    auto book = bookDates(db, d, *space, *outcome.series, d.repeat, {}, {}, outcome);
    if (!book)
        return fail(book.error());
    w.audit(QStringLiteral("booking.series"), QStringLiteral("series"), outcome.series->value(),
            tr("space #%1, %n date(s) booked", nullptr, int(outcome.booked.size())).arg(space->id.value()));
    return outcome;
}

// Books each date of the rule that `keep` does not already hold, checking
// each against what is already booked — its own earlier dates included, so
// a series cannot clash with itself. All or none unless skipClashes.
Status SeriesBookings::bookDates(const QSqlDatabase &db, const BookingDraft &d, const Space &space, SeriesId series,
                                 const std::optional<Recurrence> &rule, const QString &rrule,
                                 const QHash<QDate, Booking> &existing, SeriesOutcome &outcome)
{
    const QTimeZone hubZone = m_rules.zone();
    const QDateTime firstLocal = d.start.toTimeZone(hubZone);
    const qint64 duration = d.start.secsTo(d.end);
    auto dates = seriesDates(d, rule, rrule);
    if (!dates)
        return fail(dates.error());
    const bool overridden = !d.outsideHoursOverride.trimmed().isEmpty();
    QList<SeriesOccurrence> clashing;
    qsizetype considered = 0;
    for (const QDate &date : *dates) {
        const auto kept = existing.constFind(date);
        // Exceptions and cancelled dates outlive every edit of the series.
        if (kept != existing.constEnd() && (kept->exception || !kept->isLive()))
            continue;
        ++considered;
        const LocalTime::Resolved resolved = LocalTime::occurrence(date, firstLocal.time(), hubZone);
        const QDateTime startLocal = resolved.at;
        const qint64 start = startLocal.toSecsSinceEpoch();
        const qint64 end = startLocal.addSecs(duration).toSecsSinceEpoch();
        auto problem = BookingRules::problemWith(db, space, start, end, hubZone, overridden);
        if (!problem)
            return fail(problem.error());
        if (*problem) {
            clashing << SeriesOccurrence{date, BookingRows::fromSecs(start), BookingRows::fromSecs(end),
                                         (*problem)->message, resolved.note};
            continue;
        }
        const bool outside = overridden && BookingRules::neededOverride(db, space, start, end, hubZone);
        Result<Booking> stored;
        if (kept != existing.constEnd()) {
            stored = m_rows.rewrite(db, *kept, d, space, start, end, outside, false);
        } else {
            stored = m_rows.insert(db, d, space, start, end, outside, series, date);
        }
        if (!stored)
            return fail(stored.error());
        if (resolved.moved || resolved.ambiguous)
            outcome.moved << SeriesOccurrence{
                date, BookingRows::fromSecs(start), BookingRows::fromSecs(end), {}, resolved.note};
        outcome.booked << *stored;
    }
    if (!clashing.isEmpty() && !d.skipClashes)
        return fail(seriesRefusal(clashing, considered));
    if (outcome.booked.isEmpty() && !clashing.isEmpty())
        return fail(Error::refused(tr("none of the %1 dates is free").arg(considered), QStringLiteral("start")));
    outcome.skipped = clashing;
    return {};
}

Result<SeriesOutcome> SeriesBookings::editSeries(SeriesId id, const BookingDraft &draft)
{
    return m_work.run<SeriesOutcome>(Permission::Book,
                                     [&](Write &w) -> Result<SeriesOutcome> { return editSeriesIn(w, id, draft); });
}

Result<SeriesOutcome> SeriesBookings::editSeriesIn(Write &w, SeriesId id, const BookingDraft &draft)
{
    if (auto ok = BookingRules::validate(draft); !ok)
        return fail(ok.error());
    const QTimeZone hubZone = m_rules.zone();
    const QSqlDatabase db = w.connection();
    auto series = BookingRows::seriesRow(db, id);
    if (!series)
        return fail(series.error());
    BookingDraft d = draft;
    d.space = series->space; // a series moves rooms date by date, as exceptions
    auto space = BookingRules::prepare(db, d);
    if (!space)
        return fail(space.error());
    auto all = BookingRows::occurrences(db, id);
    if (!all)
        return fail(all.error());
    auto existing = stepAside(db, *all);
    if (!existing)
        return fail(existing.error());
    const QDateTime firstLocal = d.start.toTimeZone(hubZone);
    const std::optional<Recurrence> rule = d.repeat ? d.repeat : series->recurrence;
    const QString rrule = rule ? rule->toRRule(firstLocal) : series->rrule;
    SeriesOutcome outcome;
    outcome.series = id;
    // bookDates() keeps cancelled rows as they are, so it must still see
    // the rewritten ones as live: `existing` holds them as they were.
    if (auto ok = bookDates(db, d, *space, id, rule, rrule, *existing, outcome); !ok)
        return fail(ok.error());
    if (auto ok = refundDropped(db, *all, outcome); !ok)
        return fail(ok.error());
    if (auto ok = storeRule(db, id, d, rrule, hubZone); !ok)
        return fail(ok.error());
    w.audit(QStringLiteral("booking.series-edit"), QStringLiteral("series"), id.value(),
            tr("%n date(s) booked or changed", nullptr, int(outcome.booked.size())));
    return outcome;
}

// The dates about to be rewritten step out of the way first, so the new
// times are checked against everything else — and against each other.
// Returns every occurrence by date, as it was before.
Result<QHash<QDate, Booking>> SeriesBookings::stepAside(const QSqlDatabase &db, const QList<Booking> &all)
{
    QHash<QDate, Booking> existing;
    for (const Booking &o : all) {
        existing.insert(o.occurrence, o);
        if (o.isLive() && !o.exception) {
            Query q(db, QStringLiteral("UPDATE bookings SET status = 'cancelled' WHERE id = :id"));
            q.bind(QStringLiteral(":id"), o.id.value());
            if (auto ok = q.exec(); !ok)
                return fail(ok.error());
        }
    }
    return existing;
}

// Dates the new rule dropped (or skipped as clashing) stay cancelled;
// their charges go back.
Status SeriesBookings::refundDropped(const QSqlDatabase &db, const QList<Booking> &all, const SeriesOutcome &outcome)
{
    QSet<QDate> booked;
    for (const Booking &b : outcome.booked)
        booked.insert(b.occurrence);
    for (const Booking &o : all)
        if (o.isLive() && !o.exception && !booked.contains(o.occurrence))
            if (auto ok = m_charges.refund(db, o); !ok)
                return ok;
    return {};
}

Status SeriesBookings::storeRule(const QSqlDatabase &db, SeriesId id, const BookingDraft &d, const QString &rrule,
                                 const QTimeZone &hubZone)
{
    const QDateTime firstLocal = d.start.toTimeZone(hubZone);
    Query q(db, QStringLiteral("UPDATE booking_series SET rrule = :rule, first_start = :first, duration_minutes = "
                               ":minutes, zone = :zone, charge = :charge WHERE id = :id"));
    q.bind(QStringLiteral(":rule"), rrule)
        .bind(QStringLiteral(":first"), BookingRows::localText(firstLocal, hubZone))
        .bind(QStringLiteral(":minutes"), std::max<qint64>(1, d.start.secsTo(d.end) / 60))
        .bind(QStringLiteral(":zone"), QString::fromUtf8(hubZone.id()))
        .bind(QStringLiteral(":charge"), d.charge ? 1 : 0)
        .bind(QStringLiteral(":id"), id.value());
    return q.exec();
}

Result<QList<Booking>> SeriesBookings::cancel(BookingId id, CancelScope scope)
{
    return m_work.run<QList<Booking>>(Permission::Book,
                                      [&](Write &w) -> Result<QList<Booking>> { return cancelIn(w, id, scope); });
}

Result<QList<Booking>> SeriesBookings::cancelIn(Write &w, BookingId id, CancelScope scope)
{
    const QSqlDatabase db = w.connection();
    auto b = BookingRows::get(db, id);
    if (!b)
        return fail(b.error());
    if (scope != CancelScope::Occurrence && !b->series)
        return fail(Error::invalid(tr("booking #%1 (“%2”) is not part of a series").arg(id.value()).arg(b->title),
                                   QStringLiteral("scope")));
    auto targets = targetsOf(db, *b, scope);
    if (!targets)
        return fail(targets.error());
    QList<Booking> out;
    for (const Booking &t : std::as_const(*targets)) {
        Query q(db, QStringLiteral("UPDATE bookings SET status = 'cancelled' WHERE id = :id"));
        q.bind(QStringLiteral(":id"), t.id.value());
        if (auto ok = q.exec(); !ok)
            return fail(ok.error());
        if (auto ok = m_charges.refund(db, t); !ok)
            return fail(ok.error());
        auto changed = BookingRows::get(db, t.id);
        if (!changed)
            return fail(changed.error());
        out << *changed;
    }
    w.audit(QStringLiteral("booking.cancel"), QStringLiteral("booking"), id.value(),
            tr("%n booking(s) cancelled", nullptr, int(out.size())));
    return out;
}

Result<QList<Booking>> SeriesBookings::targetsOf(const QSqlDatabase &db, const Booking &b, CancelScope scope)
{
    QList<Booking> targets;
    if (scope == CancelScope::Occurrence) {
        if (!b.isLive())
            return fail(Error::refused(tr("booking #%1 (“%2”) is already cancelled").arg(b.id.value()).arg(b.title)));
        targets << b;
        return targets;
    }
    auto all = BookingRows::occurrences(db, *b.series);
    if (!all)
        return fail(all.error());
    for (const Booking &o : std::as_const(*all))
        if (o.isLive() && (scope == CancelScope::Series || o.occurrence >= b.occurrence))
            targets << o;
    if (targets.isEmpty())
        return fail(Error::refused(tr("no live dates of this series are left to cancel")));
    // A series cut short ends the day before: exports and later edits
    // of the series then stop there too.
    if (scope == CancelScope::ThisAndFollowing)
        if (auto ok = endBefore(db, b); !ok)
            return fail(ok.error());
    return targets;
}

Status SeriesBookings::endBefore(const QSqlDatabase &db, const Booking &b)
{
    auto series = BookingRows::seriesRow(db, *b.series);
    if (!series)
        return fail(series.error());
    if (!series->recurrence)
        return {};
    Recurrence r = *series->recurrence;
    r.count = 0;
    r.until = b.occurrence.addDays(-1);
    Query q(db, QStringLiteral("UPDATE booking_series SET rrule = :rule WHERE id = :id"));
    q.bind(QStringLiteral(":rule"), r.toRRule(series->firstStart)).bind(QStringLiteral(":id"), series->id.value());
    return q.exec();
}

} // namespace hub
