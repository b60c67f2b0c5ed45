// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/demogenerator.h"
#include "core/gatherings/challengeservice.h"
#include "core/gatherings/checkinservice.h"
#include "core/gatherings/gatheringdemopart.h"
#include "core/gatherings/gatheringservice.h"
#include "core/gatherings/ideaservice.h"
#include "core/gatherings/registrationservice.h"
#include "core/gatherings/workinggroupservice.h"
#include "core/members/memberdemopart.h"
#include "core/members/memberservice.h"
#include "core/members/skillservice.h"
#include "core/privacy/personaldataregistry.h"
#include "core/settings/settingsservice.h"
#include "core/spaces/bookingservice.h"
#include "core/spaces/spaceservice.h"
#include "core/storage/integritychecker.h"
#include "core/storage/query.h"
#include "core/storage/transaction.h"
#include "tests/support/hubinlondon.h"
#include "tests/support/temphub.h"

#include <QJsonDocument>
#include <QTimeZone>

using namespace hub;
using hub::test::london;
using hub::test::TempHub;
using hub::test::Tuesday;

namespace {

MemberId personInGatherings(TempHub &t, const QString &name, const QString &email = {})
{
    MemberDraft d;
    d.displayName = name;
    d.email = email;
    auto m = t->members().add(d);
    REQUIRE(m);
    return m->id;
}

Space hallInGatherings(TempHub &t, int capacity = 60)
{
    Space s;
    s.name = QStringLiteral("Main hall");
    s.capacity = capacity;
    s.setupMinutes = 15;
    s.cleanupMinutes = 30;
    auto added = t->spaces().add(s);
    REQUIRE(added);
    return *added;
}

GatheringDraft friendly(TempHub &t, std::optional<SpaceId> space, QDate day = Tuesday, int capacity = 0)
{
    GatheringDraft d;
    d.kind = GatheringKind::Friendly;
    d.title = QStringLiteral("Friendly gathering");
    d.theme = QStringLiteral("What would make our street better?");
    d.start = t->bookings().localTime(day, QTime(19, 0));
    d.end = t->bookings().localTime(day, QTime(21, 0));
    d.space = space;
    d.capacity = capacity;
    return d;
}

Gathering held(TempHub &t, int capacity = 0)
{
    auto g = t->gatherings().add(friendly(t, std::nullopt, Tuesday, capacity));
    REQUIRE(g);
    return *g;
}

int count(TempHub &t, const QString &table)
{
    Query q(t->database(), QStringLiteral("SELECT count(*) FROM ") + table);
    return q.scalar()->toInt();
}

Idea idea(TempHub &t, GatheringId g, const QString &title, std::optional<MemberId> by = {})
{
    IdeaDraft d;
    d.gathering = g;
    d.title = title;
    d.story = QStringLiteral("The story of ") + title;
    d.authorMember = by;
    auto i = t->ideas().add(d);
    REQUIRE(i);
    return *i;
}
} // namespace

TEST_CASE("a gathering in a space books it through the booking service and takes the space's capacity", "[gatherings]")
{
    TempHub t;
    london(t);
    const Space s = hallInGatherings(t, 45);
    const MemberId ana = personInGatherings(t, QStringLiteral("Ana"));
    GatheringDraft d = friendly(t, s.id);
    d.facilitators = {ana};
    auto g = t->gatherings().add(d);
    REQUIRE(g);
    CHECK(g->capacity == 45);
    REQUIRE(g->booking);
    CHECK(g->spaceName == QStringLiteral("Main hall"));
    CHECK(g->facilitatorNames == QStringList{QStringLiteral("Ana")});
    auto b = t->bookings().get(*g->booking);
    REQUIRE(b);
    CHECK(b->title == QStringLiteral("Friendly gathering"));
    CHECK(b->start == d.start.toUTC());
    CHECK(g->start == d.start.toUTC());
    // The audit trail names the new gathering (it said only "“”" before).
    Query audit(
        t->database(),
        QStringLiteral("SELECT summary FROM audit_log WHERE action = 'gathering.add' ORDER BY id DESC LIMIT 1"));
    CHECK(audit.scalar()->toString() == QStringLiteral("“Friendly gathering”"));
}

TEST_CASE("a booking conflict refusal comes from the booking service unchanged and writes nothing", "[gatherings]")
{
    TempHub t;
    london(t);
    const Space s = hallInGatherings(t);
    BookingDraft choir;
    choir.space = s.id;
    choir.title = QStringLiteral("Choir");
    choir.start = t->bookings().localTime(Tuesday, QTime(17, 0));
    choir.end = t->bookings().localTime(Tuesday, QTime(18, 50)); // clean-up and setup reach 19:00
    REQUIRE(t->bookings().book(choir));

    const GatheringDraft d = friendly(t, s.id);
    auto refused = t->gatherings().add(d);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().kind == ErrorKind::Refused);
    // The same draft straight to the booking service gets the same words.
    BookingDraft same;
    same.space = s.id;
    same.title = d.title;
    same.attendees = s.capacity;
    same.start = d.start;
    same.end = d.end;
    auto direct = t->bookings().book(same);
    REQUIRE_FALSE(direct);
    CHECK(refused.error().message == direct.error().message);
    CHECK(count(t, QStringLiteral("gatherings")) == 0);
    CHECK(t->bookings().list()->size() == 1);
}

TEST_CASE("a capacity above the space's is refused by the booking service", "[gatherings]")
{
    TempHub t;
    london(t);
    const Space s = hallInGatherings(t, 20);
    auto refused = t->gatherings().add(friendly(t, s.id, Tuesday, 30));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().kind == ErrorKind::Refused);
    CHECK(refused.error().where == QStringLiteral("attendees"));
}

TEST_CASE("a gathering is validated field by field", "[gatherings]")
{
    TempHub t;
    GatheringDraft d = friendly(t, std::nullopt);
    d.title = QStringLiteral("  ");
    CHECK(t->gatherings().add(d).error().where == QStringLiteral("title"));
    d = friendly(t, std::nullopt);
    d.end = d.start;
    CHECK(t->gatherings().add(d).error().where == QStringLiteral("end"));
    d = friendly(t, std::nullopt);
    d.voting = VotingMode::Dots;
    d.dotsPerAttendee = 0;
    CHECK(t->gatherings().add(d).error().where == QStringLiteral("dots"));
    CHECK(count(t, QStringLiteral("gatherings")) == 0);
}

TEST_CASE("a monthly gathering books a series and each date is a gathering of its own", "[gatherings]")
{
    TempHub t;
    london(t);
    const Space s = hallInGatherings(t);
    GatheringDraft d = friendly(t, s.id);
    Recurrence r;
    r.frequency = Recurrence::Frequency::Monthly;
    r.monthlyBy = Recurrence::MonthlyBy::Weekday;
    r.count = 3;
    d.repeat = r;
    auto list = t->gatherings().addSeries(d);
    REQUIRE(list);
    REQUIRE(list->size() == 3);
    CHECK((*list)[0].series);
    CHECK((*list)[0].series == (*list)[2].series);
    CHECK((*list)[1].start.toTimeZone(QTimeZone("Europe/London")).time() == QTime(19, 0));
    CHECK(t->registrations().add((*list)[1].id, personInGatherings(t, QStringLiteral("Bo"))));
    CHECK((*list)[0].registered == 0);
}

TEST_CASE("upcoming and past gatherings are split at now", "[gatherings]")
{
    TempHub t;
    london(t);
    t->setClock(Clock::fixed(QDateTime(Tuesday, QTime(12, 0), QTimeZone::utc())));
    REQUIRE(t->gatherings().add(friendly(t, std::nullopt, Tuesday.addDays(-7))));
    REQUIRE(t->gatherings().add(friendly(t, std::nullopt, Tuesday)));
    REQUIRE(t->gatherings().add(friendly(t, std::nullopt, Tuesday.addDays(7))));
    CHECK(t->gatherings().upcoming()->size() == 2);
    CHECK(t->gatherings().past()->size() == 1);
    CHECK(t->gatherings().onDay(Tuesday)->size() == 1);
}

TEST_CASE("sign-ups fill the places then a waiting list in order and a cancellation moves the first up", "[gatherings]")
{
    TempHub t;
    const Gathering g = held(t, 2);
    const MemberId a = personInGatherings(t, QStringLiteral("Ana")), b = personInGatherings(t, QStringLiteral("Bo")),
                   c = personInGatherings(t, QStringLiteral("Cy")), d = personInGatherings(t, QStringLiteral("Di"));
    CHECK(t->registrations().add(g.id, a)->status == RegistrationStatus::Registered);
    CHECK(t->registrations().add(g.id, b)->status == RegistrationStatus::Registered);
    CHECK(t->registrations().add(g.id, c)->status == RegistrationStatus::Waiting);
    CHECK(t->registrations().add(g.id, d)->status == RegistrationStatus::Waiting);

    auto twice = t->registrations().add(g.id, c);
    REQUIRE_FALSE(twice);
    CHECK(twice.error().kind == ErrorKind::Refused);
    CHECK(twice.error().message.contains(QStringLiteral("waiting list")));

    auto out = t->registrations().cancel(g.id, a);
    REQUIRE(out);
    REQUIRE(out->movedUp);
    CHECK(out->movedUp->memberName == QStringLiteral("Cy"));
    CHECK(RegistrationService::describe(*out).contains(QStringLiteral("Cy moved up")));

    // A waiting person who cancels moves nobody up.
    auto quiet = t->registrations().cancel(g.id, d);
    REQUIRE(quiet);
    CHECK_FALSE(quiet->movedUp);

    // Signing up again after cancelling goes to the back of the queue.
    CHECK(t->registrations().add(g.id, a)->status == RegistrationStatus::Waiting);
    auto list = t->registrations().list(g.id);
    REQUIRE(list);
    QStringList names;
    for (const Registration &r : *list)
        names << r.memberName + u':' + toString(r.status);
    CHECK(names ==
          QStringList{QStringLiteral("Bo:registered"), QStringLiteral("Cy:registered"), QStringLiteral("Ana:waiting")});
    CHECK(t->gatherings().get(g.id)->waiting == 1);
    CHECK(t->integrity().runAll().isEmpty());
}

TEST_CASE("checking in twice is refused kindly for members and walk-ins", "[gatherings]")
{
    TempHub t;
    const Gathering g = held(t);
    const MemberId ana = personInGatherings(t, QStringLiteral("Ana"));
    REQUIRE(t->checkIns().checkIn(g.id, ana));
    auto again = t->checkIns().checkIn(g.id, ana);
    REQUIRE_FALSE(again);
    CHECK(again.error().kind == ErrorKind::Refused);
    CHECK(again.error().message.contains(QStringLiteral("already checked in")));

    REQUIRE(t->checkIns().checkInWalkIn(g.id, WalkInDraft{QStringLiteral("Zoë Price"), {}, false}));
    auto dup = t->checkIns().checkInWalkIn(g.id, WalkInDraft{QStringLiteral("zoe price"), {}, false});
    REQUIRE_FALSE(dup);
    CHECK(dup.error().kind == ErrorKind::Refused);
    CHECK(t->checkIns().attendees(g.id)->size() == 2);
    CHECK(count(t, QStringLiteral("walk_ins")) == 1);
}

TEST_CASE("a walk-in needs a name and consent needs an e-mail", "[gatherings]")
{
    TempHub t;
    const Gathering g = held(t);
    CHECK(t->checkIns().checkInWalkIn(g.id, WalkInDraft{QStringLiteral(" "), {}, false}).error().where ==
          QStringLiteral("name"));
    CHECK(t->checkIns().checkInWalkIn(g.id, WalkInDraft{QStringLiteral("Jo"), {}, true}).error().where ==
          QStringLiteral("email"));
    CHECK(t->checkIns()
              .checkInWalkIn(g.id, WalkInDraft{QStringLiteral("Jo"), QStringLiteral("not an address"), false})
              .error()
              .where == QStringLiteral("email"));
    CHECK(count(t, QStringLiteral("walk_ins")) == 0);
}

TEST_CASE("a walk-in becomes a member without retyping and their attendance ideas and votes move", "[gatherings]")
{
    TempHub t;
    const Gathering g1 = held(t);
    const Gathering g2 = held(t);
    auto w = t->checkIns().checkInWalkIn(
        g1.id, WalkInDraft{QStringLiteral("Jo Bloggs"), QStringLiteral("jo@example.org"), true});
    REQUIRE(w);
    REQUIRE(w->walkIn);
    REQUIRE(t->checkIns().checkInWalkIn(g2.id, *w->walkIn));
    IdeaDraft d;
    d.gathering = g1.id;
    d.title = QStringLiteral("Community fridge");
    d.authorWalkIn = w->walkIn;
    auto i = t->ideas().add(d);
    REQUIRE(i);
    CHECK(i->authorName == QStringLiteral("Jo Bloggs"));
    REQUIRE(t->ideas().vote(i->id, w->id));

    auto member = t->checkIns().enrol(*w->walkIn);
    REQUIRE(member);
    auto m = t->members().get(*member);
    CHECK(m->displayName == QStringLiteral("Jo Bloggs"));
    CHECK(m->email == QStringLiteral("jo@example.org"));
    CHECK((*t->checkIns().attendanceOf(g1.id, *member)).has_value());
    CHECK((*t->checkIns().attendanceOf(g2.id, *member)).has_value());
    CHECK(t->ideas().get(i->id)->authorMember == *member);
    CHECK(t->ideas().get(i->id)->votes == 1);
    CHECK(t->checkIns().walkIn(*w->walkIn)->mergedInto == *member);
    CHECK(t->checkIns().walkIns().value().isEmpty());
    // Checked in as the member now, so a second check-in is the usual refusal.
    CHECK(t->checkIns().checkIn(g1.id, *member).error().kind == ErrorKind::Refused);
    CHECK(t->integrity().runAll().isEmpty());
}

TEST_CASE("merging a walk-in into a member who also came keeps one attendance row and its votes", "[gatherings]")
{
    TempHub t;
    const Gathering g = held(t);
    const MemberId ana = personInGatherings(t, QStringLiteral("Ana"));
    auto mine = t->checkIns().checkIn(g.id, ana);
    auto walk = t->checkIns().checkInWalkIn(g.id, WalkInDraft{QStringLiteral("Ana (walk-in)"), {}, false});
    REQUIRE(mine);
    REQUIRE(walk);
    const Idea a = idea(t, g.id, QStringLiteral("Tool library"));
    const Idea b = idea(t, g.id, QStringLiteral("Repair café"));
    REQUIRE(t->ideas().vote(a.id, mine->id));
    REQUIRE(t->ideas().vote(a.id, walk->id));
    REQUIRE(t->ideas().vote(b.id, walk->id));
    REQUIRE(t->checkIns().merge(*walk->walkIn, ana));
    CHECK(t->checkIns().attendees(g.id)->size() == 1);
    CHECK(t->ideas().get(a.id)->votes == 1);
    CHECK(t->ideas().get(b.id)->votes == 1);
    CHECK(t->ideas().votesBy(mine->id)->size() == 2);
}

TEST_CASE("only people checked in at the gathering can vote", "[gatherings]")
{
    TempHub t;
    const Gathering g = held(t);
    const Gathering other = held(t);
    const MemberId ana = personInGatherings(t, QStringLiteral("Ana"));
    const Idea i = idea(t, g.id, QStringLiteral("Tool library"));
    auto notHere = t->ideas().vote(i.id, ana);
    REQUIRE_FALSE(notHere);
    CHECK(notHere.error().kind == ErrorKind::Refused);
    CHECK(notHere.error().message.contains(QStringLiteral("checked in")));
    auto elsewhere = t->checkIns().checkIn(other.id, ana);
    REQUIRE(elsewhere);
    CHECK(t->ideas().vote(i.id, elsewhere->id).error().kind == ErrorKind::Refused);
    CHECK(count(t, QStringLiteral("idea_votes")) == 0);
    REQUIRE(t->checkIns().checkIn(g.id, ana));
    CHECK(t->ideas().vote(i.id, ana));
}

TEST_CASE("one person one vote per idea", "[gatherings]")
{
    TempHub t;
    const Gathering g = held(t);
    const MemberId ana = personInGatherings(t, QStringLiteral("Ana"));
    auto a = t->checkIns().checkIn(g.id, ana);
    REQUIRE(a);
    const Idea i = idea(t, g.id, QStringLiteral("Tool library"));
    const Idea j = idea(t, g.id, QStringLiteral("Repair café"));
    REQUIRE(t->ideas().vote(i.id, a->id));
    CHECK(t->ideas().vote(i.id, a->id).error().kind == ErrorKind::Refused);
    CHECK(t->ideas().vote(j.id, a->id, 2).error().kind == ErrorKind::Invalid);
    CHECK(t->ideas().vote(j.id, a->id));
    CHECK(*t->ideas().dotsLeft(g.id, a->id) == 0);
}

TEST_CASE("dot voting allows N dots per attendee and withdrawal until voting closes", "[gatherings]")
{
    TempHub t;
    const Gathering g = held(t);
    REQUIRE(t->ideas().setVoting(g.id, VotingMode::Dots, 3));
    const MemberId ana = personInGatherings(t, QStringLiteral("Ana"));
    auto a = t->checkIns().checkIn(g.id, ana);
    REQUIRE(a);
    const Idea i = idea(t, g.id, QStringLiteral("Tool library"));
    const Idea j = idea(t, g.id, QStringLiteral("Repair café"));
    REQUIRE(t->ideas().vote(i.id, a->id, 2));
    REQUIRE(t->ideas().vote(j.id, a->id, 1));
    auto over = t->ideas().vote(j.id, a->id, 1);
    REQUIRE_FALSE(over);
    CHECK(over.error().kind == ErrorKind::Refused);
    CHECK(over.error().message.contains(QStringLiteral("0 left")));
    // The voting cannot change once votes are in.
    CHECK(t->ideas().setVoting(g.id, VotingMode::OneVote, 1).error().kind == ErrorKind::Refused);

    REQUIRE(t->ideas().withdraw(i.id, a->id));
    CHECK(*t->ideas().dotsLeft(g.id, a->id) == 2);
    REQUIRE(t->ideas().vote(j.id, a->id, 2));
    CHECK(t->ideas().get(j.id)->votes == 3);

    REQUIRE(t->ideas().closeVoting(g.id));
    CHECK(t->ideas().withdraw(j.id, a->id).error().kind == ErrorKind::Refused);
    CHECK(t->ideas().vote(i.id, a->id).error().kind == ErrorKind::Refused);
    CHECK(t->integrity().runAll().isEmpty());
}

TEST_CASE("results are ranked by votes", "[gatherings]")
{
    TempHub t;
    const Gathering g = held(t);
    const Idea a = idea(t, g.id, QStringLiteral("Community fridge"));
    const Idea b = idea(t, g.id, QStringLiteral("Tool library in the old shop"));
    const Idea c = idea(t, g.id, QStringLiteral("Repair café on Saturdays"));
    for (const QString &name : {QStringLiteral("Ana"), QStringLiteral("Bo")}) {
        auto at = t->checkIns().checkIn(g.id, personInGatherings(t, name));
        REQUIRE(at);
        REQUIRE(t->ideas().vote(b.id, at->id));
    }
    auto cy = t->checkIns().checkInWalkIn(g.id, WalkInDraft{QStringLiteral("Cy"), {}, false});
    REQUIRE(t->ideas().vote(c.id, cy->id));
    auto ranked = t->ideas().ranked(g.id);
    REQUIRE(ranked);
    REQUIRE(ranked->size() == 3);
    CHECK((*ranked)[0].id == b.id);
    CHECK((*ranked)[0].votes == 2);
    CHECK((*ranked)[1].id == c.id);
    CHECK((*ranked)[2].id == a.id);
}

TEST_CASE("an idea keyed in afterwards credits its real author and records who typed it", "[gatherings]")
{
    TempHub t;
    t->setActor(QStringLiteral("facilitator-laptop"));
    const Gathering g = held(t);
    const MemberId ana = personInGatherings(t, QStringLiteral("Ana"));
    t->setClock(Clock::fixed(g.end.addDays(2)));
    const Idea i = idea(t, g.id, QStringLiteral("Street party"), ana);
    CHECK(i.authorName == QStringLiteral("Ana"));
    CHECK(i.enteredBy == QStringLiteral("facilitator-laptop"));
    CHECK(i.gathering == g.id);
}

TEST_CASE("promoting an idea makes a group that links its origin idea and gathering", "[gatherings]")
{
    TempHub t;
    const Gathering g = held(t);
    const MemberId ana = personInGatherings(t, QStringLiteral("Ana")), bo = personInGatherings(t, QStringLiteral("Bo"));
    const Idea i = idea(t, g.id, QStringLiteral("Tool library"), ana);
    const Idea j = idea(t, g.id, QStringLiteral("Lend ladders"), bo);
    auto group = t->workingGroups().promote(i.id, QStringLiteral("Tool library group"), bo);
    REQUIRE(group);
    CHECK(group->originIdea == i.id);
    CHECK(group->originGathering == g.id);
    CHECK(group->originIdeaTitle == QStringLiteral("Tool library"));
    CHECK(group->convenor == bo);
    CHECK(group->members == 2); // the convenor and the idea's author
    CHECK(t->ideas().get(i.id)->promotedTo == group->id);

    // An existing group, named in any case, takes a second idea; origin unchanged.
    auto same = t->workingGroups().promote(j.id, QStringLiteral("tool LIBRARY group"));
    REQUIRE(same);
    CHECK(same->id == group->id);
    CHECK(same->originIdea == i.id);
    CHECK(t->workingGroups().ideas(group->id)->size() == 2);

    auto again = t->workingGroups().promote(i.id, QStringLiteral("Another"));
    REQUIRE_FALSE(again);
    CHECK(again.error().kind == ErrorKind::Refused);
    CHECK(t->workingGroups().list()->size() == 1);
}

TEST_CASE("promoting into a new group refuses a name another group has, and changes nothing", "[gatherings]")
{
    TempHub t;
    const Gathering g = held(t);
    const MemberId ana = personInGatherings(t, QStringLiteral("Ana")), bo = personInGatherings(t, QStringLiteral("Bo"));
    const Idea i = idea(t, g.id, QStringLiteral("Tool library"), ana);
    const Idea j = idea(t, g.id, QStringLiteral("Seed swap"), ana);
    auto first = t->workingGroups().promote(i.id, QStringLiteral("Tool library group"), bo);
    REQUIRE(first);

    // The window's "a new group" and hubctl's --new mean a new one: the same
    // name in another case is refused, naming the field, not quietly joined.
    auto clash = t->workingGroups().promote(j.id, QStringLiteral("TOOL library group"), ana,
                                            hub::WorkingGroupService::GroupChoice::StartNew);
    REQUIRE_FALSE(clash);
    CHECK(clash.error().kind == ErrorKind::Invalid);
    CHECK(clash.error().where == QStringLiteral("group"));
    CHECK(clash.error().message.contains(QStringLiteral("TOOL library group")));
    CHECK_FALSE(t->ideas().get(j.id)->promotedTo);
    CHECK(t->workingGroups().ideas(first->id)->size() == 1);

    auto fresh = t->workingGroups().promote(j.id, QStringLiteral("Seed swap group"), ana,
                                            hub::WorkingGroupService::GroupChoice::StartNew);
    REQUIRE(fresh);
    CHECK(fresh->convenor == ana);
    CHECK(t->workingGroups().list()->size() == 2);
}

TEST_CASE("members join and leave groups and the convenor hands over before leaving", "[gatherings]")
{
    TempHub t;
    const MemberId ana = personInGatherings(t, QStringLiteral("Ana")), bo = personInGatherings(t, QStringLiteral("Bo"));
    auto g = t->workingGroups().create(QStringLiteral("Green street"), {}, ana);
    REQUIRE(g);
    REQUIRE(t->workingGroups().join(g->id, bo));
    CHECK(t->workingGroups().join(g->id, bo).error().kind == ErrorKind::Refused);
    CHECK(t->workingGroups().leave(g->id, ana).error().kind == ErrorKind::Refused);
    REQUIRE(t->workingGroups().setConvenor(g->id, bo));
    REQUIRE(t->workingGroups().leave(g->id, ana));
    auto members = t->workingGroups().members(g->id);
    REQUIRE(members->size() == 1);
    CHECK(members->first().convenor);
    CHECK(t->workingGroups().create(QStringLiteral("green STREET"), {}, {}).error().kind == ErrorKind::Refused);
}

TEST_CASE("actions have owners and due dates and overdue ones are listed", "[gatherings]")
{
    TempHub t;
    london(t);
    t->setClock(Clock::fixed(QDateTime(Tuesday, QTime(12, 0), QTimeZone::utc())));
    const MemberId ana = personInGatherings(t, QStringLiteral("Ana"));
    auto g = t->workingGroups().create(QStringLiteral("Repair café"), {}, {});
    REQUIRE(g);
    auto late = t->workingGroups().addAction(
        {g->id, QStringLiteral("Ask the library for tables"), ana, Tuesday.addDays(-1), {}});
    auto soon = t->workingGroups().addAction({g->id, QStringLiteral("Print posters"), ana, Tuesday.addDays(3), {}});
    REQUIRE(late);
    REQUIRE(soon);
    CHECK(t->workingGroups().members(g->id)->size() == 1); // the owner joined
    auto overdue = t->workingGroups().overdue();
    REQUIRE(overdue->size() == 1);
    CHECK(overdue->first().id == late->id);
    CHECK(t->workingGroups().get(g->id)->overdueActions == 1);
    auto done = t->workingGroups().setStatus(late->id, ActionStatus::Done, QStringLiteral("Six tables"));
    REQUIRE(done);
    CHECK(done->status == ActionStatus::Done);
    CHECK(done->closedAt.isValid());
    CHECK(t->workingGroups().overdue()->isEmpty());
    CHECK(t->workingGroups().setStatus(late->id, ActionStatus::Done).error().kind == ErrorKind::Refused);
    CHECK(t->workingGroups().addAction({g->id, QStringLiteral(""), ana, {}, {}}).error().where ==
          QStringLiteral("title"));
}

TEST_CASE("a business challenge comes from an organisation and suggests members by skill", "[gatherings]")
{
    TempHub t;
    MemberDraft bakery;
    bakery.kind = MemberKind::Organisation;
    bakery.displayName = QStringLiteral("Corner Bakery");
    auto org = t->members().add(bakery);
    REQUIRE(org);
    const MemberId ana = personInGatherings(t, QStringLiteral("Ana")), bo = personInGatherings(t, QStringLiteral("Bo")),
                   hidden = personInGatherings(t, QStringLiteral("Hidden"));
    for (MemberId m : {ana, bo, hidden}) {
        Consent c;
        c.directoryVisible = m != hidden;
        REQUIRE(t->members().setConsent(m, c));
    }
    REQUIRE(t->skills().setMemberSkills(
        ana, {MemberSkill{{}, QStringLiteral("Web design"), {}}, MemberSkill{{}, QStringLiteral("Photography"), {}}}));
    REQUIRE(t->skills().setMemberSkills(bo, {MemberSkill{{}, QStringLiteral("Photography"), {}}}));
    REQUIRE(t->skills().setMemberSkills(hidden, {MemberSkill{{}, QStringLiteral("Web design"), {}}}));

    ChallengeDraft d;
    d.organisation = ana;
    d.title = QStringLiteral("A website for the bakery");
    CHECK(t->challenges().add(d).error().kind == ErrorKind::Refused);
    d.organisation = org->id;
    d.skills = {QStringLiteral("web design"), QStringLiteral("Photography")};
    auto c = t->challenges().add(d);
    REQUIRE(c);
    auto helpers = t->challenges().suggestions(c->id);
    REQUIRE(helpers);
    REQUIRE(helpers->size() == 2);
    CHECK(helpers->first().name == QStringLiteral("Ana"));
    CHECK(helpers->first().skills.size() == 2);
    REQUIRE(t->challenges().volunteer(c->id, ana));
    CHECK(t->challenges().volunteer(c->id, ana).error().kind == ErrorKind::Refused);
    CHECK(t->challenges().suggestions(c->id)->size() == 1);
    CHECK(t->challenges().get(c->id)->volunteerNames == QStringList{QStringLiteral("Ana")});
}

TEST_CASE("subject access includes stories and attendance and forgetting erases them", "[gatherings]")
{
    TempHub t;
    const Gathering g = held(t);
    auto w = t->checkIns().checkInWalkIn(
        g.id, WalkInDraft{QStringLiteral("Jo Bloggs"), QStringLiteral("jo@example.org"), true});
    REQUIRE(w);
    IdeaDraft d;
    d.gathering = g.id;
    d.title = QStringLiteral("Community fridge");
    d.story = QStringLiteral("My neighbour throws away bread every Sunday");
    d.authorWalkIn = w->walkIn;
    auto i = t->ideas().add(d);
    REQUIRE(i);
    auto member = t->checkIns().enrol(*w->walkIn);
    REQUIRE(member);

    auto sar = t->personalData().exportAll(*member);
    REQUIRE(sar);
    const QString text = QString::fromUtf8(QJsonDocument(*sar).toJson());
    CHECK(text.contains(QStringLiteral("throws away bread")));
    CHECK(text.contains(QStringLiteral("\"attendance\"")));
    CHECK(text.contains(QStringLiteral("jo@example.org")));

    REQUIRE(t->members().forget(*member));
    CHECK(t->ideas().get(i->id)->story.isEmpty());
    CHECK(t->ideas().get(i->id)->authorName == MemberService::pseudonym(*member));
    auto walkIn = t->checkIns().walkIn(*w->walkIn);
    CHECK(walkIn->name == MemberService::pseudonym(*member));
    CHECK(walkIn->email.isEmpty());
    CHECK(t->checkIns().attendees(g.id)->size() == 1);
}

TEST_CASE("a walk-in who never joined can be forgotten on their own", "[gatherings]")
{
    TempHub t;
    const Gathering g = held(t);
    auto w =
        t->checkIns().checkInWalkIn(g.id, WalkInDraft{QStringLiteral("Jo"), QStringLiteral("jo@example.org"), true});
    REQUIRE(w);
    IdeaDraft d;
    d.gathering = g.id;
    d.title = QStringLiteral("Benches");
    d.story = QStringLiteral("A personal story");
    d.authorWalkIn = w->walkIn;
    auto i = t->ideas().add(d);
    REQUIRE(t->checkIns().forget(*w->walkIn));
    CHECK(t->ideas().get(i->id)->story.isEmpty());
    CHECK(t->checkIns().attendees(g.id)->first().name == CheckInService::pseudonym(*w->walkIn));
    CHECK(t->checkIns().forget(*w->walkIn).error().kind == ErrorKind::Refused);
}

namespace {
void runGatheringDemo(TempHub &t, quint32 seed)
{
    t->setClock(Clock::fixed(QDateTime(QDate(2026, 6, 1), QTime(9, 0), QTimeZone::utc())));
    auto tx = Transaction::begin(t->database());
    REQUIRE(tx);
    for (DemoPart *part : std::initializer_list<DemoPart *>{new MemberDemoPart, new GatheringDemoPart}) {
        std::unique_ptr<DemoPart> own(part);
        DemoContext context({DemoScale::Small, seed}, part->name(), {});
        auto ok = part->generate(t.hub(), context);
        INFO((ok ? QString() : ok.error().text()).toStdString());
        REQUIRE(ok);
    }
    REQUIRE(tx->commit());
}

QString demoDigest(TempHub &t)
{
    QStringList rows;
    Query q(t->database(), QStringLiteral("SELECT g.title, g.start_utc, (SELECT group_concat(title, '|') FROM ideas i "
                                          "WHERE i.gathering_id = g.id), (SELECT count(*) FROM gathering_attendance a "
                                          "WHERE a.gathering_id = g.id) FROM gatherings g ORDER BY g.id"));
    REQUIRE(q.exec());
    while (q.next())
        rows << q.value(0).toString() + q.value(1).toString() + q.value(2).toString() + q.value(3).toString();
    return rows.join(u'\n');
}
} // namespace

TEST_CASE("the gatherings demo holds a year of gatherings with ideas votes groups and actions", "[gatherings][demo]")
{
    TempHub t;
    runGatheringDemo(t, 3);
    CHECK(count(t, QStringLiteral("gatherings")) == GatheringDemoPart::gatheringCount(DemoScale::Small));
    CHECK(count(t, QStringLiteral("gatherings WHERE booking_id IS NOT NULL")) > 0);
    CHECK(count(t, QStringLiteral("gatherings WHERE kind = 'collaboratory'")) == 3);
    CHECK(count(t, QStringLiteral("gathering_attendance")) > 30);
    CHECK(count(t, QStringLiteral("gathering_attendance WHERE walk_in_id IS NOT NULL")) > 0);
    CHECK(count(t, QStringLiteral("ideas")) > 20);
    CHECK(count(t, QStringLiteral("idea_votes")) > 20);
    CHECK(count(t, QStringLiteral("working_groups")) >= 1);
    CHECK(count(t, QStringLiteral("group_actions")) >= 2);
    CHECK(count(t, QStringLiteral("business_challenges")) == 2);
    CHECK(count(t, QStringLiteral("gathering_registrations")) > 0);
    CHECK_FALSE(t->gatherings().upcoming()->isEmpty());
    const auto findings = t->integrity().runAll();
    for (const Finding &f : findings)
        UNSCOPED_INFO((f.area + u' ' + f.message + u' ' + f.where).toStdString());
    CHECK(findings.isEmpty());

    TempHub again;
    runGatheringDemo(again, 3);
    CHECK(demoDigest(t) == demoDigest(again));
}
