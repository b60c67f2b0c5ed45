// SPDX-License-Identifier: GPL-3.0-or-later
// The Gatherings page's Business challenges tab (new challenge, suggested
// helpers, sign-up and withdrawal), walk-ins made members or merged from
// facilitator mode, and closing the vote from the keyboard. The hidden
// "[shots]" case saves the challenges view at 1280×720 into <build>/shots.
#include "core/gatherings/challengeservice.h"
#include "core/gatherings/checkinservice.h"
#include "core/gatherings/gatheringservice.h"
#include "core/gatherings/ideaservice.h"
#include "core/gatherings/workinggroupservice.h"
#include "core/hub.h"
#include "core/members/memberservice.h"
#include "core/members/skillservice.h"
#include "core/spaces/bookingservice.h"
#include "tests/support/temphub.h"
#include "tests/ui/messageboxanswerer.h"
#include "tests/ui/widgetlookup.h"
#include "ui/dialogs/challengedialog.h"
#include "ui/dialogs/promotedialog.h"
#include "ui/dialogs/walkinmergedialog.h"
#include "ui/pages/gatheringspage.h"
#include "ui/widgets/challengesview.h"
#include "ui/widgets/facilitatorview.h"
#include "ui/widgets/fielderrorlabel.h"
#include "ui/widgets/memberpicker.h"

#include <QDir>
#include <QGroupBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTabWidget>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <functional>

using namespace hub;
using hub::test::child;
using hub::test::whenShown;

namespace {

MemberId addMemberInGatheringFollowups(hub::test::TempHub &t, const QString &name, const QStringList &skills = {},
                                       MemberKind kind = MemberKind::Person)
{
    MemberDraft d;
    d.displayName = name;
    d.kind = kind;
    auto m = t->members().add(d);
    REQUIRE(m);
    Consent c;
    c.directoryVisible = true;
    REQUIRE(t->members().setConsent(m->id, c));
    QList<MemberSkill> list;
    for (const QString &s : skills)
        list << MemberSkill{{}, s, {}};
    if (!list.isEmpty())
        REQUIRE(t->skills().setMemberSkills(m->id, list));
    return m->id;
}

GatheringId tomorrow(hub::test::TempHub &t)
{
    GatheringDraft d;
    d.title = QStringLiteral("Friendly gathering");
    d.start = t->bookings().localTime(QDate::currentDate().addDays(1), QTime(19, 0));
    d.end = d.start.addSecs(7200);
    auto g = t->gatherings().add(d);
    REQUIRE(g);
    return g->id;
}

int rowOf(QListWidget *list, const QString &text)
{
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->text().contains(text))
            return i;
    return -1;
}

void fillChallenges(hub::test::TempHub &t)
{
    const MemberId bakery =
        addMemberInGatheringFollowups(t, QStringLiteral("Corner Bakery"), {}, MemberKind::Organisation);
    const MemberId bikes =
        addMemberInGatheringFollowups(t, QStringLiteral("Spokes Bike Shop"), {}, MemberKind::Organisation);
    const MemberId ana = addMemberInGatheringFollowups(t, QStringLiteral("Ana Lopez"),
                                                       {QStringLiteral("Web design"), QStringLiteral("Photography")});
    addMemberInGatheringFollowups(t, QStringLiteral("Bo Jensen"), {QStringLiteral("Photography")});
    addMemberInGatheringFollowups(t, QStringLiteral("Carys Evans"),
                                  {QStringLiteral("Signwriting"), QStringLiteral("Graphic design")});
    addMemberInGatheringFollowups(t, QStringLiteral("Dafydd Price"), {QStringLiteral("Web design")});
    const GatheringId g = tomorrow(t);
    ChallengeDraft d;
    d.organisation = bikes;
    d.title = QStringLiteral("A shop window that says who we are");
    d.description = QStringLiteral("Passers-by do not know we repair bikes as well as sell them.");
    d.skills = {QStringLiteral("Signwriting"), QStringLiteral("Graphic design")};
    REQUIRE(t->challenges().add(d));
    d.organisation = bakery;
    d.gathering = g;
    d.title = QStringLiteral("Our website is out of date");
    d.description = QStringLiteral("We lose orders because customers cannot find our opening hours online, and the "
                                   "photos are from 2009.");
    d.skills = {QStringLiteral("Web design"), QStringLiteral("Photography")};
    auto c = t->challenges().add(d);
    REQUIRE(c);
    REQUIRE(t->challenges().volunteer(c->id, ana));
}

} // namespace

TEST_CASE("a business challenge is recorded and volunteers sign up from the challenges tab", "[gatherings][challenges]")
{
    hub::test::TempHub t;
    addMemberInGatheringFollowups(t, QStringLiteral("Corner Bakery"), {}, MemberKind::Organisation);
    const MemberId ana = addMemberInGatheringFollowups(t, QStringLiteral("Ana Lopez"),
                                                       {QStringLiteral("Web design"), QStringLiteral("Photography")});
    const MemberId bo = addMemberInGatheringFollowups(t, QStringLiteral("Bo Jensen"), {QStringLiteral("Photography")});
    const MemberId cy = addMemberInGatheringFollowups(t, QStringLiteral("Cy Morgan"));

    GatheringsPage page;
    page.resize(1280, 720);
    page.setHub(&t.hub());
    page.show();
    REQUIRE(QTest::qWaitForWindowExposed(&page));
    page.showChallenges();
    ChallengesView *view = page.challenges();
    REQUIRE(view->isVisible());
    auto *list = child<QTreeWidget>(view, "challengeList");
    CHECK_FALSE(list->isVisible()); // the empty state says what to do instead
    CHECK(list->topLevelItemCount() == 0);

    // Without a business the dialog says so under the field and stays open.
    whenShown<ChallengeDialog>([](ChallengeDialog *dialog) {
        child<QLineEdit>(dialog, "challengeTitle")->setText(QStringLiteral("Our website is out of date"));
        dialog->accept();
        auto *error = child<FieldErrorLabel>(dialog, "challengeOrganisationError");
        CHECK(error->isVisible());
        CHECK(error->text().contains(QStringLiteral("business")));
        CHECK(dialog->isVisible());
        REQUIRE(dialog->setOrganisation(QStringLiteral("corner bakery")));
        child<QPlainTextEdit>(dialog, "challengeDescription")->setPlainText(QStringLiteral("Nobody finds our hours."));
        auto *skill = child<QLineEdit>(dialog, "challengeSkill");
        skill->setText(QStringLiteral("Web design")); // set, not typed: no completion popup to take the Enter
        QTest::keyClick(skill, Qt::Key_Return);
        skill->setText(QStringLiteral("Photography")); // typed but not added: Save takes it too
        child<QPushButton>(dialog, "challengeSave")->click();
    });
    child<QPushButton>(view, "newChallenge")->click();
    REQUIRE(list->topLevelItemCount() == 1);
    CHECK(list->isVisible());
    CHECK(list->topLevelItem(0)->text(1) == QStringLiteral("Corner Bakery"));
    auto stored = t->challenges().list();
    REQUIRE(stored);
    REQUIRE(stored->size() == 1);
    CHECK(stored->first().skills == QStringList{QStringLiteral("Web design"), QStringLiteral("Photography")});

    // Ana fits both skills, so she is suggested first; Cy has neither.
    auto *helpers = child<QListWidget>(view, "suggestedHelpers");
    REQUIRE(helpers->count() == 2);
    CHECK(helpers->item(0)->text().startsWith(QStringLiteral("Ana Lopez")));
    CHECK(rowOf(helpers, QStringLiteral("Cy Morgan")) < 0);
    helpers->setCurrentRow(0);
    child<QPushButton>(view, "signUpVolunteer")->click();
    auto *volunteers = child<QListWidget>(view, "challengeVolunteers");
    REQUIRE(volunteers->count() == 1);
    CHECK(volunteers->item(0)->text() == QStringLiteral("Ana Lopez"));
    CHECK(helpers->count() == 1);
    CHECK(list->topLevelItem(0)->text(2) == QStringLiteral("1"));

    // Someone without the skills can volunteer too, found by name.
    auto *picker = child<MemberPicker>(view, "volunteerPicker");
    picker->setMember(cy);
    child<QPushButton>(view, "signUpPicked")->click();
    REQUIRE(volunteers->count() == 2);
    CHECK(t->challenges().get(stored->first().id)->volunteers == QList<MemberId>{ana, cy});

    // Withdrawing asks first; cancelling keeps the volunteer.
    {
        hub::test::MessageBoxAnswerer no(QMessageBox::Cancel);
        volunteers->setCurrentRow(0);
        child<QPushButton>(view, "withdrawVolunteer")->click();
        CHECK(no.texts().size() == 1);
        CHECK(volunteers->count() == 2);
    }
    {
        hub::test::MessageBoxAnswerer yes(QMessageBox::Yes);
        volunteers->setCurrentRow(0);
        child<QPushButton>(view, "withdrawVolunteer")->click();
        CHECK(yes.texts().value(0).contains(QStringLiteral("Ana Lopez")));
    }
    REQUIRE(volunteers->count() == 1);
    CHECK(t->challenges().get(stored->first().id)->volunteers == QList<MemberId>{cy});
    CHECK(rowOf(helpers, QStringLiteral("Ana Lopez")) >= 0);

    // Closing asks, then the challenge takes nobody new.
    {
        hub::test::MessageBoxAnswerer yes(QMessageBox::Yes);
        child<QPushButton>(view, "closeChallenge")->click();
    }
    CHECK_FALSE(t->challenges().get(stored->first().id)->open);
    CHECK_FALSE(child<QPushButton>(view, "signUpVolunteer")->isEnabled());
    CHECK(list->topLevelItem(0)->text(0).contains(QStringLiteral("closed")));
    (void)bo;
}

TEST_CASE("a walk-in is made a member or merged into one from facilitator mode", "[gatherings][walkins]")
{
    hub::test::TempHub t;
    const MemberId ana = addMemberInGatheringFollowups(t, QStringLiteral("Ana Lopez"));
    const GatheringId g = tomorrow(t);
    GatheringsPage page;
    page.resize(1280, 720);
    page.setHub(&t.hub());
    page.show();
    REQUIRE(QTest::qWaitForWindowExposed(&page));
    page.startFacilitating(g);
    FacilitatorView *view = page.facilitator();
    auto *walkIn = child<QLineEdit>(view, "walkInName");
    auto *email = child<QLineEdit>(view, "walkInEmail");
    walkIn->setText(QStringLiteral("Jo Bloggs"));
    email->setText(QStringLiteral("jo@example.net"));
    QTest::keyClick(walkIn, Qt::Key_Return);
    walkIn->setText(QStringLiteral("Ana L"));
    QTest::keyClick(walkIn, Qt::Key_Return);
    auto *attendees = child<QListWidget>(view, "attendees");
    REQUIRE(attendees->count() == 2);
    auto *makeMember = child<QPushButton>(view, "makeMember");

    // Members are not walk-ins: the actions wait for a walk-in to be selected.
    attendees->setCurrentRow(-1);
    CHECK_FALSE(makeMember->isEnabled());
    attendees->setCurrentRow(rowOf(attendees, QStringLiteral("Jo Bloggs")));
    REQUIRE(makeMember->isEnabled());
    {
        hub::test::MessageBoxAnswerer yes(QMessageBox::Yes);
        attendees->setFocus();
        QTest::keyClick(attendees, Qt::Key_M, Qt::ControlModifier);
        REQUIRE(yes.texts().size() == 1);
        CHECK(yes.texts().first().contains(QStringLiteral("jo@example.net")));
    }
    INFO(view->message().toStdString());
    CHECK(view->message().contains(QStringLiteral("now a member")));
    MemberFilter f;
    f.search = QStringLiteral("Jo Bloggs");
    auto jo = t->members().list(f);
    REQUIRE(jo);
    REQUIRE(jo->size() == 1);
    CHECK(jo->first().email == QStringLiteral("jo@example.net"));
    REQUIRE(t->checkIns().attendanceOf(g, jo->first().id)->has_value());
    const int joRow = rowOf(attendees, QStringLiteral("Jo Bloggs"));
    REQUIRE(joRow >= 0);
    CHECK_FALSE(attendees->item(joRow)->text().contains(QStringLiteral("walk-in")));

    // "Same person as…": Ana L is Ana Lopez.
    attendees->setCurrentRow(rowOf(attendees, QStringLiteral("Ana L (walk-in)")));
    hub::test::MessageBoxAnswerer yes(QMessageBox::Yes);
    whenShown<WalkInMergeDialog>([ana](WalkInMergeDialog *dialog) {
        dialog->picker()->setMember(ana);
        child<QPushButton>(dialog, "mergeWalkIn")->click();
    });
    child<QPushButton>(view, "sameAsMember")->click();
    CHECK(yes.texts().value(0).contains(QStringLiteral("cannot be undone")));
    CHECK(t->checkIns().attendanceOf(g, ana)->has_value());
    CHECK(rowOf(attendees, QStringLiteral("walk-in")) < 0);
    CHECK(rowOf(attendees, QStringLiteral("Ana Lopez")) >= 0);
    CHECK(t->checkIns().walkIns()->isEmpty());
}

TEST_CASE("closing the vote in facilitator mode asks and then shows ranked results", "[gatherings][voting]")
{
    hub::test::TempHub t;
    const MemberId ana = addMemberInGatheringFollowups(t, QStringLiteral("Ana Lopez"));
    const MemberId bo = addMemberInGatheringFollowups(t, QStringLiteral("Bo Jensen"));
    const GatheringId g = tomorrow(t);
    for (MemberId who : {ana, bo})
        REQUIRE(t->checkIns().checkIn(g, who));
    for (const QString &title : {QStringLiteral("Community fridge"), QStringLiteral("Repair café")})
        REQUIRE(t->ideas().add(IdeaDraft{g, title, {}, {}, {}, {}}));

    GatheringsPage page;
    page.resize(1280, 720);
    page.setHub(&t.hub());
    page.show();
    REQUIRE(QTest::qWaitForWindowExposed(&page));
    page.startFacilitating(g);
    FacilitatorView *view = page.facilitator();
    auto *attendees = child<QListWidget>(view, "attendees");
    auto *board = child<QListWidget>(view, "ideaBoard");
    for (int who = 0; who < 2; ++who) {
        attendees->setCurrentRow(who);
        board->setCurrentRow(rowOf(board, QStringLiteral("Repair café")));
        board->setFocus();
        QTest::keyClick(board, Qt::Key_V);
    }
    REQUIRE(board->item(0)->text().contains(QStringLiteral("Repair café")));

    // Cancelling the question keeps the vote open.
    {
        hub::test::MessageBoxAnswerer no(QMessageBox::Cancel);
        QTest::keyClick(board, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        CHECK(no.texts().size() == 1);
    }
    CHECK_FALSE(view->votingClosed());
    {
        hub::test::MessageBoxAnswerer yes(QMessageBox::Yes);
        child<QPushButton>(view, "closeVoting")->click();
        CHECK(yes.texts().value(0).contains(QStringLiteral("withdraw")));
    }
    REQUIRE(view->votingClosed());
    CHECK(t->gatherings().get(g)->votingClosed);
    CHECK(view->message().contains(QStringLiteral("Repair café")));
    CHECK(child<QGroupBox>(view, "ideaBoardBox")->title().contains(QStringLiteral("closed")));
    CHECK(board->item(0)->text().trimmed().startsWith(QStringLiteral("1.")));
    CHECK(board->item(1)->text().trimmed().startsWith(QStringLiteral("2.")));
    CHECK_FALSE(child<QPushButton>(view, "vote")->isEnabled());
    CHECK_FALSE(child<QPushButton>(view, "withdrawVote")->isEnabled());

    // The keyboard still reaches the rule, which refuses kindly.
    attendees->setCurrentRow(0);
    board->setCurrentRow(0);
    board->setFocus();
    QTest::keyClick(board, Qt::Key_Delete);
    CHECK_FALSE(view->message().isEmpty());
    CHECK(t->ideas().ranked(g)->first().votes == 2);

    {
        hub::test::MessageBoxAnswerer yes(QMessageBox::Yes);
        child<QPushButton>(view, "closeVoting")->click();
    }
    CHECK_FALSE(view->votingClosed());
    CHECK(child<QPushButton>(view, "vote")->isEnabled());
}

TEST_CASE("challenges screenshots", "[.shots]")
{
    hub::test::TempHub t;
    fillChallenges(t);
    GatheringsPage page;
    page.resize(1280, 720);
    page.setHub(&t.hub());
    page.show();
    REQUIRE(QTest::qWaitForWindowExposed(&page));
    page.showChallenges();
    auto *list = child<QTreeWidget>(page.challenges(), "challengeList");
    REQUIRE(list->topLevelItemCount() == 2);
    list->setCurrentItem(list->topLevelItem(0));
    const QString dir = QStringLiteral(HUB_TEST_BUILD_DIR "/shots");
    QDir().mkpath(dir);
    QTest::qWait(50);
    REQUIRE(page.grab().save(QDir(dir).filePath(QStringLiteral("gatherings-challenges.png"))));

    ChallengeDialog dialog(t.hub(), &page);
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    dialog.setOrganisation(QStringLiteral("Corner Bakery"));
    child<QLineEdit>(&dialog, "challengeTitle")->setText(QStringLiteral("Deliveries for older customers"));
    dialog.addSkill(QStringLiteral("Driving"));
    dialog.addSkill(QStringLiteral("Cycling"));
    QTest::qWait(50);
    REQUIRE(dialog.grab().save(QDir(dir).filePath(QStringLiteral("challenge-dialog.png"))));
}

TEST_CASE("promote to a new group by a name another group has is refused beside the name", "[gatherings]")
{
    hub::test::TempHub t;
    addMemberInGatheringFollowups(t, QStringLiteral("Ana Lopez"));
    const GatheringId g = tomorrow(t);
    auto fridge = t->ideas().add(IdeaDraft{g, QStringLiteral("Community fridge"), {}, {}, {}, {}});
    auto repair = t->ideas().add(IdeaDraft{g, QStringLiteral("Repair café"), {}, {}, {}, {}});
    REQUIRE(fridge);
    REQUIRE(repair);
    REQUIRE(t->workingGroups().promote(fridge->id, QStringLiteral("Food group")));

    PromoteDialog dialog(t.hub(), repair->id);
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    auto *startNew = child<QRadioButton>(&dialog, "promoteToNew");
    QTest::mouseClick(startNew, Qt::LeftButton, {}, QPoint(8, startNew->height() / 2)); // on its circle
    REQUIRE(startNew->isChecked());
    auto *name = child<QLineEdit>(&dialog, "promoteName");
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("food GROUP"));
    QTest::mouseClick(child<QPushButton>(&dialog, "promoteSave"), Qt::LeftButton);
    CHECK(dialog.isVisible());
    auto *error = child<FieldErrorLabel>(&dialog, "promoteNameError");
    CHECK(error->text().contains(QStringLiteral("exists")));
    CHECK(name->hasFocus());
    CHECK_FALSE(t->ideas().get(repair->id)->promotedTo);
    CHECK(t->workingGroups().list()->size() == 1);
}
