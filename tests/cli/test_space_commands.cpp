// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/hubctlrunner.h"
#include "tests/support/temphub.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

using hub::test::hubctl;

namespace {
struct Spaces
{
    QTemporaryDir dir;
    QString db = dir.filePath(QStringLiteral("hub.sqlite"));
    Spaces()
    {
        REQUIRE(hubctl({QStringLiteral("--db"), db, QStringLiteral("init"), QStringLiteral("--name"),
                        QStringLiteral("Riverside")})
                    .exitCode == 0);
        REQUIRE(run({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("timezone"),
                     QStringLiteral("Europe/London")})
                    .exitCode == 0);
        REQUIRE(run({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Ada"),
                     QStringLiteral("--email"), QStringLiteral("ada@example.org")})
                    .exitCode == 0);
        const auto hall =
            run({QStringLiteral("space"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Main hall"),
                 QStringLiteral("--capacity"), QStringLiteral("80"), QStringLiteral("--setup"), QStringLiteral("15"),
                 QStringLiteral("--cleanup"), QStringLiteral("30"), QStringLiteral("--opens"), QStringLiteral("09:00"),
                 QStringLiteral("--closes"), QStringLiteral("22:00"), QStringLiteral("--feature"),
                 QStringLiteral("stage")});
        INFO(hall.err.toStdString());
        REQUIRE(hall.exitCode == 0);
    }
    hub::test::CliRun run(const QStringList &args) const
    {
        return hubctl(QStringList{QStringLiteral("--db"), db, QStringLiteral("--json")} + args);
    }
    hub::test::CliRun book(const QString &start, const QString &end, const QStringList &more = {}) const
    {
        return run(QStringList{QStringLiteral("book"), QStringLiteral("--space"), QStringLiteral("main hall"),
                               QStringLiteral("--title"), QStringLiteral("Choir"), QStringLiteral("--start"), start,
                               QStringLiteral("--end"), end} +
                   more);
    }
};
} // namespace

TEST_CASE("space add and space list show the space with its hours and buffers")
{
    Spaces s;
    const QJsonArray spaces = s.run({QStringLiteral("space"), QStringLiteral("list")}).json().array();
    REQUIRE(spaces.size() == 1);
    const QJsonObject hall = spaces.first().toObject();
    CHECK(hall[QStringLiteral("name")].toString() == QStringLiteral("Main hall"));
    CHECK(hall[QStringLiteral("setup_minutes")].toInt() == 15);
    CHECK(hall[QStringLiteral("hours")].toArray().size() == 7);
    CHECK(hall[QStringLiteral("features")].toArray().first().toString() == QStringLiteral("stage"));
    auto twin = s.run({QStringLiteral("space"), QStringLiteral("add"), QStringLiteral("--name"),
                       QStringLiteral("MAIN HALL"), QStringLiteral("--capacity"), QStringLiteral("5")});
    CHECK(twin.exitCode == 2);
    auto zero = s.run({QStringLiteral("space"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Nook"),
                       QStringLiteral("--capacity"), QStringLiteral("0")});
    CHECK(zero.exitCode == 2);
    CHECK(zero.json().object()[QStringLiteral("error")][QStringLiteral("where")].toString() ==
          QStringLiteral("--capacity"));
    CHECK(s.run({QStringLiteral("space"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Nook")})
              .exitCode == 1);
}

TEST_CASE("book stores local times in the hub's zone and a clash exits 3 naming the booking")
{
    Spaces s;
    auto first = s.book(QStringLiteral("2026-07-14 19:00"), QStringLiteral("2026-07-14 21:00"),
                        {QStringLiteral("--member"), QStringLiteral("ada@example.org")});
    INFO(first.err.toStdString());
    REQUIRE(first.exitCode == 0);
    const QJsonObject b = first.json().object();
    CHECK(b[QStringLiteral("start")].toString() == QStringLiteral("2026-07-14 19:00"));
    CHECK(b[QStringLiteral("zone")].toString() == QStringLiteral("Europe/London"));
    CHECK(b[QStringLiteral("member")].toString() == QStringLiteral("Ada"));

    auto clash = s.book(QStringLiteral("2026-07-14 21:15"), QStringLiteral("2026-07-14 21:45"));
    CHECK(clash.exitCode == 3);
    CHECK(clash.err.contains(QStringLiteral("Choir")));
    CHECK(clash.err.contains(QStringLiteral("Ada")));
    auto late = s.book(QStringLiteral("2026-07-15 21:00"), QStringLiteral("2026-07-15 23:00"));
    CHECK(late.exitCode == 3);
    auto overridden = s.book(QStringLiteral("2026-07-15 21:00"), QStringLiteral("2026-07-15 23:00"),
                             {QStringLiteral("--outside-hours"), QStringLiteral("caretaker stays")});
    CHECK(overridden.exitCode == 0);
    CHECK(s.run({QStringLiteral("booking"), QStringLiteral("list"), QStringLiteral("--from"),
                 QStringLiteral("2026-07-14"), QStringLiteral("--to"), QStringLiteral("2026-07-14")})
              .json()
              .array()
              .size() == 1);
}

TEST_CASE("book refuses bad input with exit 2 and unknown spaces with exit 4")
{
    Spaces s;
    CHECK(s.book(QStringLiteral("tomorrow"), QStringLiteral("2026-07-14 21:00")).exitCode == 2);
    auto backwards = s.book(QStringLiteral("2026-07-14 21:00"), QStringLiteral("2026-07-14 19:00"));
    CHECK(backwards.exitCode == 2);
    CHECK(backwards.json().object()[QStringLiteral("error")][QStringLiteral("where")].toString() ==
          QStringLiteral("--end"));
    auto unknown =
        s.run({QStringLiteral("book"), QStringLiteral("--space"), QStringLiteral("Ballroom"), QStringLiteral("--title"),
               QStringLiteral("Dance"), QStringLiteral("--start"), QStringLiteral("2026-07-14 19:00"),
               QStringLiteral("--end"), QStringLiteral("2026-07-14 20:00")});
    CHECK(unknown.exitCode == 4);
    CHECK(s.run({QStringLiteral("booking"), QStringLiteral("cancel"), QStringLiteral("99")}).exitCode == 4);
    CHECK(s.run({QStringLiteral("booking"), QStringLiteral("cancel"), QStringLiteral("x")}).exitCode == 2);
    CHECK(s.book(QStringLiteral("2026-07-14 19:00"), QStringLiteral("2026-07-14 20:00"),
                 {QStringLiteral("--attendees"), QStringLiteral("200")})
              .exitCode == 3);
    CHECK(s.run({QStringLiteral("booking"), QStringLiteral("list")}).json().array().isEmpty());
}

TEST_CASE("booking confirm decline and cancel change the status and free the slot")
{
    Spaces s;
    auto held =
        s.book(QStringLiteral("2026-07-14 19:00"), QStringLiteral("2026-07-14 21:00"), {QStringLiteral("--tentative")});
    REQUIRE(held.exitCode == 0);
    CHECK(held.json().object()[QStringLiteral("status")].toString() == QStringLiteral("tentative"));
    auto confirmed = s.run({QStringLiteral("booking"), QStringLiteral("confirm"), QStringLiteral("1")});
    REQUIRE(confirmed.exitCode == 0);
    CHECK(confirmed.json().object()[QStringLiteral("status")].toString() == QStringLiteral("confirmed"));
    CHECK(s.run({QStringLiteral("booking"), QStringLiteral("decline"), QStringLiteral("1")}).exitCode == 3);
    CHECK(s.run({QStringLiteral("booking"), QStringLiteral("cancel"), QStringLiteral("1")}).exitCode == 0);
    CHECK(s.book(QStringLiteral("2026-07-14 19:00"), QStringLiteral("2026-07-14 21:00")).exitCode == 0);
    CHECK(s.run({QStringLiteral("booking"), QStringLiteral("list"), QStringLiteral("--cancelled")})
              .json()
              .array()
              .size() == 2);
    auto text = hubctl({QStringLiteral("--db"), s.db, QStringLiteral("booking"), QStringLiteral("list")});
    CHECK(text.out.contains(QStringLiteral("2026-07-14 19:00")));
    CHECK(s.run({QStringLiteral("check")}).exitCode == 0);
}
