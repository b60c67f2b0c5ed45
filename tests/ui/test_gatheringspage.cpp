// SPDX-License-Identifier: GPL-3.0-or-later
// Runs a gathering end to end in facilitator mode, from the keyboard where a
// facilitator would: three people checked in (two members found by typing,
// one walk-in), two ideas, votes, and the winner promoted to a working group.
// The hidden "[shots]" case saves the screen at 1280×720 into <build>/shots.
#include "core/gatherings/checkinservice.h"
#include "core/gatherings/gatheringservice.h"
#include "core/gatherings/ideaservice.h"
#include "core/gatherings/workinggroupservice.h"
#include "core/hub.h"
#include "core/members/memberservice.h"
#include "core/settings/settingsservice.h"
#include "core/spaces/bookingservice.h"
#include "core/spaces/spaceservice.h"
#include "tests/support/temphub.h"
#include "tests/ui/messageboxanswerer.h"
#include "tests/ui/widgetlookup.h"
#include "ui/dialogs/actiondialog.h"
#include "ui/dialogs/gatheringdialog.h"
#include "ui/dialogs/groupmembersdialog.h"
#include "ui/dialogs/promotedialog.h"
#include "ui/pages/gatheringspage.h"
#include "ui/widgets/facilitatorview.h"
#include "ui/widgets/fielderrorlabel.h"
#include "ui/widgets/memberpicker.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <functional>

using namespace hub;
using hub::test::child;
using hub::test::whenShown;

namespace {

void addMember(hub::test::TempHub &t, const QString &name)
{
    MemberDraft d;
    d.displayName = name;
    REQUIRE(t->members().add(d));
}

GatheringId tonight(hub::test::TempHub &t)
{
    Space hall;
    hall.name = QStringLiteral("Main hall");
    hall.capacity = 60;
    auto space = t->spaces().add(hall);
    REQUIRE(space);
    GatheringDraft d;
    d.title = QStringLiteral("Friendly gathering");
    d.theme = QStringLiteral("What would make our street better?");
    d.space = space->id;
    // Tomorrow evening: upcoming whatever the hour, and inside a day's opening hours.
    d.start = t->bookings().localTime(QDate::currentDate().addDays(1), QTime(19, 0));
    d.end = d.start.addSecs(7200);
    auto g = t->gatherings().add(d);
    REQUIRE(g);
    return g->id;
}

/// Types a name into a member picker and takes the first suggestion.
void typeMember(MemberPicker *picker, const QString &name)
{
    picker->setFocus();
    QTest::keyClicks(picker, name);
    REQUIRE(picker->resolveTyped());
}

void runGathering(bool saveShot)
{
    hub::test::TempHub t;
    addMember(t, QStringLiteral("Ana Lopez"));
    addMember(t, QStringLiteral("Bo Jensen"));
    addMember(t, QStringLiteral("Cy Lapsed"));
    REQUIRE(t->members().setStatus(t->members().find(QStringLiteral("3"))->id, MemberStatus::Lapsed));
    const GatheringId id = tonight(t);

    GatheringsPage page;
    page.resize(1280, 720);
    page.setHub(&t.hub());
    page.show();
    REQUIRE(QTest::qWaitForWindowExposed(&page));
    auto *table = child<QTableView>(&page, "gatheringsTable");
    REQUIRE(table->model()->rowCount() == 1);
    child<QPushButton>(&page, "startCheckIn")->click();
    FacilitatorView *view = page.facilitator();
    REQUIRE(view->isVisible());
    REQUIRE(view->gathering() == id);

    // Check-in by typing: search as you type, Enter checks in the first match.
    auto *search = child<QLineEdit>(view, "checkInSearch");
    for (const QString &name : {QStringLiteral("ana"), QStringLiteral("bo je")}) {
        search->setFocus();
        QTest::keyClicks(search, name);
        REQUIRE(child<QListWidget>(view, "checkInResults")->count() == 1);
        QTest::keyClick(search, Qt::Key_Return);
        CHECK(view->message().startsWith(QStringLiteral("Welcome")));
    }
    // Twice is refused kindly, and the name field is ready for the next one.
    QTest::keyClicks(search, QStringLiteral("ana"));
    QTest::keyClick(search, Qt::Key_Return);
    CHECK(view->message().contains(QStringLiteral("already checked in")));
    CHECK(search->text().isEmpty());
    // A lapsed member is found, marked, and welcome.
    QTest::keyClicks(search, QStringLiteral("cy"));
    auto *results = child<QListWidget>(view, "checkInResults");
    REQUIRE(results->count() == 1);
    CHECK(results->item(0)->text() == QStringLiteral("Cy Lapsed (lapsed)"));
    QTest::keyClick(search, Qt::Key_Return);
    CHECK(view->message() == QStringLiteral("Welcome, Cy Lapsed!"));
    auto *walkIn = child<QLineEdit>(view, "walkInName");
    walkIn->setText(QStringLiteral("Zoë Price")); // QTest types ASCII only
    QTest::keyClick(walkIn, Qt::Key_Return);
    auto *attendees = child<QListWidget>(view, "attendees");
    REQUIRE(attendees->count() == 4);

    // Two ideas, told by Ana and by the walk-in.
    auto *ideaTitle = child<QLineEdit>(view, "ideaTitle");
    attendees->setCurrentRow(0);
    QTest::keyClicks(ideaTitle, QStringLiteral("A tool library in the old shop"));
    QTest::keyClick(ideaTitle, Qt::Key_Return);
    for (int i = 0; i < attendees->count(); ++i)
        if (attendees->item(i)->text().contains(QStringLiteral("Zoë Price")))
            attendees->setCurrentRow(i);
    ideaTitle->setText(QStringLiteral("Repair café on Saturdays"));
    QTest::keyClick(ideaTitle, Qt::Key_Return);
    auto *board = child<QListWidget>(view, "ideaBoard");
    REQUIRE(board->count() == 2);

    // Votes: everyone for the repair café, Ana for the tool library too (V on the board).
    auto voteFor = [&](int attendee, const QString &idea) {
        attendees->setCurrentRow(attendee);
        for (int i = 0; i < board->count(); ++i)
            if (board->item(i)->text().contains(idea))
                board->setCurrentRow(i);
        board->setFocus();
        QTest::keyClick(board, Qt::Key_V);
    };
    for (int who = 0; who < 3; ++who)
        voteFor(who, QStringLiteral("Repair café"));
    voteFor(0, QStringLiteral("tool library"));
    CHECK(view->message() == QStringLiteral("Vote counted."));
    // The board is sorted live: most votes first.
    CHECK(board->item(0)->text().contains(QStringLiteral("Repair café")));
    CHECK(board->item(0)->text().trimmed().startsWith(QStringLiteral("3")));

    // The voting closes (asked first); the board keeps the ranking.
    {
        hub::test::MessageBoxAnswerer answerer(QMessageBox::Yes);
        QTest::keyClick(board, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        CHECK(answerer.texts().size() == 1);
    }
    CHECK(t->ideas().ranked(id)->first().title == QStringLiteral("Repair café on Saturdays"));
    CHECK(view->message().startsWith(QStringLiteral("Voting is closed.")));
    // The question box has gone: the page is the active window again for its shortcuts.
    page.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&page));

    // Promote the winner to a new group with Ana as its convenor.
    board->setCurrentRow(0);
    whenShown<PromoteDialog>([](PromoteDialog *dialog) {
        CHECK(child<QRadioButton>(dialog, "promoteToNew")->isChecked()); // there is no group yet
        CHECK(child<QLineEdit>(dialog, "promoteName")->text() == QStringLiteral("Repair café on Saturdays"));
        typeMember(child<MemberPicker>(dialog, "promoteConvenor"), QStringLiteral("Ana"));
        QTest::mouseClick(child<QPushButton>(dialog, "promoteSave"), Qt::LeftButton);
    });
    QTest::keyClick(board, Qt::Key_P, Qt::ControlModifier);
    auto groups = t->workingGroups().list();
    REQUIRE(groups);
    REQUIRE(groups->size() == 1);
    CHECK(groups->first().name == QStringLiteral("Repair café on Saturdays"));
    CHECK(groups->first().originGathering == id);
    CHECK(groups->first().convenorName == QStringLiteral("Ana Lopez"));
    CHECK(board->item(0)->text().contains(QStringLiteral("[working group]")));

    if (saveShot) {
        const QString dir = QStringLiteral(HUB_TEST_BUILD_DIR "/shots");
        QDir().mkpath(dir);
        QTest::qWait(50);
        REQUIRE(page.grab().save(QDir(dir).filePath(QStringLiteral("gatherings-facilitator.png"))));
    }

    // Esc leaves facilitator mode; the list shows who came and the group.
    QTest::keyClick(board, Qt::Key_Escape);
    CHECK_FALSE(view->isVisible());
    CHECK(table->model()->index(0, 5).data().toString() == QStringLiteral("4"));
    if (saveShot)
        REQUIRE(page.grab().save(QStringLiteral(HUB_TEST_BUILD_DIR "/shots/gatherings-page.png")));

    // The working group's first meeting: Bo joins and convenes, an action with an owner and a date.
    auto *tree = child<QTreeWidget>(&page, "workingGroups");
    REQUIRE(tree->topLevelItemCount() == 1);
    tree->setFocus();
    tree->setCurrentItem(tree->topLevelItem(0));
    whenShown<GroupMembersDialog>([](GroupMembersDialog *dialog) {
        auto *members = child<QListWidget>(dialog, "groupMembers");
        CHECK(members->count() == 1); // Ana convenes (the walk-in who told the idea is not a member)
        typeMember(child<MemberPicker>(dialog, "groupMemberPicker"), QStringLiteral("Bo"));
        QTest::mouseClick(child<QPushButton>(dialog, "groupAddMember"), Qt::LeftButton);
        CHECK(members->count() == 2);
        for (int i = 0; i < members->count(); ++i)
            if (members->item(i)->text().startsWith(QStringLiteral("Bo Jensen")))
                members->setCurrentRow(i);
        QTest::mouseClick(child<QPushButton>(dialog, "groupMakeConvenor"), Qt::LeftButton);
        CHECK(child<QLabel>(dialog, "groupMembersStatus")->text().contains(QStringLiteral("Bo Jensen convenes")));
        dialog->reject();
    });
    QTest::mouseClick(child<QPushButton>(&page, "groupMembersButton"), Qt::LeftButton);
    const GroupId groupId = groups->first().id;
    CHECK(t->workingGroups().get(groupId)->convenorName == QStringLiteral("Bo Jensen"));
    CHECK(t->workingGroups().members(groupId)->size() == 2);

    const QDate due = QDate::currentDate().addDays(10);
    whenShown<ActionDialog>([due](ActionDialog *dialog) {
        // Save without an owner is refused beside the field.
        QTest::keyClicks(child<QLineEdit>(dialog, "actionTitle"), QStringLiteral("Ask the council about the old shop"));
        QTest::mouseClick(child<QPushButton>(dialog, "actionSave"), Qt::LeftButton);
        CHECK(child<FieldErrorLabel>(dialog, "actionOwnerError")->hasError());
        typeMember(child<MemberPicker>(dialog, "actionOwner"), QStringLiteral("Bo"));
        child<QDateEdit>(dialog, "actionDue")->setDate(due);
        QTest::mouseClick(child<QPushButton>(dialog, "actionSave"), Qt::LeftButton);
    });
    QTest::mouseClick(child<QPushButton>(&page, "addAction"), Qt::LeftButton);
    auto actions = t->workingGroups().actions(groupId);
    REQUIRE(actions->size() == 1);
    CHECK(actions->first().ownerName == QStringLiteral("Bo Jensen"));
    CHECK(actions->first().due == due);
    // The new action is selected: done, with a note, then open again.
    REQUIRE(child<QPushButton>(&page, "markActionDone")->isEnabled());
    CHECK_FALSE(child<QPushButton>(&page, "reopenAction")->isEnabled());
    whenShown<QInputDialog>([](QInputDialog *input) {
        input->setTextValue(QStringLiteral("Meeting on the 14th"));
        input->accept();
    });
    QTest::mouseClick(child<QPushButton>(&page, "markActionDone"), Qt::LeftButton);
    auto doneAction = t->workingGroups().action(actions->first().id);
    CHECK(doneAction->status == ActionStatus::Done);
    CHECK(doneAction->notes.contains(QStringLiteral("Meeting on the 14th")));
    REQUIRE(child<QPushButton>(&page, "reopenAction")->isEnabled());
    QTest::mouseClick(child<QPushButton>(&page, "reopenAction"), Qt::LeftButton);
    CHECK(t->workingGroups().action(actions->first().id)->status == ActionStatus::Open);
    if (saveShot)
        REQUIRE(page.grab().save(QStringLiteral(HUB_TEST_BUILD_DIR "/shots/gatherings-groups.png")));
}

} // namespace

TEST_CASE("a gathering runs end to end in facilitator mode", "[gatherings]")
{
    runGathering(false);
}

TEST_CASE("gatherings screenshots", "[.shots]")
{
    runGathering(true);
}

TEST_CASE("the gathering dialog shows the booking service's clash under the form", "[gatherings]")
{
    hub::test::TempHub t;
    const GatheringId first = tonight(t);
    auto g = t->gatherings().get(first);
    REQUIRE(g);
    // A second gathering at the same time in the same hall is refused.
    GatheringDialog fresh(t.hub(), {}, nullptr);
    QTest::keyClicks(child<QLineEdit>(&fresh, "gatheringTitle"), QStringLiteral("Clash"));
    auto *start = child<QDateTimeEdit>(&fresh, "gatheringStart");
    start->setDateTime(g->start.toTimeZone(t->bookings().zone()));
    child<QDateTimeEdit>(&fresh, "gatheringEnd")->setDateTime(g->end.toTimeZone(t->bookings().zone()));
    auto *space = child<QComboBox>(&fresh, "gatheringSpace");
    space->setCurrentIndex(1);
    fresh.accept();
    CHECK(fresh.result() != QDialog::Accepted);
    INFO(fresh.problem().toStdString());
    CHECK(fresh.problem().contains(QStringLiteral("Friendly gathering")));
    CHECK(t->gatherings().list()->size() == 1);
}

TEST_CASE("a gathering outside the opening hours asks for the reason and is saved with it", "[gatherings]")
{
    hub::test::TempHub t;
    Space hall;
    hall.name = QStringLiteral("Main hall");
    hall.capacity = 60;
    hall.hours = OpeningHours::always();
    for (auto &day : hall.hours.days)
        day = DayHours{9 * 60, 18 * 60};
    REQUIRE(t->spaces().add(hall));
    GatheringDialog dialog(t.hub(), {}, nullptr);
    dialog.show();
    QTest::keyClicks(child<QLineEdit>(&dialog, "gatheringTitle"), QStringLiteral("Collaboratory"));
    // Sunday 19:00 to 21:00; the start moves, the end keeps the two hours.
    const QDate sunday = QDate::currentDate().addDays(7 + (7 - QDate::currentDate().dayOfWeek()) % 7);
    auto *start = child<QDateTimeEdit>(&dialog, "gatheringStart");
    start->setDateTime(t->bookings().localTime(sunday, QTime(17, 0)).toTimeZone(t->bookings().zone()));
    start->setDateTime(t->bookings().localTime(sunday, QTime(19, 0)).toTimeZone(t->bookings().zone()));
    CHECK(child<QDateTimeEdit>(&dialog, "gatheringEnd")->dateTime().time() == QTime(21, 0));
    child<QComboBox>(&dialog, "gatheringSpace")->setCurrentIndex(1);

    auto *note = child<QLineEdit>(&dialog, "gatheringHoursNote");
    CHECK_FALSE(note->isVisible());
    QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save), Qt::LeftButton);
    CHECK(dialog.isVisible());
    CHECK(dialog.problem().contains(QStringLiteral("18:00")));
    REQUIRE(note->isVisible());
    QTest::keyClicks(note, QStringLiteral("caretaker stays late"));
    QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save), Qt::LeftButton);
    CHECK(dialog.result() == QDialog::Accepted);
    auto list = t->gatherings().list();
    REQUIRE(list->size() == 1);
    auto bookings = t->bookings().list();
    REQUIRE(bookings->size() == 1);
    CHECK(bookings->first().outsideHoursOverride == QStringLiteral("caretaker stays late"));
}
