// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/spaces/singlebookings.h"

#include "core/spaces/bookingcharges.h"
#include "core/spaces/bookingrows.h"
#include "core/spaces/bookingrules.h"
#include "core/storage/query.h"

namespace hub {

SingleBookings::SingleBookings(const UnitOfWork &work, const BookingRules &rules, BookingRows &rows,
                               BookingCharges &charges)
    : m_work(work), m_rules(rules), m_rows(rows), m_charges(charges)
{}

Result<Booking> SingleBookings::book(const BookingDraft &d)
{
    return m_work.run<Booking>(Permission::Book, [&](Write &w) -> Result<Booking> { return bookIn(w, d); });
}

Result<Booking> SingleBookings::bookIn(Write &w, const BookingDraft &d)
{
    if (d.repeat)
        return fail(Error::invalid(tr("a repeating booking is booked as a series"), QStringLiteral("repeat")));
    if (auto ok = BookingRules::validate(d); !ok)
        return fail(ok.error());
    const QTimeZone hubZone = m_rules.zone();
    const QSqlDatabase db = w.connection();
    auto space = BookingRules::prepare(db, d);
    if (!space)
        return fail(space.error());
    const qint64 start = d.start.toSecsSinceEpoch();
    const qint64 end = d.end.toSecsSinceEpoch();
    const bool overridden = !d.outsideHoursOverride.trimmed().isEmpty();
    auto problem = BookingRules::problemWith(db, *space, start, end, hubZone, overridden);
    if (!problem)
        return fail(problem.error());
    if (*problem)
        return fail(BookingRules::refusalFor(**problem));
    const bool outside = overridden && BookingRules::neededOverride(db, *space, start, end, hubZone);
    auto stored = m_rows.insert(db, d, *space, start, end, outside, std::nullopt, {});
    if (!stored)
        return fail(stored.error());
    w.audit(QStringLiteral("booking.add"), QStringLiteral("booking"), stored->id.value(),
            tr("space #%1, %2").arg(space->id.value()).arg(BookingRules::span(start, end, hubZone)));
    return stored;
}

Result<Booking> SingleBookings::changeStatus(BookingId id, const QList<BookingStatus> &from, BookingStatus to)
{
    return m_work.run<Booking>(Permission::Book,
                               [&](Write &w) -> Result<Booking> { return changeStatusIn(w, id, from, to); });
}

Result<Booking> SingleBookings::changeStatusIn(Write &w, BookingId id, const QList<BookingStatus> &from,
                                               BookingStatus to)
{
    const QSqlDatabase db = w.connection();
    auto b = BookingRows::get(db, id);
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
        if (auto ok = m_charges.refund(db, *b); !ok)
            return fail(ok.error());
    auto changed = BookingRows::get(db, id);
    if (!changed)
        return fail(changed.error());
    w.audit(QStringLiteral("booking.status"), QStringLiteral("booking"), id.value(),
            tr("%1 → %2").arg(toString(b->status), toString(to)));
    return changed;
}

Result<Booking> SingleBookings::confirm(BookingId id)
{
    // A tentative booking already holds its slot, so confirming needs no new check.
    return changeStatus(id, {BookingStatus::Tentative}, BookingStatus::Confirmed);
}

Result<Booking> SingleBookings::decline(BookingId id)
{
    return changeStatus(id, {BookingStatus::Tentative}, BookingStatus::Cancelled);
}

Result<Booking> SingleBookings::cancel(BookingId id)
{
    return changeStatus(id, {BookingStatus::Tentative, BookingStatus::Confirmed}, BookingStatus::Cancelled);
}

Result<Booking> SingleBookings::edit(BookingId id, const BookingDraft &draft)
{
    return m_work.run<Booking>(Permission::Book, [&](Write &w) -> Result<Booking> { return editIn(w, id, draft); });
}

Result<Booking> SingleBookings::editIn(Write &w, BookingId id, const BookingDraft &draft)
{
    BookingDraft d = draft;
    d.repeat.reset();
    if (auto ok = BookingRules::validate(d); !ok)
        return fail(ok.error());
    const QTimeZone hubZone = m_rules.zone();
    const QSqlDatabase db = w.connection();
    auto old = BookingRows::get(db, id);
    if (!old)
        return fail(old.error());
    if (!old->isLive())
        return fail(
            Error::refused(tr("booking #%1 (“%2”) is cancelled; book again instead").arg(id.value()).arg(old->title)));
    auto space = BookingRules::prepare(db, d);
    if (!space)
        return fail(space.error());
    const qint64 start = d.start.toSecsSinceEpoch();
    const qint64 end = d.end.toSecsSinceEpoch();
    const bool overridden = !d.outsideHoursOverride.trimmed().isEmpty();
    auto problem = BookingRules::problemWith(db, *space, start, end, hubZone, overridden, id);
    if (!problem)
        return fail(problem.error());
    if (*problem)
        return fail(BookingRules::refusalFor(**problem));
    const bool outside = overridden && BookingRules::neededOverride(db, *space, start, end, hubZone);
    // An occurrence changed on its own becomes an exception of its series.
    auto changed = m_rows.rewrite(db, *old, d, *space, start, end, outside, old->series.has_value());
    if (!changed)
        return fail(changed.error());
    w.audit(QStringLiteral("booking.edit"), QStringLiteral("booking"), id.value(),
            tr("space #%1, %2").arg(space->id.value()).arg(BookingRules::span(start, end, hubZone)));
    return changed;
}

} // namespace hub
