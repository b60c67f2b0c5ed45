// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/clock.h"
#include "core/common/error.h"
#include "core/gatherings/gathering.h"
#include "core/storage/unitofwork.h"

#include <QCoreApplication>
#include <QHash>

#include <memory>

namespace hub {

class AccessControl;
class AuditTrail;
class Database;

/// Stories and ideas told at a gathering, and the votes on them. Only people
/// checked in at the gathering vote: one vote per idea, or dots up to the
/// gathering's number per person; votes can be withdrawn until voting closes.
class IdeaService
{
    Q_DECLARE_TR_FUNCTIONS(hub::IdeaService)
public:
    static constexpr int MaxTitleLength = 200;
    static constexpr int MaxStoryLength = 10000;
    static constexpr int MaxTags = 10;

    IdeaService(std::shared_ptr<Database> db, const Clock &clock, const QString &actor, AccessControl &access,
                AuditTrail &audit);

    static Status validate(const IdeaDraft &draft);

    /// Captures an idea. It may be keyed in after the gathering from paper:
    /// the author is who told it, the recorded "entered by" who typed it.
    Result<Idea> add(const IdeaDraft &draft);
    Result<Idea> edit(IdeaId id, const IdeaDraft &draft);
    Result<Idea> get(IdeaId id) const;
    /// "12" or "#12".
    Result<Idea> find(const QString &ref) const;
    /// The gathering's ideas ranked: most votes (or dots) first, then oldest.
    Result<QList<Idea>> ranked(GatheringId gathering) const;

    /// One vote, or `dots` dots, for an idea by someone checked in at its gathering.
    Status vote(IdeaId idea, AttendanceId voter, int dots = 1);
    /// The same, for a member found by their attendance at the idea's gathering.
    Status vote(IdeaId idea, MemberId member, int dots = 1);
    /// Takes back a vote (all its dots) while voting is open.
    Status withdraw(IdeaId idea, AttendanceId voter);
    /// Dots a voter has left (one-vote gatherings: ideas not yet voted for count as 1 each).
    Result<int> dotsLeft(GatheringId gathering, AttendanceId voter) const;
    /// What one voter gave each idea.
    Result<QHash<IdeaId, int>> votesBy(AttendanceId voter) const;

    /// Chooses the voting before anyone has voted.
    Status setVoting(GatheringId gathering, VotingMode mode, int dotsPerAttendee);
    /// Closes (or reopens) voting; closed votes cannot be cast or withdrawn.
    Status closeVoting(GatheringId gathering, bool closed = true);

private:
    // The bodies of the writes above, inside their unit of work.
    Result<IdeaId> addIn(Write &w, const IdeaDraft &draft);
    Status editIn(Write &w, IdeaId id, const IdeaDraft &draft);
    Status voteIn(Write &w, IdeaId idea, AttendanceId voter, int dots);
    Status setVotingIn(Write &w, GatheringId gathering, VotingMode mode, int dotsPerAttendee);

    std::shared_ptr<Database> m_db;
    const Clock &m_clock;
    const QString &m_actor;
    UnitOfWork m_work;
};

} // namespace hub
