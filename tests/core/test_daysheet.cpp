// SPDX-License-Identifier: GPL-3.0-or-later
// The front desk's day sheet: each space's bookings of a local date, what is
// on now and next. Its PDF is tested in test_daysheet_pdf.cpp.
#include "core/members/memberservice.h"
#include "core/settings/settingsservice.h"
#include "core/spaces/bookingservice.h"
#include "core/spaces/daysheet.h"
#include "core/spaces/spaceservice.h"
#include "tests/support/hubinlondon.h"
#include "tests/support/temphub.h"

using namespace hub;
using hub::test::TempHub;
using hub::test::Tuesday;

namespace {

Space addSpace(TempHub &t, const QString &name, int capacity, int setup = 0, int cleanup = 0)
{
    Space s;
    s.name = name;
    s.capacity = capacity;
    s.setupMinutes = setup;
    s.cleanupMinutes = cleanup;
    auto added = t->spaces().add(s);
    REQUIRE(added);
    return *added;
}

Booking addBooking(TempHub &t, const Space &s, QDate day, QTime from, QTime to, const QString &title,
                   std::optional<MemberId> member = {}, bool tentative = false, const QString &notes = {})
{
    BookingDraft d;
    d.space = s.id;
    d.title = title;
    d.member = member;
    d.attendees = 3;
    d.tentative = tentative;
    d.notes = notes;
    d.start = t->bookings().localTime(day, from);
    d.end = t->bookings().localTime(day, to);
    auto b = t->bookings().book(d);
    REQUIRE(b);
    return *b;
}

MemberId addMemberInDaysheet(TempHub &t, const QString &name)
{
    MemberDraft d;
    d.displayName = name;
    auto m = t->members().add(d);
    REQUIRE(m);
    return m->id;
}

QStringList titles(const QList<DaySheetEntry> &entries)
{
    QStringList out;
    for (const DaySheetEntry &e : entries)
        out << e.booking.title;
    return out;
}

struct Fixture
{
    TempHub t;
    Space hall, kitchen, quiet;
    Fixture()
    {
        REQUIRE(t->settings().set(QStringLiteral("timezone"), QStringLiteral("Europe/London")));
        hall = addSpace(t, QStringLiteral("Main hall"), 80, 15, 30);
        kitchen = addSpace(t, QStringLiteral("Kitchen"), 12);
        quiet = addSpace(t, QStringLiteral("Quiet room"), 4);
        const MemberId amira = addMemberInDaysheet(t, QStringLiteral("Amira Haddad"));
        const MemberId dafydd = addMemberInDaysheet(t, QStringLiteral("Dafydd ap Gwilym"));
        addBooking(t, hall, Tuesday, QTime(19, 0), QTime(21, 0), QStringLiteral("Choir"), dafydd);
        addBooking(t, hall, Tuesday, QTime(9, 30), QTime(11, 0), QStringLiteral("Yoga"), amira, false,
                   QStringLiteral("Mats in the cupboard"));
        addBooking(t, kitchen, Tuesday, QTime(10, 0), QTime(14, 0), QStringLiteral("Repair café lunch"), {}, true);
        addBooking(t, kitchen, Tuesday.addDays(1), QTime(10, 0), QTime(12, 0), QStringLiteral("Tomorrow's bake"));
        auto cancelled = addBooking(t, kitchen, Tuesday, QTime(16, 0), QTime(17, 0), QStringLiteral("Called off"));
        REQUIRE(t->bookings().cancel(cancelled.id));
    }
    QDateTime at(QTime time) { return t->bookings().localTime(Tuesday, time); }
};
} // namespace

TEST_CASE("the day sheet lists each active space by name with its live bookings of the day in order", "[daysheet]")
{
    Fixture f;
    auto sheet = DaySheet::load(f.t->spaces(), f.t->bookings(), Tuesday);
    REQUIRE(sheet);
    REQUIRE(sheet->spaces().size() == 3);
    CHECK(sheet->spaces()[0].space.name == QStringLiteral("Kitchen"));
    CHECK(sheet->spaces()[1].space.name == QStringLiteral("Main hall"));
    CHECK(sheet->spaces()[2].space.name == QStringLiteral("Quiet room"));
    CHECK(titles(sheet->spaces()[0].entries) == QStringList{QStringLiteral("Repair café lunch")});
    CHECK(titles(sheet->spaces()[1].entries) == QStringList{QStringLiteral("Yoga"), QStringLiteral("Choir")});
    CHECK(sheet->spaces()[2].entries.isEmpty());
    CHECK(sheet->bookingCount() == 3);

    const DaySheetEntry &yoga = sheet->spaces()[1].entries[0];
    CHECK(yoga.booking.memberName == QStringLiteral("Amira Haddad"));
    CHECK(yoga.booking.notes == QStringLiteral("Mats in the cupboard"));
    CHECK(yoga.start.time() == QTime(9, 30));
    CHECK(yoga.end.time() == QTime(11, 0));
    CHECK(yoga.setupMinutes == 15);
    CHECK(yoga.cleanupMinutes == 30);
    CHECK(sheet->timeText(yoga) == QStringLiteral("09:30–11:00"));
    CHECK(sheet->spaces()[0].entries[0].isTentative());
}

TEST_CASE("the day sheet shows summer bookings at their local time", "[daysheet]")
{
    Fixture f;
    const QDate summer(2026, 7, 14);
    addBooking(f.t, f.quiet, summer, QTime(19, 0), QTime(20, 0), QStringLiteral("Poetry"));
    auto sheet = DaySheet::load(f.t->spaces(), f.t->bookings(), summer);
    REQUIRE(sheet);
    const DaySheetEntry &poetry = sheet->spaces()[2].entries.value(0);
    CHECK(poetry.booking.start.time() == QTime(18, 0)); // stored in UTC
    CHECK(sheet->timeText(poetry) == QStringLiteral("19:00–20:00"));
}

TEST_CASE("on now and next are found across spaces for an instant", "[daysheet]")
{
    Fixture f;
    auto sheet = DaySheet::load(f.t->spaces(), f.t->bookings(), Tuesday);
    REQUIRE(sheet);
    CHECK(titles(sheet->onNow(f.at(QTime(10, 30)))) ==
          QStringList{QStringLiteral("Yoga"), QStringLiteral("Repair café lunch")});
    CHECK(titles(sheet->next(f.at(QTime(10, 30)))) == QStringList{QStringLiteral("Choir")});

    // The end is free again; the start counts as on.
    CHECK(titles(sheet->onNow(f.at(QTime(11, 0)))) == QStringList{QStringLiteral("Repair café lunch")});
    CHECK(titles(sheet->onNow(f.at(QTime(19, 0)))) == QStringList{QStringLiteral("Choir")});
    CHECK(titles(sheet->next(f.at(QTime(8, 0)))) == QStringList{QStringLiteral("Yoga")});
    CHECK(sheet->onNow(f.at(QTime(8, 0))).isEmpty());
    CHECK(sheet->next(f.at(QTime(21, 0))).isEmpty());
}

TEST_CASE("a day sheet without spaces or bookings is empty and a bad date is refused", "[daysheet]")
{
    TempHub t;
    auto none = DaySheet::load(t->spaces(), t->bookings(), Tuesday);
    REQUIRE(none);
    CHECK(none->spaces().isEmpty());
    CHECK(none->bookingCount() == 0);
    auto bad = DaySheet::load(t->spaces(), t->bookings(), QDate());
    REQUIRE_FALSE(bad);
    CHECK(bad.error().kind == ErrorKind::Invalid);
}

TEST_CASE("a booking running past midnight is on both days' sheets with its dates named", "[daysheet]")
{
    Fixture f;
    BookingDraft d;
    d.space = f.quiet.id;
    d.title = QStringLiteral("Night watch");
    d.outsideHoursOverride = QStringLiteral("the night shelter");
    d.start = f.t->bookings().localTime(Tuesday, QTime(22, 0));
    d.end = f.t->bookings().localTime(Tuesday.addDays(1), QTime(2, 0));
    REQUIRE(f.t->bookings().book(d));
    auto tuesday = DaySheet::load(f.t->spaces(), f.t->bookings(), Tuesday);
    auto wednesday = DaySheet::load(f.t->spaces(), f.t->bookings(), Tuesday.addDays(1));
    REQUIRE(tuesday);
    REQUIRE(wednesday);
    const DaySheetEntry late = tuesday->spaces()[2].entries.value(0);
    CHECK(late.booking.title == QStringLiteral("Night watch"));
    CHECK(late.endsLater(Tuesday));
    CHECK(tuesday->timeText(late).startsWith(QStringLiteral("22:00–")));
    CHECK(tuesday->timeText(late).endsWith(QStringLiteral("02:00")));
    const DaySheetEntry early = wednesday->spaces()[2].entries.value(0);
    CHECK(early.startsEarlier(Tuesday.addDays(1)));
    CHECK(wednesday->timeText(early).endsWith(QStringLiteral("–02:00")));
}
