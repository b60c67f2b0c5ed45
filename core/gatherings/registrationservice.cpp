// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/gatherings/registrationservice.h"

#include "core/gatherings/gatheringlookup.h"
#include "core/storage/database.h"
#include "core/storage/query.h"
#include "core/storage/unitofwork.h"

namespace hub {

namespace {

const QString RegistrationColumns =
    QStringLiteral("SELECT r.gathering_id, r.member_id, m.display_name, r.position, r.status, r.registered_at "
                   "FROM gathering_registrations r JOIN members m ON m.id = r.member_id ");

Registration registrationFrom(const Query &q)
{
    Registration r;
    r.gathering = GatheringId(q.value(0).toLongLong());
    r.member = MemberId(q.value(1).toLongLong());
    r.memberName = q.value(2).toString();
    r.position = q.value(3).toInt();
    const QString status = q.value(4).toString();
    r.status = status == QStringLiteral("waiting")     ? RegistrationStatus::Waiting
               : status == QStringLiteral("cancelled") ? RegistrationStatus::Cancelled
                                                       : RegistrationStatus::Registered;
    r.registeredAt = GatheringLookup::instant(q.value(5));
    return r;
}

Result<std::optional<Registration>> read(const QSqlDatabase &db, GatheringId g, MemberId m)
{
    Query q(db, RegistrationColumns + QStringLiteral("WHERE r.gathering_id = :g AND r.member_id = :m"));
    q.bind(QStringLiteral(":g"), g.value()).bind(QStringLiteral(":m"), m.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    if (!q.next())
        return std::optional<Registration>();
    return std::optional<Registration>(registrationFrom(q));
}

} // namespace

RegistrationService::RegistrationService(std::shared_ptr<Database> db, const Clock &clock, AccessControl &access,
                                         AuditTrail &audit)
    : m_db(std::move(db)), m_clock(clock), m_work(m_db, access, audit)
{}

Result<Registration> RegistrationService::add(GatheringId gathering, MemberId member)
{
    // Counting places and taking one happen in one immediate
    // transaction, so two desks cannot both take the last place.
    return m_work.run<Registration>(Permission::CheckIn,
                                    [&](Write &w) -> Result<Registration> { return addIn(w, gathering, member); });
}

Result<Registration> RegistrationService::addIn(Write &w, GatheringId gathering, MemberId member)
{
    const QSqlDatabase db = w.connection();
    auto title = GatheringLookup::gatheringTitle(db, gathering);
    if (!title)
        return fail(title.error());
    auto name = GatheringLookup::activeMember(db, member, QStringLiteral("member"));
    if (!name)
        return fail(name.error());
    auto existing = read(db, gathering, member);
    if (!existing)
        return fail(existing.error());
    if (*existing && (*existing)->status == RegistrationStatus::Registered)
        return fail(Error::refused(tr("%1 is already registered for “%2”.").arg(*name, *title)));
    if (*existing && (*existing)->status == RegistrationStatus::Waiting)
        return fail(Error::refused(tr("%1 is already on the waiting list for “%2”.").arg(*name, *title)));

    Query room(db, QStringLiteral("SELECT g.capacity, (SELECT count(*) FROM gathering_registrations r WHERE "
                                  "r.gathering_id = g.id AND r.status = 'registered'), (SELECT "
                                  "coalesce(max(position), 0) FROM gathering_registrations r WHERE "
                                  "r.gathering_id = g.id) FROM gatherings g WHERE g.id = :g"));
    room.bind(QStringLiteral(":g"), gathering.value());
    if (auto ok = room.exec(); !ok)
        return fail(ok.error());
    room.next();
    const bool full = !room.value(0).isNull() && room.value(1).toInt() >= room.value(0).toInt();
    const int position = room.value(2).toInt() + 1;
    Query q(db, QStringLiteral(
                    "INSERT INTO gathering_registrations (gathering_id, member_id, position, registered_at, status) "
                    "VALUES (:g, :m, :pos, :at, :status) ON CONFLICT (gathering_id, member_id) DO UPDATE SET "
                    "position = excluded.position, registered_at = excluded.registered_at, status = excluded.status"));
    q.bind(QStringLiteral(":g"), gathering.value())
        .bind(QStringLiteral(":m"), member.value())
        .bind(QStringLiteral(":pos"), position)
        .bind(QStringLiteral(":at"), m_clock.nowSecs())
        .bind(QStringLiteral(":status"), full ? QStringLiteral("waiting") : QStringLiteral("registered"));
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    auto stored = read(db, gathering, member);
    if (!stored)
        return fail(stored.error());
    w.audit(QStringLiteral("registration.add"), QStringLiteral("gathering"), gathering.value(),
            tr("member #%1 signed up").arg(member.value()));
    return **stored;
}

Result<CancellationOutcome> RegistrationService::cancel(GatheringId gathering, MemberId member)
{
    return m_work.run<CancellationOutcome>(
        Permission::CheckIn, [&](Write &w) -> Result<CancellationOutcome> { return cancelIn(w, gathering, member); });
}

Result<CancellationOutcome> RegistrationService::cancelIn(Write &w, GatheringId gathering, MemberId member)
{
    CancellationOutcome outcome;
    const QSqlDatabase db = w.connection();
    auto title = GatheringLookup::gatheringTitle(db, gathering);
    if (!title)
        return fail(title.error());
    auto existing = read(db, gathering, member);
    if (!existing)
        return fail(existing.error());
    if (!*existing || (*existing)->status == RegistrationStatus::Cancelled)
        return fail(Error::notFound(tr("member #%1 is not signed up for “%2”.").arg(member.value()).arg(*title),
                                    QStringLiteral("member")));
    const bool heldPlace = (*existing)->status == RegistrationStatus::Registered;
    Query q(db, QStringLiteral("UPDATE gathering_registrations SET status = 'cancelled' "
                               "WHERE gathering_id = :g AND member_id = :m"));
    q.bind(QStringLiteral(":g"), gathering.value()).bind(QStringLiteral(":m"), member.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    outcome.cancelled = **existing;
    outcome.cancelled.status = RegistrationStatus::Cancelled;
    if (heldPlace) {
        Query first(db, RegistrationColumns + QStringLiteral("WHERE r.gathering_id = :g AND r.status = 'waiting' "
                                                             "ORDER BY r.position LIMIT 1"));
        first.bind(QStringLiteral(":g"), gathering.value());
        if (auto ok = first.exec(); !ok)
            return fail(ok.error());
        if (first.next()) {
            Registration up = registrationFrom(first);
            first.raw().finish();
            Query move(db, QStringLiteral("UPDATE gathering_registrations SET status = 'registered' "
                                          "WHERE gathering_id = :g AND member_id = :m"));
            move.bind(QStringLiteral(":g"), gathering.value()).bind(QStringLiteral(":m"), up.member.value());
            if (auto ok = move.exec(); !ok)
                return fail(ok.error());
            up.status = RegistrationStatus::Registered;
            outcome.movedUp = up;
        }
    }
    w.audit(QStringLiteral("registration.cancel"), QStringLiteral("gathering"), gathering.value(),
            tr("member #%1 cancelled").arg(member.value()));
    return outcome;
}

Result<QList<Registration>> RegistrationService::list(GatheringId gathering) const
{
    if (auto title = GatheringLookup::gatheringTitle(m_db->connection(), gathering); !title)
        return fail(title.error());
    Query q(*m_db, RegistrationColumns + QStringLiteral("WHERE r.gathering_id = :g AND r.status <> 'cancelled' "
                                                        "ORDER BY r.status <> 'registered', r.position"));
    q.bind(QStringLiteral(":g"), gathering.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    QList<Registration> out;
    while (q.next())
        out << registrationFrom(q);
    return out;
}

Result<std::optional<Registration>> RegistrationService::of(GatheringId gathering, MemberId member) const
{
    return read(m_db->connection(), gathering, member);
}

QString RegistrationService::describe(const CancellationOutcome &outcome)
{
    if (!outcome.movedUp)
        return tr("%1's sign-up is cancelled.").arg(outcome.cancelled.memberName);
    return tr("%1's sign-up is cancelled; %2 moved up from the waiting list.")
        .arg(outcome.cancelled.memberName, outcome.movedUp->memberName);
}

} // namespace hub
