// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/members/memberservice.h"
#include "core/settings/settingsservice.h"
#include "core/spaces/bookingservice.h"
#include "core/spaces/spaceservice.h"
#include "core/storage/integritychecker.h"
#include "tests/support/hubinlondon.h"
#include "tests/support/temphub.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QThread>

#include <atomic>

using namespace hub;
using hub::test::london;
using hub::test::TempHub;
using hub::test::Tuesday;

namespace {

MemberId member(TempHub &t, const QString &name)
{
    MemberDraft d;
    d.displayName = name;
    auto m = t->members().add(d);
    REQUIRE(m);
    return m->id;
}

Space hall(TempHub &t, int setup = 15, int cleanup = 30)
{
    Space s;
    s.name = QStringLiteral("Main hall");
    s.capacity = 80;
    s.setupMinutes = setup;
    s.cleanupMinutes = cleanup;
    s.features = {QStringLiteral("stage"), QStringLiteral("step-free access")};
    s.colour = QStringLiteral("#3a7bd5");
    auto added = t->spaces().add(s);
    REQUIRE(added);
    return *added;
}

BookingDraft draft(TempHub &t, const Space &s, QDate day, QTime from, QTime to,
                   const QString &title = QStringLiteral("Choir"))
{
    BookingDraft d;
    d.space = s.id;
    d.title = title;
    d.start = t->bookings().localTime(day, from);
    d.end = t->bookings().localTime(day, to);
    return d;
}

int liveBookings(TempHub &t)
{
    return int(t->bookings().list()->size());
}
} // namespace

TEST_CASE("a space is validated field by field and its name is unique ignoring case")
{
    TempHub t;
    Space s;
    s.name = QStringLiteral("Kitchen");
    s.capacity = 0;
    auto bad = t->spaces().add(s);
    REQUIRE_FALSE(bad);
    CHECK(bad.error().kind == ErrorKind::Invalid);
    CHECK(bad.error().where == QStringLiteral("capacity"));
    s.capacity = 12;
    s.colour = QStringLiteral("blue");
    CHECK(t->spaces().add(s).error().where == QStringLiteral("colour"));
    s.colour.clear();
    s.setupMinutes = -5;
    CHECK(t->spaces().add(s).error().where == QStringLiteral("setup"));
    s.setupMinutes = 0;
    s.hours.days[0] = DayHours{18 * 60, 9 * 60};
    CHECK(t->spaces().add(s).error().where == QStringLiteral("hours"));
    s.hours = OpeningHours::always();
    auto kitchen = t->spaces().add(s);
    REQUIRE(kitchen);
    s.name = QStringLiteral("KITCHEN");
    auto twin = t->spaces().add(s);
    REQUIRE_FALSE(twin);
    CHECK(twin.error().where == QStringLiteral("name"));
    auto found = t->spaces().find(QStringLiteral("kitchen"));
    REQUIRE(found);
    CHECK(found->id == kitchen->id);
    CHECK(t->spaces().find(QStringLiteral("Ballroom")).error().kind == ErrorKind::NotFound);
}

TEST_CASE("a space keeps its opening hours per weekday and edits replace them")
{
    TempHub t;
    Space s = hall(t);
    CHECK(s.hours == OpeningHours::always());
    CHECK(s.features == QStringList{QStringLiteral("stage"), QStringLiteral("step-free access")});
    OpeningHours h;
    h.days[1] = DayHours{9 * 60, 22 * 60};
    REQUIRE(t->spaces().setHours(s.id, h));
    auto again = t->spaces().get(s.id);
    REQUIRE(again);
    CHECK(again->hours == h);
    CHECK_FALSE(again->hours.on(1));
    CHECK(again->hours.on(2)->closes == 22 * 60);
    again->name = QStringLiteral("Great hall");
    again->rate = Amount::fromMinor(500);
    auto edited = t->spaces().edit(*again);
    REQUIRE(edited);
    CHECK(edited->name == QStringLiteral("Great hall"));
    CHECK(edited->rate->minor() == 500);
    CHECK(edited->hours == h);
}

TEST_CASE("a booking that meets another once setup and clean-up are added is refused and names the clash")
{
    TempHub t;
    london(t);
    const Space s = hall(t, 15, 30);
    const MemberId ada = member(t, QStringLiteral("Ada Lovelace"));
    BookingDraft choir = draft(t, s, Tuesday, QTime(18, 0), QTime(20, 0));
    choir.member = ada;
    REQUIRE(t->bookings().book(choir));
    // Starts 20 minutes after the choir ends: the hall needs 30 clean-up + 15 setup.
    auto yoga = t->bookings().book(draft(t, s, Tuesday, QTime(20, 20), QTime(21, 0), QStringLiteral("Yoga")));
    REQUIRE_FALSE(yoga);
    CHECK(yoga.error().kind == ErrorKind::Refused);
    CHECK(yoga.error().exitCode() == 3);
    CHECK(yoga.error().message.contains(QStringLiteral("Choir")));
    CHECK(yoga.error().message.contains(QStringLiteral("Ada Lovelace")));
    CHECK(yoga.error().message.contains(QStringLiteral("18:00–20:00")));
    // Earlier bookings clash the same way: its clean-up meets the choir's setup.
    auto early = t->bookings().book(draft(t, s, Tuesday, QTime(17, 0), QTime(17, 30), QStringLiteral("Tea")));
    REQUIRE_FALSE(early);
    CHECK(early.error().message.contains(QStringLiteral("Choir")));
    CHECK(liveBookings(t) == 1);
}

TEST_CASE("back-to-back bookings are allowed when the buffers fit between them")
{
    TempHub t;
    london(t);
    const Space s = hall(t, 15, 30);
    REQUIRE(t->bookings().book(draft(t, s, Tuesday, QTime(18, 0), QTime(20, 0))));
    REQUIRE(t->bookings().book(draft(t, s, Tuesday, QTime(20, 45), QTime(22, 0), QStringLiteral("Yoga"))));
    REQUIRE(t->bookings().book(draft(t, s, Tuesday, QTime(16, 0), QTime(17, 15), QStringLiteral("Tea"))));
    CHECK(liveBookings(t) == 3);

    // Without buffers a booking may start the moment another ends.
    Space desk;
    desk.name = QStringLiteral("Hot desk");
    desk.capacity = 1;
    desk = *t->spaces().add(desk);
    REQUIRE(t->bookings().book(draft(t, desk, Tuesday, QTime(9, 0), QTime(12, 0))));
    REQUIRE(t->bookings().book(draft(t, desk, Tuesday, QTime(12, 0), QTime(13, 0))));
    CHECK_FALSE(t->bookings().book(draft(t, desk, Tuesday, QTime(12, 59), QTime(14, 0))));
    CHECK(t->integrity().runAll().isEmpty());
}

TEST_CASE("cancelled and declined bookings free their slot and tentative ones hold it")
{
    TempHub t;
    london(t);
    const Space s = hall(t);
    BookingDraft hold = draft(t, s, Tuesday, QTime(18, 0), QTime(20, 0), QStringLiteral("Wedding"));
    hold.tentative = true;
    auto held = t->bookings().book(hold);
    REQUIRE(held);
    CHECK(held->status == BookingStatus::Tentative);
    CHECK_FALSE(t->bookings().book(draft(t, s, Tuesday, QTime(19, 0), QTime(20, 0))));

    auto declined = t->bookings().decline(held->id);
    REQUIRE(declined);
    CHECK(declined->status == BookingStatus::Cancelled);
    CHECK(t->bookings().decline(held->id).error().kind == ErrorKind::Refused);
    auto choir = t->bookings().book(draft(t, s, Tuesday, QTime(19, 0), QTime(20, 0)));
    REQUIRE(choir);
    CHECK(t->bookings().confirm(choir->id).error().kind == ErrorKind::Refused); // already confirmed
    REQUIRE(t->bookings().cancel(choir->id));
    CHECK(t->bookings().cancel(choir->id).error().kind == ErrorKind::Refused);
    CHECK(t->bookings().book(draft(t, s, Tuesday, QTime(19, 0), QTime(20, 0), QStringLiteral("Yoga"))));

    BookingFilter all;
    all.includeCancelled = true;
    CHECK(t->bookings().list(all)->size() == 3);
    CHECK(liveBookings(t) == 1);
    CHECK(t->bookings().cancel(BookingId(99)).error().kind == ErrorKind::NotFound);
}

TEST_CASE("a tentative booking can be confirmed")
{
    TempHub t;
    london(t);
    const Space s = hall(t);
    BookingDraft d = draft(t, s, Tuesday, QTime(10, 0), QTime(11, 0));
    d.tentative = true;
    auto b = t->bookings().book(d);
    REQUIRE(b);
    auto confirmed = t->bookings().confirm(b->id);
    REQUIRE(confirmed);
    CHECK(confirmed->status == BookingStatus::Confirmed);
    CHECK(t->bookings().get(b->id)->status == BookingStatus::Confirmed);
}

TEST_CASE("outside the opening hours a booking is refused unless overridden and the override is recorded")
{
    TempHub t;
    london(t);
    Space s = hall(t, 0, 0);
    OpeningHours h;
    h.days[1] = DayHours{9 * 60, 22 * 60}; // Tuesdays only
    REQUIRE(t->spaces().setHours(s.id, h));

    auto late = t->bookings().book(draft(t, s, Tuesday, QTime(21, 0), QTime(23, 0), QStringLiteral("Party")));
    REQUIRE_FALSE(late);
    CHECK(late.error().kind == ErrorKind::Refused);
    CHECK(late.error().message.contains(QStringLiteral("09:00–22:00")));
    // Its own "where": forms offer the reason field, hubctl names --outside-hours.
    CHECK(late.error().where == QStringLiteral("outside-hours"));
    auto closed = t->bookings().book(draft(t, s, Tuesday.addDays(1), QTime(10, 0), QTime(11, 0)));
    REQUIRE_FALSE(closed);
    CHECK(closed.error().message.contains(QStringLiteral("closed")));
    CHECK(closed.error().where == QStringLiteral("outside-hours"));
    CHECK(liveBookings(t) == 0);

    REQUIRE(t->bookings().book(draft(t, s, Tuesday, QTime(9, 0), QTime(22, 0), QStringLiteral("All day"))));
    BookingDraft party = draft(t, s, Tuesday.addDays(7), QTime(21, 0), QTime(23, 0), QStringLiteral("Party"));
    party.outsideHoursOverride = QStringLiteral("  caretaker stays late  ");
    auto booked = t->bookings().book(party);
    REQUIRE(booked);
    CHECK(booked->outsideHoursOverride == QStringLiteral("caretaker stays late"));
    // A note given where none was needed is not recorded as an override.
    BookingDraft tea = draft(t, s, Tuesday.addDays(7), QTime(10, 0), QTime(11, 0), QStringLiteral("Tea"));
    tea.outsideHoursOverride = QStringLiteral("just in case");
    CHECK(t->bookings().book(tea)->outsideHoursOverride.isEmpty());
}

TEST_CASE("more attendees than the capacity is refused unless overridden")
{
    TempHub t;
    london(t);
    const Space s = hall(t); // 80 people
    BookingDraft d = draft(t, s, Tuesday, QTime(18, 0), QTime(20, 0), QStringLiteral("Concert"));
    d.attendees = 120;
    auto refused = t->bookings().book(d);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().kind == ErrorKind::Refused);
    CHECK(refused.error().where == QStringLiteral("attendees"));
    d.capacityOverride = QStringLiteral("standing only, fire officer agreed");
    auto ok = t->bookings().book(d);
    REQUIRE(ok);
    CHECK(ok->attendees == 120);
    CHECK(ok->capacityOverride == QStringLiteral("standing only, fire officer agreed"));
}

TEST_CASE("bad booking input is invalid and names the field and unknown spaces and members are not found")
{
    TempHub t;
    london(t);
    const Space s = hall(t);
    BookingDraft d = draft(t, s, Tuesday, QTime(20, 0), QTime(18, 0));
    CHECK(t->bookings().book(d).error().where == QStringLiteral("end"));
    d = draft(t, s, Tuesday, QTime(18, 0), QTime(20, 0), QStringLiteral("   "));
    CHECK(t->bookings().book(d).error().where == QStringLiteral("title"));
    d = draft(t, s, Tuesday, QTime(18, 0), QTime(20, 0));
    d.space = SpaceId(42);
    CHECK(t->bookings().book(d).error().kind == ErrorKind::NotFound);
    d.space = s.id;
    d.member = MemberId(42);
    CHECK(t->bookings().book(d).error().kind == ErrorKind::NotFound);
}

TEST_CASE("a booking at 19:00 in London is stored as the right UTC instant in winter and in summer")
{
    TempHub t;
    london(t);
    Space s = hall(t, 0, 0);
    OpeningHours h;
    h.days[1] = DayHours{9 * 60, 22 * 60};
    REQUIRE(t->spaces().setHours(s.id, h));
    auto winter = t->bookings().book(draft(t, s, QDate(2026, 1, 13), QTime(19, 0), QTime(21, 0)));
    REQUIRE(winter);
    CHECK(winter->start == QDateTime(QDate(2026, 1, 13), QTime(19, 0), QTimeZone::utc()));
    CHECK(winter->zone == QStringLiteral("Europe/London"));
    // British Summer Time: 19:00 local is 18:00 UTC, and the 22:00 closing is local too.
    auto summer = t->bookings().book(draft(t, s, QDate(2026, 7, 14), QTime(19, 0), QTime(22, 0)));
    REQUIRE(summer);
    CHECK(summer->start == QDateTime(QDate(2026, 7, 14), QTime(18, 0), QTimeZone::utc()));
    CHECK(summer->end.toSecsSinceEpoch() - summer->start.toSecsSinceEpoch() == 3 * 3600);
    CHECK(summer->start.toTimeZone(QTimeZone("Europe/London")).time() == QTime(19, 0));
    // Either side of the last Sunday of March the local time stays 19:00.
    auto before = t->bookings().book(draft(t, s, QDate(2026, 3, 24), QTime(19, 0), QTime(20, 0)));
    auto after = t->bookings().book(draft(t, s, QDate(2026, 3, 31), QTime(19, 0), QTime(20, 0)));
    REQUIRE(before);
    REQUIRE(after);
    CHECK(after->start.toSecsSinceEpoch() - before->start.toSecsSinceEpoch() == 7 * 24 * 3600 - 3600);
}

TEST_CASE("two hubs on one file racing to book the same slots never double-book")
{
    TempHub t;
    london(t);
    const Space s = hall(t);
    constexpr int Slots = 15;
    QList<BookingDraft> drafts;
    for (int i = 0; i < Slots; ++i)
        drafts << draft(t, s, Tuesday.addDays(i), QTime(18, 0), QTime(20, 0));
    std::atomic<int> booked{0};
    std::atomic<int> refused{0};
    std::atomic<int> other{0};
    const QString path = t.path();
    const auto desk = [&] {
        auto hub = Hub::open(path);
        if (!hub) {
            ++other;
            return;
        }
        for (const BookingDraft &d : drafts) {
            auto b = (*hub)->bookings().book(d);
            if (b)
                ++booked;
            else if (b.error().kind == ErrorKind::Refused)
                ++refused;
            else
                ++other;
        }
        (*hub)->database().releaseThreadConnection();
    };
    QThread *one = QThread::create(desk);
    QThread *two = QThread::create(desk);
    one->start();
    two->start();
    one->wait();
    two->wait();
    delete one;
    delete two;
    CHECK(other.load() == 0);
    CHECK(booked.load() == Slots); // each slot won exactly once
    CHECK(refused.load() == Slots);
    CHECK(liveBookings(t) == Slots);
    CHECK(t->integrity().runAll().isEmpty());
}

TEST_CASE("the integrity check names overlapping live bookings written around the rules", "[sqlite]")
{
    TempHub t;
    london(t);
    const Space s = hall(t);
    auto first = t->bookings().book(draft(t, s, Tuesday, QTime(18, 0), QTime(20, 0)));
    REQUIRE(first);
    auto cancelled = t->bookings().book(draft(t, s, Tuesday.addDays(1), QTime(18, 0), QTime(20, 0)));
    REQUIRE(cancelled);
    REQUIRE(t->bookings().cancel(cancelled->id));
    CHECK(t->integrity().runAll().isEmpty());
    const qint64 start = first->start.toSecsSinceEpoch();
    const QString name = QStringLiteral("tamper");
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(t.path());
        REQUIRE(db.open());
        QSqlQuery q(db);
        REQUIRE(q.prepare(QStringLiteral("INSERT INTO bookings (space_id, title, start_utc, end_utc, zone, "
                                         "created_at) VALUES (?, 'Sneaky', ?, ?, 'Europe/London', 0)")));
        q.addBindValue(s.id.value());
        q.addBindValue(start + 3600);
        q.addBindValue(start + 3 * 3600);
        REQUIRE(q.exec());
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    const QList<Finding> found = t->integrity().runAll();
    REQUIRE(found.size() == 1);
    CHECK(found.first().area == QStringLiteral("bookings"));
    CHECK(found.first().message.contains(QStringLiteral("Sneaky")));
    CHECK(found.first().where == QStringLiteral("bookings row 3"));
}

TEST_CASE("bookings are listed by start time for a range and a space")
{
    TempHub t;
    london(t);
    const Space s = hall(t, 0, 0);
    Space kitchen;
    kitchen.name = QStringLiteral("Kitchen");
    kitchen.capacity = 10;
    kitchen = *t->spaces().add(kitchen);
    REQUIRE(t->bookings().book(draft(t, s, Tuesday, QTime(18, 0), QTime(20, 0), QStringLiteral("Choir"))));
    REQUIRE(t->bookings().book(draft(t, s, Tuesday, QTime(9, 0), QTime(10, 0), QStringLiteral("Yoga"))));
    REQUIRE(t->bookings().book(draft(t, kitchen, Tuesday, QTime(12, 0), QTime(14, 0), QStringLiteral("Lunch"))));
    REQUIRE(t->bookings().book(draft(t, s, Tuesday.addDays(1), QTime(9, 0), QTime(10, 0), QStringLiteral("Tai chi"))));

    BookingFilter day;
    day.from = t->bookings().localTime(Tuesday, QTime(0, 0));
    day.to = t->bookings().localTime(Tuesday.addDays(1), QTime(0, 0));
    auto tuesday = t->bookings().list(day);
    REQUIRE(tuesday);
    QStringList titles;
    for (const Booking &b : *tuesday)
        titles << b.title;
    CHECK(titles == QStringList{QStringLiteral("Yoga"), QStringLiteral("Lunch"), QStringLiteral("Choir")});
    day.space = kitchen.id;
    CHECK(t->bookings().list(day)->size() == 1);
    CHECK(t->bookings().list(day)->first().spaceName == QStringLiteral("Kitchen"));
}

TEST_CASE("a booking ending at midnight belongs to the day it starts")
{
    TempHub t;
    london(t);
    Space s = hall(t, 0, 0);
    OpeningHours h;
    h.days[1] = DayHours{18 * 60, 24 * 60}; // Tuesday evenings until midnight
    REQUIRE(t->spaces().setHours(s.id, h));
    BookingDraft late = draft(t, s, Tuesday, QTime(22, 0), QTime(0, 0), QStringLiteral("Late"));
    late.end = t->bookings().localTime(Tuesday.addDays(1), QTime(0, 0));
    auto booked = t->bookings().book(late);
    INFO((booked ? QString() : booked.error().message).toStdString());
    REQUIRE(booked);
    BookingDraft later = draft(t, s, Tuesday.addDays(7), QTime(23, 0), QTime(0, 0), QStringLiteral("Later"));
    later.end = t->bookings().localTime(Tuesday.addDays(8), QTime(0, 30));
    CHECK(t->bookings().book(later).error().kind == ErrorKind::Refused);
}

TEST_CASE("bookings read one at a time come in the list's order, and the reader can stop early")
{
    TempHub t;
    const Space s = hall(t, 0, 0);
    const QDate day(2026, 3, 10);
    for (int i = 0; i < 6; ++i)
        REQUIRE(t->bookings().book(
            draft(t, s, day.addDays(5 - i), QTime(9, 0), QTime(10, 0), QStringLiteral("Session %1").arg(i))));
    BookingFilter filter;
    filter.from = t->bookings().localTime(day.addDays(1), QTime(0, 0));
    auto listed = t->bookings().list(filter);
    REQUIRE(listed);
    REQUIRE(listed->size() == 5);

    QList<BookingId> seen;
    REQUIRE(t->bookings().each(filter, [&](const Booking &b) {
        seen << b.id;
        return true;
    }));
    QList<BookingId> expected;
    for (const Booking &b : std::as_const(*listed))
        expected << b.id;
    CHECK(seen == expected);

    seen.clear();
    REQUIRE(t->bookings().each(filter, [&](const Booking &b) {
        seen << b.id;
        return seen.size() < 2;
    }));
    CHECK(seen == expected.mid(0, 2));
}
