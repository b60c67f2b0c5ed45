// SPDX-License-Identifier: GPL-3.0-or-later
// hubctl free: the spaces free for a time, with a capacity filter.
#include "tests/support/hubctlrunner.h"
#include "tests/support/temphub.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

using hub::test::hubctl;

namespace {
struct Hub
{
    QTemporaryDir dir;
    QString db = dir.filePath(QStringLiteral("hub.sqlite"));
    Hub()
    {
        REQUIRE(hubctl({QStringLiteral("--db"), db, QStringLiteral("init"), QStringLiteral("--name"),
                        QStringLiteral("Riverside")})
                    .exitCode == 0);
        REQUIRE(run({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("timezone"),
                     QStringLiteral("Europe/London")})
                    .exitCode == 0);
        addSpace(QStringLiteral("Main hall"), QStringLiteral("80"),
                 {QStringLiteral("--setup"), QStringLiteral("15"), QStringLiteral("--cleanup"), QStringLiteral("30"),
                  QStringLiteral("--feature"), QStringLiteral("stage")});
        addSpace(QStringLiteral("Kitchen"), QStringLiteral("12"), {QStringLiteral("--rate"), QStringLiteral("4")});
        addSpace(QStringLiteral("Quiet room"), QStringLiteral("4"), {});
    }
    void addSpace(const QString &name, const QString &capacity, const QStringList &more)
    {
        const auto added = run(QStringList{QStringLiteral("space"), QStringLiteral("add"), QStringLiteral("--name"),
                                           name, QStringLiteral("--capacity"), capacity} +
                               more);
        INFO(added.err.toStdString());
        REQUIRE(added.exitCode == 0);
    }
    hub::test::CliRun run(const QStringList &args) const
    {
        return hubctl(QStringList{QStringLiteral("--db"), db, QStringLiteral("--json")} + args);
    }
    hub::test::CliRun free(const QString &from, const QString &to, const QStringList &more = {}) const
    {
        return run(QStringList{QStringLiteral("free"), QStringLiteral("--from"), from, QStringLiteral("--to"), to} +
                   more);
    }
};

QStringList names(const hub::test::CliRun &run)
{
    QStringList out;
    const QJsonArray spaces = run.json().array();
    for (const QJsonValue &v : spaces)
        out << v.toObject()[QStringLiteral("name")].toString();
    return out;
}
} // namespace

TEST_CASE("free lists every space free for the time with its capacity and rate", "[cli][free]")
{
    Hub h;
    const auto free = h.free(QStringLiteral("2026-07-14 19:00"), QStringLiteral("2026-07-14 21:00"));
    INFO(free.err.toStdString());
    REQUIRE(free.exitCode == 0);
    CHECK(names(free) ==
          QStringList{QStringLiteral("Kitchen"), QStringLiteral("Main hall"), QStringLiteral("Quiet room")});
    const QJsonArray spaces = free.json().array();
    for (const QJsonValue &v : spaces) {
        const QJsonObject o = v.toObject();
        if (o[QStringLiteral("name")].toString() == QStringLiteral("Kitchen")) {
            CHECK(o[QStringLiteral("capacity")].toInt() == 12);
            CHECK(o[QStringLiteral("rate")].toString() == QStringLiteral("4.00"));
        }
        if (o[QStringLiteral("name")].toString() == QStringLiteral("Main hall"))
            CHECK(o[QStringLiteral("features")].toArray().first().toString() == QStringLiteral("stage"));
    }

    const auto table =
        hubctl({QStringLiteral("--db"), h.db, QStringLiteral("free"), QStringLiteral("--from"),
                QStringLiteral("2026-07-14 19:00"), QStringLiteral("--to"), QStringLiteral("2026-07-14T21:00")});
    REQUIRE(table.exitCode == 0);
    CHECK(table.out.contains(QStringLiteral("Main hall")));
    CHECK(table.out.contains(QStringLiteral("Quiet room")));
}

TEST_CASE("free leaves out a space booked at that time or within its buffers", "[cli][free]")
{
    Hub h;
    const auto booked =
        h.run({QStringLiteral("book"), QStringLiteral("--space"), QStringLiteral("Main hall"),
               QStringLiteral("--title"), QStringLiteral("Choir"), QStringLiteral("--start"),
               QStringLiteral("2026-07-14 19:00"), QStringLiteral("--end"), QStringLiteral("2026-07-14 21:00")});
    INFO(booked.err.toStdString());
    REQUIRE(booked.exitCode == 0);
    const auto during = h.free(QStringLiteral("2026-07-14 20:00"), QStringLiteral("2026-07-14 22:00"));
    REQUIRE(during.exitCode == 0);
    CHECK(names(during) == QStringList{QStringLiteral("Kitchen"), QStringLiteral("Quiet room")});
    // 21:15 is inside the hall's 30 minutes of clean-up.
    const auto cleanup = h.free(QStringLiteral("2026-07-14 21:15"), QStringLiteral("2026-07-14 22:00"));
    REQUIRE(cleanup.exitCode == 0);
    CHECK_FALSE(names(cleanup).contains(QStringLiteral("Main hall")));
    const auto later = h.free(QStringLiteral("2026-07-14 22:00"), QStringLiteral("2026-07-14 23:00"));
    REQUIRE(later.exitCode == 0);
    CHECK(names(later).contains(QStringLiteral("Main hall")));
}

TEST_CASE("free with a capacity lists only the spaces that hold that many people", "[cli][free]")
{
    Hub h;
    const auto ten = h.free(QStringLiteral("2026-07-14 10:00"), QStringLiteral("2026-07-14 11:00"),
                            {QStringLiteral("--capacity"), QStringLiteral("10")});
    REQUIRE(ten.exitCode == 0);
    CHECK(names(ten) == QStringList{QStringLiteral("Kitchen"), QStringLiteral("Main hall")});
    const auto crowd = h.free(QStringLiteral("2026-07-14 10:00"), QStringLiteral("2026-07-14 11:00"),
                              {QStringLiteral("--capacity"), QStringLiteral("500")});
    REQUIRE(crowd.exitCode == 0);
    CHECK(crowd.json().array().isEmpty());
    const auto bad = h.free(QStringLiteral("2026-07-14 10:00"), QStringLiteral("2026-07-14 11:00"),
                            {QStringLiteral("--capacity"), QStringLiteral("lots")});
    CHECK(bad.exitCode == 2);
    CHECK(bad.json().object()[QStringLiteral("error")][QStringLiteral("where")].toString() ==
          QStringLiteral("--capacity"));
}

TEST_CASE("free with a bad date and time exits 2 naming the option", "[cli][free]")
{
    Hub h;
    const auto bad = h.free(QStringLiteral("tomorrow at six"), QStringLiteral("2026-07-14 11:00"));
    CHECK(bad.exitCode == 2);
    CHECK(bad.json().object()[QStringLiteral("error")][QStringLiteral("where")].toString() == QStringLiteral("--from"));
    CHECK(bad.err.contains(QStringLiteral("--from")));
    CHECK(bad.err.contains(QStringLiteral("tomorrow at six")));

    const auto backwards = h.free(QStringLiteral("2026-07-14 11:00"), QStringLiteral("2026-07-14 10:00"));
    CHECK(backwards.exitCode == 2);
    CHECK(backwards.json().object()[QStringLiteral("error")][QStringLiteral("where")].toString() ==
          QStringLiteral("--to"));

    const auto missing = h.run({QStringLiteral("free"), QStringLiteral("--from"), QStringLiteral("2026-07-14 10:00")});
    CHECK(missing.exitCode == 1);
}
