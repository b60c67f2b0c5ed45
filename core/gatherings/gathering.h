// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/ids.h"
#include "core/spaces/space.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace hub {

using GatheringId = Id<struct GatheringTag>;
using WalkInId = Id<struct WalkInTag>;
using AttendanceId = Id<struct AttendanceTag>;
using IdeaId = Id<struct IdeaTag>;
using GroupId = Id<struct GroupTag>;
using ActionId = Id<struct ActionTag>;
using ChallengeId = Id<struct ChallengeTag>;

/// The Citizens' Action Network's formats: Friendly gatherings to tell
/// stories, Collaboratories to turn the best ideas into working groups.
enum class GatheringKind
{
    Friendly,
    Collaboratory,
    BusinessChallenge,
    Other
};
QString toString(GatheringKind kind); ///< the machine name ("friendly"), for hubctl and files
std::optional<GatheringKind> gatheringKindFrom(const QString &text);
QString label(GatheringKind kind); ///< for people: "Friendly gathering", translated

/// One person one vote per idea, or a number of dots to spread over ideas.
enum class VotingMode
{
    OneVote,
    Dots
};
QString toString(VotingMode mode);
std::optional<VotingMode> votingModeFrom(const QString &text);

enum class RegistrationStatus
{
    Registered,
    Waiting,
    Cancelled
};
QString toString(RegistrationStatus status);

enum class ActionStatus
{
    Open,
    Done,
    Dropped
};
QString toString(ActionStatus status);
std::optional<ActionStatus> actionStatusFrom(const QString &text);
QString label(ActionStatus status); ///< for people: "Open", "Done", "Dropped", translated

/// What a facilitator enters to hold a gathering.
struct GatheringDraft
{
    GatheringKind kind = GatheringKind::Friendly;
    QString title;
    QString theme; ///< the question of the evening
    QDateTime start;
    QDateTime end;
    std::optional<SpaceId> space; ///< none: held elsewhere, nothing booked
    QList<MemberId> facilitators;
    int capacity = 0; ///< 0 = the space's capacity (no limit without a space)
    VotingMode voting = VotingMode::OneVote;
    int dotsPerAttendee = 3;
    QString notes;
    /// A recurring gathering (a monthly Friendly): GatheringService::addSeries.
    std::optional<Recurrence> repeat;
    /// Passed to the booking as its recorded reason, like any booking.
    QString outsideHoursOverride;
};

/// A stored gathering with its counts.
struct Gathering
{
    GatheringId id;
    GatheringKind kind = GatheringKind::Friendly;
    QString title;
    QString theme;
    QDateTime start; ///< UTC (the booking's, when it has one)
    QDateTime end;   ///< UTC
    std::optional<BookingId> booking;
    std::optional<SeriesId> series;
    std::optional<SpaceId> space;
    QString spaceName;
    bool bookingCancelled = false; ///< its booking was cancelled in the calendar
    std::optional<int> capacity;   ///< none = no limit
    VotingMode voting = VotingMode::OneVote;
    int dotsPerAttendee = 3;
    bool votingClosed = false;
    QString notes;
    QList<MemberId> facilitators;
    QStringList facilitatorNames;
    int registered = 0;
    int waiting = 0;
    int attended = 0;
    int ideas = 0;
    QString createdBy;
    QDateTime createdAt;
};

struct Registration
{
    GatheringId gathering;
    MemberId member;
    QString memberName;
    int position = 0; ///< order of sign-up; the waiting list moves up in this order
    RegistrationStatus status = RegistrationStatus::Registered;
    QDateTime registeredAt;
};

/// What a cancellation did, and who moved up from the waiting list.
struct CancellationOutcome
{
    Registration cancelled;
    std::optional<Registration> movedUp;
};

/// Someone who came without being a member.
struct WalkInDraft
{
    QString name;
    QString email;
    bool consent = false; ///< may be contacted about future gatherings
};

struct WalkIn : WalkInDraft
{
    WalkInId id;
    std::optional<MemberId> mergedInto;
    QDateTime createdAt;
    bool forgotten = false;
};

/// One person at one gathering.
struct Attendee
{
    AttendanceId id;
    GatheringId gathering;
    std::optional<MemberId> member;
    std::optional<WalkInId> walkIn;
    QString name;
    QDateTime checkedInAt;
};

struct IdeaDraft
{
    GatheringId gathering;
    QString title;
    QString story;
    std::optional<MemberId> authorMember;
    std::optional<WalkInId> authorWalkIn;
    QStringList tags;
};

struct Idea
{
    IdeaId id;
    GatheringId gathering;
    QString title;
    QString story;
    std::optional<MemberId> authorMember;
    std::optional<WalkInId> authorWalkIn;
    QString authorName; ///< empty when from the floor
    QStringList tags;
    std::optional<GroupId> promotedTo;
    QString enteredBy;
    QDateTime createdAt;
    int votes = 0;  ///< votes or dots received
    int voters = 0; ///< people who voted for it
};

struct WorkingGroup
{
    GroupId id;
    QString name;
    QString purpose;
    std::optional<MemberId> convenor;
    QString convenorName;
    std::optional<IdeaId> originIdea;
    QString originIdeaTitle;
    std::optional<GatheringId> originGathering;
    QString originGatheringTitle;
    QDateTime createdAt;
    int members = 0;
    int openActions = 0;
    int overdueActions = 0;
};

struct GroupMember
{
    MemberId member;
    QString name;
    QDateTime joinedAt;
    bool convenor = false;
};

struct ActionDraft
{
    GroupId group;
    QString title;
    MemberId owner;
    QDate due; ///< local date; invalid = no due date
    QString notes;
};

struct GroupAction
{
    ActionId id;
    GroupId group;
    QString groupName;
    QString title;
    MemberId owner;
    QString ownerName;
    QDate due;
    ActionStatus status = ActionStatus::Open;
    QString notes;
    QDateTime createdAt;
    QDateTime closedAt;

    bool isOverdue(QDate today) const { return status == ActionStatus::Open && due.isValid() && due < today; }
};

struct ChallengeDraft
{
    MemberId organisation; ///< an organisation member
    std::optional<GatheringId> gathering;
    QString title;
    QString description;
    QStringList skills; ///< skills that would help
};

struct BusinessChallenge
{
    ChallengeId id;
    MemberId organisation;
    QString organisationName;
    std::optional<GatheringId> gathering;
    QString title;
    QString description;
    QStringList skills;
    bool open = true;
    QDateTime createdAt;
    QStringList volunteerNames;
    QList<MemberId> volunteers; ///< in the order of volunteerNames
};

/// A member whose skills fit a challenge.
struct SuggestedHelper
{
    MemberId member;
    QString name;
    QStringList skills; ///< the challenge's skills they have
};

} // namespace hub
