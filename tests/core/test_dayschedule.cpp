// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/displayformat.h"
#include "core/members/memberservice.h"
#include "core/settings/settingsservice.h"
#include "core/spaces/bookingservice.h"
#include "core/spaces/dayschedule.h"
#include "core/spaces/spaceservice.h"
#include "tests/support/hubinlondon.h"
#include "tests/support/temphub.h"

#include <QSqlDatabase>
#include <QSqlQuery>

using namespace hub;
using hub::test::london;
using hub::test::London;
using hub::test::TempHub;
using hub::test::Tuesday;

namespace {

Space addSpace(TempHub &t, const QString &name, int setup, int cleanup, bool active = true)
{
    Space s;
    s.name = name;
    s.capacity = 40;
    s.setupMinutes = setup;
    s.cleanupMinutes = cleanup;
    s.colour = QStringLiteral("#3a7bd5");
    s.active = active;
    auto added = t->spaces().add(s);
    REQUIRE(added);
    return *added;
}

Booking book(TempHub &t, const Space &s, QDate day, QTime from, QDate endDay, QTime to, const QString &title,
             bool tentative = false)
{
    BookingDraft d;
    d.space = s.id;
    d.title = title;
    d.start = t->bookings().localTime(day, from);
    d.end = t->bookings().localTime(endDay, to);
    d.tentative = tentative;
    d.outsideHoursOverride = QStringLiteral("late licence"); // recorded only where needed
    auto b = t->bookings().book(d);
    REQUIRE(b);
    return *b;
}

DayScheduleLoader loader(TempHub &t)
{
    return DayScheduleLoader(t->spaces(), t->bookings());
}

const ScheduleBlock &onlyBlockOf(const DaySchedule &s, BookingId id)
{
    const QList<int> blocks = s.blocksOf(id);
    REQUIRE(blocks.size() == 1);
    return s.blocks.at(blocks.first());
}
} // namespace

TEST_CASE("a day schedule has a column per active space and the live bookings of that day", "[schedule]")
{
    TempHub t;
    london(t);
    const Space hall = addSpace(t, QStringLiteral("Main hall"), 15, 30);
    const Space kitchen = addSpace(t, QStringLiteral("Kitchen"), 0, 0);
    const Space old = addSpace(t, QStringLiteral("Old shed"), 0, 0, false);

    const Booking choir = book(t, hall, Tuesday, QTime(19, 0), Tuesday, QTime(21, 0), QStringLiteral("Choir"));
    const Booking lunch =
        book(t, kitchen, Tuesday, QTime(12, 0), Tuesday, QTime(13, 30), QStringLiteral("Lunch club"), true);
    const Booking yesterday =
        book(t, hall, Tuesday.addDays(-1), QTime(10, 0), Tuesday.addDays(-1), QTime(11, 0), QStringLiteral("Yoga"));
    const Booking cancelled =
        book(t, kitchen, Tuesday, QTime(15, 0), Tuesday, QTime(16, 0), QStringLiteral("Bake-off"));
    REQUIRE(t->bookings().cancel(cancelled.id));
    // Opening hours are "always" by default, so midnight is bookable.
    const Booking lateNight =
        book(t, hall, Tuesday.addDays(1), QTime(0, 10), Tuesday.addDays(1), QTime(1, 0), QStringLiteral("Night owls"));

    auto s = loader(t).day(Tuesday);
    REQUIRE(s);
    CHECK(s->layout == DaySchedule::Layout::SpacesOfDay);
    CHECK(s->first == Tuesday);
    CHECK(s->last == Tuesday);
    REQUIRE(s->columns.size() == 2);
    for (const ScheduleColumn &c : s->columns) {
        CHECK(c.date == Tuesday);
        CHECK(s->spaceOf(c).id != old.id);
        CHECK_FALSE(c.isClosed());
    }

    CHECK(s->bookingIndex(yesterday.id) == -1);
    CHECK(s->bookingIndex(cancelled.id) == -1);

    const ScheduleBlock &c = onlyBlockOf(*s, choir.id);
    CHECK(s->spaceOf(s->columns.at(c.column)).id == hall.id);
    CHECK(c.startMinute == 19 * 60);
    CHECK(c.endMinute == 21 * 60);
    CHECK(c.setupMinutes == 15);
    CHECK(c.cleanupMinutes == 30);
    CHECK(c.lanes == 1);

    const ScheduleBlock &l = onlyBlockOf(*s, lunch.id);
    CHECK(s->spaceOf(s->columns.at(l.column)).id == kitchen.id);
    CHECK(s->bookings.at(l.booking).status == BookingStatus::Tentative);
    CHECK(l.startMinute == 12 * 60);

    // Only its setup time reaches into the evening before: it is there to shade.
    const ScheduleBlock &n = onlyBlockOf(*s, lateNight.id);
    CHECK(n.startMinute == 24 * 60 + 10);
    CHECK(n.startMinute - n.setupMinutes < 24 * 60);
}

TEST_CASE("a week schedule of one space splits a booking that runs past midnight and marks closed days", "[schedule]")
{
    TempHub t;
    london(t);
    Space hall = addSpace(t, QStringLiteral("Main hall"), 0, 0);
    const Booking party =
        book(t, hall, Tuesday, QTime(22, 0), Tuesday.addDays(1), QTime(2, 0), QStringLiteral("Birthday party"));
    OpeningHours hours = OpeningHours::always();
    hours.days[6].reset(); // closed on Sundays
    hours.days[0] = DayHours{9 * 60, 22 * 60};
    REQUIRE(t->spaces().setHours(hall.id, hours));

    const QDate monday = Tuesday.addDays(-1);
    auto s = loader(t).week(hall.id, monday);
    REQUIRE(s);
    CHECK(s->layout == DaySchedule::Layout::DaysOfSpace);
    REQUIRE(s->columns.size() == 7);
    CHECK(s->columns.first().date == monday);
    CHECK(s->columns.last().date == monday.addDays(6));
    CHECK(s->columns.at(6).isClosed());
    CHECK_FALSE(s->columns.at(0).isClosed());
    CHECK(s->columns.at(0).hours->opens == 9 * 60);
    CHECK(s->earliestOpening() == 0); // the other days are open all day

    const QList<int> blocks = s->blocksOf(party.id);
    REQUIRE(blocks.size() == 2);
    const ScheduleBlock &tuesday = s->blocks.at(blocks[0]);
    const ScheduleBlock &wednesday = s->blocks.at(blocks[1]);
    CHECK(s->columns.at(tuesday.column).date == Tuesday);
    CHECK(tuesday.startMinute == 22 * 60);
    CHECK(tuesday.endMinute == 26 * 60);
    CHECK(s->columns.at(wednesday.column).date == Tuesday.addDays(1));
    CHECK(wednesday.startMinute == -2 * 60);
    CHECK(wednesday.endMinute == 2 * 60);

    CHECK(s->columnOf(hall.id, Tuesday) == tuesday.column);
    CHECK(s->columnOf(hall.id, Tuesday.addDays(9)) == -1);
}

TEST_CASE("wall-clock minutes of a schedule stay put across the change to summer time", "[schedule]")
{
    TempHub t;
    london(t);
    const Space hall = addSpace(t, QStringLiteral("Main hall"), 0, 0);
    const QDate monday(2026, 3, 23);
    const QDate sunday(2026, 3, 29);
    const Booking before =
        book(t, hall, QDate(2026, 3, 28), QTime(19, 0), QDate(2026, 3, 28), QTime(20, 0), QStringLiteral("Choir"));
    const Booking after = book(t, hall, sunday, QTime(19, 0), sunday, QTime(20, 0), QStringLiteral("Choir"));
    auto s = loader(t).week(hall.id, monday);
    REQUIRE(s);
    CHECK(onlyBlockOf(*s, before.id).startMinute == 19 * 60);
    CHECK(onlyBlockOf(*s, after.id).startMinute == 19 * 60);
    const int sundayColumn = s->columnOf(hall.id, sunday);
    const QDateTime at = s->at(sundayColumn, 19 * 60);
    CHECK(at == t->bookings().localTime(sunday, QTime(19, 0)));
    CHECK(at.toUTC().time() == QTime(18, 0));
    CHECK(s->minuteOf(sundayColumn, at) == 19 * 60);
    CHECK(s->at(sundayColumn, 24 * 60 + 30) == t->bookings().localTime(sunday.addDays(1), QTime(0, 30)));
    CHECK(s->at(sundayColumn, -30) == t->bookings().localTime(sunday.addDays(-1), QTime(23, 30)));
}

TEST_CASE("overlapping bookings written around the rules share their column side by side", "[schedule][sqlite]")
{
    TempHub t;
    london(t);
    const Space hall = addSpace(t, QStringLiteral("Main hall"), 0, 0);
    const Booking first = book(t, hall, Tuesday, QTime(10, 0), Tuesday, QTime(12, 0), QStringLiteral("First"));
    const Booking later = book(t, hall, Tuesday, QTime(14, 0), Tuesday, QTime(15, 0), QStringLiteral("Later"));
    const QString name = QStringLiteral("schedule-tamper");
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(t.path());
        REQUIRE(db.open());
        QSqlQuery q(db);
        REQUIRE(q.prepare(QStringLiteral("INSERT INTO bookings (space_id, title, start_utc, end_utc, zone, "
                                         "created_at) VALUES (?, 'Sneaky', ?, ?, 'Europe/London', 0)")));
        q.addBindValue(hall.id.value());
        q.addBindValue(first.start.toSecsSinceEpoch() + 3600);
        q.addBindValue(first.end.toSecsSinceEpoch() + 3600);
        REQUIRE(q.exec());
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);

    auto s = loader(t).day(Tuesday);
    REQUIRE(s);
    REQUIRE(s->blocks.size() == 3);
    CHECK(s->blocks[0].lanes == 2);
    CHECK(s->blocks[1].lanes == 2);
    CHECK(s->blocks[0].lane != s->blocks[1].lane);
    CHECK(onlyBlockOf(*s, later.id).lanes == 1);
    CHECK(onlyBlockOf(*s, later.id).lane == 0);
}

TEST_CASE("a schedule of a hub without spaces is empty and an unknown space is not found", "[schedule]")
{
    TempHub t;
    auto day = loader(t).day(Tuesday);
    REQUIRE(day);
    CHECK(day->columns.isEmpty());
    CHECK(day->blocks.isEmpty());
    auto week = loader(t).week(SpaceId(42), Tuesday);
    REQUIRE_FALSE(week);
    CHECK(week.error().kind == ErrorKind::NotFound);
    CHECK_FALSE(loader(t).day(QDate()));
}

TEST_CASE("a booking's times read one way everywhere: midnight ends the day at 24:00", "[display]")
{
    const auto at = [](int day, int hour) {
        return QDateTime(QDate(2026, 12, day), QTime(hour, 0), London);
    };
    const QLocale before;
    QLocale::setDefault(QLocale::c());
    CHECK(hub::DisplayFormat::span(at(16, 19), at(16, 21), London) == QStringLiteral("Wed 16 Dec 2026 19:00–21:00"));
    CHECK(hub::DisplayFormat::span(at(16, 19), at(17, 0), London) == QStringLiteral("Wed 16 Dec 2026 19:00–24:00"));
    CHECK(hub::DisplayFormat::span(at(16, 0), at(17, 0), London) == QStringLiteral("Wed 16 Dec 2026 00:00–24:00"));
    CHECK(hub::DisplayFormat::span(at(16, 22), at(17, 2), London) ==
          QStringLiteral("Wed 16 Dec 2026 22:00 – Thu 17 Dec 2026 02:00"));
    // Shown in the hub's zone whatever zone the instants carry.
    CHECK(hub::DisplayFormat::span(at(16, 19).toUTC(), at(17, 0).toUTC(), London) ==
          QStringLiteral("Wed 16 Dec 2026 19:00–24:00"));
    // Text kept for good (a charge's memo) is the same at a Welsh desk.
    QLocale::setDefault(QLocale(QLocale::Welsh));
    CHECK(hub::DisplayFormat::span(at(16, 19), at(16, 21), London, QLocale::c()) ==
          QStringLiteral("Wed 16 Dec 2026 19:00–21:00"));
    CHECK(hub::DisplayFormat::span(at(16, 19), at(16, 21), London) != QStringLiteral("Wed 16 Dec 2026 19:00–21:00"));
    QLocale::setDefault(before);
}
