// SPDX-License-Identifier: GPL-3.0-or-later
// Not a check: renders the Calendar page (empty, a busy day, a week) and the
// booking dialog at 1280×720 into <build>/shots so a person can look at them.
// Hidden from CTest; run with
//   test_ui "[shots]"
#include "core/hub.h"
#include "core/members/memberservice.h"
#include "core/settings/settingsservice.h"
#include "core/spaces/bookingservice.h"
#include "core/spaces/spaceservice.h"
#include "tests/support/hubinlondon.h"
#include "tests/support/temphub.h"
#include "tests/ui/screenshot.h"
#include "tests/ui/widgetlookup.h"
#include "ui/dialogs/bookingdialog.h"
#include "ui/mainwindow.h"
#include "ui/pages/calendarpage.h"
#include "ui/widgets/calendarview.h"

#include <QComboBox>
#include <QLineEdit>
#include <QSpinBox>
#include <QTest>
#include <QTimeEdit>
#include <QTimeZone>

using hub::MainWindow;
using hub::test::child;
using hub::test::shoot;
using hub::test::Tuesday;
using hub::test::visibleTopLevel;

namespace {

struct SpaceSpec
{
    const char *name;
    int capacity;
    int setup;
    int cleanup;
    const char *colour;
    int opens;
    int closes;
};

struct BookingSpec
{
    int space;
    const char *title;
    int member; ///< -1: the hub's own use
    QTime from;
    QTime to;
    bool tentative;
    int attendees;
};
} // namespace

TEST_CASE("screenshots of the calendar page and the booking dialog", "[.][shots]")
{
    hub::test::TempHub temp;
    temp.close();
    MainWindow window;
    REQUIRE(window.openHub(temp.path()));
    hub::Hub &hub = *window.hub();
    hub::HubSettings settings = *hub.settings().load();
    settings.name = QStringLiteral("Roath Community Hub");
    settings.timeZone = QStringLiteral("Europe/London");
    REQUIRE(hub.settings().save(settings));
    hub.setClock(hub::Clock::fixed(QDateTime(Tuesday, QTime(14, 20), QTimeZone::utc())));

    window.resize(1280, 720);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    window.showPage(MainWindow::Page::Calendar);
    auto *page = child<hub::CalendarPage>(&window, "calendarPage");
    page->showToday();
    shoot(&window, QStringLiteral("20-calendar-no-spaces"));

    static const SpaceSpec spaces[] = {
        {"Main hall", 120, 30, 30, "#3a7bd5", 8 * 60, 23 * 60},
        {"Kitchen", 12, 15, 15, "#2e9e6a", 8 * 60, 21 * 60},
        {"Breakout room 1", 16, 0, 10, "#d9822b", 9 * 60, 21 * 60},
        {"Breakout room 2", 10, 0, 10, "#8e5ad6", 9 * 60, 21 * 60},
        {"Café corner", 24, 0, 0, "#c94f6d", 8 * 60, 18 * 60},
        {"Quiet room", 6, 0, 0, "#1f9bb5", 9 * 60, 17 * 60},
    };
    QList<hub::Space> made;
    for (const SpaceSpec &spec : spaces) {
        hub::Space s;
        s.name = QString::fromUtf8(spec.name);
        s.capacity = spec.capacity;
        s.setupMinutes = spec.setup;
        s.cleanupMinutes = spec.cleanup;
        s.colour = QString::fromLatin1(spec.colour);
        for (auto &day : s.hours.days)
            day = hub::DayHours{spec.opens, spec.closes};
        s.hours.days[6].reset(); // closed on Sundays
        auto added = hub.spaces().add(s);
        REQUIRE(added);
        made << *added;
    }
    static const char *const names[] = {"Siân Davies",     "Tomasz Nowak",     "Hodan Warsame",      "Kemal Yılmaz",
                                        "Chiamaka Okafor", "Gareth Llewellyn", "Fix-It Repair Café", "Rhys ap Gwilym"};
    QList<hub::MemberId> members;
    for (const char *name : names) {
        hub::MemberDraft d;
        d.displayName = QString::fromUtf8(name);
        auto added = hub.members().add(d);
        REQUIRE(added);
        members << added->id;
    }
    static const BookingSpec bookings[] = {
        {0, "Parent & toddler group", 0, QTime(9, 30), QTime(11, 0), false, 25},
        {0, "Friendly gathering", -1, QTime(12, 0), QTime(13, 30), false, 60},
        {0, "Repair café", 6, QTime(14, 30), QTime(17, 0), false, 40},
        {0, "Choir rehearsal", 5, QTime(19, 0), QTime(21, 0), false, 35},
        {1, "Breakfast club", -1, QTime(8, 0), QTime(9, 30), false, 10},
        {1, "Cookery class", 2, QTime(10, 0), QTime(12, 0), false, 10},
        {1, "Community lunch prep", -1, QTime(12, 30), QTime(14, 0), true, 6},
        {1, "Supper club", 3, QTime(17, 30), QTime(20, 30), false, 12},
        {2, "Welsh for beginners", 7, QTime(9, 0), QTime(10, 30), false, 12},
        {2, "Credit union surgery", 1, QTime(11, 0), QTime(12, 0), false, 4},
        {2, "Tenants' association", 4, QTime(13, 0), QTime(14, 30), true, 14},
        {2, "Homework club", -1, QTime(15, 30), QTime(17, 30), false, 15},
        {2, "Polish conversation", 1, QTime(18, 0), QTime(19, 30), false, 8},
        {3, "Job club", -1, QTime(10, 0), QTime(11, 30), false, 8},
        {3, "Mentoring session", 0, QTime(12, 0), QTime(12, 45), false, 2},
        {3, "Working group: food", 3, QTime(14, 0), QTime(15, 0), true, 6},
        {3, "Knit and natter", 4, QTime(15, 15), QTime(17, 0), false, 9},
        {4, "Coffee morning", -1, QTime(9, 0), QTime(11, 30), false, 20},
        {4, "Book swap", 5, QTime(13, 0), QTime(14, 0), true, 0},
        {4, "Chess club", 7, QTime(15, 0), QTime(17, 30), false, 12},
        {5, "Counselling", 2, QTime(10, 0), QTime(11, 0), false, 2},
        {5, "Prayer and reflection", -1, QTime(13, 0), QTime(13, 30), false, 4},
    };
    for (const BookingSpec &spec : bookings) {
        hub::BookingDraft d;
        d.space = made[spec.space].id;
        d.title = QString::fromUtf8(spec.title);
        if (spec.member >= 0)
            d.member = members[spec.member];
        d.attendees = spec.attendees;
        d.start = hub.bookings().localTime(Tuesday, spec.from);
        d.end = hub.bookings().localTime(Tuesday, spec.to);
        d.tentative = spec.tentative;
        auto booked = hub.bookings().book(d);
        INFO(spec.title);
        REQUIRE(booked);
    }
    // A few more through the week for the week view.
    for (int day = -1; day <= 5; ++day) {
        if (day == 0)
            continue;
        hub::BookingDraft d;
        d.space = made[0].id;
        d.title = day % 2 ? QStringLiteral("Yoga") : QStringLiteral("Dance fitness");
        d.member = members[(day + 8) % members.size()];
        d.start = hub.bookings().localTime(Tuesday.addDays(day), QTime(9 + (day + 1) % 3, 0));
        d.end = d.start.addSecs(5400);
        d.tentative = day == 3;
        if (Tuesday.addDays(day).dayOfWeek() != 7)
            REQUIRE(hub.bookings().book(d));
    }

    page->refresh();
    auto *view = child<hub::CalendarView>(page, "calendarView");
    view->scrollToWorkingHours();
    shoot(&window, QStringLiteral("21-calendar-day"));
    view->scrollToMinute(8 * 60);
    auto list = hub.bookings().list();
    REQUIRE(list);
    view->selectBooking(list->at(3).id);
    shoot(&window, QStringLiteral("21-calendar-day-morning-selected"));

    page->setMode(hub::CalendarPage::Mode::Week);
    page->setWeekSpace(made[0].id);
    shoot(&window, QStringLiteral("22-calendar-week"));
    page->setMode(hub::CalendarPage::Mode::Day);

    // The booking dialog: a weekly series with its sentence, then a clash.
    view->selectSlot(view->schedule().columnOf(made[0].id, Tuesday), 17 * 60 + 15, 18 * 60 + 45);
    hub::BookingDialog *dialog = page->newBooking();
    REQUIRE(dialog);
    REQUIRE(QTest::qWaitForWindowExposed(dialog));
    child<QLineEdit>(dialog, "bookingTitle")->setText(QStringLiteral("Youth drama group"));
    dialog->setMember(members[4]);
    child<QSpinBox>(dialog, "bookingAttendees")->setValue(18);
    auto *frequency = child<QComboBox>(dialog, "recurrenceFrequency");
    frequency->setCurrentIndex(frequency->findText(QStringLiteral("Weekly")));
    shoot(dialog, QStringLiteral("23-booking-dialog-series"));
    frequency->setCurrentIndex(0);
    child<QTimeEdit>(dialog, "bookingEnd")->setTime(QTime(19, 30));
    REQUIRE_FALSE(dialog->save());
    shoot(dialog, QStringLiteral("24-booking-dialog-clash"));
    dialog->reject();
}
