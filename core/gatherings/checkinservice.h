// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/clock.h"
#include "core/common/error.h"
#include "core/gatherings/gathering.h"
#include "core/storage/unitofwork.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <memory>

namespace hub {

class AccessControl;
class AuditTrail;
class Database;
class MemberService;

/// Who came: members found by search and walk-ins at the door. Each person
/// has one attendance row per gathering, so checking in twice is refused.
class CheckInService
{
    Q_DECLARE_TR_FUNCTIONS(hub::CheckInService)
public:
    static constexpr int MaxNameLength = 200;

    CheckInService(std::shared_ptr<Database> db, MemberService &members, const Clock &clock, AccessControl &access,
                   AuditTrail &audit);

    static Status validate(const WalkInDraft &draft);

    Result<Attendee> checkIn(GatheringId gathering, MemberId member);
    /// A new walk-in, checked in at once. The same name twice at one
    /// gathering is taken as the same person and refused kindly.
    Result<Attendee> checkInWalkIn(GatheringId gathering, const WalkInDraft &draft);
    /// A walk-in who came before comes again.
    Result<Attendee> checkInWalkIn(GatheringId gathering, WalkInId walkIn);

    Result<QList<Attendee>> attendees(GatheringId gathering) const;
    Result<std::optional<Attendee>> attendanceOf(GatheringId gathering, MemberId member) const;
    Result<Attendee> attendance(AttendanceId id) const;

    Result<WalkIn> walkIn(WalkInId id) const;
    /// Walk-ins not yet members, newest first; `search` matches name or e-mail.
    Result<QList<WalkIn>> walkIns(const QString &search = {}) const;

    /// The walk-in is this member: their attendance, ideas and votes move to
    /// the member. Where both came to one gathering, the member's row stays
    /// and the walk-in's votes join it where they do not repeat.
    Status merge(WalkInId walkIn, MemberId member);
    /// Makes a member of a walk-in from what they gave at the door (name,
    /// e-mail) and merges them: nobody types it again.
    Result<MemberId> enrol(WalkInId walkIn);
    /// Erases a walk-in's name, e-mail and stories (they asked, or no consent
    /// to keep them); their attendance stays under a pseudonym.
    Status forget(WalkInId walkIn);
    static QString pseudonym(WalkInId id);

private:
    // The bodies of the writes above, inside their unit of work.
    Result<Attendee> checkInWalkInIn(Write &work, GatheringId gathering, const WalkInDraft &draft);
    Result<Attendee> checkInWalkInIn(Write &work, GatheringId gathering, WalkInId walkIn);
    Status mergeIn(Write &work, WalkInId walkIn, MemberId member);
    Result<MemberId> enrolIn(Write &work, WalkInId walkIn);
    Result<Attendee> insert(const QSqlDatabase &db, GatheringId gathering, std::optional<MemberId> member,
                            std::optional<WalkInId> walkIn, const QString &name);

    std::shared_ptr<Database> m_db;
    MemberService &m_members;
    const Clock &m_clock;
    UnitOfWork m_work;
};

} // namespace hub
