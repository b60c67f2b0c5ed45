// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/spaces/bookingservice.h"

#include "core/access/accesscontrol.h"
#include "core/common/displayformat.h"
#include "core/common/localtime.h"
#include "core/common/textrules.h"
#include "core/ledger/ledgerservice.h"
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
    "b.created_at, b.series_id, b.occurrence_date, b.is_exception, b.charge_transfer_id, b.charge_reversal_id, b.uid");
const QString BookingJoins =
    QStringLiteral(" FROM bookings b JOIN spaces s ON s.id = b.space_id LEFT JOIN members m ON m.id = b.member_id");

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

// Wall-clock times as people at the front desk read them (DisplayFormat::span).
QString span(qint64 start, qint64 end, const QTimeZone &zone, const QLocale &locale = QLocale())
{
    return DisplayFormat::span(QDateTime::fromSecsSinceEpoch(start, QTimeZone::utc()),
                               QDateTime::fromSecsSinceEpoch(end, QTimeZone::utc()), zone, locale);
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

namespace {

// What keeps a slot from being booked.
struct Problem
{
    enum class Kind
    {
        Closed,
        Hours,
        Clash
    };
    Kind kind;
    QString message;
};

QString localText(const QDateTime &t, const QTimeZone &zone)
{
    return t.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
}

QVariant nullableId(std::optional<qint64> id)
{
    return id ? QVariant(*id) : QVariant(QMetaType(QMetaType::LongLong));
}

// The checks that hold for every date of a booking or series: the space is
// in use, the booker may book, and the people fit (or the override says why).
Result<Space> prepare(const QSqlDatabase &db, const BookingDraft &d)
{
    auto space = SpaceService::get(db, d.space);
    if (!space)
        return fail(space.error());
    if (!space->active)
        return fail(Error::refused(BookingService::tr("%1 is not in use and cannot be booked").arg(space->name),
                                   QStringLiteral("space")));
    if (d.member) {
        Query q(db, QStringLiteral("SELECT display_name, status FROM members WHERE id = :id"));
        q.bind(QStringLiteral(":id"), d.member->value());
        if (auto ok = q.exec(); !ok)
            return fail(ok.error());
        if (!q.next())
            return fail(Error::notFound(BookingService::tr("there is no member #%1").arg(d.member->value()),
                                        QStringLiteral("member")));
        if (q.value(1).toString() == QStringLiteral("left"))
            return fail(
                Error::refused(BookingService::tr("%1 has left the hub and cannot book").arg(q.value(0).toString()),
                               QStringLiteral("member")));
    }
    if (d.attendees > space->capacity && d.capacityOverride.trimmed().isEmpty())
        return fail(
            Error::refused(BookingService::tr("%1 holds %2 people; %3 are expected. Give a reason to book it anyway.")
                               .arg(space->name)
                               .arg(space->capacity)
                               .arg(d.attendees),
                           QStringLiteral("attendees")));
    if (d.charge) {
        if (!d.member)
            return fail(Error::invalid(BookingService::tr("a charge needs a booker whose account pays it"),
                                       QStringLiteral("charge")));
        if (!space->rate || space->rate->minor() == 0)
            return fail(Error::invalid(BookingService::tr("%1 has no hourly rate to charge").arg(space->name),
                                       QStringLiteral("charge")));
    }
    return space;
}

// Why [start, end) of `space` cannot be booked, or nothing. Closed days
// first, then opening hours (unless overridden), then other live bookings
// once both sides' setup and clean-up times are added. `ignore` is the
// booking being moved, which never clashes with itself.
Result<std::optional<Problem>> problemWith(const QSqlDatabase &db, const Space &space, qint64 start, qint64 end,
                                           const QTimeZone &zone, bool hoursOverridden, BookingId ignore = {})
{
    const QDate first = QDateTime::fromSecsSinceEpoch(start, zone).date();
    const QDate last = QDateTime::fromSecsSinceEpoch(end - 1, zone).date();
    for (QDate day = first; day <= last; day = day.addDays(1)) {
        auto closed = SpaceService::closureOn(db, space.id, day);
        if (!closed)
            return fail(closed.error());
        if (*closed && !hoursOverridden) {
            const QString why =
                (*closed)->reason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg((*closed)->reason);
            const QString whole = (*closed)->space ? space.name : BookingService::tr("The hub");
            return std::optional<Problem>(
                Problem{Problem::Kind::Closed,
                        BookingService::tr("%1 is closed on %2%3.")
                            .arg(whole, QLocale().toString(day, QStringLiteral("ddd d MMM yyyy")), why)});
        }
    }
    if (!hoursOverridden) {
        const QString outside = outsideHours(space, start, end, zone);
        if (!outside.isEmpty())
            return std::optional<Problem>(Problem{Problem::Kind::Hours, outside});
    }
    // Each side keeps its setup time before and its clean-up time after, so
    // two bookings clash when [start − setup, end + clean-up) of both meet.
    // No booking is longer than MaxBookingDays, which bounds the index scan.
    const qint64 setup = qint64(space.setupMinutes) * 60;
    const qint64 cleanup = qint64(space.cleanupMinutes) * 60;
    const qint64 lo = start - setup - cleanup;
    Query clash(db, QStringLiteral("SELECT b.id, b.title, b.start_utc, b.end_utc, coalesce(m.display_name, ''), "
                                   "b.status FROM bookings b LEFT JOIN members m ON m.id = b.member_id "
                                   "WHERE b.space_id = :space AND b.start_utc < :hi AND b.start_utc > :earliest "
                                   "AND b.end_utc > :lo AND b.status IN ('tentative', 'confirmed') AND b.id <> :ignore "
                                   "ORDER BY b.start_utc LIMIT 1"));
    clash.bind(QStringLiteral(":space"), space.id.value())
        .bind(QStringLiteral(":hi"), end + cleanup + setup)
        .bind(QStringLiteral(":earliest"), lo - qint64(BookingService::MaxBookingDays) * 86400)
        .bind(QStringLiteral(":lo"), lo)
        .bind(QStringLiteral(":ignore"), ignore.value());
    if (auto ok = clash.exec(); !ok)
        return fail(ok.error());
    if (!clash.next())
        return std::optional<Problem>();
    const QString who = clash.value(4).toString();
    const QString when = span(clash.value(2).toLongLong(), clash.value(3).toLongLong(), zone);
    const QString buffers = (setup || cleanup)
                                ? BookingService::tr(" (with %1 min setup and %2 min clean-up around each booking)")
                                      .arg(space.setupMinutes)
                                      .arg(space.cleanupMinutes)
                                : QString();
    const QString message = who.isEmpty()
                                ? BookingService::tr("%1 is already booked for “%2” on %3 (booking #%4, %5)%6")
                                      .arg(space.name, clash.value(1).toString(), when, clash.value(0).toString(),
                                           clash.value(5).toString(), buffers)
                                : BookingService::tr("%1 is already booked for “%2” on %3 by %4 (booking #%5, %6)%7")
                                      .arg(space.name, clash.value(1).toString(), when, who, clash.value(0).toString(),
                                           clash.value(5).toString(), buffers);
    clash.raw().finish();
    return std::optional<Problem>(Problem{Problem::Kind::Clash, message});
}

// Whether a booking made with an hours override needed it, so the note is
// recorded only where it says something.
bool neededOverride(const QSqlDatabase &db, const Space &space, qint64 start, qint64 end, const QTimeZone &zone)
{
    auto p = problemWith(db, space, start, end, zone, false);
    return p && *p && (*p)->kind != Problem::Kind::Clash;
}

Error refusalFor(const Problem &p)
{
    switch (p.kind) {
    // Their own "where", so a form offers the reason field and hubctl names --outside-hours.
    case Problem::Kind::Closed:
        return Error::refused(p.message + u' ' + BookingService::tr("Give a reason to book it anyway."),
                              QStringLiteral("outside-hours"));
    case Problem::Kind::Hours:
        return Error::refused(p.message + u' ' + BookingService::tr("Give a reason to book outside the opening hours."),
                              QStringLiteral("outside-hours"));
    case Problem::Kind::Clash:
        break;
    }
    return Error::refused(p.message, QStringLiteral("start"));
}

// The refusal of a series lists every date that cannot be booked.
Error seriesRefusal(const QList<SeriesOccurrence> &clashing, qsizetype total)
{
    QStringList lines{
        BookingService::tr("%1 of %2 dates cannot be booked, so none was booked:").arg(clashing.size()).arg(total)};
    for (const SeriesOccurrence &o : clashing)
        lines
            << QStringLiteral("  %1: %2").arg(QLocale().toString(o.date, QStringLiteral("ddd d MMM yyyy")), o.problem);
    lines << BookingService::tr("Choose other times, or book the free dates only.");
    return Error::refused(lines.join(u'\n'), QStringLiteral("start"));
}

} // namespace

BookingService::BookingService(std::shared_ptr<Database> db, SettingsService &settings, LedgerService &ledger,
                               const Clock &clock, const QString &actor, AccessControl &access, AuditTrail &audit)
    : m_db(std::move(db)), m_settings(settings), m_ledger(ledger), m_clock(clock), m_actor(actor), m_access(access),
      m_work(m_db, access, audit)
{}

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
    if (auto ok = TextRules::name(d.title, QStringLiteral("title")); !ok)
        return ok;
    if (auto ok = TextRules::multiLine(d.notes, QStringLiteral("notes")); !ok)
        return ok;
    if (title.size() > MaxTitleLength)
        return fail(
            Error::invalid(tr("the title is longer than %1 characters").arg(MaxTitleLength), QStringLiteral("title")));
    if (d.member && !d.member->isValid())
        return fail(
            Error::invalid(tr("choose who is booking, or nobody for the hub's own use"), QStringLiteral("member")));
    if (d.attendees < 0)
        return fail(Error::invalid(tr("the number of attendees cannot be negative"), QStringLiteral("attendees")));
    if (!d.start.isValid())
        return fail(Error::invalid(tr("choose when the booking starts"), QStringLiteral("start")));
    if (!d.end.isValid())
        return fail(Error::invalid(tr("choose when the booking ends"), QStringLiteral("end")));
    if (d.end <= d.start)
        return fail(Error::invalid(tr("the booking must end after it starts"), QStringLiteral("end")));
    if (d.start.secsTo(d.end) > qint64(MaxBookingDays) * 86400)
        return fail(Error::invalid(tr("a booking lasts at most %1 days; book a series for longer").arg(MaxBookingDays),
                                   QStringLiteral("end")));
    if (d.notes.size() > MaxNotesLength)
        return fail(
            Error::invalid(tr("the notes are longer than %1 characters").arg(MaxNotesLength), QStringLiteral("notes")));
    if (d.repeat)
        if (auto ok = d.repeat->validate(d.start.toTimeZone(zoneOf(d)).date()); !ok)
            return ok;
    return {};
}

QTimeZone BookingService::zoneOf(const BookingDraft &d)
{
    return d.start.timeSpec() == Qt::TimeZone ? d.start.timeZone() : QTimeZone::utc();
}

std::optional<Amount> BookingService::price(const Space &space, qint64 seconds)
{
    if (!space.rate)
        return std::nullopt;
    // Half a minor unit and more rounds up, as a till would.
    const qint64 minor = (space.rate->minor() * seconds + 1800) / 3600;
    return Amount::fromMinor(minor);
}

Result<std::optional<TransferId>> BookingService::charge(const QSqlDatabase &db, BookingId id, const Space &space,
                                                         MemberId member, qint64 start, qint64 end)
{
    const auto amount = price(space, end - start);
    if (!amount || amount->minor() <= 0)
        return std::optional<TransferId>();
    auto hubAccount = m_ledger.hubAccount();
    if (!hubAccount)
        return fail(hubAccount.error());
    TransferDraft t;
    t.payer = member;
    t.payee = hubAccount->member;
    t.amount = *amount;
    // The memo is kept for good in the chain: the same words whoever's desk wrote it.
    t.memo = tr("%1: %2").arg(space.name, span(start, end, zone(), QLocale::c()));
    t.category = tr("Space hire");
    t.reference = tr("booking #%1").arg(id.value());
    // The charge is part of the booking: whoever may book may charge it.
    AccessControl::Grant grant(Permission::RecordTransfer);
    auto posted = m_ledger.pay(t);
    if (!posted) {
        Error e = posted.error();
        e.message = tr("charging %1 for %2 was refused: %3")
                        .arg(m_settings.load().value_or(HubSettings{}).formatAmount(*amount), space.name, e.message);
        e.where = QStringLiteral("charge");
        return fail(e);
    }
    Query q(db,
            QStringLiteral("UPDATE bookings SET charge_transfer_id = :t, charge_reversal_id = NULL WHERE id = :id"));
    q.bind(QStringLiteral(":t"), posted->transfer.id.value()).bind(QStringLiteral(":id"), id.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    return std::optional<TransferId>(posted->transfer.id);
}

Status BookingService::refund(const QSqlDatabase &db, const Booking &b)
{
    if (!b.charge || b.chargeReversal)
        return {};
    AccessControl::Grant grant(Permission::ReverseTransfer);
    auto reversed =
        m_ledger.reverse(*b.charge, tr("Booking #%1 cancelled or changed: “%2”").arg(b.id.value()).arg(b.title));
    if (!reversed)
        return fail(reversed.error());
    Query q(db, QStringLiteral("UPDATE bookings SET charge_reversal_id = :t WHERE id = :id"));
    q.bind(QStringLiteral(":t"), reversed->transfer.id.value()).bind(QStringLiteral(":id"), b.id.value());
    return q.exec();
}

// The columns a new booking and a changed one both take from the draft.
void BookingService::bindFields(Query &q, const BookingDraft &d, const Space &space, qint64 start, qint64 end,
                                bool outside) const
{
    q.bind(QStringLiteral(":space"), d.space.value())
        .bind(QStringLiteral(":title"), d.title.simplified())
        .bind(QStringLiteral(":member"), nullableId(d.member ? std::optional(d.member->value()) : std::nullopt))
        .bind(QStringLiteral(":attendees"), d.attendees)
        .bind(QStringLiteral(":start"), start)
        .bind(QStringLiteral(":end"), end)
        .bind(QStringLiteral(":zone"), QString::fromUtf8(zone().id()))
        .bind(QStringLiteral(":status"), toString(d.tentative ? BookingStatus::Tentative : BookingStatus::Confirmed))
        .bind(QStringLiteral(":notes"), d.notes.trimmed())
        .bind(QStringLiteral(":hours"), outside ? d.outsideHoursOverride.trimmed() : QString())
        .bind(QStringLiteral(":capacity"), d.attendees > space.capacity ? d.capacityOverride.trimmed() : QString());
}

Result<Booking> BookingService::insert(const QSqlDatabase &db, const BookingDraft &d, const Space &space, qint64 start,
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
        if (auto charged = charge(db, id, space, *d.member, start, end); !charged)
            return fail(charged.error());
    return get(db, id);
}

Result<Booking> BookingService::book(const BookingDraft &d)
{
    return m_work.run<Booking>(Permission::Book, [&](Write &w) -> Result<Booking> { return bookIn(w, d); });
}

Result<Booking> BookingService::bookIn(Write &w, const BookingDraft &d)
{
    if (d.repeat)
        return fail(Error::invalid(tr("a repeating booking is booked as a series"), QStringLiteral("repeat")));
    if (auto ok = validate(d); !ok)
        return fail(ok.error());
    const QTimeZone hubZone = zone();
    const QSqlDatabase db = w.connection();
    auto space = prepare(db, d);
    if (!space)
        return fail(space.error());
    const qint64 start = d.start.toSecsSinceEpoch();
    const qint64 end = d.end.toSecsSinceEpoch();
    const bool overridden = !d.outsideHoursOverride.trimmed().isEmpty();
    auto problem = problemWith(db, *space, start, end, hubZone, overridden);
    if (!problem)
        return fail(problem.error());
    if (*problem)
        return fail(refusalFor(**problem));
    const bool outside = overridden && neededOverride(db, *space, start, end, hubZone);
    auto stored = insert(db, d, *space, start, end, outside, std::nullopt, {});
    if (!stored)
        return fail(stored.error());
    w.audit(QStringLiteral("booking.add"), QStringLiteral("booking"), stored->id.value(),
            tr("space #%1, %2").arg(space->id.value()).arg(span(start, end, hubZone)));
    return stored;
}

Result<Booking> BookingService::changeStatus(BookingId id, const QList<BookingStatus> &from, BookingStatus to)
{
    return m_work.run<Booking>(Permission::Book,
                               [&](Write &w) -> Result<Booking> { return changeStatusIn(w, id, from, to); });
}

Result<Booking> BookingService::changeStatusIn(Write &w, BookingId id, const QList<BookingStatus> &from,
                                               BookingStatus to)
{
    const QSqlDatabase db = w.connection();
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
    if (to == BookingStatus::Cancelled)
        if (auto ok = refund(db, *b); !ok)
            return fail(ok.error());
    auto changed = get(db, id);
    if (!changed)
        return fail(changed.error());
    w.audit(QStringLiteral("booking.status"), QStringLiteral("booking"), id.value(),
            tr("%1 → %2").arg(toString(b->status), toString(to)));
    return changed;
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

Result<QList<Booking>> BookingService::cancel(BookingId id, CancelScope scope)
{
    return m_work.run<QList<Booking>>(Permission::Book,
                                      [&](Write &w) -> Result<QList<Booking>> { return cancelIn(w, id, scope); });
}

Result<QList<Booking>> BookingService::cancelIn(Write &w, BookingId id, CancelScope scope)
{
    const QSqlDatabase db = w.connection();
    auto b = get(db, id);
    if (!b)
        return fail(b.error());
    if (scope != CancelScope::Occurrence && !b->series)
        return fail(Error::invalid(tr("booking #%1 (“%2”) is not part of a series").arg(id.value()).arg(b->title),
                                   QStringLiteral("scope")));
    QList<Booking> targets;
    if (scope == CancelScope::Occurrence) {
        if (!b->isLive())
            return fail(Error::refused(tr("booking #%1 (“%2”) is already cancelled").arg(id.value()).arg(b->title)));
        targets << *b;
    } else {
        auto all = occurrences(db, *b->series);
        if (!all)
            return fail(all.error());
        for (const Booking &o : *all)
            if (o.isLive() && (scope == CancelScope::Series || o.occurrence >= b->occurrence))
                targets << o;
        if (targets.isEmpty())
            return fail(Error::refused(tr("no live dates of this series are left to cancel")));
        // A series cut short ends the day before: exports and later edits
        // of the series then stop there too.
        if (scope == CancelScope::ThisAndFollowing) {
            auto series = seriesRow(db, *b->series);
            if (!series)
                return fail(series.error());
            if (series->recurrence) {
                Recurrence r = *series->recurrence;
                r.count = 0;
                r.until = b->occurrence.addDays(-1);
                Query q(db, QStringLiteral("UPDATE booking_series SET rrule = :rule WHERE id = :id"));
                q.bind(QStringLiteral(":rule"), r.toRRule(series->firstStart))
                    .bind(QStringLiteral(":id"), series->id.value());
                if (auto ok = q.exec(); !ok)
                    return fail(ok.error());
            }
        }
    }
    QList<Booking> out;
    for (const Booking &t : targets) {
        Query q(db, QStringLiteral("UPDATE bookings SET status = 'cancelled' WHERE id = :id"));
        q.bind(QStringLiteral(":id"), t.id.value());
        if (auto ok = q.exec(); !ok)
            return fail(ok.error());
        if (auto ok = refund(db, t); !ok)
            return fail(ok.error());
        auto changed = get(db, t.id);
        if (!changed)
            return fail(changed.error());
        out << *changed;
    }
    w.audit(QStringLiteral("booking.cancel"), QStringLiteral("booking"), id.value(),
            tr("%n booking(s) cancelled", nullptr, int(out.size())));
    return out;
}

Result<Booking> BookingService::edit(BookingId id, const BookingDraft &draft)
{
    return m_work.run<Booking>(Permission::Book, [&](Write &w) -> Result<Booking> { return editIn(w, id, draft); });
}

Result<Booking> BookingService::editIn(Write &w, BookingId id, const BookingDraft &draft)
{
    BookingDraft d = draft;
    d.repeat.reset();
    if (auto ok = validate(d); !ok)
        return fail(ok.error());
    const QTimeZone hubZone = zone();
    const QSqlDatabase db = w.connection();
    auto old = get(db, id);
    if (!old)
        return fail(old.error());
    if (!old->isLive())
        return fail(
            Error::refused(tr("booking #%1 (“%2”) is cancelled; book again instead").arg(id.value()).arg(old->title)));
    auto space = prepare(db, d);
    if (!space)
        return fail(space.error());
    const qint64 start = d.start.toSecsSinceEpoch();
    const qint64 end = d.end.toSecsSinceEpoch();
    const bool overridden = !d.outsideHoursOverride.trimmed().isEmpty();
    auto problem = problemWith(db, *space, start, end, hubZone, overridden, id);
    if (!problem)
        return fail(problem.error());
    if (*problem)
        return fail(refusalFor(**problem));
    const bool outside = overridden && neededOverride(db, *space, start, end, hubZone);
    // An occurrence changed on its own becomes an exception of its series.
    auto changed = rewrite(db, *old, d, *space, start, end, outside, old->series.has_value());
    if (!changed)
        return fail(changed.error());
    w.audit(QStringLiteral("booking.edit"), QStringLiteral("booking"), id.value(),
            tr("space #%1, %2").arg(space->id.value()).arg(span(start, end, hubZone)));
    return changed;
}

Status BookingService::reprice(const QSqlDatabase &db, const Booking &old, const BookingDraft &d, const Space &space,
                               qint64 start, qint64 end)
{
    const bool wasCharged = old.charge && !old.chargeReversal;
    const bool same = wasCharged && d.charge && old.member == d.member && old.space == d.space &&
                      old.end.toSecsSinceEpoch() - old.start.toSecsSinceEpoch() == end - start;
    if (same)
        return {};
    if (wasCharged)
        if (auto ok = refund(db, old); !ok)
            return ok;
    if (d.charge && d.member)
        if (auto charged = charge(db, old.id, space, *d.member, start, end); !charged)
            return fail(charged.error());
    return {};
}

Result<QList<SeriesOccurrence>> BookingService::datesOf(const QSqlDatabase &db, const BookingDraft &d,
                                                        const Space &space, const std::optional<Recurrence> &rule,
                                                        const QString &rrule) const
{
    const QTimeZone hubZone = zone();
    const QDateTime firstLocal = d.start.toTimeZone(hubZone);
    const qint64 duration = d.start.secsTo(d.end);
    auto dates = rule ? rule->dates(firstLocal) : Recurrence::expand(rrule, firstLocal);
    if (!dates)
        return fail(dates.error());
    if (dates->isEmpty())
        return fail(Error::invalid(tr("the series has no dates"), QStringLiteral("repeat")));
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
        auto problem =
            problemWith(db, space, o.start.toSecsSinceEpoch(), o.end.toSecsSinceEpoch(), hubZone, overridden);
        if (!problem)
            return fail(problem.error());
        if (*problem)
            o.problem = (*problem)->message;
        out << o;
    }
    return out;
}

Result<QList<SeriesOccurrence>> BookingService::preview(const BookingDraft &d) const
{
    if (!d.repeat)
        return fail(Error::invalid(tr("choose how the booking repeats"), QStringLiteral("repeat")));
    if (auto ok = validate(d); !ok)
        return fail(ok.error());
    auto tx = Transaction::begin(*m_db, Transaction::Mode::Deferred);
    if (!tx)
        return fail(tx.error());
    auto space = prepare(tx->connection(), d);
    if (!space)
        return fail(space.error());
    return datesOf(tx->connection(), d, *space, d.repeat, {});
}

Result<SeriesOutcome> BookingService::bookSeries(const BookingDraft &d)
{
    return m_work.run<SeriesOutcome>(Permission::Book,
                                     [&](Write &w) -> Result<SeriesOutcome> { return bookSeriesIn(w, d); });
}

Result<SeriesOutcome> BookingService::bookSeriesIn(Write &w, const BookingDraft &d)
{
    if (!d.repeat)
        return fail(Error::invalid(tr("choose how the booking repeats"), QStringLiteral("repeat")));
    if (auto ok = validate(d); !ok)
        return fail(ok.error());
    const QTimeZone hubZone = zone();
    const QSqlDatabase db = w.connection();
    auto space = prepare(db, d);
    if (!space)
        return fail(space.error());
    const QDateTime firstLocal = d.start.toTimeZone(hubZone);
    Query s(db, QStringLiteral(
                    "INSERT INTO booking_series (space_id, rrule, first_start, duration_minutes, zone, charge, "
                    "created_by, created_at) VALUES (:space, :rule, :first, :minutes, :zone, :charge, :by, :at)"));
    s.bind(QStringLiteral(":space"), d.space.value())
        .bind(QStringLiteral(":rule"), d.repeat->toRRule(firstLocal))
        .bind(QStringLiteral(":first"), localText(firstLocal, hubZone))
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
Status BookingService::bookDates(const QSqlDatabase &db, const BookingDraft &d, const Space &space, SeriesId series,
                                 const std::optional<Recurrence> &rule, const QString &rrule,
                                 const QHash<QDate, Booking> &existing, SeriesOutcome &outcome)
{
    const QTimeZone hubZone = zone();
    const QDateTime firstLocal = d.start.toTimeZone(hubZone);
    const qint64 duration = d.start.secsTo(d.end);
    auto dates = rule ? rule->dates(firstLocal) : Recurrence::expand(rrule, firstLocal);
    if (!dates)
        return fail(dates.error());
    if (dates->isEmpty())
        return fail(Error::invalid(tr("the series has no dates"), QStringLiteral("repeat")));
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
        auto problem = problemWith(db, space, start, end, hubZone, overridden);
        if (!problem)
            return fail(problem.error());
        if (*problem) {
            clashing << SeriesOccurrence{date, fromSecs(start), fromSecs(end), (*problem)->message, resolved.note};
            continue;
        }
        const bool outside = overridden && neededOverride(db, space, start, end, hubZone);
        Result<Booking> stored;
        if (kept != existing.constEnd()) {
            stored = rewrite(db, *kept, d, space, start, end, outside, false);
        } else {
            stored = insert(db, d, space, start, end, outside, series, date);
        }
        if (!stored)
            return fail(stored.error());
        if (resolved.moved || resolved.ambiguous)
            outcome.moved << SeriesOccurrence{date, fromSecs(start), fromSecs(end), {}, resolved.note};
        outcome.booked << *stored;
    }
    if (!clashing.isEmpty() && !d.skipClashes)
        return fail(seriesRefusal(clashing, considered));
    if (outcome.booked.isEmpty() && !clashing.isEmpty())
        return fail(Error::refused(tr("none of the %1 dates is free").arg(considered), QStringLiteral("start")));
    outcome.skipped = clashing;
    return {};
}

Result<Booking> BookingService::rewrite(const QSqlDatabase &db, const Booking &old, const BookingDraft &d,
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
    if (auto ok = reprice(db, old, d, space, start, end); !ok)
        return fail(ok.error());
    return get(db, old.id);
}

Result<SeriesOutcome> BookingService::editSeries(SeriesId id, const BookingDraft &draft)
{
    return m_work.run<SeriesOutcome>(Permission::Book,
                                     [&](Write &w) -> Result<SeriesOutcome> { return editSeriesIn(w, id, draft); });
}

Result<SeriesOutcome> BookingService::editSeriesIn(Write &w, SeriesId id, const BookingDraft &draft)
{
    if (auto ok = validate(draft); !ok)
        return fail(ok.error());
    const QTimeZone hubZone = zone();
    const QSqlDatabase db = w.connection();
    auto series = seriesRow(db, id);
    if (!series)
        return fail(series.error());
    BookingDraft d = draft;
    d.space = series->space; // a series moves rooms date by date, as exceptions
    auto space = prepare(db, d);
    if (!space)
        return fail(space.error());
    auto all = occurrences(db, id);
    if (!all)
        return fail(all.error());
    // The dates about to be rewritten step out of the way first, so the new
    // times are checked against everything else — and against each other.
    QHash<QDate, Booking> existing;
    for (const Booking &o : *all) {
        existing.insert(o.occurrence, o);
        if (o.isLive() && !o.exception) {
            Query q(db, QStringLiteral("UPDATE bookings SET status = 'cancelled' WHERE id = :id"));
            q.bind(QStringLiteral(":id"), o.id.value());
            if (auto ok = q.exec(); !ok)
                return fail(ok.error());
        }
    }
    // bookDates() keeps cancelled rows as they are, so it must still see
    // the rewritten ones as live.
    QHash<QDate, Booking> reusable = existing;
    const QDateTime firstLocal = d.start.toTimeZone(hubZone);
    const std::optional<Recurrence> rule = d.repeat ? d.repeat : series->recurrence;
    const QString rrule = rule ? rule->toRRule(firstLocal) : series->rrule;
    SeriesOutcome outcome;
    outcome.series = id;
    if (auto ok = bookDates(db, d, *space, id, rule, rrule, reusable, outcome); !ok)
        return fail(ok.error());
    // Dates the new rule dropped (or skipped as clashing) stay cancelled;
    // their charges go back.
    QSet<QDate> booked;
    for (const Booking &b : std::as_const(outcome.booked))
        booked.insert(b.occurrence);
    for (const Booking &o : std::as_const(*all))
        if (o.isLive() && !o.exception && !booked.contains(o.occurrence))
            if (auto ok = refund(db, o); !ok)
                return fail(ok.error());
    Query q(db, QStringLiteral("UPDATE booking_series SET rrule = :rule, first_start = :first, duration_minutes = "
                               ":minutes, zone = :zone, charge = :charge WHERE id = :id"));
    q.bind(QStringLiteral(":rule"), rrule)
        .bind(QStringLiteral(":first"), localText(firstLocal, hubZone))
        .bind(QStringLiteral(":minutes"), std::max<qint64>(1, d.start.secsTo(d.end) / 60))
        .bind(QStringLiteral(":zone"), QString::fromUtf8(hubZone.id()))
        .bind(QStringLiteral(":charge"), d.charge ? 1 : 0)
        .bind(QStringLiteral(":id"), id.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    w.audit(QStringLiteral("booking.series-edit"), QStringLiteral("series"), id.value(),
            tr("%n date(s) booked or changed", nullptr, int(outcome.booked.size())));
    return outcome;
}

Result<BookingSeries> BookingService::seriesRow(const QSqlDatabase &db, SeriesId id)
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

Result<BookingSeries> BookingService::series(SeriesId id) const
{
    return seriesRow(m_db->connection(), id);
}

Result<QList<Booking>> BookingService::occurrences(const QSqlDatabase &db, SeriesId id)
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

Result<QList<Booking>> BookingService::occurrences(SeriesId id) const
{
    return occurrences(m_db->connection(), id);
}

Result<QList<Space>> BookingService::freeSpaces(const QDateTime &from, const QDateTime &to, int capacity) const
{
    if (!from.isValid() || !to.isValid() || to <= from)
        return fail(Error::invalid(tr("the end must come after the start"), QStringLiteral("to")));
    if (from.secsTo(to) > qint64(MaxBookingDays) * 86400)
        return fail(Error::invalid(tr("look for at most %1 days at once").arg(MaxBookingDays), QStringLiteral("to")));
    const QTimeZone hubZone = zone();
    auto tx = Transaction::begin(*m_db, Transaction::Mode::Deferred);
    if (!tx)
        return fail(tx.error());
    const QSqlDatabase db = tx->connection();
    Query ids(db, QStringLiteral("SELECT id FROM spaces WHERE active = 1 AND capacity >= :n ORDER BY name"));
    ids.bind(QStringLiteral(":n"), capacity);
    if (auto ok = ids.exec(); !ok)
        return fail(ok.error());
    QList<SpaceId> candidates;
    while (ids.next())
        candidates << SpaceId(ids.value(0).toLongLong());
    QList<Space> out;
    for (SpaceId id : std::as_const(candidates)) {
        auto space = SpaceService::get(db, id);
        if (!space)
            return fail(space.error());
        auto problem = problemWith(db, *space, from.toSecsSinceEpoch(), to.toSecsSinceEpoch(), hubZone, false);
        if (!problem)
            return fail(problem.error());
        if (!*problem)
            out << *space;
    }
    return out;
}

Result<int> BookingService::upcomingCount() const
{
    Query q(*m_db, QStringLiteral("SELECT count(*) FROM bookings WHERE end_utc > :now "
                                  "AND status IN ('tentative', 'confirmed')"));
    q.bind(QStringLiteral(":now"), m_clock.nowSecs());
    auto n = q.scalar();
    if (!n)
        return fail(n.error());
    return n->toInt();
}

Status BookingService::guardZoneChange(const QString &from, const QString &to) const
{
    if (m_changingZone || from == to)
        return {};
    auto n = upcomingCount();
    if (!n)
        return fail(n.error());
    if (*n == 0)
        return {};
    return fail(
        Error::refused(tr("%1 upcoming bookings were made in %2. Choose whether they keep their local times in %3 "
                          "(19:00 stays 19:00) or the same moments (their clock times change).")
                           .arg(*n)
                           .arg(from, to),
                       QStringLiteral("timezone")));
}

Status BookingService::changeZone(const QString &zoneId, ZoneChangePolicy policy)
{
    if (auto ok = m_access.require(Permission::ChangeSettings); !ok)
        return ok;
    auto current = m_settings.load();
    if (!current)
        return fail(current.error());
    HubSettings next = *current;
    if (auto ok = SettingsService::apply(next, SettingsService::keyTimeZone(), zoneId); !ok)
        return ok;
    if (next.timeZone == current->timeZone)
        return {};
    // The permission was checked above, before the zone was read and parsed.
    return m_work.run(std::nullopt, [&](Write &w) -> Status { return changeZoneIn(w, *current, next, policy); });
}

Status BookingService::changeZoneIn(Write &w, const HubSettings &current, const HubSettings &next,
                                    ZoneChangePolicy policy)
{
    const QSqlDatabase db = w.connection();
    if (policy == ZoneChangePolicy::Ask)
        if (auto ok = guardZoneChange(current.timeZone, next.timeZone); !ok)
            return ok;
    const QTimeZone to = next.zone();
    const QString toId = QString::fromUtf8(to.id());
    Query q(db, QStringLiteral("SELECT id, start_utc, end_utc, zone FROM bookings WHERE end_utc > :now "
                               "AND status IN ('tentative', 'confirmed')"));
    q.bind(QStringLiteral(":now"), m_clock.nowSecs());
    if (auto ok = q.exec(); !ok)
        return ok;
    struct Move
    {
        qint64 id, start, end;
    };
    QList<Move> moves;
    while (q.next()) {
        qint64 start = q.value(1).toLongLong();
        qint64 end = q.value(2).toLongLong();
        if (policy == ZoneChangePolicy::KeepLocalTimes) {
            const QTimeZone from(q.value(3).toString().toUtf8());
            const QDateTime s = QDateTime::fromSecsSinceEpoch(start, from);
            const QDateTime e = QDateTime::fromSecsSinceEpoch(end, from);
            // A wall time the new zone skips moves forward by the gap, never to 1970.
            start = LocalTime::occurrence(s.date(), s.time(), to).at.toSecsSinceEpoch();
            end = LocalTime::occurrence(e.date(), e.time(), to).at.toSecsSinceEpoch();
        }
        moves << Move{q.value(0).toLongLong(), start, end};
    }
    for (const Move &m : std::as_const(moves)) {
        Query u(db, QStringLiteral("UPDATE bookings SET start_utc = :s, end_utc = :e, zone = :zone WHERE id = :id"));
        u.bind(QStringLiteral(":s"), m.start)
            .bind(QStringLiteral(":e"), m.end)
            .bind(QStringLiteral(":zone"), toId)
            .bind(QStringLiteral(":id"), m.id);
        if (auto ok = u.exec(); !ok)
            return ok;
    }
    // A series keeps its wall-clock start under KeepLocalTimes; under
    // KeepInstants its first start is read anew on the new wall clock.
    Query series(db, QStringLiteral("SELECT id, first_start, zone FROM booking_series"));
    if (auto ok = series.exec(); !ok)
        return ok;
    QList<std::pair<qint64, QString>> firsts;
    while (series.next()) {
        const QDateTime local = QDateTime::fromString(series.value(1).toString(), Qt::ISODate);
        const QDateTime then =
            LocalTime::occurrence(local.date(), local.time(), QTimeZone(series.value(2).toString().toUtf8())).at;
        firsts << std::pair{series.value(0).toLongLong(), policy == ZoneChangePolicy::KeepLocalTimes
                                                              ? series.value(1).toString()
                                                              : localText(then, to)};
    }
    for (const auto &[id, first] : std::as_const(firsts)) {
        Query u(db, QStringLiteral("UPDATE booking_series SET first_start = :first, zone = :zone WHERE id = :id"));
        u.bind(QStringLiteral(":first"), first).bind(QStringLiteral(":zone"), toId).bind(QStringLiteral(":id"), id);
        if (auto ok = u.exec(); !ok)
            return ok;
    }
    m_changingZone = true;
    auto saved = m_settings.save(next);
    m_changingZone = false;
    if (!saved)
        return saved;
    // Wall clocks of two zones differ across their daylight-saving dates, so
    // moved bookings are checked once more against each other.
    if (const QList<Finding> overlaps = verify(); !overlaps.isEmpty())
        return fail(
            Error::refused(tr("keeping local times would make bookings overlap: %1").arg(overlaps.first().message),
                           QStringLiteral("timezone")));
    return {};
}

Result<Booking> BookingService::get(const QSqlDatabase &db, BookingId id)
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

Result<Booking> BookingService::get(BookingId id) const
{
    return get(m_db->connection(), id);
}

Result<QList<Booking>> BookingService::list(const BookingFilter &f) const
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
        .bind(QStringLiteral(":earliest"), from - qint64(MaxBookingDays) * 86400)
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
    Query q(*m_db, QStringLiteral("SELECT id, space_name, title, start_utc, prev_end FROM ("
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
