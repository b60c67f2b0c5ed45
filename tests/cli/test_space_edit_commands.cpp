// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/hubctlrunner.h"
#include "tests/support/temphub.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

using hub::test::CliRun;
using hub::test::hubctl;

namespace {

QStringList args(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *a : list)
        out << QString::fromUtf8(a);
    return out;
}

/// A hub in London with a main hall open 09:00–22:00 every day.
struct Hall
{
    QTemporaryDir dir;
    QString db = dir.filePath(QStringLiteral("hub.sqlite"));
    Hall()
    {
        REQUIRE(hubctl({QStringLiteral("--db"), db, QStringLiteral("init"), QStringLiteral("--timezone"),
                        QStringLiteral("Europe/London")})
                    .exitCode == 0);
        const CliRun hall =
            run(args({"space", "add", "--name", "Main hall", "--capacity", "80", "--setup", "15", "--cleanup", "30",
                      "--opens", "09:00", "--closes", "22:00", "--feature", "stage", "--description", "The big room"}));
        INFO(hall.err.toStdString());
        REQUIRE(hall.exitCode == 0);
        REQUIRE(run(args({"space", "add", "--name", "Kitchen", "--capacity", "12"})).exitCode == 0);
    }
    CliRun run(const QStringList &more) const
    {
        return hubctl(QStringList{QStringLiteral("--db"), db, QStringLiteral("--json")} + more);
    }
    QJsonObject edit(std::initializer_list<const char *> more) const
    {
        const CliRun r = run(args({"space", "edit", "Main hall"}) + args(more));
        INFO(r.err.toStdString());
        REQUIRE(r.exitCode == 0);
        return r.json().object();
    }
    QJsonObject hall() const
    {
        const QJsonArray spaces = run(args({"space", "list"})).json().array();
        for (const QJsonValue &v : spaces)
            if (v.toObject()[QStringLiteral("id")].toInt() == 1)
                return v.toObject();
        FAIL("the main hall is missing");
        return {};
    }
    /// Opening hours by Qt weekday: {opens, closes} in minutes, or nothing if closed.
    static std::optional<std::pair<int, int>> hours(const QJsonObject &space, int weekday)
    {
        for (const QJsonValue &v : space[QStringLiteral("hours")].toArray()) {
            const QJsonObject h = v.toObject();
            if (h[QStringLiteral("weekday")].toInt() == weekday)
                return std::pair{h[QStringLiteral("opens_minute")].toInt(), h[QStringLiteral("closes_minute")].toInt()};
        }
        return std::nullopt;
    }
    static QString where(const CliRun &r)
    {
        return r.json().object()[QStringLiteral("error")][QStringLiteral("where")].toString();
    }
};

} // namespace

TEST_CASE("space edit changes only the fields it is given", "[cli][spaces]")
{
    Hall h;
    QJsonObject s = h.edit({"--capacity", "60"});
    CHECK(s[QStringLiteral("capacity")].toInt() == 60);
    CHECK(s[QStringLiteral("name")].toString() == QStringLiteral("Main hall"));
    CHECK(s[QStringLiteral("setup_minutes")].toInt() == 15);
    CHECK(s[QStringLiteral("description")].toString() == QStringLiteral("The big room"));
    CHECK(s[QStringLiteral("features")].toArray() == QJsonArray{QStringLiteral("stage")});

    s = h.edit({"--rate", "2.50", "--setup", "20", "--cleanup", "10"});
    CHECK(s[QStringLiteral("rate")].toString() == QStringLiteral("2.50"));
    CHECK(s[QStringLiteral("rate_minor")].toInt() == 250);
    CHECK(s[QStringLiteral("setup_minutes")].toInt() == 20);
    CHECK(s[QStringLiteral("cleanup_minutes")].toInt() == 10);
    CHECK(s[QStringLiteral("capacity")].toInt() == 60);

    s = h.edit({"--no-rate", "--feature", "stage", "--feature", "sprung floor", "--colour", "#aa3366"});
    CHECK(s[QStringLiteral("rate")].isNull());
    CHECK(s[QStringLiteral("features")].toArray() ==
          (QJsonArray{QStringLiteral("stage"), QStringLiteral("sprung floor")}));
    CHECK(s[QStringLiteral("colour")].toString() == QStringLiteral("#aa3366"));

    s = h.edit({"--description", "Seats 60 since the new stage", "--active", "no"});
    CHECK(s[QStringLiteral("description")].toString() == QStringLiteral("Seats 60 since the new stage"));
    CHECK_FALSE(s[QStringLiteral("active")].toBool());
    CHECK(h.edit({"--active", "yes"})[QStringLiteral("active")].toBool());
    CHECK(h.edit({"--no-features"})[QStringLiteral("features")].toArray().isEmpty());

    // A new name is how the space is found from then on.
    const CliRun renamed = h.run(args({"space", "edit", "main hall", "--name", "Great hall"}));
    REQUIRE(renamed.exitCode == 0);
    CHECK(renamed.json().object()[QStringLiteral("name")].toString() == QStringLiteral("Great hall"));
    CHECK(h.run(args({"space", "edit", "Great hall", "--capacity", "70"})).exitCode == 0);
    CHECK(h.run(args({"space", "edit", "1", "--capacity", "75"})).json().object()[QStringLiteral("capacity")].toInt() ==
          75);

    const CliRun text = hubctl({QStringLiteral("--db"), h.db, QStringLiteral("space"), QStringLiteral("edit"),
                                QStringLiteral("Great hall"), QStringLiteral("--capacity"), QStringLiteral("72")});
    CHECK(text.exitCode == 0);
    CHECK(text.out.contains(QStringLiteral("Great hall")));
    CHECK(text.out.contains(QStringLiteral("72")));
}

TEST_CASE("space edit sets opening hours per weekday and closes weekdays", "[cli][spaces]")
{
    Hall h;
    QJsonObject s = h.edit({"--weekday", "sat,sun", "--opens", "10:00", "--closes", "16:00"});
    CHECK(Hall::hours(s, 1) == std::pair{9 * 60, 22 * 60});
    CHECK(Hall::hours(s, 6) == std::pair{10 * 60, 16 * 60});
    CHECK(Hall::hours(s, 7) == std::pair{10 * 60, 16 * 60});

    s = h.edit({"--weekday", "mon-wed", "--opens", "08:30", "--closes", "21:00"});
    CHECK(Hall::hours(s, 3) == std::pair{8 * 60 + 30, 21 * 60});
    CHECK(Hall::hours(s, 4) == std::pair{9 * 60, 22 * 60});

    s = h.edit({"--closed-on", "sunday"});
    CHECK_FALSE(Hall::hours(s, 7).has_value());
    CHECK(Hall::hours(s, 6) == std::pair{10 * 60, 16 * 60});

    // Without --weekday the hours are every day's; 24:00 is midnight.
    s = h.edit({"--opens", "08:00", "--closes", "24:00"});
    for (int day = 1; day <= 7; ++day)
        CHECK(Hall::hours(s, day) == std::pair{8 * 60, 24 * 60});
    CHECK(h.hall()[QStringLiteral("hours")].toArray().size() == 7);
}

TEST_CASE("space edit refuses a bad value with exit 2 naming the option and changes nothing", "[cli][spaces]")
{
    Hall h;
    const QJsonObject before = h.hall();
    const struct
    {
        std::initializer_list<const char *> options;
        const char *where;
    } bad[] = {
        {{"--capacity", "0"}, "--capacity"},
        {{"--capacity", "lots"}, "--capacity"},
        {{"--rate", "1.234"}, "--rate"},
        {{"--rate", "-2"}, "--rate"},
        {{"--setup", "-5"}, "--setup"},
        {{"--cleanup", "2000"}, "--cleanup"},
        {{"--colour", "red"}, "--colour"},
        {{"--name", "Kitchen"}, "--name"},
        {{"--name", "  "}, "--name"},
        {{"--opens", "25:00", "--closes", "26:00"}, "--opens"},
        {{"--opens", "18:00", "--closes", "09:00"}, "--closes"},
        {{"--weekday", "funday", "--opens", "09:00", "--closes", "17:00"}, "--weekday"},
        {{"--closed-on", "sun-mon"}, "--closed-on"},
        {{"--active", "maybe"}, "--active"},
        {{"--capacity", "50", "--colour", "#12345"}, "--colour"},
    };
    for (const auto &b : bad) {
        const CliRun r = h.run(args({"space", "edit", "Main hall"}) + args(b.options));
        INFO(args(b.options).join(u' ').toStdString() << " -> " << r.err.toStdString());
        CHECK(r.exitCode == 2);
        CHECK(Hall::where(r) == QString::fromUtf8(b.where));
    }
    CHECK(h.hall() == before);
}

TEST_CASE("space edit usage mistakes exit 1 and an unknown space exits 4", "[cli][spaces]")
{
    Hall h;
    CHECK(h.run(args({"space", "edit", "Main hall"})).exitCode == 1);
    CHECK(h.run(args({"space", "edit", "Main hall", "--rate", "2", "--no-rate"})).exitCode == 1);
    CHECK(h.run(args({"space", "edit", "Main hall", "--opens", "09:00"})).exitCode == 1);
    CHECK(h.run(args({"space", "edit", "Main hall", "--weekday", "mon"})).exitCode == 1);
    CHECK(h.run(args({"space", "edit", "Main hall", "--weekday", "mon", "--opens", "09:00", "--closes", "17:00",
                      "--closed-on", "mon"}))
              .exitCode == 1);
    CHECK(h.run(args({"space", "edit", "--capacity", "3"})).exitCode == 1);
    const CliRun unknown = h.run(args({"space", "edit", "Ballroom", "--capacity", "3"}));
    CHECK(unknown.exitCode == 4);
    CHECK(unknown.err.contains(QStringLiteral("Ballroom")));
    CHECK(h.run(args({"space", "edit", "99", "--capacity", "3"})).exitCode == 4);
}

TEST_CASE("space close and reopen keep closed days for a space or the whole hub", "[cli][spaces]")
{
    Hall h;
    const CliRun closed =
        h.run(args({"space", "close", "Main hall", "--date", "2026-12-25", "--reason", "Christmas Day"}));
    INFO(closed.err.toStdString());
    REQUIRE(closed.exitCode == 0);
    const QJsonObject c = closed.json().object();
    CHECK(c[QStringLiteral("date")].toString() == QStringLiteral("2026-12-25"));
    CHECK(c[QStringLiteral("reason")].toString() == QStringLiteral("Christmas Day"));
    CHECK(c[QStringLiteral("space")].toString() == QStringLiteral("Main hall"));
    CHECK_FALSE(c[QStringLiteral("whole_hub")].toBool());

    const CliRun hub = h.run(args({"space", "close", "--all", "--date", "2026-12-26", "--reason", "Boxing Day"}));
    REQUIRE(hub.exitCode == 0);
    CHECK(hub.json().object()[QStringLiteral("whole_hub")].toBool());
    CHECK(hub.json().object()[QStringLiteral("space")].isNull());

    // A booking on a closed day is refused, whether the space or the hub is closed.
    const auto book = [&](const char *space, const char *day) {
        const QString d = QString::fromUtf8(day);
        return h.run(QStringList{QStringLiteral("book"), QStringLiteral("--space"), QString::fromUtf8(space),
                                 QStringLiteral("--title"), QStringLiteral("Party"), QStringLiteral("--start"),
                                 d + QStringLiteral(" 12:00"), QStringLiteral("--end"), d + QStringLiteral(" 14:00")});
    };
    CHECK(book("Main hall", "2026-12-25").exitCode == 3);
    CHECK(book("Kitchen", "2026-12-26").exitCode == 3);
    CHECK(book("Main hall", "2026-12-26").exitCode == 3);
    CHECK(book("Kitchen", "2026-12-25").exitCode == 0);

    // The hall has no closed day of its own on Boxing Day: only --all reopens it.
    const CliRun notOwn = h.run(args({"space", "reopen", "Main hall", "--date", "2026-12-26"}));
    CHECK(notOwn.exitCode == 4);
    CHECK(notOwn.err.contains(QStringLiteral("--all")));
    const CliRun reopened = h.run(args({"space", "reopen", "Main hall", "--date", "2026-12-25"}));
    REQUIRE(reopened.exitCode == 0);
    CHECK(reopened.json().object()[QStringLiteral("reason")].toString() == QStringLiteral("Christmas Day"));
    CHECK(book("Main hall", "2026-12-25").exitCode == 0);
    CHECK(h.run(args({"space", "reopen", "Main hall", "--date", "2026-12-25"})).exitCode == 4);
    CHECK(h.run(args({"space", "reopen", "--all", "--date", "2026-12-26"})).exitCode == 0);
    CHECK(book("Main hall", "2026-12-26").exitCode == 0);

    const CliRun text = hubctl({QStringLiteral("--db"), h.db, QStringLiteral("space"), QStringLiteral("close"),
                                QStringLiteral("--all"), QStringLiteral("--date"), QStringLiteral("2027-01-01")});
    CHECK(text.exitCode == 0);
    CHECK(text.out.contains(QStringLiteral("2027-01-01")));
}

TEST_CASE("space close and reopen refuse unclear targets and bad dates", "[cli][spaces]")
{
    Hall h;
    CHECK(h.run(args({"space", "close", "--date", "2026-12-25"})).exitCode == 1);
    CHECK(h.run(args({"space", "close", "Main hall", "--all", "--date", "2026-12-25"})).exitCode == 1);
    CHECK(h.run(args({"space", "close", "Main hall"})).exitCode == 1);
    const CliRun badDate = h.run(args({"space", "close", "Main hall", "--date", "25/12/2026"}));
    CHECK(badDate.exitCode == 1);
    CHECK(Hall::where(badDate) == QStringLiteral("--date"));
    CHECK(h.run(args({"space", "close", "Ballroom", "--date", "2026-12-25"})).exitCode == 4);
    CHECK(h.run(args({"space", "reopen", "--all", "--date", "2026-12-25"})).exitCode == 4);
}
