// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/spaces/bookingrows.h"

#include "core/common/clock.h"
#include "core/spaces/bookingcharges.h"
#include "core/spaces/bookingrules.h"
#include "core/storage/database.h"
#include "core/storage/query.h"

#include <limits>

namespace hub {

namespace {

const QString BookingColumns = QStringLiteral(
    "b.id, b.space_id, s.name, b.title, b.member_id, coalesce(m.display_name, ''), b.attendees, b.start_utc, "
    "b.end_utc, b.zone, b.status, b.notes, b.outside_hours_override, b.capacity_override, b.created_by, "
    "b.created_at, b.series_id, b.occurrence_date, b.is_exception, b.charge_transfer_id, b.charge_reversal_id, b.uid");
const QString BookingJoins =
    QStringLiteral(" FROM bookings b JOIN spaces s ON s.id = b.space_id LEFT JOIN members m ON m.id = b.member_id");

Booking bookingFrom(const Query &q)
{
    Booking b;
    b.id = BookingId(q.value(0).toLongLong());
    b.space = SpaceId(q.value(1).toLongLong());
    b.spaceName = q.value(2).toString();
    b.title = q.value(3).toString();
    if (!q.value(4).isNull())
        b.member = MemberId(q.value(4).toLongLong());
    b.memberName = q.value(5).toString();
    b.attendees = q.value(6).toInt();
    b.start = BookingRows::fromSecs(q.value(7));
    b.end = BookingRows::fromSecs(q.value(8));
    b.zone = q.value(9).toString();
    b.status = bookingStatusFrom(q.value(10).toString()).value_or(BookingStatus::Confirmed);
    b.notes = q.value(11).toString();
    b.outsideHoursOverride = q.value(12).toString();
    b.capacityOverride = q.value(13).toString();
    b.createdBy = q.value(14).toString();
    b.createdAt = BookingRows::fromSecs(q.value(15));
    if (!q.value(16).isNull())
        b.series = SeriesId(q.value(16).toLongLong());
    b.occurrence = QDate::fromString(q.value(17).toString(), Qt::ISODate);
    b.exception = q.value(18).toBool();
    if (!q.value(19).isNull())
        b.charge = TransferId(q.value(19).toLongLong());
    if (!q.value(20).isNull())
        b.chargeReversal = TransferId(q.value(20).toLongLong());
    b.uid = q.value(21).toString();
    return b;
}

QVariant nullableId(std::optional<qint64> id)
{
    return id ? QVariant(*id) : QVariant(QMetaType(QMetaType::LongLong));
}

} // namespace

BookingRows::BookingRows(std::shared_ptr<Database> db, const Clock &clock, const QString &actor,
                         const BookingRules &rules, BookingCharges &charges)
    : m_db(std::move(db)), m_clock(clock), m_actor(actor), m_rules(rules), m_charges(charges)
{}

QDateTime BookingRows::fromSecs(const QVariant &v)
{
    return QDateTime::fromSecsSinceEpoch(v.toLongLong(), QTimeZone::utc());
}

QString BookingRows::localText(const QDateTime &t, const QTimeZone &zone)
{
    return t.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
}

// The columns a new booking and a changed one both take from the draft.
void BookingRows::bindFields(Query &q, const BookingDraft &d, const Space &space, qint64 start, qint64 end,
                             bool outside) const
{
    q.bind(QStringLiteral(":space"), d.space.value())
        .bind(QStringLiteral(":title"), d.title.simplified())
        .bind(QStringLiteral(":member"), nullableId(d.member ? std::optional(d.member->value()) : std::nullopt))
        .bind(QStringLiteral(":attendees"), d.attendees)
        .bind(QStringLiteral(":start"), start)
        .bind(QStringLiteral(":end"), end)
        .bind(QStringLiteral(":zone"), QString::fromUtf8(m_rules.zone().id()))
        .bind(QStringLiteral(":status"), toString(d.tentative ? BookingStatus::Tentative : BookingStatus::Confirmed))
        .bind(QStringLiteral(":notes"), d.notes.trimmed())
        .bind(QStringLiteral(":hours"), outside ? d.outsideHoursOverride.trimmed() : QString())
        .bind(QStringLiteral(":capacity"), d.attendees > space.capacity ? d.capacityOverride.trimmed() : QString());
}

Result<Booking> BookingRows::insert(const QSqlDatabase &db, const BookingDraft &d, const Space &space, qint64 start,
                                    qint64 end, bool outside, std::optional<SeriesId> series, QDate occurrence)
{
    Query insert(db, QStringLiteral("INSERT INTO bookings (space_id, title, member_id, attendees, start_utc, end_utc, "
                                    "zone, status, notes, outside_hours_override, capacity_override, created_by, "
                                    "created_at, series_id, occurrence_date, uid) VALUES (:space, :title, :member, "
                                    ":attendees, :start, :end, :zone, :status, :notes, :hours, :capacity, :by, :at, "
                                    ":series, :occurrence, :uid)"));
    bindFields(insert, d, space, start, end, outside);
    insert.bind(QStringLiteral(":by"), m_actor)
        .bind(QStringLiteral(":at"), m_clock.nowSecs())
        .bind(QStringLiteral(":series"), nullableId(series ? std::optional(series->value()) : std::nullopt))
        .bind(QStringLiteral(":occurrence"), occurrence.isValid() ? QVariant(occurrence.toString(Qt::ISODate))
                                                                  : QVariant(QMetaType(QMetaType::QString)))
        .bind(QStringLiteral(":uid"), d.uid.trimmed());
    if (auto ok = insert.exec(); !ok)
        return fail(ok.error());
    const BookingId id(insert.lastInsertId());
    if (d.charge && d.member)
        if (auto charged = m_charges.charge(db, id, space, *d.member, start, end); !charged)
            return fail(charged.error());
    return get(db, id);
}

Result<Booking> BookingRows::rewrite(const QSqlDatabase &db, const Booking &old, const BookingDraft &d,
                                     const Space &space, qint64 start, qint64 end, bool outside, bool exception)
{
    Query q(db, QStringLiteral("UPDATE bookings SET space_id = :space, title = :title, member_id = :member, "
                               "attendees = :attendees, start_utc = :start, end_utc = :end, zone = :zone, "
                               "status = :status, notes = :notes, outside_hours_override = :hours, "
                               "capacity_override = :capacity, is_exception = max(is_exception, :exception) "
                               "WHERE id = :id"));
    bindFields(q, d, space, start, end, outside);
    q.bind(QStringLiteral(":exception"), exception ? 1 : 0).bind(QStringLiteral(":id"), old.id.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    if (auto ok = m_charges.reprice(db, old, d, space, start, end); !ok)
        return fail(ok.error());
    return get(db, old.id);
}

Result<BookingSeries> BookingRows::seriesRow(const QSqlDatabase &db, SeriesId id)
{
    Query q(db, QStringLiteral("SELECT space_id, rrule, first_start, duration_minutes, zone, charge "
                               "FROM booking_series WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    if (!q.next())
        return fail(Error::notFound(tr("there is no series #%1").arg(id.value()), QStringLiteral("series")));
    BookingSeries s;
    s.id = id;
    s.space = SpaceId(q.value(0).toLongLong());
    s.rrule = q.value(1).toString();
    s.zone = q.value(4).toString();
    const QDateTime local = QDateTime::fromString(q.value(2).toString(), Qt::ISODate);
    s.firstStart = QDateTime(local.date(), local.time(), QTimeZone(s.zone.toUtf8()));
    s.durationMinutes = q.value(3).toInt();
    s.charge = q.value(5).toBool();
    q.raw().finish();
    if (auto r = Recurrence::fromRRule(s.rrule))
        s.recurrence = *r;
    return s;
}

Result<BookingSeries> BookingRows::series(SeriesId id) const
{
    return seriesRow(m_db->connection(), id);
}

Result<QList<Booking>> BookingRows::occurrences(const QSqlDatabase &db, SeriesId id)
{
    Query q(db, QStringLiteral("SELECT %1%2 WHERE b.series_id = :series ORDER BY b.occurrence_date")
                    .arg(BookingColumns, BookingJoins));
    q.bind(QStringLiteral(":series"), id.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    QList<Booking> out;
    while (q.next())
        out << bookingFrom(q);
    return out;
}

Result<QList<Booking>> BookingRows::occurrences(SeriesId id) const
{
    return occurrences(m_db->connection(), id);
}

Result<Booking> BookingRows::get(const QSqlDatabase &db, BookingId id)
{
    Query q(db, QStringLiteral("SELECT %1%2 WHERE b.id = :id").arg(BookingColumns, BookingJoins));
    q.bind(QStringLiteral(":id"), id.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    if (!q.next())
        return fail(Error::notFound(tr("there is no booking #%1").arg(id.value()), QStringLiteral("booking")));
    Booking b = bookingFrom(q);
    q.raw().finish();
    return b;
}

Result<Booking> BookingRows::get(BookingId id) const
{
    return get(m_db->connection(), id);
}

Result<QList<Booking>> BookingRows::list(const BookingFilter &f) const
{
    QList<Booking> out;
    if (auto ok = each(f,
                       [&out](const Booking &b) {
                           out << b;
                           return true;
                       });
        !ok)
        return fail(ok.error());
    return out;
}

Status BookingRows::each(const BookingFilter &f, const std::function<bool(const Booking &)> &visit) const
{
    // Open ends are bound as the widest range, so the SQL stays constant.
    // The lower bound also limits the start, since no booking is longer
    // than MaxBookingDays: the index on start_utc then covers both ends.
    const qint64 from = f.from.isValid() ? f.from.toSecsSinceEpoch() : std::numeric_limits<qint64>::min() / 2;
    Query q(*m_db,
            QStringLiteral("SELECT %1%2 WHERE b.end_utc > :from AND b.start_utc > :earliest AND b.start_utc < :to "
                           "AND (:space = 0 OR b.space_id = :space) "
                           "AND (:cancelled = 1 OR b.status <> 'cancelled') ORDER BY b.start_utc, b.id")
                .arg(BookingColumns, BookingJoins));
    q.bind(QStringLiteral(":from"), from)
        .bind(QStringLiteral(":earliest"), from - qint64(BookingRules::MaxBookingDays) * 86400)
        .bind(QStringLiteral(":to"), f.to.isValid() ? f.to.toSecsSinceEpoch() : std::numeric_limits<qint64>::max())
        .bind(QStringLiteral(":space"), f.space ? f.space->value() : 0)
        .bind(QStringLiteral(":cancelled"), f.includeCancelled ? 1 : 0);
    // A file's rows stream one by one. On a server, Qt's forward-only mode
    // fetches row by row on the connection itself, and any query the
    // visitor runs meanwhile (a series, a member) would end it; there the
    // rows wait in libpq's result instead, as plain bytes, not Qt's rows.
    q.raw().setForwardOnly(m_db->backend() != Backend::PostgreSQL);
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    while (q.next())
        if (!visit(bookingFrom(q)))
            break;
    return {};
}

} // namespace hub
