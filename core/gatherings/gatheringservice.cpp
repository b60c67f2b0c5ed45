// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/gatherings/gatheringservice.h"

#include "core/common/textrules.h"
#include "core/gatherings/gatheringlookup.h"
#include "core/spaces/bookingservice.h"
#include "core/spaces/spaceservice.h"
#include "core/storage/database.h"
#include "core/storage/query.h"

#include <QSet>

namespace hub {

namespace {

const QString Columns = QStringLiteral(
    "SELECT g.id, g.kind, g.title, g.theme, coalesce(b.start_utc, g.start_utc), coalesce(b.end_utc, g.end_utc), "
    "g.booking_id, g.series_id, b.space_id, coalesce(s.name, ''), coalesce(b.status, ''), g.capacity, g.voting, "
    "g.dots_per_attendee, g.voting_closed, g.notes, g.created_by, g.created_at, "
    "(SELECT count(*) FROM gathering_registrations r WHERE r.gathering_id = g.id AND r.status = 'registered'), "
    "(SELECT count(*) FROM gathering_registrations r WHERE r.gathering_id = g.id AND r.status = 'waiting'), "
    "(SELECT count(*) FROM gathering_attendance a WHERE a.gathering_id = g.id), "
    "(SELECT count(*) FROM ideas i WHERE i.gathering_id = g.id) "
    "FROM gatherings g LEFT JOIN bookings b ON b.id = g.booking_id LEFT JOIN spaces s ON s.id = b.space_id ");

Gathering gatheringFrom(const Query &q)
{
    Gathering g;
    g.id = GatheringId(q.value(0).toLongLong());
    g.kind = gatheringKindFrom(q.value(1).toString()).value_or(GatheringKind::Other);
    g.title = q.value(2).toString();
    g.theme = q.value(3).toString();
    g.start = GatheringLookup::instant(q.value(4));
    g.end = GatheringLookup::instant(q.value(5));
    if (!q.value(6).isNull())
        g.booking = BookingId(q.value(6).toLongLong());
    if (!q.value(7).isNull())
        g.series = SeriesId(q.value(7).toLongLong());
    if (!q.value(8).isNull())
        g.space = SpaceId(q.value(8).toLongLong());
    g.spaceName = q.value(9).toString();
    g.bookingCancelled = q.value(10).toString() == QStringLiteral("cancelled");
    if (!q.value(11).isNull())
        g.capacity = q.value(11).toInt();
    g.voting = votingModeFrom(q.value(12).toString()).value_or(VotingMode::OneVote);
    g.dotsPerAttendee = q.value(13).toInt();
    g.votingClosed = q.value(14).toInt() != 0;
    g.notes = q.value(15).toString();
    g.createdBy = q.value(16).toString();
    g.createdAt = GatheringLookup::instant(q.value(17));
    g.registered = q.value(18).toInt();
    g.waiting = q.value(19).toInt();
    g.attended = q.value(20).toInt();
    g.ideas = q.value(21).toInt();
    return g;
}

// The booking a gathering holds: the hub's own use, expecting as many people
// as the gathering has room for, so the space's capacity rule applies.
BookingDraft bookingFor(const GatheringDraft &d, std::optional<int> capacity)
{
    BookingDraft b;
    b.space = *d.space;
    b.title = d.title.trimmed();
    b.attendees = capacity.value_or(0);
    b.start = d.start;
    b.end = d.end;
    b.notes = GatheringService::tr("Gathering (%1)").arg(toString(d.kind));
    b.outsideHoursOverride = d.outsideHoursOverride;
    b.repeat = d.repeat;
    return b;
}

} // namespace

GatheringService::GatheringService(std::shared_ptr<Database> db, BookingService &bookings, const Clock &clock,
                                   const QString &actor, AccessControl &access, AuditTrail &audit)
    : m_db(std::move(db)), m_bookings(bookings), m_clock(clock), m_actor(actor), m_work(m_db, access, audit)
{}

Status GatheringService::validate(const GatheringDraft &d)
{
    const QString title = d.title.trimmed();
    if (title.isEmpty())
        return fail(Error::invalid(tr("A gathering needs a title."), QStringLiteral("title")));
    if (auto ok = TextRules::name(d.title, QStringLiteral("title")); !ok)
        return ok;
    if (title.size() > MaxTitleLength)
        return fail(
            Error::invalid(tr("The title is longer than %1 characters.").arg(MaxTitleLength), QStringLiteral("title")));
    if (d.theme.size() > MaxThemeLength)
        return fail(
            Error::invalid(tr("The theme is longer than %1 characters.").arg(MaxThemeLength), QStringLiteral("theme")));
    if (d.notes.size() > MaxNotesLength)
        return fail(Error::invalid(tr("The notes are longer than %1 characters.").arg(MaxNotesLength),
                                   QStringLiteral("notes")));
    if (!d.start.isValid())
        return fail(Error::invalid(tr("A gathering needs a start time."), QStringLiteral("start")));
    if (!d.end.isValid() || d.end <= d.start)
        return fail(Error::invalid(tr("The end must be after the start."), QStringLiteral("end")));
    if (d.capacity < 0)
        return fail(Error::invalid(tr("The capacity cannot be negative."), QStringLiteral("capacity")));
    if (d.voting == VotingMode::Dots && (d.dotsPerAttendee < 1 || d.dotsPerAttendee > MaxDots))
        return fail(
            Error::invalid(tr("Each attendee gets between 1 and %1 dots.").arg(MaxDots), QStringLiteral("dots")));
    const QSet<MemberId> unique(d.facilitators.cbegin(), d.facilitators.cend());
    if (unique.size() != d.facilitators.size())
        return fail(Error::invalid(tr("A facilitator is named twice."), QStringLiteral("facilitators")));
    if (d.repeat && !d.space)
        return fail(Error::invalid(tr("A recurring gathering needs a space to book."), QStringLiteral("space")));
    return {};
}

Result<std::optional<int>> GatheringService::capacityFor(const QSqlDatabase &db, const GatheringDraft &d)
{
    if (d.capacity > 0)
        return std::optional<int>(d.capacity);
    if (!d.space)
        return std::optional<int>();
    auto space = SpaceService::get(db, *d.space);
    if (!space)
        return fail(space.error());
    return std::optional<int>(space->capacity);
}

Result<Gathering> GatheringService::add(const GatheringDraft &draft)
{
    return m_work.runThenRead<GatheringId>(
        Permission::ManageGatherings, [&](Write &w) -> Result<GatheringId> { return addIn(w, draft); },
        [this](GatheringId made) { return get(made); });
}

Result<GatheringId> GatheringService::addIn(Write &w, const GatheringDraft &draft)
{
    if (draft.repeat)
        return fail(Error::usage(tr("A recurring gathering is added with addSeries()."), QStringLiteral("repeat")));
    if (auto ok = validate(draft); !ok)
        return fail(ok.error());
    const QSqlDatabase db = w.connection();
    auto capacity = capacityFor(db, draft);
    if (!capacity)
        return fail(capacity.error());
    std::optional<BookingId> booking;
    QDateTime start = draft.start, end = draft.end;
    if (draft.space) {
        // The booking service alone decides whether the space is free.
        auto booked = m_bookings.book(bookingFor(draft, *capacity));
        if (!booked)
            return fail(booked.error());
        booking = booked->id;
        start = booked->start;
        end = booked->end;
    }
    auto g = insert(db, draft, *capacity, start, end, booking, std::nullopt);
    if (!g)
        return fail(g.error());
    w.audit(QStringLiteral("gathering.add"), QStringLiteral("gathering"), g->id.value(), tr("“%1”").arg(g->title));
    return g->id;
}

Result<QList<Gathering>> GatheringService::addSeries(const GatheringDraft &draft)
{
    auto ids = m_work.run<QList<GatheringId>>(
        Permission::ManageGatherings, [&](Write &w) -> Result<QList<GatheringId>> { return addSeriesIn(w, draft); });
    if (!ids)
        return fail(ids.error());
    QList<Gathering> out;
    for (GatheringId id : std::as_const(*ids)) {
        auto g = get(id);
        if (!g)
            return fail(g.error());
        out << *g;
    }
    return out;
}

Result<QList<GatheringId>> GatheringService::addSeriesIn(Write &w, const GatheringDraft &draft)
{
    if (!draft.repeat)
        return fail(Error::invalid(tr("Say how the gathering repeats."), QStringLiteral("repeat")));
    if (auto ok = validate(draft); !ok)
        return fail(ok.error());
    const QSqlDatabase db = w.connection();
    auto capacity = capacityFor(db, draft);
    if (!capacity)
        return fail(capacity.error());
    auto outcome = m_bookings.bookSeries(bookingFor(draft, *capacity));
    if (!outcome)
        return fail(outcome.error());
    QList<GatheringId> ids;
    for (const Booking &b : std::as_const(outcome->booked)) {
        auto g = insert(db, draft, *capacity, b.start, b.end, b.id, outcome->series);
        if (!g)
            return fail(g.error());
        ids << g->id;
    }
    w.audit(QStringLiteral("gathering.add-series"), QStringLiteral("gathering"),
            ids.isEmpty() ? 0 : ids.first().value(), tr("%n gathering(s)", nullptr, int(ids.size())));
    return ids;
}

Result<Gathering> GatheringService::insert(const QSqlDatabase &db, const GatheringDraft &d, std::optional<int> capacity,
                                           const QDateTime &start, const QDateTime &end,
                                           std::optional<BookingId> booking, std::optional<SeriesId> series)
{
    Query q(db, QStringLiteral(
                    "INSERT INTO gatherings (kind, title, theme, start_utc, end_utc, booking_id, series_id, capacity, "
                    "voting, dots_per_attendee, notes, created_by, created_at) VALUES (:kind, :title, :theme, :start, "
                    ":end, :booking, :series, :capacity, :voting, :dots, :notes, :by, :at)"));
    q.bind(QStringLiteral(":kind"), toString(d.kind))
        .bind(QStringLiteral(":title"), d.title.trimmed())
        .bind(QStringLiteral(":theme"), d.theme.trimmed())
        .bind(QStringLiteral(":start"), start.toSecsSinceEpoch())
        .bind(QStringLiteral(":end"), end.toSecsSinceEpoch())
        .bind(QStringLiteral(":booking"), booking ? QVariant(booking->value()) : QVariant())
        .bind(QStringLiteral(":series"), series ? QVariant(series->value()) : QVariant())
        .bind(QStringLiteral(":capacity"), capacity ? QVariant(*capacity) : QVariant())
        .bind(QStringLiteral(":voting"), toString(d.voting))
        .bind(QStringLiteral(":dots"), d.voting == VotingMode::Dots ? d.dotsPerAttendee : 1)
        .bind(QStringLiteral(":notes"), d.notes.trimmed())
        .bind(QStringLiteral(":by"), m_actor)
        .bind(QStringLiteral(":at"), m_clock.nowSecs());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    Gathering g;
    g.id = GatheringId(q.lastInsertId());
    // The audit row of a new gathering names it from here.
    g.kind = d.kind;
    g.title = d.title.trimmed();
    if (auto ok = writeFacilitators(db, g.id, d.facilitators); !ok)
        return fail(ok.error());
    return g;
}

Status GatheringService::writeFacilitators(const QSqlDatabase &db, GatheringId id, const QList<MemberId> &people)
{
    Query clear(db, QStringLiteral("DELETE FROM gathering_facilitators WHERE gathering_id = :g"));
    clear.bind(QStringLiteral(":g"), id.value());
    if (auto ok = clear.exec(); !ok)
        return ok;
    for (MemberId m : people) {
        if (auto name = GatheringLookup::activeMember(db, m, QStringLiteral("facilitators")); !name)
            return fail(name.error());
        Query q(db, QStringLiteral("INSERT INTO gathering_facilitators (gathering_id, member_id) VALUES (:g, :m)"));
        q.bind(QStringLiteral(":g"), id.value()).bind(QStringLiteral(":m"), m.value());
        if (auto ok = q.exec(); !ok)
            return ok;
    }
    return {};
}

Result<Gathering> GatheringService::edit(GatheringId id, const GatheringDraft &draft)
{
    if (auto ok = m_work.run(Permission::ManageGatherings, [&](Write &w) -> Status { return editIn(w, id, draft); });
        !ok)
        return fail(ok.error());
    return get(id);
}

Status GatheringService::editIn(Write &w, GatheringId id, const GatheringDraft &draft)
{
    if (draft.repeat)
        return fail(Error::invalid(tr("A gathering's repeat cannot be changed here; edit its series in the calendar."),
                                   QStringLiteral("repeat")));
    if (auto ok = validate(draft); !ok)
        return fail(ok.error());
    auto current = get(id);
    if (!current)
        return fail(current.error());
    const QSqlDatabase db = w.connection();
    auto capacity = capacityFor(db, draft);
    if (!capacity)
        return fail(capacity.error());
    // A plain id (invalid = none): GCC 12 at -O2 wrongly warns that a
    // reassigned std::optional<BookingId> "may be used uninitialized".
    BookingId booking = current->bookingCancelled ? BookingId() : current->booking.value_or(BookingId());
    QDateTime start = draft.start, end = draft.end;
    if (draft.space && booking.isValid()) {
        auto changed = m_bookings.edit(booking, bookingFor(draft, *capacity));
        if (!changed)
            return fail(changed.error());
        start = changed->start;
        end = changed->end;
    } else if (draft.space) {
        auto booked = m_bookings.book(bookingFor(draft, *capacity));
        if (!booked)
            return fail(booked.error());
        booking = booked->id;
        start = booked->start;
        end = booked->end;
    } else if (booking.isValid()) {
        if (auto cancelled = m_bookings.cancel(booking); !cancelled)
            return fail(cancelled.error());
        booking = BookingId();
    }
    Query q(db, QStringLiteral("UPDATE gatherings SET kind = :kind, title = :title, theme = :theme, start_utc = "
                               ":start, end_utc = :end, booking_id = :booking, capacity = :capacity, voting = "
                               ":voting, dots_per_attendee = :dots, notes = :notes WHERE id = :id"));
    q.bind(QStringLiteral(":kind"), toString(draft.kind))
        .bind(QStringLiteral(":title"), draft.title.trimmed())
        .bind(QStringLiteral(":theme"), draft.theme.trimmed())
        .bind(QStringLiteral(":start"), start.toSecsSinceEpoch())
        .bind(QStringLiteral(":end"), end.toSecsSinceEpoch())
        .bind(QStringLiteral(":booking"), booking.isValid() ? QVariant(booking.value()) : QVariant())
        .bind(QStringLiteral(":capacity"), *capacity ? QVariant(**capacity) : QVariant())
        .bind(QStringLiteral(":voting"), toString(draft.voting))
        .bind(QStringLiteral(":dots"), draft.voting == VotingMode::Dots ? draft.dotsPerAttendee : 1)
        .bind(QStringLiteral(":notes"), draft.notes.trimmed())
        .bind(QStringLiteral(":id"), id.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    if (auto ok = writeFacilitators(db, id, draft.facilitators); !ok)
        return fail(ok.error());
    w.audit(QStringLiteral("gathering.edit"), QStringLiteral("gathering"), id.value(),
            tr("“%1”").arg(draft.title.simplified()));
    return {};
}

Result<Gathering> GatheringService::get(GatheringId id) const
{
    Query q(*m_db, Columns + QStringLiteral("WHERE g.id = :id"));
    q.bind(QStringLiteral(":id"), id.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    if (!q.next())
        return fail(Error::notFound(tr("there is no gathering #%1").arg(id.value()), QStringLiteral("gathering")));
    Gathering g = gatheringFrom(q);
    Query f(*m_db, QStringLiteral("SELECT m.id, m.display_name FROM gathering_facilitators f JOIN members m ON "
                                  "m.id = f.member_id WHERE f.gathering_id = :id ORDER BY m.sort_key"));
    f.bind(QStringLiteral(":id"), id.value());
    if (auto ok = f.exec(); !ok)
        return fail(ok.error());
    while (f.next()) {
        g.facilitators << MemberId(f.value(0).toLongLong());
        g.facilitatorNames << f.value(1).toString();
    }
    return g;
}

Result<Gathering> GatheringService::find(const QString &ref) const
{
    QString text = ref.trimmed();
    if (text.startsWith(u'#'))
        text.remove(0, 1);
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        return fail(Error::invalid(tr("“%1” is not a gathering number").arg(ref), QStringLiteral("gathering")));
    return get(GatheringId(id));
}

namespace {
// Constant fragments only; the times are bound.
const QString FilterWhere =
    QStringLiteral("WHERE (CAST(:from AS BIGINT) IS NULL OR coalesce(b.end_utc, g.end_utc) > :from) "
                   "AND (CAST(:to AS BIGINT) IS NULL OR coalesce(b.start_utc, g.start_utc) < :to) "
                   "AND (CAST(:endedBy AS BIGINT) IS NULL OR coalesce(b.end_utc, g.end_utc) <= :endedBy) ");

QVariant secsOrNull(const QDateTime &at)
{
    return at.isValid() ? QVariant(at.toSecsSinceEpoch()) : QVariant();
}

void bindFilter(Query &q, const GatheringFilter &filter)
{
    q.bind(QStringLiteral(":from"), secsOrNull(filter.from))
        .bind(QStringLiteral(":to"), secsOrNull(filter.to))
        .bind(QStringLiteral(":endedBy"), secsOrNull(filter.endedBy));
}

KeysetOrder startOrder(bool newestFirst)
{
    // The id follows the direction too, as the list always ordered them.
    return KeysetOrder({{QStringLiteral("coalesce(b.start_utc, g.start_utc)")}, {QStringLiteral("g.id"), newestFirst}},
                       newestFirst);
}
} // namespace

Result<QList<Gathering>> GatheringService::list(const GatheringFilter &filter) const
{
    auto first = page(filter, {}, filter.limit);
    if (!first)
        return fail(first.error());
    return std::move(first->rows);
}

Result<Page<Gathering>> GatheringService::page(const GatheringFilter &filter, const PageKey &after, int limit) const
{
    const KeysetOrder order = startOrder(filter.newestFirst);
    QString sql = Columns + FilterWhere;
    if (const QString beyond = order.after(after); !beyond.isEmpty())
        sql += QStringLiteral("AND ") + beyond;
    sql += QStringLiteral(" ORDER BY ") + order.orderBy() + QStringLiteral(" LIMIT :limit");
    Query q(*m_db, sql);
    bindFilter(q, filter);
    order.bind(q, after);
    q.bind(QStringLiteral(":limit"), limit);
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    Page<Gathering> out;
    while (q.next())
        out.rows << gatheringFrom(q);
    if (!out.rows.isEmpty())
        out.next.values = {out.rows.last().start.toSecsSinceEpoch(), out.rows.last().id.value()};
    if (auto ok = addFacilitators(out.rows); !ok)
        return fail(ok.error());
    return out;
}

Result<int> GatheringService::count(const GatheringFilter &filter) const
{
    Query q(*m_db, QStringLiteral("SELECT count(*) FROM gatherings g LEFT JOIN bookings b ON b.id = g.booking_id ") +
                       FilterWhere);
    bindFilter(q, filter);
    auto n = q.scalar();
    if (!n)
        return fail(n.error());
    return n->toInt();
}

Status GatheringService::addFacilitators(QList<Gathering> &gatherings) const
{
    if (gatherings.isEmpty())
        return {};
    // Facilitators in one pass, not one query per gathering.
    QHash<qint64, qsizetype> at;
    for (qsizetype i = 0; i < gatherings.size(); ++i)
        at.insert(gatherings[i].id.value(), i);
    Query f(*m_db, QStringLiteral("SELECT f.gathering_id, m.id, m.display_name FROM gathering_facilitators f "
                                  "JOIN members m ON m.id = f.member_id ORDER BY m.sort_key"));
    if (auto ok = f.exec(); !ok)
        return fail(ok.error());
    while (f.next()) {
        const auto it = at.constFind(f.value(0).toLongLong());
        if (it == at.cend())
            continue;
        gatherings[*it].facilitators << MemberId(f.value(1).toLongLong());
        gatherings[*it].facilitatorNames << f.value(2).toString();
    }
    return {};
}

Result<QList<Gathering>> GatheringService::upcoming(int limit) const
{
    GatheringFilter f;
    f.from = m_clock.now();
    f.limit = limit;
    return list(f);
}

Result<QList<Gathering>> GatheringService::past(int limit) const
{
    // Ended before now, latest first.
    GatheringFilter f;
    f.endedBy = m_clock.now();
    f.newestFirst = true;
    f.limit = limit;
    return list(f);
}

Result<QList<Gathering>> GatheringService::onDay(QDate day) const
{
    GatheringFilter f;
    f.from = m_bookings.localTime(day, QTime(0, 0));
    f.to = m_bookings.localTime(day.addDays(1), QTime(0, 0));
    auto all = list(f);
    if (!all)
        return all;
    QList<Gathering> out;
    for (const Gathering &g : std::as_const(*all))
        if (g.start >= f.from)
            out << g;
    return out;
}

QList<Finding> GatheringService::verify() const
{
    QList<Finding> found;
    Query over(*m_db,
               QStringLiteral("SELECT g.id, g.title, g.capacity, count(r.member_id) FROM gatherings g JOIN "
                              "gathering_registrations r ON r.gathering_id = g.id AND r.status = 'registered' "
                              "WHERE g.capacity IS NOT NULL GROUP BY g.id HAVING count(r.member_id) > g.capacity"));
    if (auto ok = over.exec(); !ok)
        return {Finding{{}, ok.error().message, {}}};
    while (over.next())
        found << Finding{{},
                         tr("%1 people are registered for a gathering with room for %2")
                             .arg(over.value(3).toInt())
                             .arg(over.value(2).toInt()),
                         tr("gathering #%1 “%2”").arg(over.value(0).toLongLong()).arg(over.value(1).toString())};
    Query dots(*m_db,
               QStringLiteral(
                   "SELECT a.id, g.id, g.title, sum(v.dots), g.voting, g.dots_per_attendee, "
                   "sum(CASE WHEN i.gathering_id <> a.gathering_id THEN 1 ELSE 0 END), max(v.dots) FROM idea_votes v "
                   "JOIN ideas i ON i.id = v.idea_id JOIN gathering_attendance a ON a.id = v.attendance_id "
                   "JOIN gatherings g ON g.id = a.gathering_id GROUP BY a.id, g.id "
                   "HAVING sum(CASE WHEN i.gathering_id <> a.gathering_id THEN 1 ELSE 0 END) > 0 OR (g.voting = 'dots' "
                   "AND sum(v.dots) > "
                   "g.dots_per_attendee) OR (g.voting = 'one-vote' AND max(v.dots) > 1)"));
    if (auto ok = dots.exec(); !ok)
        return found << Finding{{}, ok.error().message, {}};
    while (dots.next()) {
        const QString where = tr("gathering #%1 “%2”, attendance #%3")
                                  .arg(dots.value(1).toLongLong())
                                  .arg(dots.value(2).toString())
                                  .arg(dots.value(0).toLongLong());
        if (dots.value(6).toInt() > 0)
            found << Finding{{}, tr("a vote was cast on an idea of another gathering"), where};
        else
            found << Finding{{}, tr("votes exceed what the gathering's voting allows"), where};
    }
    return found;
}

} // namespace hub
