// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/hubctlrunner.h"
#include "tests/support/temphub.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

using hub::test::CliRun;
using hub::test::hubctl;

namespace {

/// A London hub with one booking years ahead (summer time) and one long past.
struct Booked
{
    QTemporaryDir dir;
    QString db = dir.filePath(QStringLiteral("hub.sqlite"));
    Booked()
    {
        REQUIRE(hubctl({QStringLiteral("--db"), db, QStringLiteral("init"), QStringLiteral("--timezone"),
                        QStringLiteral("Europe/London")})
                    .exitCode == 0);
        REQUIRE(run({QStringLiteral("space"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Hall"),
                     QStringLiteral("--capacity"), QStringLiteral("50")})
                    .exitCode == 0);
        for (const QString &day : {QStringLiteral("2099-07-14"), QStringLiteral("2020-07-14")}) {
            const CliRun b =
                run({QStringLiteral("book"), QStringLiteral("--space"), QStringLiteral("Hall"),
                     QStringLiteral("--title"), QStringLiteral("Choir"), QStringLiteral("--start"),
                     day + QStringLiteral(" 19:00"), QStringLiteral("--end"), day + QStringLiteral(" 21:00")});
            INFO(b.err.toStdString());
            REQUIRE(b.exitCode == 0);
        }
    }
    CliRun run(const QStringList &args) const
    {
        return hubctl(QStringList{QStringLiteral("--db"), db, QStringLiteral("--json")} + args);
    }
    CliRun setZone(const QString &zone, const QStringList &more = {}) const
    {
        return run(QStringList{QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("timezone"), zone} +
                   more);
    }
    QString zone() const
    {
        return run({QStringLiteral("settings"), QStringLiteral("show")})
            .json()
            .object()[QStringLiteral("timezone")]
            .toString();
    }
    /// The bookings as `booking list --json` shows them, by start.
    QJsonArray bookings() const { return run({QStringLiteral("booking"), QStringLiteral("list")}).json().array(); }
};

QString start(const QJsonValue &booking)
{
    return booking.toObject()[QStringLiteral("start")].toString();
}

qint64 startUtc(const QJsonValue &booking)
{
    return booking.toObject()[QStringLiteral("start_utc")].toInteger();
}

} // namespace

TEST_CASE("settings set timezone refuses while upcoming bookings exist and names the choices", "[cli][spaces]")
{
    Booked b;
    const CliRun refused = b.setZone(QStringLiteral("Europe/Berlin"));
    CHECK(refused.exitCode == 3);
    CHECK(refused.err.contains(QStringLiteral("1 upcoming booking")));
    CHECK(refused.err.contains(QStringLiteral("--keep-local-times")));
    CHECK(refused.err.contains(QStringLiteral("--keep-instants")));
    CHECK(b.zone() == QStringLiteral("Europe/London"));
    CHECK(start(b.bookings().at(1)) == QStringLiteral("2099-07-14 19:00"));

    CHECK(b.setZone(QStringLiteral("Mars/Olympus"), {QStringLiteral("--keep-instants")}).exitCode == 2);
    CHECK(b.setZone(QStringLiteral("Europe/Berlin"),
                    {QStringLiteral("--keep-instants"), QStringLiteral("--keep-local-times")})
              .exitCode == 1);
    CHECK(b.run({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("name"), QStringLiteral("Riverside"),
                 QStringLiteral("--keep-instants")})
              .exitCode == 1);
    // The same zone again changes nothing and needs no choice.
    CHECK(b.setZone(QStringLiteral("Europe/London")).exitCode == 0);
    CHECK(b.zone() == QStringLiteral("Europe/London"));
}

TEST_CASE("keep-local-times keeps 19:00 at 19:00 and keep-instants keeps the moment", "[cli][spaces]")
{
    Booked b;
    const QJsonArray before = b.bookings();
    REQUIRE(before.size() == 2);
    const qint64 pastUtc = startUtc(before.at(0));
    const qint64 londonUtc = startUtc(before.at(1));

    const CliRun local = b.setZone(QStringLiteral("Europe/Berlin"), {QStringLiteral("--keep-local-times")});
    INFO(local.err.toStdString());
    REQUIRE(local.exitCode == 0);
    CHECK(b.zone() == QStringLiteral("Europe/Berlin"));
    QJsonArray after = b.bookings();
    CHECK(start(after.at(1)) == QStringLiteral("2099-07-14 19:00"));
    CHECK(startUtc(after.at(1)) == londonUtc - 3600); // 19:00 in Berlin is an hour earlier
    CHECK(after.at(1).toObject()[QStringLiteral("zone")].toString() == QStringLiteral("Europe/Berlin"));
    CHECK(startUtc(after.at(0)) == pastUtc); // past bookings are history

    const CliRun instants = b.setZone(QStringLiteral("Europe/London"), {QStringLiteral("--keep-instants")});
    INFO(instants.err.toStdString());
    REQUIRE(instants.exitCode == 0);
    after = b.bookings();
    CHECK(startUtc(after.at(1)) == londonUtc - 3600);
    CHECK(start(after.at(1)) == QStringLiteral("2099-07-14 18:00"));
    CHECK(b.run({QStringLiteral("check")}).exitCode == 0);
}
