// SPDX-License-Identifier: GPL-3.0-or-later
// Input errors are input errors (issue 15): exit 1 or 2 naming the argument,
// never a storage error, and nothing written.
#include "tests/support/hubctlrunner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using hub::test::CliRun;
using hub::test::hubctl;

namespace {
struct LondonHub
{
    QTemporaryDir dir;
    QString db = dir.filePath(QStringLiteral("hub.sqlite"));
    LondonHub()
    {
        REQUIRE(hubctl({QStringLiteral("--db"), db, QStringLiteral("init"), QStringLiteral("--timezone"),
                        QStringLiteral("Europe/London")})
                    .exitCode == 0);
        REQUIRE(run({QStringLiteral("space"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Hall"),
                     QStringLiteral("--capacity"), QStringLiteral("20")})
                    .exitCode == 0);
    }
    CliRun run(const QStringList &args) const
    {
        return hubctl(QStringList{QStringLiteral("--db"), db, QStringLiteral("--json")} + args);
    }
    CliRun book(const QString &start, const QString &end, const QStringList &more = {}) const
    {
        return run(QStringList{QStringLiteral("book"), QStringLiteral("--space"), QStringLiteral("Hall"),
                               QStringLiteral("--title"), QStringLiteral("Night owls"), QStringLiteral("--start"),
                               start, QStringLiteral("--end"), end} +
                   more);
    }
    int bookings() const
    {
        const CliRun r = run({QStringLiteral("booking"), QStringLiteral("list"), QStringLiteral("--from"),
                              QStringLiteral("2027-01-01"), QStringLiteral("--to"), QStringLiteral("2027-12-31")});
        REQUIRE(r.exitCode == 0);
        return int(r.json().array().size());
    }
};
} // namespace

TEST_CASE("a booking at a time the clocks skip is refused with exit 2 saying so", "[cli][input][time]")
{
    LondonHub h;
    const CliRun r = h.book(QStringLiteral("2027-03-28 01:30"), QStringLiteral("2027-03-28 03:00"));
    CHECK(r.exitCode == 2);
    INFO(r.err.toStdString());
    CHECK(r.err.contains(QStringLiteral("01:30 on Sun 28 Mar 2027 does not exist: the clocks go forward at 01:00")));
    CHECK(r.json()[QStringLiteral("error")][QStringLiteral("where")].toString() == QStringLiteral("--start"));
    CHECK(h.bookings() == 0);
}

TEST_CASE("a weekly series across the spring change moves the skipped date forward and lists it", "[cli][input][time]")
{
    LondonHub h;
    const CliRun r =
        h.book(QStringLiteral("2027-03-21 01:30"), QStringLiteral("2027-03-21 02:30"),
               {QStringLiteral("--repeat"), QStringLiteral("weekly"), QStringLiteral("--count"), QStringLiteral("3")});
    INFO(r.err.toStdString() << r.out.toStdString());
    REQUIRE(r.exitCode == 0);
    const QJsonArray booked = r.json()[QStringLiteral("booked")].toArray();
    REQUIRE(booked.size() == 3);
    const QJsonArray moved = r.json()[QStringLiteral("moved")].toArray();
    REQUIRE(moved.size() == 1);
    CHECK(moved[0][QStringLiteral("date")].toString() == QStringLiteral("2027-03-28"));
    CHECK(moved[0][QStringLiteral("start")].toString() == QStringLiteral("2027-03-28 02:30"));
    CHECK(moved[0][QStringLiteral("end")].toString() == QStringLiteral("2027-03-28 03:30"));
    CHECK(moved[0][QStringLiteral("note")].toString().contains(QStringLiteral("does not exist")));
    // The other dates keep the rule's time.
    CHECK(booked[2][QStringLiteral("start")].toString() == QStringLiteral("2027-04-04 01:30"));
    CHECK(h.run({QStringLiteral("check")}).exitCode == 0);
}

TEST_CASE("a time the autumn change repeats takes the first and says so", "[cli][input][time]")
{
    LondonHub h;
    const CliRun r = h.book(QStringLiteral("2027-10-31 01:30"), QStringLiteral("2027-10-31 03:00"));
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(r.err.contains(QStringLiteral("happens twice")));
    // 01:30 BST to 03:00 GMT: two and a half hours.
    CHECK(r.json()[QStringLiteral("start")].toString() == QStringLiteral("2027-10-31 01:30"));
}

TEST_CASE("bad arguments and names are input errors, never storage errors", "[cli][input]")
{
    LondonHub h;
    CHECK(hubctl({QStringLiteral("--db"), QString(), QStringLiteral("check")}).exitCode == 1);
    CHECK(hubctl({QStringLiteral("check"), QStringLiteral("--db"), QString()}).exitCode == 1);
    const CliRun slashDate = h.run(
        {QStringLiteral("booking"), QStringLiteral("list"), QStringLiteral("--from"), QStringLiteral("2027/02/03")});
    CHECK(slashDate.exitCode == 1);
    CHECK(slashDate.err.contains(QStringLiteral("YYYY-MM-DD")));

    for (const QString &name :
         {QStringLiteral("\x1b[31mRed"), QString(2, QChar(0x200B)), QStringLiteral("A") + QChar(0x202E)}) {
        const CliRun r = h.run({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--name"), name});
        INFO(r.err.toStdString());
        CHECK(r.exitCode == 2);
        CHECK_FALSE(r.err.contains(QChar(0x1b)));
    }
    // A NUL inside a CSV row: the row and the column are named, nothing is written.
    const QString csv = h.dir.filePath(QStringLiteral("m.csv"));
    QFile f(csv);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(QByteArray("name,email\nAda,ada@example.org\n") + QByteArray(1, '\0') + "Bo,bo@example.org\n");
    f.close();
    const CliRun imported = h.run({QStringLiteral("member"), QStringLiteral("import"), csv});
    INFO(imported.out.toStdString() << imported.err.toStdString());
    CHECK(imported.exitCode == 2);
    CHECK((imported.out + imported.err).contains(QStringLiteral("row 3")));
    const CliRun listed = h.run({QStringLiteral("member"), QStringLiteral("list")});
    CHECK(listed.json().array().isEmpty());
    // A header that names a column twice.
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write("name,email,email\nAda,a@example.org,b@example.org\n");
    f.close();
    CHECK(h.run({QStringLiteral("member"), QStringLiteral("import"), csv}).exitCode == 2);
}
