// SPDX-License-Identifier: GPL-3.0-or-later
// The clash check and the Calendar's day view on a busy hub file (the `city`
// demo under `make bench`: 200,000 bookings). Works on a copy, so the file
// itself is not changed.
//
// 1. Conflict check: BookingService::book() for a slot of the busiest space
//    that clashes, i.e. BEGIN IMMEDIATE, the space, the closed-day and hours
//    checks, the buffered clash search, the refusal and the rollback. Target
//    < 1 ms. Anchor: the same clash SELECT through the sqlite3 C API.
// 2. Day view: DayScheduleLoader::day() for the busiest day of the file.

#include "core/hub.h"
#include "core/spaces/bookingservice.h"
#include "core/spaces/dayschedule.h"
#include "core/spaces/spaceservice.h"
#include "core/storage/query.h"
#include "tests/bench/benchsupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <sqlite3.h>

using namespace hub;
using hub::bench::msSince;
using hub::bench::percentile;

namespace {

constexpr int Rounds = 2000;
constexpr double TargetMs = 1.0;

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s HUB.sqlite\n", argv[0]);
        return 1;
    }
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("bench.sqlite"));
    if (!QFile::copy(QString::fromLocal8Bit(argv[1]), copy)) {
        std::fprintf(stderr, "cannot copy %s\n", argv[1]);
        return 1;
    }
    auto opened = Hub::open(copy);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().text()));
        return 1;
    }
    Hub &hub = **opened;

    // The space with the most bookings, and a booking of it in the middle of the file.
    Query busiest(hub.database(),
                  QStringLiteral("SELECT space_id, count(*) AS n FROM bookings "
                                 "WHERE status <> 'cancelled' GROUP BY space_id ORDER BY n DESC LIMIT 1"));
    auto spaceRow = busiest.scalar();
    Query total(hub.database(), QStringLiteral("SELECT count(*) FROM bookings"));
    const qint64 bookings = total.scalar().value_or(QVariant(0)).toLongLong();
    if (!spaceRow || spaceRow->isNull()) {
        std::fprintf(stderr, "the file has no bookings; make it with hubctl demo --scale city\n");
        return 1;
    }
    const SpaceId space(spaceRow->toLongLong());
    Query middle(hub.database(), QStringLiteral("SELECT start_utc, end_utc FROM bookings WHERE space_id = :s "
                                                "AND status <> 'cancelled' ORDER BY start_utc LIMIT 1 OFFSET "
                                                "(SELECT count(*) / 2 FROM bookings WHERE space_id = :s)"));
    middle.bind(QStringLiteral(":s"), space.value());
    if (!middle.exec() || !middle.next()) {
        std::fprintf(stderr, "cannot find a booking to clash with\n");
        return 1;
    }
    const qint64 start = middle.value(0).toLongLong();
    const qint64 end = middle.value(1).toLongLong();
    middle.raw().finish();

    BookingDraft d;
    d.space = space;
    d.title = QStringLiteral("Benchmark");
    d.start = QDateTime::fromSecsSinceEpoch(start, QTimeZone::utc());
    d.end = QDateTime::fromSecsSinceEpoch(end, QTimeZone::utc());
    d.outsideHoursOverride = QStringLiteral("benchmark"); // reach the clash search whatever the hours

    std::vector<double> ours;
    QElapsedTimer t;
    for (int i = 0; i < Rounds; ++i) {
        t.start();
        auto r = hub.bookings().book(d);
        ours.push_back(msSince(t));
        if (r || r.error().kind != ErrorKind::Refused) {
            std::fprintf(stderr, "expected a clash refusal, got %s\n", r ? "a booking" : qPrintable(r.error().text()));
            return 1;
        }
    }

    // The anchor: the same clash search, prepared once, through sqlite3 itself.
    auto space_ = hub.spaces().get(space);
    const qint64 setup = qint64(space_->setupMinutes) * 60;
    const qint64 cleanup = qint64(space_->cleanupMinutes) * 60;
    sqlite3 *raw = nullptr;
    sqlite3_open_v2(copy.toLocal8Bit().constData(), &raw, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt *stmt = nullptr;
    const char *sql = "SELECT b.id, b.title, b.start_utc, b.end_utc, coalesce(m.display_name, ''), b.status "
                      "FROM bookings b LEFT JOIN members m ON m.id = b.member_id WHERE b.space_id = ?1 "
                      "AND b.start_utc < ?2 AND b.start_utc > ?3 AND b.end_utc > ?4 "
                      "AND b.status IN ('tentative', 'confirmed') AND b.id <> 0 ORDER BY b.start_utc LIMIT 1";
    if (sqlite3_prepare_v2(raw, sql, -1, &stmt, nullptr) != SQLITE_OK) {
        std::fprintf(stderr, "%s\n", sqlite3_errmsg(raw));
        return 1;
    }
    std::vector<double> anchor;
    for (int i = 0; i < Rounds; ++i) {
        t.start();
        sqlite3_bind_int64(stmt, 1, space.value());
        sqlite3_bind_int64(stmt, 2, end + cleanup + setup);
        sqlite3_bind_int64(stmt, 3, start - setup - cleanup - qint64(BookingService::MaxBookingDays) * 86400);
        sqlite3_bind_int64(stmt, 4, start - setup - cleanup);
        const int rc = sqlite3_step(stmt);
        sqlite3_reset(stmt);
        anchor.push_back(msSince(t));
        if (rc != SQLITE_ROW) {
            std::fprintf(stderr, "the raw search found no clash\n");
            return 1;
        }
    }
    sqlite3_finalize(stmt);
    sqlite3_close(raw);

    std::printf(
        "Conflict check, %lld bookings in the file (%d rounds, refused clash incl. BEGIN IMMEDIATE + rollback)\n",
        bookings, Rounds);
    std::printf("  hubkeeper book() p50 %.3f ms  p99 %.3f ms   (target < %.1f ms)\n", percentile(ours, 0.5),
                percentile(ours, 0.99), TargetMs);
    std::printf("  raw sqlite3 clash SELECT p50 %.3f ms  p99 %.3f ms\n", percentile(anchor, 0.5),
                percentile(anchor, 0.99));

    // The day view of the busiest day.
    Query day(hub.database(), QStringLiteral("SELECT date(start_utc, 'unixepoch') AS d, count(*) AS n FROM bookings "
                                             "WHERE status <> 'cancelled' GROUP BY d ORDER BY n DESC LIMIT 1"));
    if (!day.exec() || !day.next())
        return 1;
    const QDate busy = QDate::fromString(day.value(0).toString(), Qt::ISODate);
    const int onThatDay = day.value(1).toInt();
    day.raw().finish();
    DayScheduleLoader loader(hub.spaces(), hub.bookings());
    std::vector<double> loads;
    int blocks = 0;
    for (int i = 0; i < 50; ++i) {
        t.start();
        auto s = loader.day(busy);
        loads.push_back(msSince(t));
        if (!s) {
            std::fprintf(stderr, "%s\n", qPrintable(s.error().text()));
            return 1;
        }
        blocks = int(s->blocks.size());
    }
    std::printf("Day view load, busiest day %s (%d bookings, %d blocks): p50 %.2f ms  p99 %.2f ms   "
                "(anchor: one frame at 60 Hz = 16.7 ms)\n",
                qPrintable(busy.toString(Qt::ISODate)), onThatDay, blocks, percentile(loads, 0.5),
                percentile(loads, 0.99));
    return 0;
}
