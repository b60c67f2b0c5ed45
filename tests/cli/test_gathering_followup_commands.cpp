// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/hubctlrunner.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using hub::test::hubctl;
using hub::test::S;

namespace {
struct HubFile
{
    QTemporaryDir dir;
    QString db = dir.filePath(S("hub.sqlite"));
    HubFile()
    {
        REQUIRE(hubctl({S("--db"), db, S("init"), S("--name"), S("Riverside")}).exitCode == 0);
        REQUIRE(run({S("settings"), S("set"), S("timezone"), S("Europe/London")}).exitCode == 0);
    }
    hub::test::CliRun run(const QStringList &args) const
    {
        return hubctl(QStringList{S("--db"), db, S("--json")} + args);
    }
    hub::test::CliRun text(const QStringList &args) const { return hubctl(QStringList{S("--db"), db} + args); }
    int id(const QStringList &args) const
    {
        auto r = run(args);
        INFO(r.err.toStdString());
        REQUIRE(r.exitCode == 0);
        return r.json().object()[S("id")].toInt();
    }
    int member(const char *name, const QStringList &more = {}) const
    {
        return id(QStringList{S("member"), S("add"), S("--name"), S(name)} + more);
    }
    int gathering() const
    {
        return id({S("gathering"), S("add"), S("--title"), S("Friendly"), S("--start"), S("2026-03-10 19:00")});
    }
};
} // namespace

TEST_CASE("challenge add list and show suggest members whose skills fit", "[cli][gatherings][challenges]")
{
    HubFile h;
    const int bakery = h.member("Corner Bakery", {S("--kind"), S("organisation")});
    const int ana = h.member("Ana", {S("--skill"), S("Web design"), S("--skill"), S("Photography")});
    h.member("Bo", {S("--skill"), S("Photography")});
    const int g = h.gathering();

    auto added = h.run({S("challenge"), S("add"), S("--business"), QString::number(bakery), S("--title"),
                        S("Our website is out of date"), S("--description"), S("Nobody finds our hours."), S("--skill"),
                        S("Web design"), S("--skill"), S("Photography"), S("--gathering"), QString::number(g)});
    INFO(added.err.toStdString());
    REQUIRE(added.exitCode == 0);
    const QJsonObject c = added.json().object();
    const int id = c[S("id")].toInt();
    CHECK(id > 0);
    CHECK(c[S("business")].toString() == S("Corner Bakery"));
    CHECK(c[S("business_id")].toInt() == bakery);
    CHECK(c[S("gathering_id")].toInt() == g);
    CHECK(c[S("status")].toString() == S("open"));
    CHECK(c[S("skills")].toArray().size() == 2);
    CHECK(c[S("volunteers")].toArray().isEmpty());

    auto list = h.run({S("challenge"), S("list")});
    REQUIRE(list.exitCode == 0);
    REQUIRE(list.json().array().size() == 1);
    CHECK(list.json().array().first().toObject()[S("title")].toString() == S("Our website is out of date"));
    CHECK(h.text({S("challenge"), S("list")}).out.contains(S("Corner Bakery")));

    auto show = h.run({S("challenge"), S("show"), S("#") + QString::number(id)});
    REQUIRE(show.exitCode == 0);
    const QJsonArray helpers = show.json().object()[S("suggested_helpers")].toArray();
    REQUIRE(helpers.size() == 2);
    CHECK(helpers.first().toObject()[S("member_id")].toInt() == ana);
    CHECK(helpers.first().toObject()[S("skills")].toArray().size() == 2);
    auto people = h.text({S("challenge"), S("show"), QString::number(id)});
    CHECK(people.out.contains(S("Suggested helpers (2)")));
    CHECK(people.out.contains(S("Presented at “Friendly”")));
}

TEST_CASE("challenge commands refuse a person as the business and name what is wrong", "[cli][gatherings][challenges]")
{
    HubFile h;
    const int ana = h.member("Ana");
    auto person = h.run({S("challenge"), S("add"), S("--business"), QString::number(ana), S("--title"), S("X")});
    CHECK(person.exitCode == 3);
    CHECK(person.json().object()[S("error")].toObject()[S("where")].toString() == S("--business"));
    CHECK(h.run({S("challenge"), S("add"), S("--title"), S("X")}).exitCode == 1);
    CHECK(h.run({S("challenge"), S("add"), S("--business"), S("nobody@example.org"), S("--title"), S("X")}).exitCode ==
          4);
    const int shop = h.member("Bike Shop", {S("--kind"), S("organisation")});
    auto untitled = h.run({S("challenge"), S("add"), S("--business"), QString::number(shop), S("--title"), S("  ")});
    CHECK(untitled.exitCode == 2);
    CHECK(untitled.json().object()[S("error")].toObject()[S("where")].toString() == S("--title"));
    CHECK(h.run({S("challenge"), S("add"), S("--business"), QString::number(shop), S("--title"), S("X"),
                 S("--gathering"), S("99")})
              .exitCode == 4);
    CHECK(h.run({S("challenge"), S("show"), S("99")}).exitCode == 4);
    auto bad = h.run({S("challenge"), S("show"), S("first")});
    CHECK(bad.exitCode == 2);
    CHECK(bad.json().object()[S("error")].toObject()[S("where")].toString() == S("CHALLENGE"));
    CHECK(h.run({S("challenge"), S("show")}).exitCode == 1);
    CHECK(h.run({S("challenge"), S("list")}).json().array().isEmpty());
}

TEST_CASE("challenge volunteer signs up once and withdraw takes it back", "[cli][gatherings][challenges]")
{
    HubFile h;
    const int shop = h.member("Bike Shop", {S("--kind"), S("organisation")});
    const int ana = h.member("Ana", {S("--skill"), S("Signwriting")});
    const int c = h.id({S("challenge"), S("add"), S("--business"), QString::number(shop), S("--title"),
                        S("A shop window"), S("--skill"), S("Signwriting")});
    auto joined = h.run({S("challenge"), S("volunteer"), QString::number(c), S("--member"), QString::number(ana)});
    REQUIRE(joined.exitCode == 0);
    const QJsonArray volunteers = joined.json().object()[S("volunteers")].toArray();
    REQUIRE(volunteers.size() == 1);
    CHECK(volunteers.first().toObject()[S("name")].toString() == S("Ana"));
    CHECK(h.run({S("challenge"), S("show"), QString::number(c)})
              .json()
              .object()[S("suggested_helpers")]
              .toArray()
              .isEmpty());
    CHECK(h.run({S("challenge"), S("volunteer"), QString::number(c), S("--member"), QString::number(ana)}).exitCode ==
          3);
    CHECK(h.run({S("challenge"), S("volunteer"), QString::number(c)}).exitCode == 1);
    CHECK(h.run({S("challenge"), S("volunteer"), QString::number(c), S("--member"), S("999")}).exitCode == 4);

    auto left = h.run(
        {S("challenge"), S("volunteer"), QString::number(c), S("--member"), QString::number(ana), S("--withdraw")});
    REQUIRE(left.exitCode == 0);
    CHECK(left.json().object()[S("volunteers")].toArray().isEmpty());
    auto again = h.run(
        {S("challenge"), S("volunteer"), QString::number(c), S("--member"), QString::number(ana), S("--withdraw")});
    CHECK(again.exitCode == 3);
    CHECK(again.json().object()[S("error")].toObject()[S("where")].toString() == S("--member"));

    auto closed = h.run({S("challenge"), S("close"), QString::number(c)});
    REQUIRE(closed.exitCode == 0);
    CHECK(closed.json().object()[S("status")].toString() == S("closed"));
    CHECK(h.run({S("challenge"), S("volunteer"), QString::number(c), S("--member"), QString::number(ana)}).exitCode ==
          3);
    CHECK(h.run({S("challenge"), S("list"), S("--open")}).json().array().isEmpty());
}

TEST_CASE("walkin list enrol and merge turn walk-ins into members with their attendance", "[cli][gatherings][walkins]")
{
    HubFile h;
    const int g = h.gathering();
    const int ana = h.member("Ana Lima", {S("--email"), S("ana@example.org")});
    auto jo = h.run({S("checkin"), QString::number(g), S("--walk-in"), S("Jo Bloggs"), S("--email"),
                     S("jo@example.net"), S("--consent")});
    REQUIRE(jo.exitCode == 0);
    const int joId = jo.json().object()[S("walk_in_id")].toInt();
    auto al = h.run({S("checkin"), QString::number(g), S("--walk-in"), S("Ana L.")});
    REQUIRE(al.exitCode == 0);
    const int alId = al.json().object()[S("walk_in_id")].toInt();
    REQUIRE(h.run({S("idea"), S("add"), QString::number(g), S("--title"), S("Community fridge"), S("--walk-in"),
                   QString::number(alId)})
                .exitCode == 0);

    auto all = h.run({S("walkin"), S("list")});
    REQUIRE(all.exitCode == 0);
    CHECK(all.json().array().size() == 2);
    auto here = h.run({S("walkin"), S("list"), QString::number(g)});
    REQUIRE(here.exitCode == 0);
    REQUIRE(here.json().array().size() == 2);
    CHECK(here.json().array().first().toObject()[S("name")].toString() == S("Jo Bloggs"));
    CHECK(h.run({S("walkin"), S("list"), S("--search"), S("jo@")}).json().array().size() == 1);
    CHECK(h.text({S("walkin"), S("list")}).out.contains(S("Jo Bloggs")));

    auto enrolled = h.run({S("walkin"), S("enrol"), QString::number(joId)});
    INFO(enrolled.err.toStdString());
    REQUIRE(enrolled.exitCode == 0);
    const QJsonObject m = enrolled.json().object();
    CHECK(m[S("name")].toString() == S("Jo Bloggs"));
    CHECK(m[S("email")].toString() == S("jo@example.net"));
    CHECK(m[S("walk_in_id")].toInt() == joId);
    const int joMember = m[S("id")].toInt();
    CHECK(h.run({S("member"), S("show"), QString::number(joMember)}).exitCode == 0);
    CHECK(h.run({S("walkin"), S("enrol"), QString::number(joId)}).exitCode == 3);

    auto merged = h.run({S("walkin"), S("merge"), S("#") + QString::number(alId), S("--member"), S("ana@example.org")});
    REQUIRE(merged.exitCode == 0);
    CHECK(merged.json().object()[S("merged_into")].toInt() == ana);
    CHECK(merged.json().object()[S("member")].toString() == S("Ana Lima"));

    // Both came to the gathering as members now, and the idea is Ana's.
    const QJsonObject show = h.run({S("gathering"), S("show"), QString::number(g)}).json().object();
    for (const QJsonValue &a : show[S("attendees")].toArray()) {
        CHECK(a.toObject()[S("walk_in_id")].isNull());
        CHECK_FALSE(a.toObject()[S("member_id")].isNull());
    }
    CHECK(show[S("ideas_ranked")].toArray().first().toObject()[S("author_member_id")].toInt() == ana);
    CHECK(h.run({S("walkin"), S("list"), QString::number(g)}).json().array().isEmpty());
}

TEST_CASE("walkin commands check their arguments", "[cli][gatherings][walkins]")
{
    HubFile h;
    const int g = h.gathering();
    auto jo = h.run({S("checkin"), QString::number(g), S("--walk-in"), S("Jo")});
    const int joId = jo.json().object()[S("walk_in_id")].toInt();
    CHECK(h.run({S("walkin"), S("enrol")}).exitCode == 1);
    auto missing = h.run({S("walkin"), S("enrol"), S("77")});
    CHECK(missing.exitCode == 4);
    CHECK(missing.json().object()[S("error")].toObject()[S("where")].toString() == S("WALKIN"));
    CHECK(h.run({S("walkin"), S("enrol"), S("jo")}).exitCode == 2);
    CHECK(h.run({S("walkin"), S("merge"), QString::number(joId)}).exitCode == 1);
    auto nobody = h.run({S("walkin"), S("merge"), QString::number(joId), S("--member"), S("nobody@example.org")});
    CHECK(nobody.exitCode == 4);
    CHECK(nobody.json().object()[S("error")].toObject()[S("where")].toString() == S("--member"));
    CHECK(h.run({S("walkin"), S("list"), S("99")}).exitCode == 4);
    CHECK(h.run({S("walkin"), S("list"), QString::number(g)}).json().array().size() == 1);
}

TEST_CASE("gathering close-voting stops votes and withdrawals and shows ranked results", "[cli][gatherings][voting]")
{
    HubFile h;
    const int g = h.gathering();
    const int ana = h.member("Ana"), bo = h.member("Bo");
    for (int who : {ana, bo})
        REQUIRE(h.run({S("checkin"), QString::number(g), S("--member"), QString::number(who)}).exitCode == 0);
    const int fridge = h.id({S("idea"), S("add"), QString::number(g), S("--title"), S("Community fridge")});
    const int repair = h.id({S("idea"), S("add"), QString::number(g), S("--title"), S("Repair café")});
    for (int who : {ana, bo})
        REQUIRE(h.run({S("idea"), S("vote"), QString::number(repair), S("--by"), QString::number(who)}).exitCode == 0);
    REQUIRE(h.run({S("idea"), S("vote"), QString::number(fridge), S("--by"), QString::number(ana)}).exitCode == 0);

    auto closed = h.run({S("gathering"), S("close-voting"), QString::number(g)});
    REQUIRE(closed.exitCode == 0);
    const QJsonObject o = closed.json().object();
    CHECK(o[S("id")].toInt() == g);
    CHECK(o[S("voting_closed")].toBool());
    CHECK(o[S("changed")].toBool());
    const QJsonArray results = o[S("results")].toArray();
    REQUIRE(results.size() == 2);
    CHECK(results[0].toObject()[S("id")].toInt() == repair);
    CHECK(results[0].toObject()[S("rank")].toInt() == 1);
    CHECK(results[0].toObject()[S("votes")].toInt() == 2);
    CHECK(results[1].toObject()[S("rank")].toInt() == 2);

    auto late = h.run({S("idea"), S("vote"), QString::number(fridge), S("--by"), QString::number(bo)});
    CHECK(late.exitCode == 3);
    CHECK(h.run({S("idea"), S("vote"), QString::number(repair), S("--by"), QString::number(ana), S("--withdraw")})
              .exitCode == 3);
    CHECK(h.run({S("gathering"), S("show"), QString::number(g)}).json().object()[S("voting_closed")].toBool());
    auto twice = h.run({S("gathering"), S("close-voting"), QString::number(g)});
    CHECK(twice.exitCode == 0);
    CHECK_FALSE(twice.json().object()[S("changed")].toBool());
    CHECK(h.text({S("gathering"), S("close-voting"), QString::number(g)}).out.contains(S("1. #")));

    auto reopened = h.run({S("gathering"), S("reopen-voting"), QString::number(g)});
    REQUIRE(reopened.exitCode == 0);
    CHECK_FALSE(reopened.json().object()[S("voting_closed")].toBool());
    CHECK(h.run({S("idea"), S("vote"), QString::number(fridge), S("--by"), QString::number(bo)}).exitCode == 0);

    CHECK(h.run({S("gathering"), S("close-voting")}).exitCode == 1);
    auto missing = h.run({S("gathering"), S("close-voting"), S("99")});
    CHECK(missing.exitCode == 4);
    CHECK(missing.json().object()[S("error")].toObject()[S("where")].toString() == S("GATHERING"));
}
