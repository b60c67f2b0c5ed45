// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ledger/ledgerservice.h"
#include "core/members/memberservice.h"
#include "core/settings/settingsservice.h"
#include "core/spaces/bookingservice.h"
#include "core/spaces/recurrence.h"
#include "core/spaces/spaceservice.h"
#include "tests/support/hubinlondon.h"
#include "tests/support/temphub.h"

#include <QSqlQuery>

using namespace hub;
using hub::test::London;
using hub::test::TempHub;

namespace {

void londonInBookingSeries(TempHub &t)
{
    REQUIRE(t->settings().set(QStringLiteral("timezone"), QStringLiteral("Europe/London")));
    // Bookings below are in 2026; "now" is before them all.
    t->setClock(Clock::fixed(QDateTime(QDate(2026, 1, 5), QTime(9, 0), QTimeZone::utc())));
}

MemberId memberInBookingSeries(TempHub &t, const QString &name)
{
    MemberDraft d;
    d.displayName = name;
    auto m = t->members().add(d);
    REQUIRE(m);
    return m->id;
}

Space room(TempHub &t, const QString &name = QStringLiteral("Main hall"), std::optional<Amount> rate = {})
{
    Space s;
    s.name = name;
    s.capacity = 40;
    s.setupMinutes = 15;
    s.cleanupMinutes = 15;
    s.rate = rate;
    auto added = t->spaces().add(s);
    REQUIRE(added);
    return *added;
}

BookingDraft weekly(TempHub &t, const Space &s, QDate first, int count, QTime from = QTime(19, 0),
                    QTime to = QTime(21, 0))
{
    BookingDraft d;
    d.space = s.id;
    d.title = QStringLiteral("Choir");
    d.start = t->bookings().localTime(first, from);
    d.end = t->bookings().localTime(first, to);
    Recurrence r;
    r.frequency = Recurrence::Frequency::Weekly;
    r.count = count;
    d.repeat = r;
    return d;
}

BookingDraft once(TempHub &t, const Space &s, QDate day, QTime from, QTime to, const QString &title)
{
    BookingDraft d;
    d.space = s.id;
    d.title = title;
    d.start = t->bookings().localTime(day, from);
    d.end = t->bookings().localTime(day, to);
    return d;
}

int rows(TempHub &t, const QString &table)
{
    QSqlQuery q(t->database().connection());
    REQUIRE(q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table)));
    q.next();
    return q.value(0).toInt();
}

QString localClock(const Booking &b)
{
    return b.start.toTimeZone(London).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}
} // namespace

TEST_CASE("recurrences become RRULEs through libical and read back", "[series]")
{
    const QDateTime first(QDate(2026, 3, 10), QTime(19, 0), London); // the second Tuesday
    Recurrence r;
    r.frequency = Recurrence::Frequency::Weekly;
    r.count = 10;
    CHECK(r.toRRule(first) == QStringLiteral("FREQ=WEEKLY;COUNT=10;BYDAY=TU"));
    CHECK(r.describe(first) == QStringLiteral("Every Tuesday at 19:00, 10 times"));
    r.weekdays = {4, 2};
    CHECK(r.toRRule(first) == QStringLiteral("FREQ=WEEKLY;COUNT=10;BYDAY=TU,TH"));
    CHECK(r.describe(first) == QStringLiteral("Every Thursday and Tuesday at 19:00, 10 times"));

    Recurrence m;
    m.frequency = Recurrence::Frequency::Monthly;
    m.monthlyBy = Recurrence::MonthlyBy::Weekday;
    m.until = QDate(2026, 6, 30);
    const QString rule = m.toRRule(first);
    CHECK(rule.startsWith(QStringLiteral("FREQ=MONTHLY;UNTIL=20260630T225959Z")));
    CHECK(rule.contains(QStringLiteral("BYDAY=2TU")));
    CHECK(m.describe(first) == QStringLiteral("Every month on the second Tuesday at 19:00, until 30 Jun 2026"));
    auto dates = m.dates(first);
    REQUIRE(dates);
    CHECK(*dates == QList<QDate>{QDate(2026, 3, 10), QDate(2026, 4, 14), QDate(2026, 5, 12), QDate(2026, 6, 9)});

    auto back = Recurrence::fromRRule(rule);
    REQUIRE(back);
    CHECK(back->frequency == Recurrence::Frequency::Monthly);
    CHECK(back->monthlyBy == Recurrence::MonthlyBy::Weekday);
    CHECK(back->until == QDate(2026, 6, 30));

    CHECK_FALSE(Recurrence::fromRRule(QStringLiteral("FREQ=SOMETIMES")));
    auto yearly = Recurrence::fromRRule(QStringLiteral("FREQ=YEARLY;COUNT=3"));
    REQUIRE_FALSE(yearly);
    CHECK(yearly.error().where == QStringLiteral("repeat"));
    // Any rule libical reads can still be expanded, edited by us or not.
    auto expanded = Recurrence::expand(QStringLiteral("FREQ=YEARLY;COUNT=3"), first);
    REQUIRE(expanded);
    CHECK(expanded->size() == 3);

    Recurrence endless;
    CHECK(endless.validate(first.date()).error().where == QStringLiteral("count"));
}

TEST_CASE("a weekly series stays at 19:00 local across both daylight-saving changes in London", "[series]")
{
    TempHub t;
    londonInBookingSeries(t);
    const Space hall = room(t);
    // Tuesdays from 17 March (GMT) past 29 March (BST) and 25 October (GMT again).
    BookingDraft d = weekly(t, hall, QDate(2026, 3, 17), 34);
    auto made = t->bookings().bookSeries(d);
    REQUIRE(made);
    REQUIRE(made->booked.size() == 34);
    CHECK(made->skipped.isEmpty());
    for (const Booking &b : made->booked) {
        CHECK(b.start.toTimeZone(London).time() == QTime(19, 0));
        CHECK(b.end.toTimeZone(London).time() == QTime(21, 0));
        CHECK(b.series == made->series);
    }
    CHECK(made->booked.at(1).start.toUTC().time() == QTime(19, 0)); // 24 March, GMT
    CHECK(made->booked.at(2).start.toUTC().time() == QTime(18, 0)); // 31 March, BST
    CHECK(made->booked.last().occurrence == QDate(2026, 11, 3));
    CHECK(made->booked.last().start.toUTC().time() == QTime(19, 0)); // November, GMT
    auto series = t->bookings().series(*made->series);
    REQUIRE(series);
    CHECK(series->rrule == QStringLiteral("FREQ=WEEKLY;COUNT=34;BYDAY=TU"));
    CHECK(series->firstStart.time() == QTime(19, 0));
    CHECK(t->integrity().runAll().isEmpty());
}

TEST_CASE("a series with a clashing date books nothing and lists every clash", "[series]")
{
    TempHub t;
    londonInBookingSeries(t);
    const Space hall = room(t);
    REQUIRE(t->bookings().book(once(t, hall, QDate(2026, 3, 24), QTime(18, 0), QTime(19, 30), QStringLiteral("Quiz"))));
    REQUIRE(t->bookings().book(once(t, hall, QDate(2026, 4, 7), QTime(21, 0), QTime(22, 0), QStringLiteral("Disco"))));
    const int before = rows(t, QStringLiteral("bookings"));
    BookingDraft d = weekly(t, hall, QDate(2026, 3, 17), 6);
    auto preview = t->bookings().preview(d);
    REQUIRE(preview);
    REQUIRE(preview->size() == 6);
    CHECK(preview->at(1).problem.contains(QStringLiteral("Quiz")));
    CHECK(preview->at(3).problem.contains(QStringLiteral("Disco"))); // touches only through the buffers
    CHECK(preview->at(0).problem.isEmpty());

    auto refused = t->bookings().bookSeries(d);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().kind == ErrorKind::Refused);
    CHECK(refused.error().message.contains(QStringLiteral("2 of 6 dates")));
    CHECK(refused.error().message.contains(QStringLiteral("Tue 24 Mar 2026")));
    CHECK(refused.error().message.contains(QStringLiteral("Tue 7 Apr 2026")));
    CHECK(rows(t, QStringLiteral("bookings")) == before);
    CHECK(rows(t, QStringLiteral("booking_series")) == 0);

    d.skipClashes = true;
    auto some = t->bookings().bookSeries(d);
    REQUIRE(some);
    CHECK(some->booked.size() == 4);
    REQUIRE(some->skipped.size() == 2);
    CHECK(some->skipped.at(0).date == QDate(2026, 3, 24));
    CHECK(some->skipped.at(1).date == QDate(2026, 4, 7));
    CHECK(t->integrity().runAll().isEmpty());
}

TEST_CASE("edited occurrences and cancelled dates survive later edits of the series", "[series]")
{
    TempHub t;
    londonInBookingSeries(t);
    const Space hall = room(t);
    auto made = t->bookings().bookSeries(weekly(t, hall, QDate(2026, 3, 3), 5));
    REQUIRE(made);
    const QList<Booking> dates = made->booked;

    // The third date moves to 18:00 on its own and becomes an exception.
    BookingDraft moved = once(t, hall, QDate(2026, 3, 17), QTime(18, 0), QTime(20, 0), QStringLiteral("Choir (early)"));
    auto exception = t->bookings().edit(dates.at(2).id, moved);
    REQUIRE(exception);
    CHECK(exception->exception);
    CHECK(exception->occurrence == QDate(2026, 3, 17));
    // The fourth is cancelled.
    auto cancelled = t->bookings().cancel(dates.at(3).id, CancelScope::Occurrence);
    REQUIRE(cancelled);
    CHECK(cancelled->size() == 1);

    // The series moves to 19:30, is renamed and gets two more weeks.
    BookingDraft change = weekly(t, hall, QDate(2026, 3, 3), 7, QTime(19, 30), QTime(21, 30));
    change.title = QStringLiteral("Community choir");
    auto edited = t->bookings().editSeries(*made->series, change);
    REQUIRE(edited);
    auto all = t->bookings().occurrences(*made->series);
    REQUIRE(all);
    REQUIRE(all->size() == 7);
    CHECK(localClock(all->at(0)) == QStringLiteral("2026-03-03 19:30"));
    CHECK(all->at(0).title == QStringLiteral("Community choir"));
    CHECK(all->at(0).id == dates.at(0).id); // rewritten in place, not re-created
    CHECK(localClock(all->at(2)) == QStringLiteral("2026-03-17 18:00"));
    CHECK(all->at(2).title == QStringLiteral("Choir (early)"));
    CHECK(all->at(3).status == BookingStatus::Cancelled);
    CHECK(localClock(all->at(6)) == QStringLiteral("2026-04-14 19:30"));
    CHECK(t->integrity().runAll().isEmpty());
}

TEST_CASE("cancelling this and following dates or the whole series", "[series]")
{
    TempHub t;
    londonInBookingSeries(t);
    const Space hall = room(t);
    auto made = t->bookings().bookSeries(weekly(t, hall, QDate(2026, 3, 3), 6));
    REQUIRE(made);
    auto rest = t->bookings().cancel(made->booked.at(3).id, CancelScope::ThisAndFollowing);
    REQUIRE(rest);
    CHECK(rest->size() == 3);
    auto series = t->bookings().series(*made->series);
    REQUIRE(series);
    CHECK(series->recurrence->until == QDate(2026, 3, 23));
    auto all = t->bookings().cancel(made->booked.at(0).id, CancelScope::Series);
    REQUIRE(all);
    CHECK(all->size() == 3);
    CHECK(t->bookings().list()->isEmpty());
    auto single =
        t->bookings().book(once(t, hall, QDate(2026, 5, 5), QTime(10, 0), QTime(11, 0), QStringLiteral("Tea")));
    REQUIRE(single);
    CHECK(t->bookings().cancel(single->id, CancelScope::Series).error().kind == ErrorKind::Invalid);
}

TEST_CASE("a charged booking posts duration times rate and cancelling reverses it", "[series][charge]")
{
    TempHub t;
    londonInBookingSeries(t);
    const Space hall = room(t, QStringLiteral("Main hall"), Amount::fromMinor(1250)); // 12.50 an hour
    const MemberId ada = memberInBookingSeries(t, QStringLiteral("Ada Lovelace"));
    BookingDraft d = once(t, hall, QDate(2026, 3, 3), QTime(18, 0), QTime(20, 30), QStringLiteral("Birthday"));
    LimitChange room;
    room.min = Amount::fromMinor(-10000);
    REQUIRE(t->ledger().setLimits(ada, room));
    d.member = ada;
    d.charge = true;
    CHECK(BookingService::price(hall, 150 * 60)->minor() == 3125);
    auto booked = t->bookings().book(d);
    REQUIRE(booked);
    REQUIRE(booked->charge);
    auto charged = t->ledger().transfer(*booked->charge);
    REQUIRE(charged);
    CHECK(charged->amount.minor() == 3125);
    CHECK(charged->payer == ada);
    CHECK(t->ledger().account(ada)->balance.minor() == -3125);
    CHECK(t->ledger().hubAccount()->balance.minor() == 3125);

    // A refused booking posts nothing.
    const int transfers = rows(t, QStringLiteral("transfers"));
    BookingDraft clash = d;
    clash.title = QStringLiteral("Second party");
    CHECK_FALSE(t->bookings().book(clash));
    CHECK(rows(t, QStringLiteral("transfers")) == transfers);

    auto cancelled = t->bookings().cancel(booked->id);
    REQUIRE(cancelled);
    REQUIRE(cancelled->chargeReversal);
    CHECK(t->ledger().account(ada)->balance.minor() == 0);
    CHECK(t->ledger().hubAccount()->balance.minor() == 0);
    CHECK(t->integrity().runAll().isEmpty());

    // Without a booker there is nobody to charge.
    BookingDraft nobody = once(t, hall, QDate(2026, 3, 4), QTime(10, 0), QTime(11, 0), QStringLiteral("Meeting"));
    nobody.charge = true;
    CHECK(t->bookings().book(nobody).error().where == QStringLiteral("charge"));
}

TEST_CASE("a charge the ledger refuses leaves no booking", "[series][charge]")
{
    TempHub t;
    londonInBookingSeries(t);
    const Space hall = room(t, QStringLiteral("Main hall"), Amount::fromMinor(100000));
    const MemberId ada = memberInBookingSeries(t, QStringLiteral("Ada Lovelace"));
    LimitChange tight;
    tight.min = Amount::fromMinor(-1000);
    REQUIRE(t->ledger().setLimits(ada, tight));
    BookingDraft d = weekly(t, hall, QDate(2026, 3, 3), 3);
    d.member = ada;
    d.charge = true;
    auto refused = t->bookings().bookSeries(d);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().kind == ErrorKind::Refused);
    CHECK(refused.error().where == QStringLiteral("charge"));
    CHECK(rows(t, QStringLiteral("bookings")) == 0);
    CHECK(rows(t, QStringLiteral("booking_series")) == 0);
    CHECK(rows(t, QStringLiteral("transfers")) == 0);
}

TEST_CASE("closed days refuse bookings unless overridden and free spaces skip them", "[series][closures]")
{
    TempHub t;
    londonInBookingSeries(t);
    const Space hall = room(t);
    const Space kitchen = room(t, QStringLiteral("Kitchen"));
    auto xmas = t->spaces().addClosure(std::nullopt, QDate(2026, 12, 25), QStringLiteral("Christmas Day"));
    REQUIRE(xmas);
    REQUIRE(t->spaces().addClosure(kitchen.id, QDate(2026, 12, 24), QStringLiteral("Deep clean")));
    CHECK(t->spaces().addClosure(std::nullopt, QDate(2026, 12, 25), {}).error().kind == ErrorKind::Refused);

    auto refused =
        t->bookings().book(once(t, hall, QDate(2026, 12, 25), QTime(12, 0), QTime(14, 0), QStringLiteral("Lunch")));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("Christmas Day")));
    BookingDraft anyway = once(t, hall, QDate(2026, 12, 25), QTime(12, 0), QTime(14, 0), QStringLiteral("Lunch"));
    anyway.outsideHoursOverride = QStringLiteral("Community lunch for people alone");
    auto lunch = t->bookings().book(anyway);
    REQUIRE(lunch);
    CHECK(lunch->outsideHoursOverride == QStringLiteral("Community lunch for people alone"));

    const auto at = [&](QDate d, int h) {
        return t->bookings().localTime(d, QTime(h, 0));
    };
    auto free24 = t->bookings().freeSpaces(at(QDate(2026, 12, 24), 10), at(QDate(2026, 12, 24), 12));
    REQUIRE(free24);
    REQUIRE(free24->size() == 1);
    CHECK(free24->first().name == QStringLiteral("Main hall"));
    auto free23 = t->bookings().freeSpaces(at(QDate(2026, 12, 23), 10), at(QDate(2026, 12, 23), 12), 41);
    REQUIRE(free23);
    CHECK(free23->isEmpty());
    CHECK(t->spaces().closures(QDate(2026, 12, 1), QDate(2026, 12, 31), kitchen.id)->size() == 2);
    REQUIRE(t->spaces().removeClosure(xmas->id));
    CHECK(t->spaces().closures(QDate(2026, 12, 1), QDate(2026, 12, 31))->size() == 1);
}

TEST_CASE("changing the hub's time zone asks what happens to upcoming bookings", "[series][zone]")
{
    TempHub t;
    londonInBookingSeries(t);
    const Space hall = room(t);
    auto b = t->bookings().book(once(t, hall, QDate(2026, 7, 7), QTime(19, 0), QTime(21, 0), QStringLiteral("Choir")));
    REQUIRE(b);
    const qint64 instant = b->start.toSecsSinceEpoch();

    auto silent = t->settings().set(QStringLiteral("timezone"), QStringLiteral("Europe/Berlin"));
    REQUIRE_FALSE(silent);
    CHECK(silent.error().kind == ErrorKind::Refused);
    CHECK(silent.error().message.contains(QStringLiteral("1 upcoming")));
    CHECK(t->bookings().changeZone(QStringLiteral("Europe/Berlin"), ZoneChangePolicy::Ask).error().kind ==
          ErrorKind::Refused);
    CHECK(t->settings().load()->timeZone == QStringLiteral("Europe/London"));

    SECTION("keeping local times")
    {
        REQUIRE(t->bookings().changeZone(QStringLiteral("Europe/Berlin"), ZoneChangePolicy::KeepLocalTimes));
        auto moved = t->bookings().get(b->id);
        REQUIRE(moved);
        CHECK(moved->start.toTimeZone(QTimeZone("Europe/Berlin")).time() == QTime(19, 0));
        CHECK(moved->start.toSecsSinceEpoch() == instant - 3600);
        CHECK(moved->zone == QStringLiteral("Europe/Berlin"));
    }
    SECTION("keeping the same moments")
    {
        REQUIRE(t->bookings().changeZone(QStringLiteral("Europe/Berlin"), ZoneChangePolicy::KeepInstants));
        auto kept = t->bookings().get(b->id);
        REQUIRE(kept);
        CHECK(kept->start.toSecsSinceEpoch() == instant);
        CHECK(kept->start.toTimeZone(QTimeZone("Europe/Berlin")).time() == QTime(20, 0));
    }
    CHECK(t->settings().load()->timeZone == QStringLiteral("Europe/Berlin"));
}
