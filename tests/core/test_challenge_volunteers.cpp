// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/gatherings/challengeservice.h"
#include "core/members/memberservice.h"
#include "tests/support/temphub.h"

using namespace hub;
using hub::test::TempHub;

namespace {

MemberId add(TempHub &t, const QString &name, MemberKind kind = MemberKind::Person)
{
    MemberDraft d;
    d.displayName = name;
    d.kind = kind;
    auto m = t->members().add(d);
    REQUIRE(m);
    return m->id;
}

} // namespace

TEST_CASE("a volunteer can withdraw from a challenge and sign up again", "[gatherings][challenges]")
{
    TempHub t;
    const MemberId shop = add(t, QStringLiteral("Bike Shop"), MemberKind::Organisation);
    const MemberId ana = add(t, QStringLiteral("Ana")), bo = add(t, QStringLiteral("Bo"));
    ChallengeDraft d;
    d.organisation = shop;
    d.title = QStringLiteral("A shop window that says who we are");
    auto c = t->challenges().add(d);
    REQUIRE(c);
    REQUIRE(t->challenges().volunteer(c->id, ana));
    REQUIRE(t->challenges().volunteer(c->id, bo));
    CHECK(t->challenges().get(c->id)->volunteers == QList<MemberId>{ana, bo});

    REQUIRE(t->challenges().withdraw(c->id, ana));
    auto now = t->challenges().get(c->id);
    REQUIRE(now);
    CHECK(now->volunteers == QList<MemberId>{bo});
    CHECK(now->volunteerNames == QStringList{QStringLiteral("Bo")});

    auto again = t->challenges().withdraw(c->id, ana);
    REQUIRE_FALSE(again);
    CHECK(again.error().kind == ErrorKind::Refused);
    CHECK(again.error().where == QStringLiteral("member"));
    CHECK(t->challenges().withdraw(ChallengeId(999), bo).error().kind == ErrorKind::NotFound);
    REQUIRE(t->challenges().volunteer(c->id, ana));
    // Signed up within the same second: both are there, in name order.
    CHECK(t->challenges().get(c->id)->volunteers.size() == 2);
    CHECK(t->challenges().get(c->id)->volunteers.contains(ana));
}

TEST_CASE("a closed challenge takes no more volunteers", "[gatherings][challenges]")
{
    TempHub t;
    const MemberId shop = add(t, QStringLiteral("Café"), MemberKind::Organisation);
    const MemberId ana = add(t, QStringLiteral("Ana"));
    ChallengeDraft d;
    d.organisation = shop;
    d.title = QStringLiteral("Quiet afternoons");
    auto c = t->challenges().add(d);
    REQUIRE(c);
    REQUIRE(t->challenges().close(c->id));
    CHECK_FALSE(t->challenges().get(c->id)->open);
    CHECK(t->challenges().volunteer(c->id, ana).error().kind == ErrorKind::Refused);
    CHECK(t->challenges().list(true)->isEmpty());
    CHECK(t->challenges().list(false)->size() == 1);
}
