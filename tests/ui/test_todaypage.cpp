// SPDX-License-Identifier: GPL-3.0-or-later
// The Today page at the front desk: today's bookings by space with who is
// coming and when, on now and next highlighted, the availability dialog and
// the printed day sheet. Screenshots (hidden, [shots]) at 1280×720.
#include "core/gatherings/gatheringservice.h"
#include "core/gatherings/workinggroupservice.h"
#include "core/hub.h"
#include "core/members/memberservice.h"
#include "core/settings/settingsservice.h"
#include "core/spaces/bookingservice.h"
#include "core/spaces/spaceservice.h"
#include "tests/support/hubinlondon.h"
#include "tests/support/shotsdir.h"
#include "tests/support/temphub.h"
#include "tests/ui/screenshot.h"
#include "tests/ui/widgetlookup.h"
#include "ui/dialogs/availabilitydialog.h"
#include "ui/mainwindow.h"
#include "ui/pages/gatheringspage.h"
#include "ui/pages/todaypage.h"
#include "ui/widgets/emptystatewidget.h"
#include "ui/widgets/facilitatorview.h"

#include <QApplication>
#include <QDateEdit>
#include <QDir>
#include <QFileInfo>
#include <QFrame>
#include <QLabel>
#include <QPrintDialog>
#include <QPrinter>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTimeZone>
#include <QTimer>
#include <QToolButton>

using hub::MainWindow;
using hub::test::child;
using hub::test::London;
using hub::test::shoot;
using hub::test::shotsDir;
using hub::test::Tuesday;
using hub::test::visibleTopLevel;

namespace {

hub::Space addSpace(hub::Hub &hub, const QString &name, int capacity, const QString &colour,
                    const QStringList &features = {}, int setup = 0, int cleanup = 0)
{
    hub::Space s;
    s.name = name;
    s.capacity = capacity;
    s.colour = colour;
    s.features = features;
    s.setupMinutes = setup;
    s.cleanupMinutes = cleanup;
    auto added = hub.spaces().add(s);
    REQUIRE(added);
    return *added;
}

hub::MemberId addMember(hub::Hub &hub, const QString &name)
{
    hub::MemberDraft d;
    d.displayName = name;
    auto m = hub.members().add(d);
    REQUIRE(m);
    return m->id;
}

void addBooking(hub::Hub &hub, const hub::Space &s, QDate day, QTime from, QTime to, const QString &title,
                std::optional<hub::MemberId> member = {}, int attendees = 0, bool tentative = false,
                const QString &notes = {})
{
    hub::BookingDraft d;
    d.space = s.id;
    d.title = title;
    d.member = member;
    d.attendees = attendees;
    d.tentative = tentative;
    d.notes = notes;
    d.start = QDateTime(day, from, London);
    d.end = QDateTime(day, to, London);
    auto b = hub.bookings().book(d);
    INFO(title.toStdString());
    REQUIRE(b);
}

struct Desk
{
    hub::test::TempHub temp;
    MainWindow window;
    hub::TodayPage *today = nullptr;

    Desk()
    {
        REQUIRE(temp->settings().set(QStringLiteral("timezone"), QStringLiteral("Europe/London")));
        temp.close();
        REQUIRE(window.openHub(temp.path()));
        today = child<hub::TodayPage>(&window, "todayPage");
        at(QTime(10, 30));
    }
    hub::Hub &hub() { return *window.hub(); }
    void at(QTime time, QDate day = Tuesday)
    {
        hub().setClock(hub::Clock::fixed(QDateTime(day, time, London)));
        today->refresh();
    }
    // The booking cards on show, by their text.
    QMap<QString, QFrame *> cards() const
    {
        QMap<QString, QFrame *> out;
        const auto frames = today->findChildren<QFrame *>(QStringLiteral("todayBooking"));
        for (QFrame *f : frames)
            out.insert(child<QLabel>(f, "todayBookingText")->text(), f);
        return out;
    }
    QFrame *card(const QString &title) const
    {
        const auto all = cards();
        for (auto it = all.begin(); it != all.end(); ++it)
            if (it.key().contains(title))
                return it.value();
        INFO("booking card " << title.toStdString());
        FAIL("not on the page");
        return nullptr;
    }
};

struct BookedDesk : Desk
{
    hub::Space hall, kitchen, quiet;
    BookedDesk()
    {
        hall = addSpace(hub(), QStringLiteral("Main hall"), 80, QStringLiteral("#3a7bd5"), {QStringLiteral("stage")},
                        15, 30);
        kitchen = addSpace(hub(), QStringLiteral("Kitchen"), 12, QStringLiteral("#e67e22"));
        quiet = addSpace(hub(), QStringLiteral("Quiet room"), 4, QStringLiteral("#27ae60"));
        const auto amira = addMember(hub(), QStringLiteral("Amira Haddad"));
        const auto dafydd = addMember(hub(), QStringLiteral("Dafydd ap Gwilym"));
        addBooking(hub(), hall, Tuesday, QTime(9, 30), QTime(11, 0), QStringLiteral("Yoga"), amira, 20);
        addBooking(hub(), kitchen, Tuesday, QTime(10, 0), QTime(14, 0), QStringLiteral("Repair café lunch"), {}, 8,
                   true);
        addBooking(hub(), hall, Tuesday, QTime(19, 0), QTime(21, 0), QStringLiteral("Choir"), dafydd, 30);
        addBooking(hub(), quiet, Tuesday.addDays(1), QTime(10, 0), QTime(11, 0), QStringLiteral("Tomorrow's chat"));
        today->refresh();
    }
};
} // namespace

TEST_CASE("the Today page lists today's bookings by space with who is coming and when", "[today]")
{
    BookedDesk d;
    const auto cards = d.cards();
    REQUIRE(cards.size() == 3);
    const QString yoga = child<QLabel>(d.card(QStringLiteral("Yoga")), "todayBookingText")->text();
    CHECK(yoga.contains(QStringLiteral("09:30–11:00")));
    CHECK(yoga.contains(QStringLiteral("Amira Haddad")));
    CHECK(yoga.contains(QStringLiteral("20 people")));
    const QString choir = child<QLabel>(d.card(QStringLiteral("Choir")), "todayBookingText")->text();
    CHECK(choir.contains(QStringLiteral("19:00–21:00")));
    CHECK(choir.contains(QStringLiteral("Dafydd ap Gwilym")));
    CHECK(child<QLabel>(d.card(QStringLiteral("Repair café lunch")), "todayBookingText")
              ->text()
              .contains(QStringLiteral("tentative")));
    for (const QString &text : cards.keys())
        CHECK_FALSE(text.contains(QStringLiteral("Tomorrow")));

    // Every active space has its column, a free one says so.
    CHECK(d.today->findChildren<QFrame *>(QStringLiteral("todaySpace")).size() == 3);
    CHECK(child<QLabel>(d.today, "todaySpaceFree")->text() == QStringLiteral("Free all day"));
}

TEST_CASE("on now and next are highlighted and move on with the clock", "[today]")
{
    BookedDesk d;
    CHECK(d.card(QStringLiteral("Yoga"))->property("onNow").toBool());
    CHECK(d.card(QStringLiteral("Repair café lunch"))->property("onNow").toBool());
    CHECK_FALSE(d.card(QStringLiteral("Choir"))->property("onNow").toBool());
    CHECK(d.card(QStringLiteral("Choir"))->property("next").toBool());
    const QString banner = child<QLabel>(d.today, "todayNowNext")->text();
    CHECK(banner.contains(QStringLiteral("Yoga")));
    CHECK(banner.contains(QStringLiteral("Choir")));

    d.at(QTime(19, 30));
    CHECK_FALSE(d.card(QStringLiteral("Yoga"))->property("onNow").toBool());
    CHECK(d.card(QStringLiteral("Choir"))->property("onNow").toBool());
    CHECK(child<QLabel>(d.today, "todayNowNext")->text().contains(QStringLiteral("nothing more today")));
}

TEST_CASE("the Today page refreshes on its minute timer only while it is shown, and at once when shown again",
          "[today]")
{
    BookedDesk d;
    d.window.show();
    d.window.showPage(MainWindow::Page::Today);
    QApplication::processEvents();
    auto *timer = d.today->findChild<QTimer *>(QStringLiteral("todayRefreshTimer"));
    REQUIRE(timer);
    CHECK(timer->isActive());

    d.window.showPage(MainWindow::Page::Members);
    QApplication::processEvents();
    CHECK_FALSE(d.today->isVisible());
    CHECK_FALSE(timer->isActive());

    // A booking made while the page was hidden is on it the moment it shows.
    addBooking(d.hub(), d.quiet, Tuesday, QTime(16, 0), QTime(17, 0), QStringLiteral("Late tea"));
    d.window.showPage(MainWindow::Page::Today);
    QApplication::processEvents();
    CHECK(timer->isActive());
    CHECK(d.cards().size() == 4);
    CHECK(d.card(QStringLiteral("Late tea")) != nullptr);
}

TEST_CASE("the Today page explains an empty day and a hub without spaces", "[today]")
{
    Desk d;
    auto *empty = child<hub::EmptyStateWidget>(d.today, "todayEmptyState");
    CHECK(empty->isVisibleTo(d.today));
    CHECK(empty->title() == QStringLiteral("No spaces yet"));
    CHECK(empty->text().contains(QStringLiteral("hubctl space add")));

    addSpace(d.hub(), QStringLiteral("Kitchen"), 12, QStringLiteral("#e67e22"));
    d.today->refresh();
    CHECK(empty->title() == QStringLiteral("Nothing booked today"));
    CHECK(empty->text().contains(QStringLiteral("Book a space")));
    CHECK(child<QPushButton>(d.today, "todayBookSpace")->isEnabled());
    CHECK(child<QPushButton>(d.today, "todayCheckAvailability")->isEnabled());
    CHECK(child<QPushButton>(d.today, "todayRecordTransfer")->isEnabled());
}

TEST_CASE("check availability lists a free space and not a booked one", "[today]")
{
    BookedDesk d;
    QTest::mouseClick(child<QPushButton>(d.today, "todayCheckAvailability"), Qt::LeftButton);
    auto *dialog = visibleTopLevel<hub::AvailabilityDialog>();
    REQUIRE(dialog);
    dialog->setQuestion(Tuesday, QTime(10, 0), QTime(11, 0), 2);
    auto *table = child<QTableWidget>(dialog, "availabilityTable");
    INFO(child<QLabel>(dialog, "availabilitySummary")->text().toStdString());
    CHECK(dialog->freeSpaceNames() == QStringList{QStringLiteral("Quiet room")});
    REQUIRE(table->rowCount() == 1);
    CHECK(table->item(0, 0)->text() == QStringLiteral("Quiet room"));
    CHECK(table->item(0, 1)->text() == QStringLiteral("4"));

    // The evening: the hall is taken by the choir, the rest is free; ten people leave out the quiet room.
    dialog->setQuestion(Tuesday, QTime(19, 0), QTime(20, 0), 10);
    CHECK(dialog->freeSpaceNames() == QStringList{QStringLiteral("Kitchen")});

    // Times the wrong way round are explained next to the field.
    dialog->setQuestion(Tuesday, QTime(20, 0), QTime(19, 0), 1);
    CHECK(dialog->freeSpaceNames().isEmpty());
    CHECK(child<QLabel>(dialog, "availabilityTimeError")->text().contains(QStringLiteral("after the start")));

    // "Book…" hands the chosen space and the times on (to the booking dialog, not under test here).
    dialog->setQuestion(Tuesday, QTime(15, 0), QTime(16, 0), 1);
    QObject::disconnect(dialog, &hub::AvailabilityDialog::bookRequested, d.today, nullptr);
    QSignalSpy asked(dialog, &hub::AvailabilityDialog::bookRequested);
    table->selectRow(0);
    const QString chosen = table->item(0, 0)->text();
    QTest::mouseClick(child<QPushButton>(dialog, "availabilityBook"), Qt::LeftButton);
    REQUIRE(asked.size() == 1);
    auto space = d.hub().spaces().find(chosen);
    REQUIRE(space);
    CHECK(asked.at(0).at(0).value<hub::SpaceId>() == space->id);
    CHECK(asked.at(0).at(1).toDateTime() == QDateTime(Tuesday, QTime(15, 0), London));
    CHECK(asked.at(0).at(2).toDateTime() == QDateTime(Tuesday, QTime(16, 0), London));
}

TEST_CASE("the day sheet is saved as a PDF with today's bookings", "[today]")
{
    BookedDesk d;
    const QString path = d.temp.file(QStringLiteral("day.pdf"));
    REQUIRE(d.today->writeDaySheet(path));
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    REQUIRE(p.waitForFinished(30000));
    const QString text = QString::fromUtf8(p.readAllStandardOutput());
    INFO(text.toStdString());
    CHECK(text.contains(QStringLiteral("Yoga")));
    CHECK(text.contains(QStringLiteral("19:00–21:00")));
    CHECK(text.contains(QStringLiteral("Dafydd")));
}

namespace {} // namespace

TEST_CASE("screenshots of the Today page the availability dialog and the day sheet", "[.][shots]")
{
    Desk d;
    hub::HubSettings s = *d.hub().settings().load();
    s.name = QStringLiteral("Roath Community Hub");
    REQUIRE(d.hub().settings().save(s));
    d.window.resize(1280, 720);
    d.window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&d.window));
    d.today->setHub(&d.hub());
    d.window.showPage(MainWindow::Page::Today);
    d.at(QTime(10, 40));
    shoot(&d.window, QStringLiteral("60-today-no-spaces"));

    using F = QStringList;
    const auto hall = addSpace(d.hub(), QStringLiteral("Main hall"), 120, QStringLiteral("#3a7bd5"),
                               F{QStringLiteral("stage"), QStringLiteral("PA")}, 30, 30);
    const auto kitchen = addSpace(d.hub(), QStringLiteral("Kitchen"), 12, QStringLiteral("#e67e22"),
                                  F{QStringLiteral("kitchen")}, 15, 30);
    const auto b1 = addSpace(d.hub(), QStringLiteral("Breakout room 1"), 16, QStringLiteral("#8e44ad"),
                             F{QStringLiteral("projector")});
    const auto b2 = addSpace(d.hub(), QStringLiteral("Breakout room 2"), 10, QStringLiteral("#16a085"),
                             F{QStringLiteral("whiteboard")});
    const auto cafe = addSpace(d.hub(), QStringLiteral("Café corner"), 24, QStringLiteral("#c0392b"),
                               F{QStringLiteral("step-free access")});
    const auto quiet = addSpace(d.hub(), QStringLiteral("Quiet room"), 4, QStringLiteral("#27ae60"));
    d.today->refresh();
    shoot(&d.window, QStringLiteral("61-today-nothing-booked"));

    QList<hub::MemberId> people;
    for (const char *name : {"Siân Davies", "Tomasz Nowak", "Hodan Warsame", "Chiamaka Okafor", "Gareth Llewellyn",
                             "Niamh O'Sullivan", "Fix-It Repair Café", "Roath Bakery Co-op"})
        people << addMember(d.hub(), QString::fromUtf8(name));
    const auto t = [](int h, int m = 0) {
        return QTime(h, m);
    };
    addBooking(d.hub(), hall, Tuesday, t(9, 30), t(11), QStringLiteral("Yoga for all"), people[0], 25, false,
               QStringLiteral("Mats in the stage cupboard"));
    addBooking(d.hub(), hall, Tuesday, t(12), t(14), QStringLiteral("Lunch club"), people[7], 60);
    addBooking(d.hub(), hall, Tuesday, t(15), t(16, 30), QStringLiteral("Toddler music"), people[5], 30);
    addBooking(d.hub(), hall, Tuesday, t(19), t(21, 30), QStringLiteral("Friendly gathering"), {}, 90, false,
               QStringLiteral("Chairs in a circle; tea urn on at 18:45"));
    addBooking(d.hub(), kitchen, Tuesday, t(8), t(11), QStringLiteral("Bread baking"), people[7], 6);
    addBooking(d.hub(), kitchen, Tuesday, t(11, 45), t(14, 30), QStringLiteral("Lunch club cooking"), people[7], 8);
    addBooking(d.hub(), kitchen, Tuesday, t(17), t(18, 30), QStringLiteral("Cookery class"), people[3], 10, true);
    addBooking(d.hub(), kitchen, Tuesday, t(19, 15), t(20), QStringLiteral("Tea for the gathering"), {}, 3);
    addBooking(d.hub(), b1, Tuesday, t(9), t(10, 30), QStringLiteral("Welsh for beginners"), people[4], 12);
    addBooking(d.hub(), b1, Tuesday, t(10, 30), t(12), QStringLiteral("CV clinic"), people[2], 6);
    addBooking(d.hub(), b1, Tuesday, t(13), t(15), QStringLiteral("Housing co-op meeting"), people[1], 14);
    addBooking(d.hub(), b1, Tuesday, t(16), t(17), QStringLiteral("Homework club"), people[3], 12, true);
    addBooking(d.hub(), b1, Tuesday, t(18), t(19, 30), QStringLiteral("Credit union surgery"), {}, 4);
    addBooking(d.hub(), b2, Tuesday, t(10), t(11), QStringLiteral("Counselling"), people[5], 2, false,
               QStringLiteral("Please keep the corridor quiet"));
    addBooking(d.hub(), b2, Tuesday, t(11), t(12), QStringLiteral("Tenants' union"), people[1], 8);
    addBooking(d.hub(), b2, Tuesday, t(14), t(16), QStringLiteral("Polish conversation"), people[1], 9);
    addBooking(d.hub(), b2, Tuesday, t(19), t(21), QStringLiteral("Working group: food"), people[2], 8);
    addBooking(d.hub(), cafe, Tuesday, t(8, 30), t(10), QStringLiteral("Breakfast drop-in"), {}, 20);
    addBooking(d.hub(), cafe, Tuesday, t(10, 30), t(12, 30), QStringLiteral("Repair café"), people[6], 18, false,
               QStringLiteral("Bring a PAT tester"));
    addBooking(d.hub(), cafe, Tuesday, t(13), t(14), QStringLiteral("Knit and natter"), people[0], 10);
    addBooking(d.hub(), cafe, Tuesday, t(15), t(17), QStringLiteral("Coffee morning (late!)"), people[4], 15, true);
    addBooking(d.hub(), cafe, Tuesday, t(18), t(19), QStringLiteral("Volunteer briefing"), {}, 12);
    addBooking(d.hub(), quiet, Tuesday, t(9), t(10), QStringLiteral("Prayer"), people[2], 3);
    addBooking(d.hub(), quiet, Tuesday, t(11), t(12), QStringLiteral("Mentoring"), people[3], 2);
    addBooking(d.hub(), quiet, Tuesday, t(14), t(15), QStringLiteral("Advice session"), people[6], 2);
    d.today->refresh();
    shoot(&d.window, QStringLiteral("62-today"));
    d.at(QTime(18, 50));
    shoot(&d.window, QStringLiteral("63-today-evening"));

    d.today->checkAvailability();
    auto *dialog = visibleTopLevel<hub::AvailabilityDialog>();
    REQUIRE(dialog);
    dialog->setQuestion(Tuesday, QTime(19, 0), QTime(20, 0), 6);
    shoot(dialog, QStringLiteral("64-availability"));
    dialog->setQuestion(Tuesday, QTime(20, 0), QTime(19, 0), 6);
    shoot(dialog, QStringLiteral("65-availability-bad-times"));
    dialog->close();

    const QString pdf = QDir(shotsDir()).filePath(QStringLiteral("66-day-sheet.pdf"));
    REQUIRE(d.today->writeDaySheet(pdf));
    QProcess::execute(QStringLiteral("pdftoppm"), {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"),
                                                   pdf, QDir(shotsDir()).filePath(QStringLiteral("66-day-sheet"))});
}

TEST_CASE("Today lists today's gatherings with Start check-in and the overdue actions", "[today][gatherings]")
{
    BookedDesk d;
    hub::GatheringDraft g;
    g.title = QStringLiteral("Friendly gathering");
    g.theme = QStringLiteral("What would make our street better?");
    g.space = d.hall.id;
    g.start = QDateTime(Tuesday, QTime(15, 0), London);
    g.end = QDateTime(Tuesday, QTime(17, 0), London);
    auto gathering = d.hub().gatherings().add(g);
    REQUIRE(gathering);
    auto group = d.hub().workingGroups().create(QStringLiteral("Tool library"), QStringLiteral("Lend tools"), {});
    REQUIRE(group);
    hub::ActionDraft a;
    a.group = group->id;
    a.title = QStringLiteral("Ask the landlord about the old shop");
    a.owner = addMember(d.hub(), QStringLiteral("Bo Jensen"));
    a.due = Tuesday.addDays(-3);
    REQUIRE(d.hub().workingGroups().addAction(a));
    d.today->refresh();

    auto *line = child<QLabel>(d.today, "todayGathering");
    CHECK(line->text().contains(QStringLiteral("15:00–17:00 Friendly gathering")));
    CHECK(line->text().contains(QStringLiteral("Main hall")));
    auto *overdue = child<QLabel>(d.today, "todayOverdueActions");
    CHECK(overdue->text().contains(QStringLiteral("Ask the landlord about the old shop")));
    CHECK(overdue->text().contains(QStringLiteral("Tool library")));

    d.window.show();
    QTest::mouseClick(child<QPushButton>(d.today, "todayStartCheckIn"), Qt::LeftButton);
    CHECK(d.window.currentPage() == MainWindow::Page::Gatherings);
    auto *page = child<hub::GatheringsPage>(&d.window, "gatheringsPage");
    CHECK(page->facilitator()->isVisible());
}

TEST_CASE("a big hub's busy day names the first few on now, next and gathering, and the page still fits the screen",
          "[today][gatherings]")
{
    Desk d;
    QList<hub::Space> rooms;
    for (int i = 0; i < 12; ++i)
        rooms << addSpace(d.hub(), QStringLiteral("Room %1").arg(i + 1), 20, QStringLiteral("#3a7bd5"));
    for (int i = 0; i < 12; ++i) {
        addBooking(d.hub(), rooms.at(i), Tuesday, QTime(10, 0), QTime(11, 0),
                   QStringLiteral("Morning class %1").arg(i));
        addBooking(d.hub(), rooms.at(i), Tuesday, QTime(12, 0), QTime(13, 0), QStringLiteral("Lunch club %1").arg(i));
    }
    // Ten gatherings: one over already, nine still to come.
    for (int i = 0; i < 10; ++i) {
        hub::GatheringDraft g;
        g.title = QStringLiteral("Friendly gathering %1").arg(i);
        g.space = rooms.at(i).id;
        g.start = QDateTime(Tuesday, QTime(i == 0 ? 8 : 14, 0), London);
        g.end = QDateTime(Tuesday, QTime(i == 0 ? 9 : 16, 0), London);
        REQUIRE(d.hub().gatherings().add(g));
    }
    d.at(QTime(10, 30));

    const QString banner = child<QLabel>(d.today, "todayNowNext")->text();
    CHECK(banner.contains(QStringLiteral("Morning class 0")));
    CHECK_FALSE(banner.contains(QStringLiteral("Morning class 5")));
    CHECK(banner.contains(QStringLiteral("and 7 more")));
    const auto lines = d.today->findChildren<QLabel *>(QStringLiteral("todayGathering"));
    REQUIRE(lines.size() == 4);
    for (QLabel *line : lines)
        CHECK_FALSE(line->text().contains(QStringLiteral("Friendly gathering 0"))); // the one over already
    CHECK(child<QLabel>(d.today, "todayMoreGatherings")->text() ==
          QStringLiteral("and 6 more today, on the Gatherings page"));
    // The whole day is still on the sheet below (each gathering books its room).
    CHECK(d.cards().size() == 34);

    d.window.resize(1024, 768);
    d.window.show();
    QApplication::processEvents();
    CHECK(d.window.minimumSizeHint().width() <= 1024);
    CHECK(d.window.minimumSizeHint().height() <= 768);
    CHECK(d.window.width() <= 1024);
    shoot(&d.window, QStringLiteral("67-today-busy-day"));
}

TEST_CASE("Today shows a space closed that day as closed, with no Book button", "[today]")
{
    Desk d;
    hub::Space hall = addSpace(d.hub(), QStringLiteral("Main hall"), 80, QStringLiteral("#3a7bd5"));
    hub::Space office = addSpace(d.hub(), QStringLiteral("Office"), 4, QStringLiteral("#888888"));
    hub::Space kitchen = addSpace(d.hub(), QStringLiteral("Kitchen"), 12, QStringLiteral("#e67e22"));
    // The office never opens on Tuesdays; the kitchen is closed for a deep clean today.
    office.hours.days[Tuesday.dayOfWeek() - 1] = std::nullopt;
    REQUIRE(d.hub().spaces().setHours(office.id, office.hours));
    REQUIRE(d.hub().spaces().addClosure(kitchen.id, Tuesday, QStringLiteral("deep clean")));
    hub::Space quiet = addSpace(d.hub(), QStringLiteral("Quiet room"), 4, QStringLiteral("#27ae60"));
    addBooking(d.hub(), hall, Tuesday, QTime(19, 0), QTime(21, 0), QStringLiteral("Choir"));
    d.today->refresh();

    QMap<QString, QFrame *> columns;
    for (QFrame *f : d.today->findChildren<QFrame *>(QStringLiteral("todaySpace")))
        columns.insert(f->accessibleName(), f);
    REQUIRE(columns.size() == 4);
    CHECK(child<QLabel>(columns.value(QStringLiteral("Office")), "todaySpaceClosed")->text() ==
          QStringLiteral("Closed today"));
    CHECK(child<QLabel>(columns.value(QStringLiteral("Kitchen")), "todaySpaceClosed")->text() ==
          QStringLiteral("Closed today: deep clean"));
    CHECK(columns.value(QStringLiteral("Office"))->findChild<QToolButton *>(QStringLiteral("todayBookThisSpace")) ==
          nullptr);
    CHECK(columns.value(QStringLiteral("Kitchen"))->findChild<QToolButton *>(QStringLiteral("todayBookThisSpace")) ==
          nullptr);
    CHECK(child<QLabel>(columns.value(QStringLiteral("Quiet room")), "todaySpaceFree")->text() ==
          QStringLiteral("Free all day"));
    CHECK(columns.value(QStringLiteral("Quiet room"))->findChild<QToolButton *>(QStringLiteral("todayBookThisSpace")));
    CHECK(columns.value(QStringLiteral("Main hall"))->findChild<QToolButton *>(QStringLiteral("todayBookThisSpace")));
    (void)quiet;
}

TEST_CASE("the day sheet of another day is printed through the print dialog", "[today]")
{
    BookedDesk d;
    auto *date = child<QDateEdit>(d.today, "todaySheetDate");
    CHECK(date->date() == Tuesday);
    date->setDate(Tuesday.addDays(1));
    d.today->refresh(); // a refresh keeps the date the desk chose
    CHECK(date->date() == Tuesday.addDays(1));

    // The button opens the print dialog; Cancel prints nothing.
    bool asked = false;
    hub::test::whenShown<QPrintDialog>([&asked](QPrintDialog *dialog) {
        asked = true;
        dialog->reject();
    });
    QTest::mouseClick(child<QPushButton>(d.today, "todayPrintDaySheet"), Qt::LeftButton);
    CHECK(asked);

    // What the printer receives: that day's sheet (a PDF printer here, as Print to File makes).
    const QString path = d.temp.file(QStringLiteral("tomorrow.pdf"));
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    REQUIRE(d.today->printDaySheetOn(printer, date->date()));
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    REQUIRE(p.waitForFinished(30000));
    const QString text = QString::fromUtf8(p.readAllStandardOutput());
    INFO(text.toStdString());
    CHECK(text.contains(QStringLiteral("Tomorrow's chat")));
    CHECK_FALSE(text.contains(QStringLiteral("Yoga")));
}
