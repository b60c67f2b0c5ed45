// SPDX-License-Identifier: GPL-3.0-or-later
// calendar export | import: files, --dry-run, --json and exit codes.
#include "tests/support/hubctlrunner.h"
#include "tests/support/temphub.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

using hub::test::hubctl;

namespace {

QString sample(const QString &name)
{
    return QStringLiteral(HUB_TEST_SOURCE_DIR "/tests/data/ics/") + name;
}

struct Calendar
{
    QTemporaryDir dir;
    QString db = dir.filePath(QStringLiteral("hub.sqlite"));
    Calendar()
    {
        REQUIRE(hubctl({QStringLiteral("--db"), db, QStringLiteral("init"), QStringLiteral("--name"),
                        QStringLiteral("Riverside")})
                    .exitCode == 0);
        REQUIRE(run({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("timezone"),
                     QStringLiteral("Europe/London")})
                    .exitCode == 0);
        REQUIRE(run({QStringLiteral("space"), QStringLiteral("add"), QStringLiteral("--name"),
                     QStringLiteral("Main hall"), QStringLiteral("--capacity"), QStringLiteral("80")})
                    .exitCode == 0);
        REQUIRE(
            run({QStringLiteral("space"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Kitchen"),
                 QStringLiteral("--capacity"), QStringLiteral("12"), QStringLiteral("--opens"), QStringLiteral("09:00"),
                 QStringLiteral("--closes"), QStringLiteral("22:00")})
                .exitCode == 0);
    }
    hub::test::CliRun run(const QStringList &args, bool json = true) const
    {
        return hubctl(QStringList{QStringLiteral("--db"), db} +
                      (json ? QStringList{QStringLiteral("--json")} : QStringList{}) + args);
    }
    hub::test::CliRun import(const QString &file, const QString &space, const QStringList &more = {},
                             bool json = true) const
    {
        return run(
            QStringList{QStringLiteral("calendar"), QStringLiteral("import"), file, QStringLiteral("--space"), space} +
                more,
            json);
    }
    int bookings() const { return int(run({QStringLiteral("booking"), QStringLiteral("list")}).json().array().size()); }
};

} // namespace

TEST_CASE("calendar import books every event, and --dry-run only says what it would book", "[calendar]")
{
    Calendar c;
    const auto dry =
        c.import(sample(QStringLiteral("utc.ics")), QStringLiteral("main hall"), {QStringLiteral("--dry-run")});
    INFO(dry.err.toStdString());
    REQUIRE(dry.exitCode == 0);
    const QJsonObject report = dry.json().object();
    CHECK(report[QStringLiteral("ok")].toBool());
    CHECK(report[QStringLiteral("dry_run")].toBool());
    CHECK_FALSE(report[QStringLiteral("written")].toBool());
    CHECK(report[QStringLiteral("bookings")].toInt() == 2);
    const QJsonArray events = report[QStringLiteral("events")].toArray();
    REQUIRE(events.size() == 2);
    CHECK(events[1].toObject()[QStringLiteral("start")].toString() == QStringLiteral("2026-07-01T10:00:00+01:00"));
    CHECK(events[1].toObject()[QStringLiteral("outcome")].toString() == QStringLiteral("book"));
    CHECK(events[0].toObject()[QStringLiteral("line")].toInt() == 4);
    CHECK(c.bookings() == 0);

    const auto done = c.import(sample(QStringLiteral("utc.ics")), QStringLiteral("main hall"));
    REQUIRE(done.exitCode == 0);
    CHECK(done.json().object()[QStringLiteral("written")].toBool());
    CHECK(done.json()
              .object()[QStringLiteral("events")]
              .toArray()[0]
              .toObject()[QStringLiteral("ids")]
              .toArray()
              .size() == 1);
    CHECK(c.bookings() == 2);

    // Again: every UID is already there, nothing is booked twice.
    const auto again = c.import(sample(QStringLiteral("utc.ics")), QStringLiteral("main hall"), {}, false);
    CHECK(again.exitCode == 0);
    CHECK(again.err.contains(QStringLiteral("already there")));
    CHECK(again.out.contains(QStringLiteral("already there")));
    CHECK(c.bookings() == 2);
}

TEST_CASE("calendar import exits 3 on a clash, listing the refused event with its line, and writes nothing",
          "[calendar]")
{
    Calendar c;
    REQUIRE(c.run({QStringLiteral("book"), QStringLiteral("--space"), QStringLiteral("Main hall"),
                   QStringLiteral("--title"), QStringLiteral("Yoga"), QStringLiteral("--start"),
                   QStringLiteral("2026-07-01 10:30"), QStringLiteral("--end"), QStringLiteral("2026-07-01 11:00")})
                .exitCode == 0);
    const auto r = c.import(sample(QStringLiteral("utc.ics")), QStringLiteral("Main hall"));
    CHECK(r.exitCode == 3);
    const QJsonObject report = r.json().object();
    CHECK_FALSE(report[QStringLiteral("ok")].toBool());
    CHECK(report[QStringLiteral("refused")].toInt() == 1);
    const QJsonObject refused = report[QStringLiteral("events")].toArray()[1].toObject();
    CHECK(refused[QStringLiteral("outcome")].toString() == QStringLiteral("refused"));
    CHECK(refused[QStringLiteral("problem")].toString().contains(QStringLiteral("Yoga")));
    CHECK(refused[QStringLiteral("problem_line")].toInt() == 14);
    CHECK(r.err.contains(QStringLiteral("line 14")));
    CHECK(c.bookings() == 1);
}

TEST_CASE("calendar import: a bad file exits 2 naming the line, an unknown space 4, a missing file 4", "[calendar]")
{
    Calendar c;
    const QString bad = c.dir.filePath(QStringLiteral("bad.ics"));
    QFile f(bad);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20261301T100000\r\nEND:VEVENT\r\n"
            "END:VCALENDAR\r\n");
    f.close();
    const auto broken = c.import(bad, QStringLiteral("Main hall"));
    CHECK(broken.exitCode == 2);
    const QJsonObject error = broken.json().object()[QStringLiteral("error")].toObject();
    CHECK(error[QStringLiteral("kind")].toString() == QStringLiteral("invalid"));
    CHECK(error[QStringLiteral("where")].toString().endsWith(QStringLiteral("line 5")));
    CHECK(error[QStringLiteral("message")].toString().contains(QStringLiteral("is not a date")));
    CHECK(broken.err.contains(QStringLiteral("line 5")));

    CHECK(c.import(sample(QStringLiteral("utc.ics")), QStringLiteral("Ballroom")).exitCode == 4);
    CHECK(c.import(c.dir.filePath(QStringLiteral("missing.ics")), QStringLiteral("Main hall")).exitCode == 4);
    CHECK(c.run({QStringLiteral("calendar"), QStringLiteral("import"), sample(QStringLiteral("utc.ics"))}).exitCode ==
          1);
    CHECK(c.bookings() == 0);
}

TEST_CASE("calendar import books all-day events within the opening hours and says so", "[calendar]")
{
    Calendar c;
    const auto r = c.import(sample(QStringLiteral("allday.ics")), QStringLiteral("kitchen"), {}, false);
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.contains(QStringLiteral("opening hours")));
    const QJsonArray list = c.run({QStringLiteral("booking"), QStringLiteral("list")}).json().array();
    REQUIRE(list.size() == 3);
    CHECK(list[0].toObject()[QStringLiteral("start")].toString() == QStringLiteral("2026-06-13 09:00"));
    CHECK(list[0].toObject()[QStringLiteral("end")].toString() == QStringLiteral("2026-06-13 22:00"));
}

TEST_CASE("calendar export writes an .ics file, by space and dates, and refuses an unwritable file", "[calendar]")
{
    Calendar c;
    REQUIRE(c.import(sample(QStringLiteral("utc.ics")), QStringLiteral("Main hall")).exitCode == 0);
    const QString file = c.dir.filePath(QStringLiteral("out.ics"));
    const auto r = c.run({QStringLiteral("calendar"), QStringLiteral("export"), QStringLiteral("--space"),
                          QStringLiteral("Main hall"), QStringLiteral("--from"), QStringLiteral("2026-06-01"),
                          QStringLiteral("--to"), QStringLiteral("2026-07-31"), QStringLiteral("-o"), file});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(r.json().object()[QStringLiteral("events")].toInt() == 1);
    QFile f(file);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QByteArray ics = f.readAll();
    CHECK(ics.startsWith("BEGIN:VCALENDAR\r\n"));
    CHECK(ics.contains("UID:utc-summer@example.net"));
    CHECK(ics.contains("DTSTART;TZID=Europe/London:20260701T100000"));
    CHECK_FALSE(ics.contains("utc-winter"));

    const auto toStdout = c.run({QStringLiteral("calendar"), QStringLiteral("export")});
    CHECK(toStdout.exitCode == 0);
    CHECK(toStdout.out.count(QStringLiteral("BEGIN:VEVENT")) == 2);

    CHECK(c.run({QStringLiteral("calendar"), QStringLiteral("export"), QStringLiteral("-o"),
                 c.dir.filePath(QStringLiteral("no/such/folder/out.ics"))})
              .exitCode == 5);
    CHECK(c.run({QStringLiteral("calendar"), QStringLiteral("export"), QStringLiteral("--space"),
                 QStringLiteral("Attic")})
              .exitCode == 4);
    CHECK(
        c.run({QStringLiteral("calendar"), QStringLiteral("export"), QStringLiteral("--from"), QStringLiteral("June")})
            .exitCode == 1);
}
