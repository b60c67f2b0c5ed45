// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/demogenerator.h"
#include "core/members/memberdemopart.h"
#include "core/settings/settingsdemopart.h"
#include "core/spaces/bookingservice.h"
#include "core/spaces/spacedemopart.h"
#include "core/spaces/spaceservice.h"
#include "core/storage/integritychecker.h"
#include "core/storage/query.h"
#include "tests/support/querydigest.h"
#include "tests/support/temphub.h"

#include <QElapsedTimer>
#include <QTimeZone>

using namespace hub;
using hub::test::digest;
using hub::test::TempHub;

namespace {
// Where, what, for whom and when each booking is, in id order.
const QString DemoBookings =
    QStringLiteral("SELECT space_id, title, coalesce(member_id, 0), start_utc, end_utc, status FROM bookings "
                   "ORDER BY id");

// Late November: the small demo's weeks reach over Christmas.
const QDateTime Now = QDateTime(QDate(2026, 11, 20), QTime(12, 0), QTimeZone::utc());

/// The settings, members and spaces parts alone: the ledger plays no part in bookings.
void runDemo(TempHub &t, DemoScale scale, quint32 seed = 1, const DemoProgressFn &progress = {})
{
    t->setClock(Clock::fixed(Now));
    DemoGenerator demo;
    demo.add(std::make_unique<SettingsDemoPart>());
    demo.add(std::make_unique<MemberDemoPart>());
    demo.add(std::make_unique<SpaceDemoPart>());
    auto ok = demo.run(t.hub(), {scale, seed}, progress);
    INFO((ok ? QString() : ok.error().text()).toStdString());
    REQUIRE(ok);
}

qint64 scalar(TempHub &t, const QString &sql)
{
    Query q(t->database(), sql);
    auto v = q.scalar();
    REQUIRE(v);
    return v->toLongLong();
}

} // namespace

TEST_CASE("the small spaces demo makes 200 bookings of six spaces without a conflict", "[demo][spaces]")
{
    TempHub t;
    runDemo(t, DemoScale::Small);
    CHECK(scalar(t, QStringLiteral("SELECT count(*) FROM bookings")) == SpaceDemoPart::bookingCount(DemoScale::Small));
    CHECK(SpaceDemoPart::bookingCount(DemoScale::Small) == 200);

    auto spaces = t->spaces().list();
    REQUIRE(spaces);
    REQUIRE(spaces->size() == 6);
    QStringList names;
    for (const Space &s : *spaces)
        names << s.name;
    CHECK(names.contains(QStringLiteral("Main hall")));
    CHECK(names.contains(QStringLiteral("Quiet room")));
    auto hall = t->spaces().find(QStringLiteral("Main hall"));
    REQUIRE(hall);
    CHECK(hall->capacity == 80);
    CHECK(hall->setupMinutes == 30);
    CHECK(hall->cleanupMinutes == 30);
    CHECK(hall->rate.has_value());
    CHECK(hall->features.contains(QStringLiteral("stage")));
    CHECK(hall->hours.on(1) == DayHours{8 * 60, 22 * 60});
    CHECK(hall->hours.on(7) == DayHours{10 * 60, 18 * 60});

    CHECK(t->bookings().verify().isEmpty());
    CHECK(t->integrity().runAll().isEmpty());
    // Placed inside the opening hours: nothing needed an override.
    CHECK(scalar(t, QStringLiteral("SELECT count(*) FROM bookings WHERE outside_hours_override <> '' "
                                   "OR capacity_override <> ''")) == 0);
    CHECK(scalar(t, QStringLiteral("SELECT count(*) FROM bookings WHERE status = 'tentative'")) > 0);
    CHECK(scalar(t, QStringLiteral("SELECT count(*) FROM bookings WHERE status = 'cancelled'")) > 0);
    CHECK(scalar(t, QStringLiteral("SELECT count(*) FROM bookings WHERE member_id IS NOT NULL")) > 100);
}

TEST_CASE("live demo bookings of a space keep its setup and clean-up times apart", "[demo][spaces]")
{
    TempHub t;
    runDemo(t, DemoScale::Small, 3);
    Query q(t->database(), QStringLiteral("SELECT b.space_id, b.start_utc, b.end_utc, s.setup_minutes, "
                                          "s.cleanup_minutes FROM bookings b JOIN spaces s ON s.id = b.space_id "
                                          "WHERE b.status <> 'cancelled' ORDER BY b.space_id, b.start_utc"));
    REQUIRE(q.exec());
    qint64 space = 0;
    qint64 lastEnd = 0;
    int pairs = 0;
    while (q.next()) {
        const qint64 s = q.value(0).toLongLong();
        const qint64 start = q.value(1).toLongLong();
        const qint64 gap = (q.value(3).toLongLong() + q.value(4).toLongLong()) * 60;
        if (s == space) {
            INFO("space " << s << " booking at " << start);
            CHECK(start - lastEnd >= gap);
            ++pairs;
        }
        space = s;
        lastEnd = q.value(2).toLongLong();
    }
    CHECK(pairs > 100);
}

TEST_CASE("the spaces demo has weekly series and closed days", "[demo][spaces]")
{
    TempHub t;
    runDemo(t, DemoScale::Small);
    for (const char *title : {"Yoga for all", "Community choir", "Friendly gathering", "Repair café"}) {
        INFO(title);
        Query q(t->database(),
                QStringLiteral("SELECT count(*), count(DISTINCT series_id) FROM bookings WHERE title = :t "
                               "AND series_id IS NOT NULL"));
        q.bind(QStringLiteral(":t"), QString::fromUtf8(title));
        REQUIRE(q.exec());
        REQUIRE(q.next());
        CHECK(q.value(0).toInt() >= 10);
        CHECK(q.value(1).toInt() == 1);
    }
    // The choir meets on Wednesdays at 19:30 local time, winter and summer.
    Query choir(t->database(), QStringLiteral("SELECT start_utc FROM bookings WHERE title = 'Community choir'"));
    REQUIRE(choir.exec());
    while (choir.next()) {
        const QDateTime local = QDateTime::fromSecsSinceEpoch(choir.value(0).toLongLong(), QTimeZone::utc())
                                    .toTimeZone(QTimeZone("Europe/London"));
        CHECK(local.date().dayOfWeek() == 3);
        CHECK(local.time() == QTime(19, 30));
    }

    auto closed = t->spaces().closures(QDate(2026, 12, 1), QDate(2027, 1, 31));
    REQUIRE(closed);
    QStringList reasons;
    for (const Closure &c : *closed)
        if (!c.space)
            reasons << c.reason;
    CHECK(reasons.contains(QStringLiteral("Christmas Day")));
    CHECK(reasons.contains(QStringLiteral("Boxing Day")));
    // Nothing is booked while the hub is closed.
    const qint64 christmas = QDateTime(QDate(2026, 12, 25), QTime(0, 0), QTimeZone("Europe/London")).toSecsSinceEpoch();
    Query onChristmas(t->database(), QStringLiteral("SELECT count(*) FROM bookings WHERE status <> 'cancelled' AND "
                                                    "start_utc < :end AND end_utc > :start"));
    onChristmas.bind(QStringLiteral(":start"), christmas).bind(QStringLiteral(":end"), christmas + 2 * 86400);
    auto n = onChristmas.scalar();
    REQUIRE(n);
    CHECK(n->toInt() == 0);
}

TEST_CASE("the spaces demo is the same for the same seed and reports progress", "[demo][spaces]")
{
    TempHub a;
    TempHub b;
    TempHub c;
    qint64 lastDone = -1;
    qint64 lastTotal = 0;
    runDemo(a, DemoScale::Small, 5, [&](const DemoProgress &p) {
        if (p.part == QStringLiteral("spaces")) {
            CHECK(p.done >= lastDone);
            lastDone = p.done;
            lastTotal = p.total;
        }
        return true;
    });
    CHECK(lastDone == 200);
    CHECK(lastTotal == 200);
    runDemo(b, DemoScale::Small, 5);
    runDemo(c, DemoScale::Small, 6);
    CHECK(digest(a, DemoBookings) == digest(b, DemoBookings));
    CHECK(digest(a, DemoBookings) != digest(c, DemoBookings));
}

// Not a check: how long the city's 200,000 bookings take through the services
// (without members, so every booking is the hub's own). Run with
//   test_core "[.citydemo]"
TEST_CASE("the city spaces demo books 200,000 bookings in minutes", "[.citydemo]")
{
    TempHub t;
    t->setClock(Clock::fixed(Now));
    DemoGenerator demo;
    demo.add(std::make_unique<SettingsDemoPart>());
    demo.add(std::make_unique<SpaceDemoPart>());
    QElapsedTimer timer;
    timer.start();
    auto ok = demo.run(t.hub(), {DemoScale::City, 1});
    INFO((ok ? QString() : ok.error().text()).toStdString());
    REQUIRE(ok);
    WARN("city spaces demo: " << timer.elapsed() / 1000.0 << " s");
    CHECK(scalar(t, QStringLiteral("SELECT count(*) FROM bookings")) == 200'000);
    timer.restart();
    CHECK(t->bookings().verify().isEmpty());
    WARN("verify: " << timer.elapsed() / 1000.0 << " s");
}
