// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/hubctlrunner.h"
#include "tests/support/temphub.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

using hub::test::hubctl;
using hub::test::S;

namespace {
struct Gatherings
{
    QTemporaryDir dir;
    QString db = dir.filePath(S("hub.sqlite"));
    Gatherings()
    {
        REQUIRE(hubctl({S("--db"), db, S("init"), S("--name"), S("Riverside")}).exitCode == 0);
        REQUIRE(run({S("settings"), S("set"), S("timezone"), S("Europe/London")}).exitCode == 0);
        for (const char *name : {"ada", "bo", "cy"})
            REQUIRE(run({S("member"), S("add"), S("--name"), S(name), S("--email"), S(name) + S("@example.org")})
                        .exitCode == 0);
        REQUIRE(run({S("space"), S("add"), S("--name"), S("Main hall"), S("--capacity"), S("80"), S("--setup"), S("15"),
                     S("--cleanup"), S("30")})
                    .exitCode == 0);
    }
    hub::test::CliRun run(const QStringList &args) const
    {
        return hubctl(QStringList{S("--db"), db, S("--json")} + args);
    }
    hub::test::CliRun text(const QStringList &args) const { return hubctl(QStringList{S("--db"), db} + args); }
    int add(const QStringList &more = {}) const
    {
        auto r = run(QStringList{S("gathering"), S("add"), S("--kind"), S("friendly"), S("--title"), S("Friendly"),
                                 S("--start"), S("2026-03-10 19:00"), S("--end"), S("2026-03-10 21:00")} +
                     more);
        INFO(r.err.toStdString());
        REQUIRE(r.exitCode == 0);
        return r.json().object()[S("id")].toInt();
    }
};
} // namespace

TEST_CASE("gathering add books the space and gathering list and show report it", "[cli][gatherings]")
{
    Gatherings g;
    const int id =
        g.add({S("--space"), S("main hall"), S("--facilitator"), S("ada@example.org"), S("--theme"), S("Our street")});
    auto list = g.run({S("gathering"), S("list")});
    REQUIRE(list.exitCode == 0);
    const QJsonArray all = list.json().array();
    REQUIRE(all.size() == 1);
    const QJsonObject o = all.first().toObject();
    CHECK(o[S("id")].toInt() == id);
    CHECK(o[S("space")].toString() == S("Main hall"));
    CHECK(o[S("capacity")].toInt() == 80);
    CHECK(o[S("start")].toString() == S("2026-03-10 19:00"));
    CHECK(o[S("facilitators")].toArray().first().toString() == S("ada"));
    auto bookings = g.run({S("booking"), S("list")});
    CHECK(bookings.json().array().size() == 1);

    auto show = g.text({S("gathering"), S("show"), QString::number(id)});
    CHECK(show.exitCode == 0);
    CHECK(show.out.contains(S("Theme: Our street")));
    auto humans = g.text({S("gathering"), S("list")});
    CHECK(humans.out.contains(S("Friendly")));
    CHECK(g.run({S("gathering"), S("list"), S("--from"), S("2026-04-01")}).json().array().isEmpty());
}

TEST_CASE("gathering add refuses a clash with the booking service's words and checks its options", "[cli][gatherings]")
{
    Gatherings g;
    REQUIRE(g.run({S("book"), S("--space"), S("Main hall"), S("--title"), S("Choir"), S("--start"),
                   S("2026-03-10 18:00"), S("--end"), S("2026-03-10 20:00")})
                .exitCode == 0);
    auto clash = g.run({S("gathering"), S("add"), S("--title"), S("Friendly"), S("--start"), S("2026-03-10 19:00"),
                        S("--space"), S("Main hall")});
    CHECK(clash.exitCode == 3);
    CHECK(clash.err.contains(S("Choir")));
    CHECK(g.run({S("gathering"), S("list")}).json().array().isEmpty());

    CHECK(g.run({S("gathering"), S("add"), S("--title"), S("X")}).exitCode == 1);
    CHECK(g.run({S("gathering"), S("add"), S("--title"), S("X"), S("--start"), S("tomorrow")}).exitCode == 2);
    CHECK(g.run({S("gathering"), S("add"), S("--kind"), S("party"), S("--title"), S("X"), S("--start"),
                 S("2026-03-10 19:00")})
              .exitCode == 1);
    CHECK(g.run({S("gathering"), S("add"), S("--title"), S("X"), S("--start"), S("2026-03-10 19:00"), S("--space"),
                 S("Attic")})
              .exitCode == 4);
    auto over = g.run({S("gathering"), S("add"), S("--title"), S("X"), S("--start"), S("2026-03-11 19:00"),
                       S("--space"), S("Main hall"), S("--capacity"), S("200")});
    CHECK(over.exitCode == 3);
    CHECK(over.json().object()[S("error")].toObject()[S("where")].toString() == S("--capacity"));
    CHECK(g.run({S("gathering"), S("show"), S("99")}).exitCode == 4);
}

TEST_CASE("register fills places then a waiting list and cancel moves the first up", "[cli][gatherings]")
{
    Gatherings g;
    const QString id = QString::number(g.add({S("--capacity"), S("1")}));
    auto first = g.run({S("register"), id, S("--member"), S("ada@example.org")});
    CHECK(first.json().object()[S("status")].toString() == S("registered"));
    auto second = g.run({S("register"), id, S("--member"), S("bo@example.org")});
    CHECK(second.json().object()[S("status")].toString() == S("waiting"));
    CHECK(g.run({S("register"), id, S("--member"), S("bo@example.org")}).exitCode == 3);
    auto cancel = g.text({S("register"), id, S("--member"), S("ada@example.org"), S("--cancel")});
    CHECK(cancel.exitCode == 0);
    CHECK(cancel.out.contains(S("bo moved up")));
    CHECK(g.run({S("register"), id}).exitCode == 1);
    CHECK(g.run({S("register"), S("42"), S("--member"), S("bo@example.org")}).exitCode == 4);
    CHECK(g.run({S("register"), id, S("--member"), S("nobody@example.org")}).exitCode == 4);
}

TEST_CASE("checkin takes members and walk-ins once each", "[cli][gatherings]")
{
    Gatherings g;
    const QString id = QString::number(g.add());
    auto ada = g.run({S("checkin"), id, S("--member"), S("ada@example.org")});
    CHECK(ada.exitCode == 0);
    CHECK(ada.json().object()[S("name")].toString() == S("ada"));
    auto twice = g.run({S("checkin"), id, S("--member"), S("ada@example.org")});
    CHECK(twice.exitCode == 3);
    CHECK(twice.err.contains(S("already checked in")));
    auto walk = g.run({S("checkin"), id, S("--walk-in"), S("Zoë"), S("--email"), S("zoe@example.org"), S("--consent")});
    CHECK(walk.exitCode == 0);
    CHECK(walk.json().object()[S("walk_in_id")].toInt() > 0);
    CHECK(g.run({S("checkin"), id}).exitCode == 1);
    CHECK(g.run({S("checkin"), id, S("--walk-in"), S("Jo"), S("--email"), S("nope")}).exitCode == 2);
    CHECK(g.run({S("checkin"), id, S("--walk-in"), S(" ")})
              .json()
              .object()[S("error")]
              .toObject()[S("where")]
              .toString() == S("--walk-in"));
}

TEST_CASE("idea add vote and promote run a gathering through to a working group", "[cli][gatherings]")
{
    Gatherings g;
    const QString id = QString::number(g.add());
    REQUIRE(g.run({S("checkin"), id, S("--member"), S("ada@example.org")}).exitCode == 0);
    auto walk = g.run({S("checkin"), id, S("--walk-in"), S("Zoë")});
    const QString attendee = QString::number(walk.json().object()[S("attendance_id")].toInt());
    const QString walkIn = QString::number(walk.json().object()[S("walk_in_id")].toInt());

    auto tool = g.run({S("idea"), S("add"), id, S("--title"), S("Tool library in the old shop"), S("--story"),
                       S("Everyone owns a drill they use once a year"), S("--by"), S("ada@example.org"), S("--tag"),
                       S("sharing")});
    REQUIRE(tool.exitCode == 0);
    const QString toolId = QString::number(tool.json().object()[S("id")].toInt());
    auto fridge = g.run({S("idea"), S("add"), id, S("--title"), S("Community fridge"), S("--walk-in"), walkIn});
    REQUIRE(fridge.exitCode == 0);
    CHECK(fridge.json().object()[S("author")].toString() == S("Zoë"));
    CHECK(g.run({S("idea"), S("add"), id}).exitCode == 1);

    auto vote = g.run({S("idea"), S("vote"), toolId, S("--by"), S("ada@example.org")});
    CHECK(vote.exitCode == 0);
    CHECK(vote.json().object()[S("votes")].toInt() == 1);
    CHECK(g.run({S("idea"), S("vote"), toolId, S("--attendee"), attendee}).json().object()[S("votes")].toInt() == 2);
    CHECK(g.run({S("idea"), S("vote"), toolId, S("--by"), S("ada@example.org")}).exitCode == 3);
    auto outsider = g.run({S("idea"), S("vote"), toolId, S("--by"), S("bo@example.org")});
    CHECK(outsider.exitCode == 3);
    CHECK(outsider.err.contains(S("checked in")));
    CHECK(g.run({S("idea"), S("vote"), toolId}).exitCode == 1);
    CHECK(g.run({S("idea"), S("vote"), S("999"), S("--by"), S("ada@example.org")}).exitCode == 4);
    auto back = g.run({S("idea"), S("vote"), toolId, S("--attendee"), attendee, S("--withdraw")});
    CHECK(back.json().object()[S("votes")].toInt() == 1);

    auto show = g.run({S("gathering"), S("show"), id}).json().object();
    CHECK(show[S("ideas_ranked")].toArray().first().toObject()[S("title")].toString() ==
          S("Tool library in the old shop"));
    CHECK(show[S("attendees")].toArray().size() == 2);

    auto promote =
        g.run({S("idea"), S("promote"), toolId, S("--group"), S("Tool library"), S("--convenor"), S("bo@example.org")});
    REQUIRE(promote.exitCode == 0);
    const QJsonObject group = promote.json().object();
    CHECK(group[S("origin_idea")].toString() == S("Tool library in the old shop"));
    CHECK(group[S("origin_gathering_id")].toInt() == id.toInt());
    CHECK(group[S("convenor")].toString() == S("bo"));
    CHECK(g.run({S("idea"), S("promote"), toolId, S("--group"), S("Other")}).exitCode == 3);
    CHECK(g.run({S("idea"), S("promote"), toolId}).exitCode == 1);
}

TEST_CASE("idea promote --new refuses a group name that exists, naming --group", "[cli][gatherings]")
{
    Gatherings g;
    const QString id = QString::number(g.add());
    const auto ideaOf = [&](const char *title) {
        auto r = g.run({S("idea"), S("add"), id, S("--title"), S(title), S("--by"), S("ada@example.org")});
        REQUIRE(r.exitCode == 0);
        return QString::number(r.json().object()[S("id")].toInt());
    };
    const QString repair = ideaOf("Repair café"), tools = ideaOf("Tool library");
    REQUIRE(g.run({S("idea"), S("promote"), repair, S("--group"), S("Fixers")}).exitCode == 0);
    auto clash = g.run({S("idea"), S("promote"), tools, S("--group"), S("FIXERS"), S("--new")});
    CHECK(clash.exitCode == 2);
    CHECK(clash.json().object()[S("error")].toObject()[S("where")].toString() == S("--group"));
    CHECK(g.run({S("group"), S("list")}).json().array().size() == 1);
    // Without --new the same name joins the group, as before.
    CHECK(g.run({S("idea"), S("promote"), tools, S("--group"), S("FIXERS")}).exitCode == 0);
    CHECK(g.run({S("group"), S("list")}).json().array().size() == 1);
}

TEST_CASE("group list show join and action add done", "[cli][gatherings]")
{
    Gatherings g;
    const QString id = QString::number(g.add());
    auto idea =
        g.run({S("idea"), S("add"), id, S("--title"), S("Repair café on Saturdays"), S("--by"), S("ada@example.org")});
    REQUIRE(g.run({S("idea"), S("promote"), QString::number(idea.json().object()[S("id")].toInt()), S("--group"),
                   S("Repair café")})
                .exitCode == 0);
    auto groups = g.run({S("group"), S("list")});
    REQUIRE(groups.json().array().size() == 1);
    CHECK(groups.json().array().first().toObject()[S("members")].toInt() == 1);

    auto join = g.run({S("group"), S("join"), S("repair café"), S("--member"), S("bo@example.org")});
    CHECK(join.exitCode == 0);
    CHECK(join.json().object()[S("members")].toInt() == 2);
    CHECK(g.run({S("group"), S("join"), S("repair café"), S("--member"), S("bo@example.org")}).exitCode == 3);
    CHECK(g.run({S("group"), S("join"), S("Knitting"), S("--member"), S("bo@example.org")}).exitCode == 4);
    CHECK(g.run({S("group"), S("join"), S("1")}).exitCode == 1);

    auto action = g.run({S("action"), S("add"), S("Repair café"), S("--title"), S("Borrow tables"), S("--owner"),
                         S("cy@example.org"), S("--due"), S("2020-01-31")});
    REQUIRE(action.exitCode == 0);
    CHECK(action.json().object()[S("overdue")].toBool());
    const QString actionId = QString::number(action.json().object()[S("id")].toInt());
    CHECK(g.run({S("action"), S("add"), S("Repair café"), S("--title"), S("X"), S("--owner"), S("cy@example.org"),
                 S("--due"), S("31/01/2020")})
              .exitCode == 1);
    CHECK(g.run({S("action"), S("add"), S("Repair café"), S("--title"), S("X")}).exitCode == 1);

    auto show = g.run({S("group"), S("show"), S("Repair café")}).json().object();
    CHECK(show[S("member_list")].toArray().size() == 3);
    CHECK(show[S("overdue_actions")].toInt() == 1);
    CHECK(show[S("promoted_ideas")].toArray().size() == 1);
    CHECK(g.text({S("group"), S("show"), S("1")}).out.contains(S("(overdue)")));

    auto done = g.run({S("action"), S("done"), actionId, S("--note"), S("Eight tables from the church")});
    CHECK(done.exitCode == 0);
    CHECK(done.json().object()[S("status")].toString() == S("done"));
    CHECK(g.run({S("action"), S("done"), actionId}).exitCode == 3);
    CHECK(g.run({S("action"), S("done"), S("77")}).exitCode == 4);
    CHECK(g.run({S("action"), S("done"), S("seven")}).exitCode == 2);
    CHECK(g.run({S("check")}).exitCode == 0);
}
