// SPDX-License-Identifier: GPL-3.0-or-later
// hubctl report occupancy|membership|gatherings: JSON and CSV on stdout, the
// figures a hand-built hub gives, and a period that ends before it starts.
#include "tests/support/hubctlrunner.h"
#include "tests/support/temphub.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

using hub::test::hubctl;

namespace {

struct ActivityHub
{
    QTemporaryDir dir;
    QString db = dir.filePath(QStringLiteral("hub.sqlite"));
    ActivityHub()
    {
        REQUIRE(run({QStringLiteral("init"), QStringLiteral("--name"), QStringLiteral("Riverside Hub"),
                     QStringLiteral("--timezone"), QStringLiteral("Europe/London")})
                    .exitCode == 0);
    }
    hub::test::CliRun run(const QStringList &args) const
    {
        auto r = hubctl(QStringList{QStringLiteral("--db"), db} + args);
        INFO(r.err.toStdString());
        return r;
    }
    QJsonObject json(const QStringList &args) const
    {
        const auto r = run(args + QStringList{QStringLiteral("--format"), QStringLiteral("json")});
        INFO(r.err.toStdString());
        REQUIRE(r.exitCode == 0);
        const QJsonDocument doc = r.json();
        REQUIRE(doc.isObject());
        return doc.object();
    }
};

QJsonArray rows(const QJsonObject &report, int table)
{
    const QJsonArray tables = report.value(QStringLiteral("tables")).toArray();
    REQUIRE(table < tables.size());
    return tables.at(table).toObject().value(QStringLiteral("rows")).toArray();
}

} // namespace

TEST_CASE("hubctl report occupancy gives 25 percent for 10 of 40 open hours as JSON and CSV", "[cli][report]")
{
    ActivityHub h;
    REQUIRE(h.run({QStringLiteral("space"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Studio"),
                   QStringLiteral("--capacity"), QStringLiteral("10"), QStringLiteral("--opens"),
                   QStringLiteral("09:00"), QStringLiteral("--closes"), QStringLiteral("17:00")})
                .exitCode == 0);
    REQUIRE(h.run({QStringLiteral("book"), QStringLiteral("--space"), QStringLiteral("Studio"),
                   QStringLiteral("--title"), QStringLiteral("Pottery"), QStringLiteral("--start"),
                   QStringLiteral("2026-03-02T09:00"), QStringLiteral("--end"), QStringLiteral("2026-03-02T13:00")})
                .exitCode == 0);
    REQUIRE(
        h.run({QStringLiteral("book"), QStringLiteral("--space"), QStringLiteral("Studio"), QStringLiteral("--title"),
               QStringLiteral("Yoga"), QStringLiteral("--start"), QStringLiteral("2026-03-04T10:00"),
               QStringLiteral("--end"), QStringLiteral("2026-03-04T16:00"), QStringLiteral("--tentative")})
            .exitCode == 0);

    // Monday to Friday: five days of eight open hours.
    const QStringList args{QStringLiteral("report"),     QStringLiteral("occupancy"), QStringLiteral("--from"),
                           QStringLiteral("2026-03-02"), QStringLiteral("--to"),      QStringLiteral("2026-03-06")};
    const QJsonObject report = h.json(args);
    CHECK(report.value(QStringLiteral("report")).toString() == QStringLiteral("occupancy"));
    const QJsonObject studio = rows(report, 0).at(0).toObject();
    CHECK(studio.value(QStringLiteral("space")).toString() == QStringLiteral("Studio"));
    CHECK(studio.value(QStringLiteral("open_hours")).toDouble() == Approx(40.0));
    CHECK(studio.value(QStringLiteral("booked_hours")).toDouble() == Approx(10.0));
    CHECK(studio.value(QStringLiteral("occupancy")).toDouble() == Approx(25.0));
    CHECK(studio.value(QStringLiteral("confirmed_hours")).toDouble() == Approx(4.0));
    CHECK(studio.value(QStringLiteral("tentative_hours")).toDouble() == Approx(6.0));
    CHECK(rows(report, 2).size() == 7);

    const auto csv = h.run(args + QStringList{QStringLiteral("--format"), QStringLiteral("csv")});
    REQUIRE(csv.exitCode == 0);
    CHECK(csv.out.startsWith(
        QStringLiteral("space,open_hours,booked_hours,occupancy,confirmed_hours,tentative_hours,bookings,charged")));
    CHECK(csv.out.contains(QStringLiteral("Studio,40.00,10.00,25.0,4.00,6.00,2,")));
    CHECK(csv.out.contains(QStringLiteral("weekday,h00,h01,")));
}

TEST_CASE("hubctl report membership counts this month's joins as JSON and CSV", "[cli][report]")
{
    ActivityHub h;
    for (const QString &name : {QStringLiteral("Ann"), QStringLiteral("Ben")})
        REQUIRE(h.run({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--name"), name}).exitCode == 0);
    // The default period is this month, when both joined.
    const QJsonObject report = h.json({QStringLiteral("report"), QStringLiteral("membership")});
    const QJsonArray months = rows(report, 0);
    REQUIRE(months.size() == 1);
    CHECK(months.at(0).toObject().value(QStringLiteral("joins")).toInt() == 2);
    CHECK(months.at(0).toObject().value(QStringLiteral("members")).toInt() == 2);

    const auto csv = h.run(
        {QStringLiteral("report"), QStringLiteral("membership"), QStringLiteral("--format"), QStringLiteral("csv")});
    REQUIRE(csv.exitCode == 0);
    CHECK(csv.out.startsWith(QStringLiteral("month,joins,lapses,leavers,members")));
    CHECK(csv.out.contains(QStringLiteral("status,people,organisations,total")));
    CHECK(csv.out.contains(QStringLiteral("active,2,0,2")));
}

TEST_CASE("hubctl report gatherings splits members and walk-ins as JSON and CSV", "[cli][report]")
{
    ActivityHub h;
    REQUIRE(h.run({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Ann")})
                .exitCode == 0);
    REQUIRE(h.run({QStringLiteral("gathering"), QStringLiteral("add"), QStringLiteral("--kind"),
                   QStringLiteral("friendly"), QStringLiteral("--title"), QStringLiteral("Friendly evening"),
                   QStringLiteral("--start"), QStringLiteral("2026-03-10 19:00")})
                .exitCode == 0);
    REQUIRE(h.run({QStringLiteral("checkin"), QStringLiteral("1"), QStringLiteral("--member"), QStringLiteral("1")})
                .exitCode == 0);
    REQUIRE(h.run({QStringLiteral("checkin"), QStringLiteral("1"), QStringLiteral("--walk-in"), QStringLiteral("Dee")})
                .exitCode == 0);
    REQUIRE(h.run({QStringLiteral("idea"), QStringLiteral("add"), QStringLiteral("1"), QStringLiteral("--title"),
                   QStringLiteral("Street trees")})
                .exitCode == 0);

    const QStringList args{QStringLiteral("report"),     QStringLiteral("gatherings"), QStringLiteral("--from"),
                           QStringLiteral("2026-03-01"), QStringLiteral("--to"),       QStringLiteral("2026-03-31")};
    const QJsonObject report = h.json(args);
    const QJsonArray each = rows(report, 0);
    REQUIRE(each.size() == 1);
    const QJsonObject g = each.at(0).toObject();
    CHECK(g.value(QStringLiteral("title")).toString() == QStringLiteral("Friendly evening"));
    CHECK(g.value(QStringLiteral("start")).toString().startsWith(QStringLiteral("2026-03-10T19:00")));
    CHECK(g.value(QStringLiteral("members")).toInt() == 1);
    CHECK(g.value(QStringLiteral("walk_ins")).toInt() == 1);
    CHECK(g.value(QStringLiteral("newcomers")).toInt() == 2);
    CHECK(g.value(QStringLiteral("ideas")).toInt() == 1);
    CHECK(rows(report, 1).at(0).toObject().value(QStringLiteral("count")).toInt() == 1);

    const auto csv = h.run(args + QStringList{QStringLiteral("--format"), QStringLiteral("csv")});
    REQUIRE(csv.exitCode == 0);
    CHECK(csv.out.startsWith(QStringLiteral("start,title,kind,attendance,members,walk_ins,newcomers,ideas,votes")));
    CHECK(csv.out.contains(QStringLiteral(",Friendly evening,friendly,2,1,1,2,1,0")));

    // A period that ends before it starts is a usage error (exit 1).
    const auto backwards = h.run({QStringLiteral("report"), QStringLiteral("gatherings"), QStringLiteral("--from"),
                                  QStringLiteral("2026-03-31"), QStringLiteral("--to"), QStringLiteral("2026-03-01"),
                                  QStringLiteral("--format"), QStringLiteral("json")});
    CHECK(backwards.exitCode == 1);
}
