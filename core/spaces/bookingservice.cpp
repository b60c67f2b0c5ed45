// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/spaces/bookingservice.h"

#include "core/settings/settingsservice.h"
#include "core/spaces/spaceservice.h"
#include "core/storage/database.h"
#include "core/storage/query.h"
#include "core/storage/transaction.h"

#include <QLocale>

#include <limits>

namespace hub {

namespace {

const QString BookingColumns = QStringLiteral(
    "b.id, b.space_id, s.name, b.title, b.member_id, coalesce(m.display_name, ''), b.attendees, b.start_utc, "
    "b.end_utc, b.zone, b.status, b.notes, b.outside_hours_override, b.capacity_override, b.created_by, "
    "b.created_at");
const QString BookingJoins = QStringLiteral(
    " FROM bookings b JOIN spaces s ON s.id = b.space_id LEFT JOIN members m ON m.id = b.member_id");

QDateTime fromSecs(const QVariant &v)
{
    return QDateTime::fromSecsSinceEpoch(v.toLongLong(), QTimeZone::utc());
}

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
    b.start = fromSecs(q.value(7));
    b.end = fromSecs(q.value(8));
    b.zone = q.value(9).toString();
    b.status = bookingStatusFrom(q.value(10).toString()).value_or(BookingStatus::Confirmed);
    b.notes = q.value(11).toString();
    b.outsideHoursOverride = q.value(12).toString();
    b.capacityOverride = q.value(13).toString();
    b.createdBy = q.value(14).toString();
    b.createdAt = fromSecs(q.value(15));
    return b;
}

// Wall-clock times as people at the front desk read them; the date is left
// out of the end when the booking ends the day it starts.
QString span(qint64 start, qint64 end, const QTimeZone &zone)
{
    const QDateTime s = QDateTime::fromSecsSinceEpoch(start, zone);
    const QDateTime e = QDateTime::fromSecsSinceEpoch(end, zone);
    const QString from = s.toString(QStringLiteral("ddd d MMM yyyy HH:mm"));
    if (s.date() == e.date())
        return from + QStringLiteral("–") + e.toString(QStringLiteral("HH:mm"));
    return from + QStringLiteral(" – ") + e.toString(QStringLiteral("ddd d MMM yyyy HH:mm"));
}

QString clock(int minute)
{
    return QStringLiteral("%1:%2").arg(minute / 60, 2, 10, QChar(u'0')).arg(minute % 60, 2, 10, QChar(u'0'));
}

// Why [start, end) falls outside the space's opening hours, or nothing.
// Opening hours are wall-clock times of the hub, so they are checked in its
// zone: a hall open until 22:00 closes at 22:00 in summer and in winter.
QString outsideHours(const Space &space, qint64 start, qint64 end, const QTimeZone &zone)
{
    const QDateTime s = QDateTime::fromSecsSinceEpoch(start, zone);
    const QDateTime e = QDateTime::fromSecsSinceEpoch(end, zone);
    const int weekday = s.date().dayOfWeek();
    const int from = s.time().msecsSinceStartOfDay() / 60000;
    int to = e.time().msecsSinceStartOfDay() / 60000;
    // Ending at midnight is the end of the starting day, not a second day.
    const bool sameDay = e.date() == s.date() || (e.date() == s.date().addDays(1) && to == 0);
    if (e.date() != s.date())
        to = 24 * 60;
    const auto open = space.hours.on(weekday);
    if (!open)
        return BookingService::tr("%1 is closed on %2 (%3).")
            .arg(space.name, QLocale().dayName(weekday), span(start, end, zone));
    if (!sameDay || from < open->opens || to > open->closes)
        return BookingService::tr("%1 is open %2–%3 on %4; %5 is outside.")
            .arg(space.name, clock(open->opens), clock(open->closes), QLocale().dayName(weekday),
                 span(start, end, zone));
    return {};
}

} // namespace

BookingService::BookingService(std::shared_ptr<Database> db, SettingsService &settings, LedgerService &ledger,
                               const Clock &clock, const QString &actor)
    : m_db(std::move(db)), m_settings(settings), m_ledger(ledger), m_clock(clock), m_actor(actor)
{
}

QTimeZone BookingService::zone() const
{
    auto s = m_settings.load();
    return s ? s->zone() : QTimeZone::utc();
}

QDateTime BookingService::localTime(QDate date, QTime time) const
{
    return QDateTime(date, time, zone());
}

Status BookingService::validate(const BookingDraft &d)
{
    if (!d.space.isValid())
        return fail(Error::invalid(tr("choose a space"), QStringLiteral("space")));
    const QString title = d.title.simplified();
    if (title.isEmpty())
        return fail(Error::invalid(tr("a booking needs a title: say what it is for"), QStringLiteral("title")));
    if (title.size() > MaxTitleLength)
        return fail(Error::invalid(tr("the title is longer than %1 characters").arg(MaxTitleLength),
                                   QStringLiteral("title")));
    if (d.member && !d.member->isValid())
        return fail(Error::invalid(tr("choose who is booking, or nobody for the hub's own use"),
                                   QStringLiteral("member")));
    if (d.attendees < 0)
        return fail(Error::invalid(tr("the number of attendees cannot be negative"), QStringLiteral("attendees")));
    if (!d.start.isValid())
        return fail(Error::invalid(tr("choose when the booking starts"), QStringLiteral("start")));
    if (!d.end.isValid())
        return fail(Error::invalid(tr("choose when the booking ends"), QStringLiteral("end")));
    if (d.end <= d.start)
        return fail(Error::invalid(tr("the booking must end after it starts"), QStringLiteral("end")));
    if (d.notes.size() > MaxNotesLength)
        return fail(Error::invalid(tr("the notes are longer than %1 characters").arg(MaxNotesLength),
                                   QStringLiteral("notes")));
    return {};
}

Result<Booking> BookingService::book(const BookingDraft &d)
{
    if (auto ok = validate(d); !ok)
        return fail(ok.error());
    const QTimeZone hubZone = zone();
    auto tx = Transaction::begin(*m_db, Transaction::Mode::Immediate);
    if (!tx)
        return fail(tx.error());
    const QSqlDatabase db = tx->connection();

    auto space = SpaceService::get(db, d.space);
    if (!space)
        return fail(space.error());
    if (!space->active)
        return fail(Error::refused(tr("%1 is not in use and cannot be booked").arg(space->name)));

    if (d.member) {
        Query q(db, QStringLiteral("SELECT display_name, status FROM members WHERE id = :id"));
        q.bind(QStringLiteral(":id"), d.member->value());
        if (auto ok = q.exec(); !ok)
            return fail(ok.error());
        if (!q.next())
            return fail(Error::notFound(tr("there is no member #%1").arg(d.member->value()), QStringLiteral("member")));
        if (q.value(1).toString() == QStringLiteral("left"))
            return fail(Error::refused(tr("%1 has left the hub and cannot book").arg(q.value(0).toString())));
    }

    const QString capacityNote = d.capacityOverride.trimmed();
    if (d.attendees > space->capacity && capacityNote.isEmpty())
        return fail(Error::refused(tr("%1 holds %2 people; %3 are expected. Give a reason to book it anyway.")
                                       .arg(space->name)
                                       .arg(space->capacity)
                                       .arg(d.attendees),
                                   QStringLiteral("attendees")));

    const qint64 start = d.start.toSecsSinceEpoch();
    const qint64 end = d.end.toSecsSinceEpoch();

    // Opening hours are wall-clock times of the hub, so they are checked in
    // its zone: a hall open until 22:00 closes at 22:00 in summer and winter.
    const QString hoursNote = d.outsideHoursOverride.trimmed();
    const QString outside = outsideHours(*space, start, end, hubZone);
    if (!outside.isEmpty() && hoursNote.isEmpty())
        return fail(Error::refused(outside + u' ' + tr("Give a reason to book outside the opening hours."),
                                   QStringLiteral("start")));

    // Each side keeps its setup time before and its clean-up time after, so
    // two bookings clash when [start − setup, end + clean-up) of both meet.
    const qint64 setup = qint64(space->setupMinutes) * 60;
    const qint64 cleanup = qint64(space->cleanupMinutes) * 60;
    Query clash(db, QStringLiteral("SELECT b.id, b.title, b.start_utc, b.end_utc, coalesce(m.display_name, ''), "
                                   "b.status FROM bookings b LEFT JOIN members m ON m.id = b.member_id "
                                   "WHERE b.space_id = :space AND b.status IN ('tentative', 'confirmed') "
                                   "AND b.start_utc < :hi AND b.end_utc > :lo ORDER BY b.start_utc LIMIT 1"));
    clash.bind(QStringLiteral(":space"), d.space.value())
        .bind(QStringLiteral(":hi"), end + cleanup + setup)
        .bind(QStringLiteral(":lo"), start - setup - cleanup);
    if (auto ok = clash.exec(); !ok)
        return fail(ok.error());
    if (clash.next()) {
        const QString who = clash.value(4).toString();
        const QString when = span(clash.value(2).toLongLong(), clash.value(3).toLongLong(), hubZone);
        const QString buffers = (setup || cleanup)
            ? tr(" (with %1 min setup and %2 min clean-up around each booking)")
                  .arg(space->setupMinutes)
                  .arg(space->cleanupMinutes)
            : QString();
        const QString message = who.isEmpty()
            ? tr("%1 is already booked for “%2” on %3 (booking #%4, %5)%6")
                  .arg(space->name, clash.value(1).toString(), when, clash.value(0).toString(),
                       clash.value(5).toString(), buffers)
            : tr("%1 is already booked for “%2” on %3 by %4 (booking #%5, %6)%7")
                  .arg(space->name, clash.value(1).toString(), when, who, clash.value(0).toString(),
                       clash.value(5).toString(), buffers);
        return fail(Error::refused(message, QStringLiteral("start")));
    }

    Query insert(db, QStringLiteral("INSERT INTO bookings (space_id, title, member_id, attendees, start_utc, end_utc, "
                                    "zone, status, notes, outside_hours_override, capacity_override, created_by, "
                                    "created_at) VALUES (:space, :title, :member, :attendees, :start, :end, :zone, "
                                    ":status, :notes, :hours, :capacity, :by, :at)"));
    insert.bind(QStringLiteral(":space"), d.space.value())
        .bind(QStringLiteral(":title"), d.title.simplified())
        .bind(QStringLiteral(":member"),
              d.member ? QVariant(d.member->value()) : QVariant(QMetaType(QMetaType::LongLong)))
        .bind(QStringLiteral(":attendees"), d.attendees)
        .bind(QStringLiteral(":start"), start)
        .bind(QStringLiteral(":end"), end)
        .bind(QStringLiteral(":zone"), QString::fromUtf8(hubZone.id()))
        .bind(QStringLiteral(":status"), toString(d.tentative ? BookingStatus::Tentative : BookingStatus::Confirmed))
        .bind(QStringLiteral(":notes"), d.notes.trimmed())
        .bind(QStringLiteral(":hours"), outside.isEmpty() ? QString() : hoursNote)
        .bind(QStringLiteral(":capacity"), d.attendees > space->capacity ? capacityNote : QString())
        .bind(QStringLiteral(":by"), m_actor)
        .bind(QStringLiteral(":at"), m_clock.nowSecs());
    if (auto ok = insert.exec(); !ok)
        return fail(ok.error());
    auto stored = get(db, BookingId(insert.lastInsertId()));
    if (!stored)
        return fail(stored.error());
    if (auto ok = tx->commit(); !ok)
        return fail(ok.error());
    return stored;
}

Result<Booking> BookingService::changeStatus(BookingId id, const QList<BookingStatus> &from, BookingStatus to)
{
    auto tx = Transaction::begin(*m_db, Transaction::Mode::Immediate);
    if (!tx)
        return fail(tx.error());
    const QSqlDatabase db = tx->connection();
    auto b = get(db, id);
    if (!b)
        return fail(b.error());
    if (!from.contains(b->status))
        return fail(Error::refused(tr("booking #%1 (“%2”) is %3 and cannot become %4")
                                       .arg(QString::number(id.value()), b->title, toString(b->status), toString(to))));
    Query q(db, QStringLiteral("UPDATE bookings SET status = :status WHERE id = :id"));
    q.bind(QStringLiteral(":status"), toString(to)).bind(QStringLiteral(":id"), id.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    b->status = to;
    if (auto ok = tx->commit(); !ok)
        return fail(ok.error());
    return b;
}

Result<Booking> BookingService::confirm(BookingId id)
{
    // A tentative booking already holds its slot, so confirming needs no new check.
    return changeStatus(id, {BookingStatus::Tentative}, BookingStatus::Confirmed);
}

Result<Booking> BookingService::decline(BookingId id)
{
    return changeStatus(id, {BookingStatus::Tentative}, BookingStatus::Cancelled);
}

Result<Booking> BookingService::cancel(BookingId id)
{
    return changeStatus(id, {BookingStatus::Tentative, BookingStatus::Confirmed}, BookingStatus::Cancelled);
}

Result<Booking> BookingService::get(const QSqlDatabase &db, BookingId id)
{
    Query q(db, QStringLiteral("SELECT %1%2 WHERE b.id = :id").arg(BookingColumns, BookingJoins));
    q.bind(QStringLiteral(":id"), id.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    if (!q.next())
        return fail(Error::notFound(tr("there is no booking #%1").arg(id.value()), QStringLiteral("booking")));
    return bookingFrom(q);
}

Result<Booking> BookingService::get(BookingId id) const
{
    return get(m_db->connection(), id);
}

Result<QList<Booking>> BookingService::list(const BookingFilter &f) const
{
    // Open ends are bound as the widest range, so the SQL stays constant.
    Query q(*m_db, QStringLiteral("SELECT %1%2 WHERE b.end_utc > :from AND b.start_utc < :to "
                                  "AND (:space = 0 OR b.space_id = :space) "
                                  "AND (:cancelled = 1 OR b.status <> 'cancelled') ORDER BY b.start_utc, b.id")
                       .arg(BookingColumns, BookingJoins));
    q.bind(QStringLiteral(":from"), f.from.isValid() ? f.from.toSecsSinceEpoch() : std::numeric_limits<qint64>::min())
        .bind(QStringLiteral(":to"), f.to.isValid() ? f.to.toSecsSinceEpoch() : std::numeric_limits<qint64>::max())
        .bind(QStringLiteral(":space"), f.space ? f.space->value() : 0)
        .bind(QStringLiteral(":cancelled"), f.includeCancelled ? 1 : 0);
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    QList<Booking> out;
    while (q.next())
        out << bookingFrom(q);
    return out;
}

QList<Finding> BookingService::verify() const
{
    QList<Finding> found;
    // The times themselves, without buffers: a space's setup or clean-up time
    // may grow after bookings were made, which does not make them wrong.
    // Each live booking is compared with the latest end of the earlier ones,
    // so a busy hub is checked in one ordered pass.
    Query q(*m_db, QStringLiteral(
                       "SELECT id, space_name, title, start_utc, prev_end FROM ("
                       "SELECT b.id, s.name AS space_name, b.title, b.start_utc, max(b.end_utc) OVER ("
                       "PARTITION BY b.space_id ORDER BY b.start_utc, b.id "
                       "ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end "
                       "FROM bookings b JOIN spaces s ON s.id = b.space_id "
                       "WHERE b.status IN ('tentative', 'confirmed')) WHERE start_utc < prev_end"));
    if (auto ok = q.exec(); !ok) {
        found << Finding{{}, ok.error().message, {}};
        return found;
    }
    while (q.next())
        found << Finding{{},
                         tr("booking “%1” of %2 overlaps an earlier live booking of the same space")
                             .arg(q.value(2).toString(), q.value(1).toString()),
                         tr("bookings row %1").arg(q.value(0).toString())};
    return found;
}

} // namespace hub

// ---- series, edits, charges, free spaces and zone changes (being written) ----
namespace hub {
namespace {
Error notYet()
{
    return Error::refused(QStringLiteral("not available yet"));
}
} // namespace
Result<QList<Booking>> BookingService::cancel(BookingId, CancelScope) { return fail(notYet()); }
Result<Booking> BookingService::edit(BookingId, const BookingDraft &) { return fail(notYet()); }
Result<QList<SeriesOccurrence>> BookingService::preview(const BookingDraft &) const { return fail(notYet()); }
Result<SeriesOutcome> BookingService::bookSeries(const BookingDraft &) { return fail(notYet()); }
Result<SeriesOutcome> BookingService::editSeries(SeriesId, const BookingDraft &) { return fail(notYet()); }
Result<BookingSeries> BookingService::series(SeriesId) const { return fail(notYet()); }
Result<QList<Booking>> BookingService::occurrences(SeriesId) const { return fail(notYet()); }
Result<QList<Space>> BookingService::freeSpaces(const QDateTime &, const QDateTime &, int) const { return fail(notYet()); }
std::optional<Amount> BookingService::price(const Space &, qint64) { return std::nullopt; }
Result<int> BookingService::upcomingCount() const { return fail(notYet()); }
Status BookingService::changeZone(const QString &, ZoneChangePolicy) { return fail(notYet()); }
} // namespace hub
