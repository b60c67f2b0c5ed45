// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/gatherings/checkinservice.h"

#include "core/access/accesscontrol.h"
#include "core/common/textfold.h"
#include "core/common/textrules.h"
#include "core/gatherings/gatheringlookup.h"
#include "core/members/memberservice.h"
#include "core/storage/database.h"
#include "core/storage/query.h"
#include "core/storage/unitofwork.h"

namespace hub {

namespace {

const QString AttendeeColumns = QStringLiteral(
    "SELECT a.id, a.gathering_id, a.member_id, a.walk_in_id, coalesce(m.display_name, w.name), a.checked_in_at "
    "FROM gathering_attendance a LEFT JOIN members m ON m.id = a.member_id "
    "LEFT JOIN walk_ins w ON w.id = a.walk_in_id ");

Attendee attendeeFrom(const Query &q)
{
    Attendee a;
    a.id = AttendanceId(q.value(0).toLongLong());
    a.gathering = GatheringId(q.value(1).toLongLong());
    if (!q.value(2).isNull())
        a.member = MemberId(q.value(2).toLongLong());
    if (!q.value(3).isNull())
        a.walkIn = WalkInId(q.value(3).toLongLong());
    a.name = q.value(4).toString();
    a.checkedInAt = GatheringLookup::instant(q.value(5));
    return a;
}

const QString WalkInColumns =
    QStringLiteral("SELECT id, name, email, consent, merged_into, created_at, forgotten_at FROM walk_ins ");

WalkIn walkInFrom(const Query &q)
{
    WalkIn w;
    w.id = WalkInId(q.value(0).toLongLong());
    w.name = q.value(1).toString();
    w.email = q.value(2).toString();
    w.consent = q.value(3).toInt() != 0;
    if (!q.value(4).isNull())
        w.mergedInto = MemberId(q.value(4).toLongLong());
    w.createdAt = GatheringLookup::instant(q.value(5));
    w.forgotten = !q.value(6).isNull();
    return w;
}

Result<std::optional<Attendee>> attendanceWhere(const QSqlDatabase &db, const QString &condition, GatheringId g,
                                                qint64 who)
{
    Query q(db, AttendeeColumns + QStringLiteral("WHERE a.gathering_id = :g AND ") + condition);
    q.bind(QStringLiteral(":g"), g.value()).bind(QStringLiteral(":who"), who);
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    if (!q.next())
        return std::optional<Attendee>();
    return std::optional<Attendee>(attendeeFrom(q));
}

Result<WalkIn> readWalkIn(const QSqlDatabase &db, WalkInId id)
{
    Query q(db, WalkInColumns + QStringLiteral("WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    if (!q.next())
        return fail(
            Error::notFound(CheckInService::tr("there is no walk-in #%1").arg(id.value()), QStringLiteral("walk-in")));
    return walkInFrom(q);
}

Status run(const QSqlDatabase &db, const QString &sql, const QList<std::pair<QString, QVariant>> &values)
{
    Query q(db, sql);
    for (const auto &[name, value] : values)
        if (sql.contains(name))
            q.bind(name, value);
    return q.exec();
}

} // namespace

CheckInService::CheckInService(std::shared_ptr<Database> db, MemberService &members, const Clock &clock,
                               AccessControl &access, AuditTrail &audit)
    : m_db(std::move(db)), m_members(members), m_clock(clock), m_work(m_db, access, audit)
{}

QString CheckInService::pseudonym(WalkInId id)
{
    return tr("Former walk-in #%1").arg(id.value());
}

Status CheckInService::validate(const WalkInDraft &d)
{
    const QString name = d.name.trimmed();
    if (name.isEmpty())
        return fail(Error::invalid(tr("A walk-in needs a name."), QStringLiteral("name")));
    if (auto ok = TextRules::name(d.name, QStringLiteral("name")); !ok)
        return ok;
    if (name.size() > MaxNameLength)
        return fail(
            Error::invalid(tr("The name is longer than %1 characters.").arg(MaxNameLength), QStringLiteral("name")));
    const QString email = d.email.trimmed();
    if (!email.isEmpty()) {
        MemberDraft probe;
        probe.displayName = name;
        probe.email = email;
        // The directory's e-mail rule, so a walk-in can become a member as typed.
        if (auto ok = MemberService::validate(probe); !ok && ok.error().where == QStringLiteral("email"))
            return fail(Error::invalid(ok.error().message, QStringLiteral("email")));
    }
    if (d.consent && email.isEmpty())
        return fail(Error::invalid(tr("Consent to be contacted needs an e-mail address."), QStringLiteral("email")));
    return {};
}

Result<Attendee> CheckInService::insert(const QSqlDatabase &db, GatheringId gathering, std::optional<MemberId> member,
                                        std::optional<WalkInId> walkIn, const QString &name)
{
    Query q(db, QStringLiteral("INSERT INTO gathering_attendance (gathering_id, member_id, walk_in_id, checked_in_at) "
                               "VALUES (:g, :m, :w, :at)"));
    q.bind(QStringLiteral(":g"), gathering.value())
        .bind(QStringLiteral(":m"), member ? QVariant(member->value()) : QVariant())
        .bind(QStringLiteral(":w"), walkIn ? QVariant(walkIn->value()) : QVariant())
        .bind(QStringLiteral(":at"), m_clock.nowSecs());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    Attendee a;
    a.id = AttendanceId(q.lastInsertId());
    a.gathering = gathering;
    a.member = member;
    a.walkIn = walkIn;
    a.name = name;
    a.checkedInAt = m_clock.now();
    return a;
}

Result<Attendee> CheckInService::checkIn(GatheringId gathering, MemberId member)
{
    return m_work.run<Attendee>(Permission::CheckIn, [&](Write &work) -> Result<Attendee> {
        const QSqlDatabase db = work.connection();
        auto title = GatheringLookup::gatheringTitle(db, gathering);
        if (!title)
            return fail(title.error());
        auto name = GatheringLookup::activeMember(db, member, QStringLiteral("member"));
        if (!name)
            return fail(name.error());
        auto already = attendanceWhere(db, QStringLiteral("a.member_id = :who"), gathering, member.value());
        if (!already)
            return fail(already.error());
        if (*already)
            return fail(Error::refused(tr("%1 is already checked in. Welcome back!").arg(*name)));
        auto a = insert(db, gathering, member, std::nullopt, *name);
        if (!a)
            return a;
        work.audit(QStringLiteral("checkin.member"), QStringLiteral("gathering"), gathering.value(),
                   tr("member #%1 checked in").arg(member.value()));
        return a;
    });
}

Result<Attendee> CheckInService::checkInWalkIn(GatheringId gathering, const WalkInDraft &draft)
{
    return m_work.run<Attendee>(
        Permission::CheckIn, [&](Write &work) -> Result<Attendee> { return checkInWalkInIn(work, gathering, draft); });
}

Result<Attendee> CheckInService::checkInWalkInIn(Write &work, GatheringId gathering, const WalkInDraft &draft)
{
    if (auto ok = validate(draft); !ok)
        return fail(ok.error());
    const QSqlDatabase db = work.connection();
    auto title = GatheringLookup::gatheringTitle(db, gathering);
    if (!title)
        return fail(title.error());
    const QString name = draft.name.trimmed();
    // Two walk-ins of one name at one gathering are nearly always one person
    // pressing the button twice; the facilitator can add a surname.
    Query same(db, QStringLiteral("SELECT a.id, w.name FROM gathering_attendance a JOIN walk_ins w ON w.id = "
                                  "a.walk_in_id WHERE a.gathering_id = :g"));
    same.bind(QStringLiteral(":g"), gathering.value());
    if (auto ok = same.exec(); !ok)
        return fail(ok.error());
    const QString key = TextFold::fold(name);
    while (same.next())
        if (TextFold::fold(same.value(1).toString()) == key)
            return fail(Error::refused(
                tr("%1 is already checked in as a walk-in. If this is someone else, add a surname.").arg(name),
                QStringLiteral("name")));
    Query add(db, QStringLiteral("INSERT INTO walk_ins (name, email, consent, created_at) "
                                 "VALUES (:name, :email, :consent, :at)"));
    add.bind(QStringLiteral(":name"), name)
        .bind(QStringLiteral(":email"), draft.email.trimmed())
        .bind(QStringLiteral(":consent"), draft.consent ? 1 : 0)
        .bind(QStringLiteral(":at"), m_clock.nowSecs());
    if (auto ok = add.exec(); !ok)
        return fail(ok.error());
    auto a = insert(db, gathering, std::nullopt, WalkInId(add.lastInsertId()), name);
    if (!a)
        return a;
    work.audit(QStringLiteral("checkin.walk-in"), QStringLiteral("gathering"), gathering.value(),
               tr("a walk-in checked in"));
    return a;
}

Result<Attendee> CheckInService::checkInWalkIn(GatheringId gathering, WalkInId walkIn)
{
    return m_work.run<Attendee>(
        Permission::CheckIn, [&](Write &work) -> Result<Attendee> { return checkInWalkInIn(work, gathering, walkIn); });
}

Result<Attendee> CheckInService::checkInWalkInIn(Write &work, GatheringId gathering, WalkInId walkIn)
{
    const QSqlDatabase db = work.connection();
    auto title = GatheringLookup::gatheringTitle(db, gathering);
    if (!title)
        return fail(title.error());
    auto w = readWalkIn(db, walkIn);
    if (!w)
        return fail(w.error());
    // Nothing is written yet: the member's check-in is the whole change
    // (a nested unit, so it still commits or fails as one).
    if (w->mergedInto)
        return checkIn(gathering, *w->mergedInto);
    if (w->forgotten)
        return fail(Error::refused(tr("%1 was forgotten and cannot be checked in again.").arg(w->name)));
    auto already = attendanceWhere(db, QStringLiteral("a.walk_in_id = :who"), gathering, walkIn.value());
    if (!already)
        return fail(already.error());
    if (*already)
        return fail(Error::refused(tr("%1 is already checked in. Welcome back!").arg(w->name)));
    auto a = insert(db, gathering, std::nullopt, walkIn, w->name);
    if (!a)
        return a;
    work.audit(QStringLiteral("checkin.walk-in"), QStringLiteral("gathering"), gathering.value(),
               tr("walk-in #%1 checked in").arg(walkIn.value()));
    return a;
}

Result<QList<Attendee>> CheckInService::attendees(GatheringId gathering) const
{
    if (auto title = GatheringLookup::gatheringTitle(m_db->connection(), gathering); !title)
        return fail(title.error());
    Query q(*m_db, AttendeeColumns + QStringLiteral("WHERE a.gathering_id = :g ORDER BY a.checked_in_at, a.id"));
    q.bind(QStringLiteral(":g"), gathering.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    QList<Attendee> out;
    while (q.next())
        out << attendeeFrom(q);
    return out;
}

Result<std::optional<Attendee>> CheckInService::attendanceOf(GatheringId gathering, MemberId member) const
{
    return attendanceWhere(m_db->connection(), QStringLiteral("a.member_id = :who"), gathering, member.value());
}

Result<Attendee> CheckInService::attendance(AttendanceId id) const
{
    Query q(*m_db, AttendeeColumns + QStringLiteral("WHERE a.id = :id"));
    q.bind(QStringLiteral(":id"), id.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    if (!q.next())
        return fail(Error::notFound(tr("there is no attendance #%1").arg(id.value()), QStringLiteral("attendee")));
    return attendeeFrom(q);
}

Result<WalkIn> CheckInService::walkIn(WalkInId id) const
{
    return readWalkIn(m_db->connection(), id);
}

Result<QList<WalkIn>> CheckInService::walkIns(const QString &search) const
{
    Query q(*m_db, WalkInColumns + QStringLiteral("WHERE merged_into IS NULL AND forgotten_at IS NULL "
                                                  "ORDER BY created_at DESC, id DESC"));
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    const QString key = TextFold::fold(search.trimmed());
    QList<WalkIn> out;
    while (q.next()) {
        WalkIn w = walkInFrom(q);
        if (key.isEmpty() || TextFold::fold(w.name).contains(key) || TextFold::fold(w.email).contains(key))
            out << w;
    }
    return out;
}

Status CheckInService::merge(WalkInId walkIn, MemberId member)
{
    return m_work.run(Permission::CheckIn, [&](Write &work) -> Status { return mergeIn(work, walkIn, member); });
}

Status CheckInService::mergeIn(Write &work, WalkInId walkIn, MemberId member)
{
    const QSqlDatabase db = work.connection();
    auto w = readWalkIn(db, walkIn);
    if (!w)
        return fail(w.error());
    if (w->mergedInto)
        return fail(
            Error::refused(tr("%1 was already merged into member #%2.").arg(w->name).arg(w->mergedInto->value())));
    if (auto name = GatheringLookup::activeMember(db, member, QStringLiteral("member")); !name)
        return fail(name.error());
    const QVariant m = member.value(), wi = walkIn.value();

    // Where the member also checked in at the same gathering, their own row
    // stays: the walk-in's votes move to it unless it voted for that idea too
    // (those stay behind and go with the walk-in's row below).
    const QList<QString> steps = {
        QStringLiteral("UPDATE idea_votes SET attendance_id = (SELECT mine.id FROM gathering_attendance "
                       "mine JOIN gathering_attendance theirs ON theirs.gathering_id = mine.gathering_id WHERE "
                       "theirs.id = idea_votes.attendance_id AND mine.member_id = :m) WHERE attendance_id IN (SELECT "
                       "theirs.id FROM gathering_attendance theirs JOIN gathering_attendance mine ON "
                       "mine.gathering_id = theirs.gathering_id AND mine.member_id = :m WHERE theirs.walk_in_id = :w) "
                       "AND NOT EXISTS (SELECT 1 FROM idea_votes own JOIN gathering_attendance mine ON mine.id = "
                       "own.attendance_id JOIN gathering_attendance theirs ON theirs.gathering_id = mine.gathering_id "
                       "WHERE own.idea_id = idea_votes.idea_id AND mine.member_id = :m AND theirs.id = "
                       "idea_votes.attendance_id)"),
        QStringLiteral("DELETE FROM gathering_attendance WHERE walk_in_id = :w AND gathering_id IN (SELECT "
                       "gathering_id FROM gathering_attendance WHERE member_id = :m)"),
        QStringLiteral("UPDATE gathering_attendance SET member_id = :m, walk_in_id = NULL WHERE walk_in_id = :w"),
        QStringLiteral("UPDATE ideas SET author_member_id = :m, author_walk_in_id = NULL WHERE author_walk_in_id = :w"),
        QStringLiteral("UPDATE walk_ins SET merged_into = :m WHERE id = :w"),
    };
    for (const QString &sql : steps)
        if (auto ok = run(db, sql, {{QStringLiteral(":m"), m}, {QStringLiteral(":w"), wi}}); !ok)
            return ok;
    work.audit(QStringLiteral("walk-in.merge"), QStringLiteral("walk-in"), walkIn.value(),
               tr("merged into member #%1").arg(member.value()));
    return {};
}

Result<MemberId> CheckInService::enrol(WalkInId walkIn)
{
    return m_work.run<MemberId>(Permission::CheckIn,
                                [&](Write &work) -> Result<MemberId> { return enrolIn(work, walkIn); });
}

Result<MemberId> CheckInService::enrolIn(Write &work, WalkInId walkIn)
{
    AccessControl::Grant grant(Permission::AddMembers);
    auto w = readWalkIn(work.connection(), walkIn);
    if (!w)
        return fail(w.error());
    if (w->mergedInto)
        return fail(Error::refused(tr("%1 is already member #%2.").arg(w->name).arg(w->mergedInto->value())));
    if (w->forgotten)
        return fail(Error::refused(tr("%1 was forgotten and cannot become a member.").arg(w->name)));
    MemberDraft d;
    d.displayName = w->name;
    d.email = w->email;
    d.notes = tr("Joined after coming to a gathering as a walk-in.");
    if (w->consent)
        d.interests << QStringLiteral("gatherings");
    auto added = m_members.add(d);
    if (!added)
        return fail(added.error());
    if (auto ok = merge(walkIn, added->id); !ok)
        return fail(ok.error());
    work.audit(QStringLiteral("walk-in.enrol"), QStringLiteral("walk-in"), walkIn.value(),
               tr("enrolled as member #%1").arg(added->id.value()));
    return added->id;
}

Status CheckInService::forget(WalkInId walkIn)
{
    return m_work.run(Permission::ForgetMember, [&](Write &work) -> Status {
        const QSqlDatabase db = work.connection();
        auto w = readWalkIn(db, walkIn);
        if (!w)
            return fail(w.error());
        if (w->forgotten)
            return fail(Error::refused(tr("walk-in #%1 was already forgotten").arg(walkIn.value())));
        const QList<std::pair<QString, QVariant>> values = {{QStringLiteral(":w"), walkIn.value()},
                                                            {QStringLiteral(":name"), pseudonym(walkIn)},
                                                            {QStringLiteral(":now"), m_clock.nowSecs()}};
        for (const QString &sql : {
                 QStringLiteral("UPDATE walk_ins SET name = :name, email = '', consent = 0, forgotten_at = :now "
                                "WHERE id = :w"),
                 QStringLiteral("UPDATE ideas SET story = '' WHERE author_walk_in_id = :w"),
             })
            if (auto ok = run(db, sql, values); !ok)
                return ok;
        work.audit(QStringLiteral("walk-in.forget"), QStringLiteral("walk-in"), walkIn.value(),
                   tr("personal data erased"));
        return {};
    });
}

} // namespace hub
