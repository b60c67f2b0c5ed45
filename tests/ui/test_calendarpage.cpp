// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/hub.h"
#include "core/members/memberservice.h"
#include "core/settings/settingsservice.h"
#include "core/spaces/bookingservice.h"
#include "core/spaces/spaceservice.h"
#include "tests/support/hubinlondon.h"
#include "tests/support/temphub.h"
#include "tests/ui/messageboxanswerer.h"
#include "tests/ui/widgetlookup.h"
#include "ui/dialogs/bookingdialog.h"
#include "ui/mainwindow.h"
#include "ui/pages/calendarpage.h"
#include "ui/widgets/calendarview.h"
#include "ui/widgets/emptystatewidget.h"
#include "ui/widgets/fielderrorlabel.h"
#include "ui/widgets/memberpicker.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <QTimeEdit>
#include <QTimeZone>
#include <QTimer>
#include <QToolButton>

using hub::MainWindow;
using hub::test::child;
using hub::test::Tuesday;
using hub::test::visibleTopLevel;

namespace {

/// The main window on a temporary hub with two spaces and two members,
/// its clock fixed on a Tuesday morning, showing the Calendar page.
struct CalendarOnTempHub
{
    hub::test::TempHub temp;
    MainWindow window;
    hub::CalendarPage *page = nullptr;
    hub::CalendarView *view = nullptr;
    hub::Space hall;
    hub::Space kitchen;
    hub::MemberId ana;
    hub::MemberId bryn;

    explicit CalendarOnTempHub(bool withSpaces = true)
    {
        temp.close();
        REQUIRE(window.openHub(temp.path()));
        REQUIRE(hub().settings().set(QStringLiteral("timezone"), QStringLiteral("Europe/London")));
        // 09:30 in London, still on winter time (UTC).
        hub().setClock(hub::Clock::fixed(QDateTime(Tuesday, QTime(9, 30), QTimeZone::utc())));
        ana = addMember(QStringLiteral("Ana Ferreira"));
        bryn = addMember(QStringLiteral("Bryn Hughes"));
        if (withSpaces) {
            hall = addSpace(QStringLiteral("Main hall"), 80, 15, 30, QStringLiteral("#3a7bd5"));
            kitchen = addSpace(QStringLiteral("Kitchen"), 12, 0, 0, QStringLiteral("#2e9e6a"));
        }
        window.resize(1280, 720);
        window.show();
        window.activateWindow();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        REQUIRE(window.currentPage() == MainWindow::Page::Calendar);
        page = child<hub::CalendarPage>(&window, "calendarPage");
        view = child<hub::CalendarView>(page, "calendarView");
        page->showToday();
        REQUIRE(page->date() == Tuesday);
        view->setFocus();
    }

    hub::Hub &hub() { return *window.hub(); }

    hub::MemberId addMember(const QString &name)
    {
        hub::MemberDraft d;
        d.displayName = name;
        auto added = hub().members().add(d);
        REQUIRE(added);
        return added->id;
    }

    hub::Space addSpace(const QString &name, int capacity, int setup, int cleanup, const QString &colour)
    {
        hub::Space s;
        s.name = name;
        s.capacity = capacity;
        s.setupMinutes = setup;
        s.cleanupMinutes = cleanup;
        s.colour = colour;
        s.hours = hub::OpeningHours::always();
        for (auto &day : s.hours.days)
            day = hub::DayHours{8 * 60, 22 * 60};
        auto added = hub().spaces().add(s);
        REQUIRE(added);
        return *added;
    }

    QDateTime at(QTime time, QDate day = Tuesday) { return hub().bookings().localTime(day, time); }

    hub::Booking book(const hub::Space &space, QTime from, QTime to, const QString &title,
                      std::optional<hub::MemberId> member = {})
    {
        hub::BookingDraft d;
        d.space = space.id;
        d.title = title;
        d.member = member;
        d.start = at(from);
        d.end = at(to);
        auto b = hub().bookings().book(d);
        REQUIRE(b);
        page->refresh();
        return *b;
    }

    int columnOf(const hub::Space &space) { return view->schedule().columnOf(space.id, page->date()); }

    /// Ctrl+Shift+N opens the booking dialog.
    hub::BookingDialog *openDialog()
    {
        QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
        auto *dialog = visibleTopLevel<hub::BookingDialog>();
        REQUIRE(dialog != nullptr);
        REQUIRE(QTest::qWaitForWindowExposed(dialog));
        return dialog;
    }

    static void type(QLineEdit *edit, const QString &text)
    {
        edit->setFocus();
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, text);
    }

    /// Fills the form as a person would, field by field.
    void fill(hub::BookingDialog *dialog, const hub::Space &space, QTime from, QTime to, const QString &title,
              const QString &booker)
    {
        auto *spaceBox = child<QComboBox>(dialog, "bookingSpace");
        spaceBox->setCurrentIndex(spaceBox->findData(space.id.value()));
        type(child<QLineEdit>(dialog, "bookingTitle"), title);
        auto *member = child<hub::MemberPicker>(dialog, "bookingMember");
        type(member, booker);
        if (member->suggestions()->popup()->isVisible())
            QTest::keyClick(member->suggestions()->popup(), Qt::Key_Tab);
        child<QDateEdit>(dialog, "bookingDate")->setDate(Tuesday);
        child<QTimeEdit>(dialog, "bookingStart")->setTime(from);
        child<QTimeEdit>(dialog, "bookingEnd")->setTime(to);
    }

    void clickBook(hub::BookingDialog *dialog)
    {
        QTest::mouseClick(child<QPushButton>(dialog, "bookingSave"), Qt::LeftButton);
    }
};

bool dialogClosed()
{
    return QTest::qWaitFor([] { return visibleTopLevel<hub::BookingDialog>() == nullptr; });
}
} // namespace

TEST_CASE("a booking made through the dialog shows in the day view", "[calendar]")
{
    CalendarOnTempHub w;
    CHECK(w.view->schedule().columns.size() == 2);
    CHECK(w.view->schedule().bookings.isEmpty());

    auto *dialog = w.openDialog();
    w.fill(dialog, w.hall, QTime(19, 0), QTime(21, 0), QStringLiteral("Choir rehearsal"),
           QStringLiteral("Ana Ferreira"));
    child<QSpinBox>(dialog, "bookingAttendees")->setValue(30);
    CHECK(child<QLabel>(dialog, "bookingCapacity")->text().contains(QStringLiteral("80")));
    CHECK(child<QLabel>(dialog, "bookingDuration")->text() == QStringLiteral("2 h"));
    w.clickBook(dialog);
    REQUIRE(dialogClosed());

    auto list = w.hub().bookings().list();
    REQUIRE(list);
    REQUIRE(list->size() == 1);
    const hub::Booking &b = list->first();
    CHECK(b.title == QStringLiteral("Choir rehearsal"));
    CHECK(b.member == w.ana);
    CHECK(b.attendees == 30);
    CHECK(b.start == w.at(QTime(19, 0)));
    CHECK(b.end == w.at(QTime(21, 0)));
    CHECK(b.status == hub::BookingStatus::Confirmed);

    // On the calendar at once, selected and scrolled into view.
    REQUIRE(w.view->schedule().bookingIndex(b.id) >= 0);
    CHECK(w.view->selectedBooking() == b.id);
    const QRect block = w.view->blockRect(b.id);
    CHECK(w.view->viewport()->rect().intersects(block));
    CHECK(w.view->bookingAt(block.center()) == b.id);
    CHECK(w.view->schedule().blocks.first().column == w.columnOf(w.hall));
}

TEST_CASE("a tentative booking for the hub's own use is made without a booker", "[calendar]")
{
    CalendarOnTempHub w;
    auto *dialog = w.openDialog();
    w.fill(dialog, w.kitchen, QTime(12, 0), QTime(13, 30), QStringLiteral("Deep clean"), QString());
    child<QCheckBox>(dialog, "bookingTentative")->setChecked(true);
    w.clickBook(dialog);
    REQUIRE(dialogClosed());
    auto list = w.hub().bookings().list();
    REQUIRE(list->size() == 1);
    CHECK(list->first().status == hub::BookingStatus::Tentative);
    CHECK_FALSE(list->first().member.has_value());
}

TEST_CASE("a clashing booking is refused in the dialog with the message naming the other booking", "[calendar]")
{
    CalendarOnTempHub w;
    w.book(w.hall, QTime(19, 0), QTime(21, 0), QStringLiteral("Choir"), w.bryn);
    auto *dialog = w.openDialog();
    w.fill(dialog, w.hall, QTime(20, 0), QTime(22, 0), QStringLiteral("Band practice"), QStringLiteral("Ana Ferreira"));
    w.clickBook(dialog);

    // The dialog stays open with the service's reason, and nothing was written.
    CHECK(visibleTopLevel<hub::BookingDialog>() == dialog);
    const QString refusal = dialog->refusal();
    CHECK(refusal.startsWith(QStringLiteral("Not booked.")));
    CHECK(refusal.contains(QStringLiteral("“Choir”")));
    CHECK(refusal.contains(QStringLiteral("Bryn Hughes")));
    CHECK(child<QLabel>(dialog, "bookingRefusal")->isVisible());
    CHECK(w.hub().bookings().list()->size() == 1);

    // Moved to a free time, the same dialog books it.
    child<QTimeEdit>(dialog, "bookingStart")->setTime(QTime(14, 0));
    child<QTimeEdit>(dialog, "bookingEnd")->setTime(QTime(16, 0));
    w.clickBook(dialog);
    REQUIRE(dialogClosed());
    CHECK(w.hub().bookings().list()->size() == 2);
}

TEST_CASE("field problems are shown beside their fields and a typed name must match a member", "[calendar]")
{
    CalendarOnTempHub w;
    auto *dialog = w.openDialog();
    w.fill(dialog, w.hall, QTime(10, 0), QTime(11, 0), QString(), QString());
    w.clickBook(dialog);
    auto *titleError = child<hub::FieldErrorLabel>(dialog, "bookingTitleError");
    CHECK(titleError->isVisible());
    CHECK(titleError->text().contains(QStringLiteral("title")));

    w.fill(dialog, w.hall, QTime(10, 0), QTime(11, 0), QStringLiteral("Yoga"), QStringLiteral("Nobody Known"));
    w.clickBook(dialog);
    auto *memberError = child<hub::FieldErrorLabel>(dialog, "bookingMemberError");
    CHECK(memberError->isVisible());
    CHECK(memberError->text().contains(QStringLiteral("Nobody Known")));
    CHECK(w.hub().bookings().list()->isEmpty());
    dialog->reject();
}

TEST_CASE("more people than the space holds asks for a reason and records it", "[calendar]")
{
    CalendarOnTempHub w;
    auto *dialog = w.openDialog();
    w.fill(dialog, w.kitchen, QTime(18, 0), QTime(20, 0), QStringLiteral("Supper club"), QStringLiteral("Bryn Hughes"));
    child<QSpinBox>(dialog, "bookingAttendees")->setValue(20);
    auto *note = child<QLineEdit>(dialog, "bookingCapacityNote");
    CHECK_FALSE(note->isVisible());
    w.clickBook(dialog);
    CHECK(dialog->refusal().contains(QStringLiteral("12")));
    REQUIRE(note->isVisible());
    w.clickBook(dialog);
    CHECK(child<hub::FieldErrorLabel>(dialog, "bookingCapacityNoteError")->isVisible());
    CalendarOnTempHub::type(note, QStringLiteral("standing only, agreed with the caretaker"));
    w.clickBook(dialog);
    REQUIRE(dialogClosed());
    auto list = w.hub().bookings().list();
    REQUIRE(list->size() == 1);
    CHECK(list->first().capacityOverride == QStringLiteral("standing only, agreed with the caretaker"));
}

TEST_CASE("a booking after closing time asks for a reason and records it", "[calendar]")
{
    CalendarOnTempHub w;
    auto *dialog = w.openDialog();
    // The rooms close at 22:00: the booking service refuses, the dialog offers the reason field.
    w.fill(dialog, w.kitchen, QTime(21, 0), QTime(23, 0), QStringLiteral("Late supper"), QStringLiteral("Bryn Hughes"));
    auto *note = child<QLineEdit>(dialog, "bookingHoursNote");
    CHECK_FALSE(note->isVisible());
    w.clickBook(dialog);
    CHECK(dialog->refusal().contains(QStringLiteral("22:00")));
    REQUIRE(note->isVisible());
    CHECK_FALSE(child<QLineEdit>(dialog, "bookingCapacityNote")->isVisible());
    w.clickBook(dialog);
    CHECK(child<hub::FieldErrorLabel>(dialog, "bookingHoursNoteError")->isVisible());
    CalendarOnTempHub::type(note, QStringLiteral("caretaker locks up at midnight"));
    w.clickBook(dialog);
    REQUIRE(dialogClosed());
    auto list = w.hub().bookings().list();
    REQUIRE(list->size() == 1);
    CHECK(list->first().outsideHoursOverride == QStringLiteral("caretaker locks up at midnight"));
}

TEST_CASE("dragging over free time opens the booking dialog with the space and the times", "[calendar]")
{
    CalendarOnTempHub w;
    const int column = w.columnOf(w.kitchen);
    REQUIRE(column >= 0);
    w.view->scrollToMinute(13 * 60);
    QWidget *viewport = w.view->viewport();
    QTest::mousePress(viewport, Qt::LeftButton, {}, w.view->pointAt(column, 14 * 60 + 2));
    QTest::mouseMove(viewport, w.view->pointAt(column, 15 * 60));
    QTest::mouseMove(viewport, w.view->pointAt(column, 15 * 60 + 20));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, w.view->pointAt(column, 15 * 60 + 20));
    auto *dialog = visibleTopLevel<hub::BookingDialog>();
    REQUIRE(dialog);
    CHECK(child<QComboBox>(dialog, "bookingSpace")->currentData().toLongLong() == w.kitchen.id.value());
    CHECK(child<QDateEdit>(dialog, "bookingDate")->date() == Tuesday);
    CHECK(child<QTimeEdit>(dialog, "bookingStart")->time() == QTime(14, 0));
    CHECK(child<QTimeEdit>(dialog, "bookingEnd")->time() == QTime(15, 30));
    dialog->reject();
}

TEST_CASE("Page Down and Page Up change the day and T comes back to today", "[calendar]")
{
    CalendarOnTempHub w;
    auto *heading = child<QLabel>(w.page, "calendarHeading");
    CHECK(heading->text().contains(QStringLiteral("today")));
    w.view->setFocus();
    QTest::keyClick(w.view, Qt::Key_PageDown);
    CHECK(w.page->date() == Tuesday.addDays(1));
    CHECK(w.view->schedule().first == Tuesday.addDays(1));
    CHECK(child<QDateEdit>(w.page, "calendarDate")->date() == Tuesday.addDays(1));
    CHECK(heading->text().contains(QStringLiteral("Wednesday")));
    QTest::keyClick(w.view, Qt::Key_PageUp);
    QTest::keyClick(w.view, Qt::Key_PageUp);
    CHECK(w.page->date() == Tuesday.addDays(-1));
    QTest::keyClick(w.view, Qt::Key_T);
    CHECK(w.page->date() == Tuesday);

    // In the week view a page is a week.
    QTest::mouseClick(child<QToolButton>(w.page, "calendarWeekMode"), Qt::LeftButton);
    REQUIRE(w.page->mode() == hub::CalendarPage::Mode::Week);
    CHECK(w.view->schedule().columns.size() == 7);
    CHECK(w.view->schedule().first == Tuesday.addDays(-1));
    w.view->setFocus();
    QTest::keyClick(w.view, Qt::Key_PageDown);
    CHECK(w.page->date() == Tuesday.addDays(7));
    CHECK(w.view->schedule().first == Tuesday.addDays(6));
    QTest::keyClick(&w.window, Qt::Key_T, Qt::ControlModifier);
    CHECK(w.page->date() == Tuesday);
}

TEST_CASE("arrow keys move between time slots and bookings and Enter opens the selected one", "[calendar]")
{
    CalendarOnTempHub w;
    const hub::Booking yoga = w.book(w.hall, QTime(10, 0), QTime(11, 0), QStringLiteral("Yoga"), w.ana);
    const int hallColumn = w.columnOf(w.hall);
    w.view->selectSlot(hallColumn, 9 * 60 + 30, 9 * 60 + 45);
    w.view->setFocus();
    QTest::keyClick(w.view, Qt::Key_Down);
    CHECK(w.view->selectedSlot().start == 9 * 60 + 45);
    QTest::keyClick(w.view, Qt::Key_Down);
    CHECK(w.view->selectedBooking() == yoga.id);
    QTest::keyClick(w.view, Qt::Key_Down);
    CHECK_FALSE(w.view->selectedBooking().isValid());
    CHECK(w.view->selectedSlot().start == 11 * 60);
    QTest::keyClick(w.view, Qt::Key_Up);
    CHECK(w.view->selectedBooking() == yoga.id);
    // Spaces are in name order: the kitchen's column is beside the hall's.
    const bool kitchenRight = w.columnOf(w.kitchen) > hallColumn;
    QTest::keyClick(w.view, kitchenRight ? Qt::Key_Right : Qt::Key_Left);
    CHECK_FALSE(w.view->selectedBooking().isValid());
    CHECK(w.view->selectedSlot().column == w.columnOf(w.kitchen));
    QTest::keyClick(w.view, kitchenRight ? Qt::Key_Left : Qt::Key_Right);
    CHECK(w.view->selectedBooking() == yoga.id);

    QTest::keyClick(w.view, Qt::Key_Return);
    auto *dialog = visibleTopLevel<hub::BookingDialog>();
    REQUIRE(dialog);
    CHECK(dialog->isEditing());
    CHECK(child<QLineEdit>(dialog, "bookingTitle")->text() == QStringLiteral("Yoga"));
    dialog->reject();
}

TEST_CASE("Delete cancels the selected booking after confirmation", "[calendar]")
{
    CalendarOnTempHub w;
    const hub::Booking yoga = w.book(w.hall, QTime(10, 0), QTime(11, 0), QStringLiteral("Yoga"), w.ana);
    REQUIRE(w.view->selectBooking(yoga.id));
    w.view->setFocus();
    {
        hub::test::MessageBoxAnswerer keep(QMessageBox::No);
        QTest::keyClick(w.view, Qt::Key_Delete);
        REQUIRE(keep.titles().size() == 1);
        CHECK(keep.texts().first().contains(QStringLiteral("Yoga")));
    }
    CHECK(w.hub().bookings().get(yoga.id)->isLive());
    {
        hub::test::MessageBoxAnswerer cancel(QMessageBox::Yes);
        QTest::keyClick(w.view, Qt::Key_Delete);
    }
    CHECK_FALSE(w.hub().bookings().get(yoga.id)->isLive());
    CHECK(w.view->schedule().bookings.isEmpty());
}

TEST_CASE("a booking dragged onto another one is refused with a message and stays where it was", "[calendar]")
{
    CalendarOnTempHub w;
    const hub::Booking yoga = w.book(w.hall, QTime(10, 0), QTime(11, 0), QStringLiteral("Yoga"), w.ana);
    w.book(w.hall, QTime(14, 0), QTime(16, 0), QStringLiteral("Choir"), w.bryn);
    w.view->scrollToMinute(9 * 60);
    const int column = w.columnOf(w.hall);
    QWidget *viewport = w.view->viewport();
    const QPoint grab = w.view->pointAt(column, 10 * 60 + 10);
    hub::test::MessageBoxAnswerer answerer;
    QTest::mousePress(viewport, Qt::LeftButton, {}, grab);
    QTest::mouseMove(viewport, w.view->pointAt(column, 12 * 60));
    QTest::mouseMove(viewport, w.view->pointAt(column, 14 * 60 + 40));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, w.view->pointAt(column, 14 * 60 + 40));
    REQUIRE(answerer.titles().size() == 1);
    CHECK(answerer.titles().first() == QStringLiteral("The Booking Was Not Moved"));
    CHECK(answerer.texts().first().contains(QStringLiteral("Yoga")));
    CHECK(answerer.texts().first().contains(QStringLiteral("“Choir”")));
    CHECK(w.hub().bookings().get(yoga.id)->start == w.at(QTime(10, 0)));
    const QList<int> blocks = w.view->schedule().blocksOf(yoga.id);
    REQUIRE(blocks.size() == 1);
    CHECK(w.view->schedule().blocks.at(blocks.first()).startMinute == 10 * 60);
}

TEST_CASE("a hub without spaces shows a hint to add one", "[calendar]")
{
    CalendarOnTempHub w(false);
    auto *empty = child<hub::EmptyStateWidget>(w.page, "calendarEmptyState");
    CHECK(empty->isVisible());
    CHECK(empty->title() == QStringLiteral("No spaces yet"));
    CHECK(child<QPushButton>(w.page, "calendarAddSpace")->isVisible());
    CHECK_FALSE(w.view->isVisible());
    QTest::keyClick(&w.window, Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    CHECK(visibleTopLevel<hub::BookingDialog>() == nullptr);
}

TEST_CASE("a weekly series with a clashing date lists it and books the free dates only when asked", "[calendar]")
{
    CalendarOnTempHub w;
    // The second Tuesday is taken.
    hub::BookingDraft taken;
    taken.space = w.hall.id;
    taken.title = QStringLiteral("Jumble sale");
    taken.member = w.bryn;
    taken.start = w.at(QTime(18, 0), Tuesday.addDays(7));
    taken.end = w.at(QTime(21, 0), Tuesday.addDays(7));
    REQUIRE(w.hub().bookings().book(taken));

    auto *dialog = w.openDialog();
    w.fill(dialog, w.hall, QTime(19, 0), QTime(20, 0), QStringLiteral("Choir"), QStringLiteral("Ana Ferreira"));
    auto *frequency = child<QComboBox>(dialog, "recurrenceFrequency");
    frequency->setCurrentIndex(frequency->findText(QStringLiteral("Weekly")));
    child<QSpinBox>(dialog, "recurrenceCount")->setValue(3);
    CHECK(child<QLabel>(dialog, "recurrenceSentence")->text() == QStringLiteral("Every Tuesday at 19:00, 3 times"));
    w.clickBook(dialog);

    CHECK(visibleTopLevel<hub::BookingDialog>() == dialog);
    auto *clashes = child<QListWidget>(dialog, "bookingClashes");
    REQUIRE(clashes->isVisible());
    REQUIRE(clashes->count() == 1);
    CHECK(clashes->item(0)->text().contains(QStringLiteral("Jumble sale")));
    CHECK(w.hub().bookings().list()->size() == 1);

    auto *skip = child<QCheckBox>(dialog, "bookingSkipClashes");
    REQUIRE(skip->isVisible());
    skip->setChecked(true);
    {
        hub::test::MessageBoxAnswerer answerer;
        w.clickBook(dialog);
        REQUIRE(dialogClosed());
        REQUIRE(answerer.texts().size() == 1);
        CHECK(answerer.texts().first().contains(QStringLiteral("17 Mar 2026")));
    }
    auto list = w.hub().bookings().list();
    REQUIRE(list->size() == 3);
    int series = 0;
    for (const hub::Booking &b : *list)
        series += b.series ? 1 : 0;
    CHECK(series == 2);
}

TEST_CASE("a booking dragged to free time moves there", "[calendar]")
{
    CalendarOnTempHub w;
    const hub::Booking yoga = w.book(w.hall, QTime(10, 0), QTime(11, 0), QStringLiteral("Yoga"), w.ana);
    w.view->scrollToMinute(9 * 60);
    const int column = w.columnOf(w.hall);
    QWidget *viewport = w.view->viewport();
    hub::test::MessageBoxAnswerer answerer;
    QTest::mousePress(viewport, Qt::LeftButton, {}, w.view->pointAt(column, 10 * 60 + 10));
    QTest::mouseMove(viewport, w.view->pointAt(column, 11 * 60));
    QTest::mouseMove(viewport, w.view->pointAt(column, 12 * 60 + 10));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, w.view->pointAt(column, 12 * 60 + 10));
    INFO(answerer.texts().join(QStringLiteral(" / ")).toStdString());
    CHECK(answerer.texts().isEmpty());
    auto moved = w.hub().bookings().get(yoga.id);
    REQUIRE(moved);
    CHECK(moved->start == w.at(QTime(12, 0)));
    CHECK(moved->end == w.at(QTime(13, 0)));
    CHECK(w.view->selectedBooking() == yoga.id);
}

TEST_CASE("the charge checkbox shows the price and needs a booker and a rate", "[calendar]")
{
    CalendarOnTempHub w;
    hub::Space cafe = w.addSpace(QStringLiteral("Café corner"), 20, 0, 0, QStringLiteral("#c94f6d"));
    cafe.rate = hub::Amount::fromMinor(150); // 1.50 an hour
    REQUIRE(w.hub().spaces().edit(cafe));
    w.page->refresh();

    auto *dialog = w.openDialog();
    w.fill(dialog, w.hall, QTime(10, 0), QTime(12, 0), QStringLiteral("Coffee morning"), QString());
    auto *charge = child<QCheckBox>(dialog, "bookingCharge");
    CHECK_FALSE(charge->isEnabled());
    CHECK(charge->toolTip().contains(QStringLiteral("free of charge")));

    w.fill(dialog, cafe, QTime(10, 0), QTime(12, 0), QStringLiteral("Coffee morning"), QString());
    CHECK_FALSE(charge->isEnabled());
    CHECK(charge->text().contains(QStringLiteral("3.00 Hours")));
    CHECK(charge->toolTip().contains(QStringLiteral("Choose who is booking")));

    dialog->setMember(w.ana);
    REQUIRE(charge->isEnabled());
    charge->setChecked(true);
    w.clickBook(dialog);
    REQUIRE(dialogClosed());
    auto list = w.hub().bookings().list();
    REQUIRE(list->size() == 1);
    CHECK(list->first().charge.has_value());
}

TEST_CASE("an occurrence of a series is changed alone or cancelled with the whole series", "[calendar]")
{
    CalendarOnTempHub w;
    hub::BookingDraft d;
    d.space = w.hall.id;
    d.title = QStringLiteral("Yoga");
    d.member = w.ana;
    d.start = w.at(QTime(10, 0));
    d.end = w.at(QTime(11, 0));
    hub::Recurrence weekly;
    weekly.frequency = hub::Recurrence::Frequency::Weekly;
    weekly.count = 4;
    d.repeat = weekly;
    auto outcome = w.hub().bookings().bookSeries(d);
    REQUIRE(outcome);
    REQUIRE(outcome->booked.size() == 4);
    w.page->refresh();
    const hub::BookingId first = outcome->booked.first().id;

    REQUIRE(w.view->selectBooking(first));
    w.view->setFocus();
    QTest::keyClick(w.view, Qt::Key_Return);
    auto *dialog = visibleTopLevel<hub::BookingDialog>();
    REQUIRE(dialog);
    REQUIRE(dialog->isEditing());
    CalendarOnTempHub::type(child<QLineEdit>(dialog, "bookingTitle"), QStringLiteral("Yoga (outdoors)"));
    {
        hub::test::MessageBoxAnswerer occurrence(QMessageBox::Yes);
        w.clickBook(dialog);
        REQUIRE(dialogClosed());
        REQUIRE(occurrence.titles().size() == 1);
        CHECK(occurrence.titles().first() == QStringLiteral("Change the Series?"));
    }
    auto changed = w.hub().bookings().get(first);
    REQUIRE(changed);
    CHECK(changed->title == QStringLiteral("Yoga (outdoors)"));
    CHECK(changed->exception);
    CHECK(w.hub().bookings().get(outcome->booked.at(1).id)->title == QStringLiteral("Yoga"));

    REQUIRE(w.view->selectBooking(first));
    {
        hub::test::MessageBoxAnswerer whole(QMessageBox::YesToAll);
        QTest::keyClick(w.view, Qt::Key_Delete);
        REQUIRE(whole.titles().size() == 1);
        CHECK(whole.titles().first() == QStringLiteral("Cancel a Repeating Booking?"));
    }
    CHECK(w.hub().bookings().list()->isEmpty());
}

TEST_CASE("the Calendar page opens the iCalendar dialogs for what is on screen", "[calendar]")
{
    CalendarOnTempHub c;
    QString seen;
    const auto closeWhenShown = [&seen] {
        QTimer::singleShot(0, [&seen] {
            if (QWidget *modal = QApplication::activeModalWidget()) {
                seen = QString::fromLatin1(modal->metaObject()->className());
                modal->close();
            }
        });
    };
    closeWhenShown();
    QTest::mouseClick(child<QToolButton>(c.page, "calendarExport"), Qt::LeftButton);
    CHECK(seen == QStringLiteral("hub::CalendarExportDialog"));
    closeWhenShown();
    QTest::mouseClick(child<QToolButton>(c.page, "calendarImport"), Qt::LeftButton);
    CHECK(seen == QStringLiteral("hub::CalendarImportDialog"));
}

TEST_CASE("a time the spring clock change skips is explained beside the times and nothing is booked", "[calendar]")
{
    CalendarOnTempHub w;
    auto *dialog = w.openDialog();
    w.fill(dialog, w.kitchen, QTime(1, 30), QTime(3, 0), QStringLiteral("Night bake"), QStringLiteral("Bryn Hughes"));
    // London's clocks go forward at 01:00 on Sunday 28 March 2027: 01:30 never happens.
    child<QDateEdit>(dialog, "bookingDate")->setDate(QDate(2027, 3, 28));
    auto *error = child<hub::FieldErrorLabel>(dialog, "bookingTimeError");
    REQUIRE(error->hasError());
    CHECK(error->text().contains(QStringLiteral("01:30 on Sun 28 Mar 2027 does not exist")));
    CHECK(error->text().contains(QStringLiteral("01:00")));
    w.clickBook(dialog);
    CHECK(visibleTopLevel<hub::BookingDialog>() == dialog);
    CHECK(error->hasError());
    CHECK(w.hub().bookings().list()->isEmpty());

    // 02:30 exists (an hour after 01:30 would have been): the note goes and the booking is made
    // (outside the kitchen's hours, so it asks for the reason first).
    child<QTimeEdit>(dialog, "bookingStart")->setTime(QTime(2, 30));
    CHECK_FALSE(error->hasError());
}

TEST_CASE("an autumn time that happens twice says the first is meant", "[calendar]")
{
    CalendarOnTempHub w;
    auto *dialog = w.openDialog();
    w.fill(dialog, w.kitchen, QTime(1, 30), QTime(3, 0), QStringLiteral("Night bake"), QStringLiteral("Bryn Hughes"));
    child<QDateEdit>(dialog, "bookingDate")->setDate(QDate(2027, 10, 31));
    CHECK_FALSE(child<hub::FieldErrorLabel>(dialog, "bookingTimeError")->hasError());
    CHECK(child<QLabel>(dialog, "bookingDuration")->text().contains(QStringLiteral("happens twice")));
}

TEST_CASE("the end keeps the duration when the start moves, and an end before the start needs ends-the-next-day",
          "[calendar]")
{
    CalendarOnTempHub w;
    auto *dialog = w.openDialog();
    // No booker: the member suggestions' popup would stay the active window offscreen.
    w.fill(dialog, w.hall, QTime(10, 0), QTime(12, 0), QStringLiteral("Choir"), QString());
    dialog->activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(dialog));
    auto *start = child<QTimeEdit>(dialog, "bookingStart");
    auto *end = child<QTimeEdit>(dialog, "bookingEnd");
    // Typed as a person types: a click into the hour, then the digits.
    const auto clickHour = [](QTimeEdit *edit) {
        auto *line = edit->findChild<QLineEdit *>();
        QTest::mouseClick(line, Qt::LeftButton, {}, QPoint(8, line->height() / 2));
        QTest::qWait(20);
    };
    clickHour(start);
    REQUIRE(start->hasFocus());
    QTest::keyClicks(start, QStringLiteral("1900"));
    CHECK(start->time() == QTime(19, 0));
    CHECK(end->time() == QTime(21, 0));

    // 19:00 to 18:00 is a slip, not an overnight booking: refused beside the times.
    end->setFocus(Qt::TabFocusReason);
    QTest::qWait(20);
    REQUIRE(end->hasFocus());
    QTest::keyClicks(end, QStringLiteral("1800"));
    REQUIRE(end->time() == QTime(18, 0));
    auto *error = child<hub::FieldErrorLabel>(dialog, "bookingTimeError");
    CHECK(error->text().contains(QStringLiteral("ends the next day")));
    w.clickBook(dialog);
    CHECK(visibleTopLevel<hub::BookingDialog>() == dialog);
    CHECK(w.hub().bookings().list()->isEmpty());

    // The refusal put the cursor back in the end time: typing mends it.
    REQUIRE(end->hasFocus());
    QTest::keyClicks(end, QStringLiteral("2130"));
    CHECK_FALSE(error->hasError());
    w.clickBook(dialog);
    REQUIRE(dialogClosed());
    auto list = w.hub().bookings().list();
    REQUIRE(list->size() == 1);
    CHECK(list->first().start == w.at(QTime(19, 0)));
    CHECK(list->first().end == w.at(QTime(21, 30)));
}

TEST_CASE("late in the evening the hour-long default ends at midnight, and moving its start keeps it to one day",
          "[calendar]")
{
    CalendarOnTempHub w;
    // At 22:30 the dialog offers 23:00 until midnight.
    w.hub().setClock(hub::Clock::fixed(w.at(QTime(22, 30))));
    auto *dialog = w.openDialog();
    auto *start = child<QTimeEdit>(dialog, "bookingStart");
    auto *end = child<QTimeEdit>(dialog, "bookingEnd");
    auto *nextDay = child<QCheckBox>(dialog, "bookingEndsNextDay");
    REQUIRE(start->time() == QTime(23, 0));
    REQUIRE(end->time() == QTime(0, 0));
    REQUIRE(nextDay->isChecked());
    // Typed 10:00: an hour from ten the same day, not 26 hours into tomorrow.
    start->setTime(QTime(10, 0));
    CHECK(end->time() == QTime(11, 0));
    CHECK_FALSE(nextDay->isChecked());
    // At 23:30 the hour would run past midnight: that needs the box ticked by
    // hand, so the times are refused beside them until it is.
    start->setTime(QTime(23, 30));
    CHECK(end->time() == QTime(0, 30));
    CHECK_FALSE(nextDay->isChecked());
    CHECK(
        child<hub::FieldErrorLabel>(dialog, "bookingTimeError")->text().contains(QStringLiteral("ends the next day")));
    QTest::mouseClick(nextDay, Qt::LeftButton, {}, QPoint(8, nextDay->height() / 2));
    CHECK_FALSE(child<hub::FieldErrorLabel>(dialog, "bookingTimeError")->hasError());
    // Ticked by hand, it stays ticked while the start moves on.
    start->setTime(QTime(23, 45));
    CHECK(end->time() == QTime(0, 45));
    CHECK(nextDay->isChecked());
}

TEST_CASE("a booking past midnight is made only with ends-the-next-day ticked", "[calendar]")
{
    CalendarOnTempHub w;
    auto *dialog = w.openDialog();
    w.fill(dialog, w.hall, QTime(20, 0), QTime(1, 0), QStringLiteral("Party"), QStringLiteral("Ana Ferreira"));
    CHECK(child<hub::FieldErrorLabel>(dialog, "bookingTimeError")->hasError());
    auto *nextDay = child<QCheckBox>(dialog, "bookingEndsNextDay");
    QTest::mouseClick(nextDay, Qt::LeftButton, {}, QPoint(8, nextDay->height() / 2));
    REQUIRE(nextDay->isChecked());
    CHECK(child<QLabel>(dialog, "bookingDuration")->text().contains(QStringLiteral("5")));
    // Past the hall's closing time: the reason field, then the booking.
    w.clickBook(dialog);
    CalendarOnTempHub::type(child<QLineEdit>(dialog, "bookingHoursNote"), QStringLiteral("birthday, caretaker stays"));
    w.clickBook(dialog);
    REQUIRE(dialogClosed());
    auto list = w.hub().bookings().list();
    REQUIRE(list->size() == 1);
    CHECK(list->first().end == w.hub().bookings().localTime(Tuesday.addDays(1), QTime(1, 0)));
}
