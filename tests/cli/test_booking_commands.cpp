// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/hubctlrunner.h"
#include "tests/support/temphub.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

using hub::test::hubctl;

namespace {
QStringList words(const char *text)
{
    return QString::fromUtf8(text).split(u' ', Qt::SkipEmptyParts);
}

// A hub in London with a rated hall and a member who may pay for it.
struct Desk
{
    QTemporaryDir dir;
    QString db = dir.filePath(QStringLiteral("hub.sqlite"));
    Desk()
    {
        REQUIRE(hubctl({QStringLiteral("--db"), db, QStringLiteral("init"), QStringLiteral("--timezone"),
                        QStringLiteral("Europe/London")})
                    .exitCode == 0);
        REQUIRE(run(words("member add --name Ada --email ada@example.org")).exitCode == 0);
        REQUIRE(run(words("account limit ada@example.org --min -500")).exitCode == 0);
        const auto hall = run(words("space add --name Hall --capacity 80 --rate 10 --setup 15 --cleanup 15"));
        INFO(hall.err.toStdString());
        REQUIRE(hall.exitCode == 0);
    }
    hub::test::CliRun run(const QStringList &args) const
    {
        return hubctl(QStringList{QStringLiteral("--db"), db, QStringLiteral("--json")} + args);
    }
    hub::test::CliRun series(const QStringList &more) const
    {
        return run(QStringList{QStringLiteral("book"), QStringLiteral("--space"), QStringLiteral("Hall"),
                               QStringLiteral("--title"), QStringLiteral("Choir"), QStringLiteral("--start"),
                               QStringLiteral("2027-03-16 19:00"), QStringLiteral("--end"),
                               QStringLiteral("2027-03-16 21:00")} +
                   more);
    }
};
} // namespace

TEST_CASE("book --repeat weekly books every date at 19:00 local across the clock change", "[cli][series]")
{
    Desk d;
    auto made = d.series(words("--repeat weekly --count 4"));
    INFO(made.err.toStdString());
    REQUIRE(made.exitCode == 0);
    const QJsonObject doc = made.json().object();
    CHECK(doc[QStringLiteral("rrule")].toString() == QStringLiteral("FREQ=WEEKLY;COUNT=4;BYDAY=TU"));
    CHECK(doc[QStringLiteral("description")].toString() == QStringLiteral("Every Tuesday at 19:00, 4 times"));
    const QJsonArray booked = doc[QStringLiteral("booked")].toArray();
    REQUIRE(booked.size() == 4);
    for (const auto &b : booked)
        CHECK(b.toObject()[QStringLiteral("start")].toString().endsWith(QStringLiteral("19:00")));
    // 28 March 2027 is the last Sunday of March: the UTC hour moves, the wall clock does not.
    CHECK(booked.at(1).toObject()[QStringLiteral("start_utc")].toInteger() -
              booked.at(0).toObject()[QStringLiteral("start_utc")].toInteger() ==
          7 * 86400);
    CHECK(booked.at(2).toObject()[QStringLiteral("start_utc")].toInteger() -
              booked.at(1).toObject()[QStringLiteral("start_utc")].toInteger() ==
          7 * 86400 - 3600);

    auto text = hubctl({QStringLiteral("--db"), d.db, QStringLiteral("booking"), QStringLiteral("list")});
    CHECK(text.exitCode == 0);
    CHECK(text.out.contains(QStringLiteral("Series")));
}

TEST_CASE("a clashing series exits 3 listing the dates and --skip-clashes books the rest", "[cli][series]")
{
    Desk d;
    REQUIRE(d.run(QStringList{QStringLiteral("book"), QStringLiteral("--space"), QStringLiteral("Hall"),
                              QStringLiteral("--title"), QStringLiteral("Quiz"), QStringLiteral("--start"),
                              QStringLiteral("2027-03-23 18:00"), QStringLiteral("--end"),
                              QStringLiteral("2027-03-23 19:30")})
                .exitCode == 0);
    auto refused = d.series(words("--repeat weekly --count 3"));
    CHECK(refused.exitCode == 3);
    CHECK(refused.err.contains(QStringLiteral("1 of 3 dates")));
    CHECK(refused.err.contains(QStringLiteral("Tue 23 Mar 2027")));
    CHECK(refused.err.contains(QStringLiteral("Quiz")));
    CHECK(d.run(words("booking list")).json().array().size() == 1);

    auto some = d.series(words("--repeat weekly --count 3 --skip-clashes"));
    REQUIRE(some.exitCode == 0);
    const QJsonObject doc = some.json().object();
    CHECK(doc[QStringLiteral("booked")].toArray().size() == 2);
    REQUIRE(doc[QStringLiteral("skipped")].toArray().size() == 1);
    CHECK(doc[QStringLiteral("skipped")].toArray().first().toObject()[QStringLiteral("date")].toString() ==
          QStringLiteral("2027-03-23"));
}

TEST_CASE("series options are checked and name the option", "[cli][series]")
{
    Desk d;
    CHECK(d.series(words("--count 3")).exitCode == 1);
    CHECK(d.series(words("--repeat weekly")).exitCode == 1);
    auto freq = d.series(words("--repeat fortnightly --count 3"));
    CHECK(freq.exitCode == 2);
    CHECK(freq.err.contains(QStringLiteral("--repeat")));
    auto days = d.series(words("--repeat weekly --count 3 --on tue,funday"));
    CHECK(days.exitCode == 2);
    CHECK(days.err.contains(QStringLiteral("--on")));
    auto until = d.series(words("--repeat monthly --until 2027-02-01"));
    CHECK(until.exitCode == 2);
    CHECK(until.err.contains(QStringLiteral("--until")));
    auto monthly = d.series(words("--repeat monthly --monthly-by weekday --count 3"));
    REQUIRE(monthly.exitCode == 0);
    CHECK(monthly.json().object()[QStringLiteral("description")].toString() ==
          QStringLiteral("Every month on the third Tuesday at 19:00, 3 times"));
}

TEST_CASE("booking cancel takes one date the rest or the whole series", "[cli][series]")
{
    Desk d;
    auto made = d.series(words("--repeat weekly --count 5"));
    REQUIRE(made.exitCode == 0);
    const QString any = QString::number(
        made.json().object()[QStringLiteral("booked")].toArray().first().toObject()[QStringLiteral("id")].toInt());
    auto one = d.run({QStringLiteral("booking"), QStringLiteral("cancel"), any, QStringLiteral("--occurrence"),
                      QStringLiteral("2027-03-23")});
    REQUIRE(one.exitCode == 0);
    CHECK(one.json().array().size() == 1);
    auto missing = d.run({QStringLiteral("booking"), QStringLiteral("cancel"), any, QStringLiteral("--occurrence"),
                          QStringLiteral("2027-03-24")});
    CHECK(missing.exitCode == 4);
    auto rest = d.run({QStringLiteral("booking"), QStringLiteral("cancel"), any, QStringLiteral("--from-occurrence"),
                       QStringLiteral("2027-04-06")});
    REQUIRE(rest.exitCode == 0);
    CHECK(rest.json().array().size() == 2);
    auto all = d.run({QStringLiteral("booking"), QStringLiteral("cancel"), any, QStringLiteral("--series")});
    REQUIRE(all.exitCode == 0);
    CHECK(all.json().array().size() == 2);
    CHECK(d.run(words("booking list")).json().array().isEmpty());
    CHECK(d.run({QStringLiteral("booking"), QStringLiteral("cancel"), any, QStringLiteral("--series"),
                 QStringLiteral("--occurrence"), QStringLiteral("2027-03-16")})
              .exitCode == 1);
}

TEST_CASE("book --charge posts the price to the hub and cancelling gives it back", "[cli][charge]")
{
    Desk d;
    auto booked = d.run(QStringList{QStringLiteral("book"), QStringLiteral("--space"), QStringLiteral("Hall"),
                                    QStringLiteral("--title"), QStringLiteral("Party"), QStringLiteral("--start"),
                                    QStringLiteral("2027-05-01 14:00"), QStringLiteral("--end"),
                                    QStringLiteral("2027-05-01 16:30"), QStringLiteral("--member"),
                                    QStringLiteral("ada@example.org"), QStringLiteral("--charge")});
    INFO(booked.err.toStdString());
    REQUIRE(booked.exitCode == 0);
    const QJsonObject b = booked.json().object();
    CHECK(b[QStringLiteral("charge_transfer_id")].toInt() > 0);
    const auto balance = [&](const QString &name) {
        for (const auto &a : d.run(words("account list")).json().array())
            if (a.toObject()[QStringLiteral("member")].toString() == name)
                return a.toObject()[QStringLiteral("balance_minor")].toInteger();
        return qint64(-1);
    };
    CHECK(balance(QStringLiteral("Ada")) == -2500);
    auto cancelled =
        d.run({QStringLiteral("booking"), QStringLiteral("cancel"), QString::number(b[QStringLiteral("id")].toInt())});
    REQUIRE(cancelled.exitCode == 0);
    CHECK(cancelled.json().array().first().toObject()[QStringLiteral("charge_reversal_id")].toInt() > 0);
    CHECK(balance(QStringLiteral("Ada")) == 0);

    auto nobody = d.run(QStringList{QStringLiteral("book"), QStringLiteral("--space"), QStringLiteral("Hall"),
                                    QStringLiteral("--title"), QStringLiteral("Party"), QStringLiteral("--start"),
                                    QStringLiteral("2027-05-02 14:00"), QStringLiteral("--end"),
                                    QStringLiteral("2027-05-02 16:30"), QStringLiteral("--charge")});
    CHECK(nobody.exitCode == 2);
    CHECK(nobody.err.contains(QStringLiteral("--charge")));
}
