// SPDX-License-Identifier: GPL-3.0-or-later
// Roles at the shared desk: sign-in, what a role may not do shown as disabled
// with who may, switch user, the audit log, and the idle lock.
#include "core/access/accesscontrol.h"
#include "core/access/userservice.h"
#include "core/audit/audittablemodel.h"
#include "core/gatherings/gatheringservice.h"
#include "core/hub.h"
#include "core/ledger/ledgerservice.h"
#include "core/members/memberservice.h"
#include "core/settings/settingsservice.h"
#include "core/spaces/bookingservice.h"
#include "core/spaces/spaceservice.h"
#include "tests/support/temphub.h"
#include "tests/ui/messageboxanswerer.h"
#include "tests/ui/retype.h"
#include "tests/ui/widgetlookup.h"
#include "ui/access/idlewatcher.h"
#include "ui/access/signinscreen.h"
#include "ui/access/workerhub.h"
#include "ui/dialogs/auditexportjob.h"
#include "ui/dialogs/spacedialog.h"
#include "ui/dialogs/transferdialog.h"
#include "ui/dialogs/userdialog.h"
#include "ui/dialogs/welcomedialog.h"
#include "ui/mainwindow.h"
#include "ui/pages/auditpage.h"
#include "ui/pages/gatheringspage.h"
#include "ui/pages/ledgerpage.h"
#include "ui/pages/reportspage.h"
#include "ui/pages/settingspage.h"
#include "ui/pages/userspage.h"
#include "ui/widgets/emptystatewidget.h"
#include "ui/widgets/facilitatorview.h"
#include "ui/widgets/fielderrorlabel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using hub::MainWindow;
using hub::Permission;
using hub::Role;
using hub::test::child;
using hub::test::retype;

namespace {

const QString AdminPass = QStringLiteral("correct horse battery");
const QString DeskPass = QStringLiteral("front desk at nine");
const QString TreasurerPass = QStringLiteral("balances add up to zero");
const QString FacilitatorPass = QStringLiteral("what is missing here");

/// A hub with an admin, a front-desk volunteer, a treasurer and a
/// facilitator, one transfer between two members, a space, a gathering today
/// and one tomorrow, opened in the main window (which asks who is there).
struct DeskWithUsers
{
    hub::test::TempHub temp;
    MainWindow window;
    hub::SignInScreen *screen = nullptr;

    DeskWithUsers()
    {
        hub::Hub &h = temp.hub();
        const auto member = [&h](const char *name) {
            hub::MemberDraft d;
            d.displayName = QString::fromUtf8(name);
            auto added = h.members().add(d);
            REQUIRE(added);
            return added->id;
        };
        const hub::MemberId ana = member("Ana Ferreira");
        const hub::MemberId bryn = member("Bryn Hughes");
        // Posted while the hub has no users, as its implicit admin.
        hub::TransferDraft lesson;
        lesson.payer = ana;
        lesson.payee = bryn;
        lesson.amount = hub::Amount::fromMinor(250);
        lesson.memo = QStringLiteral("Guitar lesson");
        REQUIRE(h.ledger().pay(lesson));
        hub::Space hall;
        hall.name = QStringLiteral("Main hall");
        hall.capacity = 60;
        REQUIRE(h.spaces().add(hall));
        const QDate today = h.clock().now().toTimeZone(h.bookings().zone()).date();
        const auto gathering = [&h](const char *title, QDate day, QTime from, QTime to) {
            hub::GatheringDraft d;
            d.title = QString::fromUtf8(title);
            d.start = h.bookings().localTime(day, from);
            d.end = h.bookings().localTime(day, to);
            REQUIRE(h.gatherings().add(d));
        };
        gathering("Friendly gathering", today, QTime(0, 30), QTime(23, 30));
        gathering("Collaboratory", today.addDays(1), QTime(19, 0), QTime(21, 0));
        REQUIRE(h.users().add(QStringLiteral("Ada"), member("Ada Lovelace"), {Role::Admin}, AdminPass));
        // From here on changes need a signed-in admin.
        REQUIRE(h.access().signIn(QStringLiteral("Ada"), AdminPass));
        REQUIRE(h.users().add(QStringLiteral("Fran"), member("Fran Jones"), {Role::FrontDesk}, DeskPass));
        REQUIRE(h.users().add(QStringLiteral("Tess"), member("Tess Okafor"), {Role::Treasurer}, TreasurerPass));
        REQUIRE(h.users().add(QStringLiteral("Finn"), member("Finn Byrne"), {Role::Facilitator}, FacilitatorPass));
        temp.close();

        REQUIRE(window.openHub(temp.path()));
        window.resize(1280, 720);
        window.show();
        window.activateWindow();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        screen = window.signInScreen();
    }

    hub::Hub &hub() { return *window.hub(); }

    /// Types into the sign-in screen's field and presses its button.
    void submit(const QString &name, const QString &secret)
    {
        if (screen->mode() == hub::SignInScreen::Mode::SignIn)
            REQUIRE(screen->chooseUser(name));
        auto *field = child<QLineEdit>(screen, "signInSecret");
        field->clear();
        QTest::keyClicks(field, secret);
        QTest::mouseClick(child<QPushButton>(screen, "signInButton"), Qt::LeftButton);
    }

    hub::GatheringsPage *showGatherings()
    {
        QTest::keyClick(&window, Qt::Key_5, Qt::ControlModifier);
        REQUIRE(window.currentPage() == MainWindow::Page::Gatherings);
        return child<hub::GatheringsPage>(&window, "gatheringsPage");
    }

    hub::LedgerPage *showLedger()
    {
        QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
        REQUIRE(window.currentPage() == MainWindow::Page::Ledger);
        return child<hub::LedgerPage>(&window, "ledgerPage");
    }

    QAction *menuAction(const QString &text)
    {
        const QList<QAction *> actions = window.findChildren<QAction *>();
        for (QAction *a : actions)
            if (a->text().remove(u'&') == text)
                return a;
        FAIL("no action " << text.toStdString());
        return nullptr;
    }
};

/// `widget` is disabled and its tooltip names the roles that may do `permission`.
void checkRefused(const QObject *root, const char *objectName, Permission permission)
{
    auto *widget = child<QWidget>(root, objectName);
    INFO("widget " << objectName);
    CHECK_FALSE(widget->isEnabled());
    CHECK(widget->toolTip().contains(hub::AccessControl::whoMay(permission)));
}

void checkAllowed(const QObject *root, const char *objectName)
{
    auto *widget = child<QWidget>(root, objectName);
    INFO("widget " << objectName);
    CHECK(widget->isEnabled());
    CHECK_FALSE(widget->toolTip().contains(QStringLiteral("Only ")));
}

} // namespace

TEST_CASE("a hub with users asks who is at the desk and names a wrong passphrase", "[signin]")
{
    DeskWithUsers d;
    REQUIRE(d.window.isSignInShown());
    CHECK(d.screen->mode() == hub::SignInScreen::Mode::SignIn);
    CHECK(child<QListWidget>(d.screen, "signInUsers")->count() == 4);
    CHECK(child<QLabel>(&d.window, "currentUserLabel")->text() == QStringLiteral("Nobody signed in"));
    // Nothing behind the screen can be reached from the menus.
    CHECK_FALSE(d.menuAction(QStringLiteral("Backup…"))->isEnabled());
    CHECK(d.menuAction(QStringLiteral("Quit"))->isEnabled());

    // A passphrase typed before a name is picked: it asks for the name.
    auto *users = child<QListWidget>(d.screen, "signInUsers");
    users->clearSelection();
    users->setCurrentRow(0, QItemSelectionModel::NoUpdate);
    QTest::keyClicks(child<QLineEdit>(d.screen, "signInSecret"), DeskPass);
    QTest::mouseClick(child<QPushButton>(d.screen, "signInButton"), Qt::LeftButton);
    CHECK(d.screen->message().contains(QStringLiteral("Choose your name")));
    CHECK_FALSE(d.hub().access().isSignedIn());

    d.submit(QStringLiteral("Fran"), QStringLiteral("not my passphrase"));
    CHECK(d.window.isSignInShown());
    CHECK(d.screen->message().contains(QStringLiteral("do not match")));
    CHECK_FALSE(d.hub().access().isSignedIn());

    d.submit(QStringLiteral("Fran"), DeskPass);
    CHECK_FALSE(d.window.isSignInShown());
    CHECK(d.hub().access().currentUser()->name == QStringLiteral("Fran"));
    CHECK(child<QLabel>(&d.window, "currentUserLabel")->text() == QStringLiteral("Fran · Front desk"));
}

TEST_CASE("five wrong passphrases lock a name out with a countdown", "[signin]")
{
    DeskWithUsers d;
    for (int i = 0; i < hub::AccessControl::MaxTries; ++i)
        d.submit(QStringLiteral("Fran"), QStringLiteral("wrong guess number %1").arg(i));
    CHECK(d.screen->message().startsWith(QStringLiteral("Too many wrong tries. Try again in")));
    CHECK(d.screen->message().endsWith(QStringLiteral(" s.")));
    CHECK_FALSE(child<QPushButton>(d.screen, "signInButton")->isEnabled());
    // Another name is not locked by Fran's tries.
    REQUIRE(d.screen->chooseUser(QStringLiteral("Tess")));
    CHECK(child<QPushButton>(d.screen, "signInButton")->isEnabled());
    CHECK(d.screen->message().isEmpty());
}

TEST_CASE("the front desk sees treasurer and admin actions disabled with who may do them", "[signin]")
{
    DeskWithUsers d;
    d.submit(QStringLiteral("Fran"), DeskPass);
    REQUIRE_FALSE(d.window.isSignInShown());

    hub::LedgerPage *ledger = d.showLedger();
    auto *transfers = child<QTableView>(ledger, "transferTable");
    REQUIRE(transfers->model()->rowCount() == 1);
    transfers->selectRow(0);
    auto *reverse = child<QToolButton>(ledger, "ledgerReverse");
    CHECK_FALSE(reverse->isEnabled());
    CHECK(reverse->toolTip().contains(hub::AccessControl::whoMay(Permission::ReverseTransfer)));
    CHECK(child<QToolButton>(ledger, "ledgerNewTransfer")->isEnabled());
    child<QTableView>(ledger, "accountTable")->selectRow(0);
    auto *limits = child<QToolButton>(ledger, "ledgerLimits");
    CHECK_FALSE(limits->isEnabled());
    CHECK(limits->toolTip().contains(hub::AccessControl::whoMay(Permission::ChangeLimits)));

    auto *import = child<QToolButton>(&d.window, "memberImport");
    CHECK_FALSE(import->isEnabled());
    CHECK(import->toolTip().contains(hub::AccessControl::whoMay(Permission::ImportMembers)));

    auto *users = child<QPushButton>(&d.window, "settingsUsers");
    CHECK_FALSE(users->isEnabled());
    CHECK(users->toolTip().contains(hub::AccessControl::whoMay(Permission::ManageUsers)));
    CHECK_FALSE(child<QPushButton>(&d.window, "settingsAudit")->isEnabled());
    CHECK_FALSE(child<QLineEdit>(&d.window, "settingsName")->isEnabled());

    QAction *backup = d.menuAction(QStringLiteral("Backup…"));
    CHECK_FALSE(backup->isEnabled());
    CHECK(backup->toolTip().contains(hub::AccessControl::whoMay(Permission::BackupRestore)));
}

TEST_CASE("switch user hands the desk to the treasurer who reverses a transfer seen in the audit log", "[signin]")
{
    DeskWithUsers d;
    d.submit(QStringLiteral("Fran"), DeskPass);
    hub::LedgerPage *ledger = d.showLedger();

    QTest::keyClick(&d.window, Qt::Key_L, Qt::ControlModifier);
    REQUIRE(d.window.isSignInShown());
    CHECK(d.screen->mode() == hub::SignInScreen::Mode::SignIn);
    CHECK_FALSE(d.hub().access().isSignedIn());
    d.submit(QStringLiteral("Tess"), TreasurerPass);
    REQUIRE_FALSE(d.window.isSignInShown());
    // The window stayed open on the page it showed.
    CHECK(d.window.currentPage() == MainWindow::Page::Ledger);
    CHECK(child<QLabel>(&d.window, "currentUserLabel")->text() == QStringLiteral("Tess · Treasurer"));

    auto *transfers = child<QTableView>(ledger, "transferTable");
    transfers->selectRow(0);
    auto *reverse = child<QToolButton>(ledger, "ledgerReverse");
    REQUIRE(reverse->isEnabled());
    {
        hub::test::MessageBoxAnswerer answerer(QMessageBox::Yes);
        QTest::mouseClick(reverse, Qt::LeftButton);
        REQUIRE(answerer.texts().size() == 1);
    }
    REQUIRE(transfers->model()->rowCount() == 2);

    // A treasurer reads the audit log from Settings.
    QTest::keyClick(&d.window, Qt::Key_7, Qt::ControlModifier);
    auto *auditButton = child<QPushButton>(&d.window, "settingsAudit");
    REQUIRE(auditButton->isEnabled());
    QTest::mouseClick(auditButton, Qt::LeftButton);
    REQUIRE(d.window.currentPage() == MainWindow::Page::Audit);
    auto *audit = child<hub::AuditPage>(&d.window, "auditPage");
    child<QComboBox>(audit, "auditPerson")->setEditText(QStringLiteral("Tess"));
    hub::AuditTableModel *model = audit->model();
    REQUIRE(model->rowCount() > 0);
    bool sawReversal = false;
    for (int row = 0; row < model->rowCount(); ++row) {
        const auto entry = model->entryAt(model->index(row, 0));
        CHECK(entry->userName == QStringLiteral("Tess"));
        if (entry->entity == QStringLiteral("transfer") && entry->entityId == 2)
            sawReversal = true;
    }
    CHECK(sawReversal);

    const QString csv = d.temp.file(QStringLiteral("audit.csv"));
    REQUIRE(audit->exportTo(csv));
    QFile file(csv);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    CHECK(text.contains(hub::AuditExportJob::header().join(u',')));
    CHECK(text.contains(QStringLiteral(",Tess,")));
    CHECK_FALSE(text.contains(QStringLiteral(",Fran,")));

    // The treasurer may not manage users: the page is not offered.
    QTest::keyClick(&d.window, Qt::Key_7, Qt::ControlModifier);
    CHECK_FALSE(child<QPushButton>(&d.window, "settingsUsers")->isEnabled());
}

TEST_CASE("the desk locks itself when idle and the same user carries on where they left off", "[signin]")
{
    DeskWithUsers d;
    d.submit(QStringLiteral("Tess"), TreasurerPass);
    hub::LedgerPage *ledger = d.showLedger();
    REQUIRE(ledger->selectAccount(d.hub().users().find(QStringLiteral("Tess"))->member));

    d.window.setIdleLockInterval(std::chrono::milliseconds(50));
    REQUIRE(QTest::qWaitFor([&] { return d.window.isLocked(); }, 5000));
    CHECK(d.window.isSignInShown());
    CHECK(d.screen->mode() == hub::SignInScreen::Mode::Unlock);
    CHECK_FALSE(d.menuAction(QStringLiteral("Backup…"))->isEnabled());
    // Longer than the idle time, so typing must not lock anything twice.
    d.window.setIdleLockInterval(std::chrono::minutes(10));

    d.submit(QStringLiteral("Tess"), QStringLiteral("a wrong passphrase"));
    CHECK(d.window.isLocked());
    CHECK(d.screen->message().contains(QStringLiteral("do not match")));
    d.submit(QStringLiteral("Tess"), TreasurerPass);
    CHECK_FALSE(d.window.isLocked());
    CHECK_FALSE(d.window.isSignInShown());
    CHECK(d.window.currentPage() == MainWindow::Page::Ledger);
    // The account chosen before the lock is still the one shown.
    CHECK(child<QLabel>(ledger, "transfersTitle")->text().contains(QStringLiteral("Tess Okafor")));
}

TEST_CASE("an admin adds a front-desk user with a PIN who then switches in with it", "[signin]")
{
    DeskWithUsers d;
    d.submit(QStringLiteral("Ada"), AdminPass);
    d.window.showPage(MainWindow::Page::Users);
    auto *users = child<hub::UsersPage>(&d.window, "usersPage");
    REQUIRE(users->selectUser(QStringLiteral("Fran")));
    REQUIRE(users->isVisible());

    // Fran also helps with gatherings now.
    child<QCheckBox>(users, "usersRole_facilitator")->click();
    CHECK(child<QPushButton>(users, "usersSaveRoles")->isEnabled());
    REQUIRE(users->saveRoles());
    auto fran = d.hub().users().find(QStringLiteral("Fran"));
    REQUIRE(fran);
    CHECK(fran->roles == QList<Role>{Role::FrontDesk, Role::Facilitator});
    REQUIRE(d.hub().users().setPin(fran->id, QStringLiteral("471147")));

    d.window.switchUser();
    d.submit(QStringLiteral("Fran"), QStringLiteral("471147"));
    REQUIRE_FALSE(d.window.isSignInShown());
    CHECK(child<QLabel>(&d.window, "currentUserLabel")->text() == QStringLiteral("Fran · Front desk, Facilitator"));
    // Fran may not manage users, so the Users page sends her back to Settings.
    CHECK(d.window.currentPage() == MainWindow::Page::Settings);
}

TEST_CASE("a new hub made with a first admin starts with that admin signed in", "[signin]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("first.sqlite"));
    MainWindow window;
    QTimer poll;
    poll.setInterval(10);
    bool filled = false;
    QObject::connect(&poll, &QTimer::timeout, &poll, [&] {
        auto *dialog = hub::test::visibleTopLevel<hub::WelcomeDialog>();
        if (!dialog || filled)
            return;
        filled = true;
        dialog->findChild<QLineEdit *>(QStringLiteral("createName"))->setText(QStringLiteral("Brookside Hub"));
        dialog->findChild<QLineEdit *>(QStringLiteral("createAdminName"))->setText(QStringLiteral("Rhys"));
        dialog->findChild<QLineEdit *>(QStringLiteral("createAdminPassphrase"))->setText(AdminPass);
        dialog->findChild<QLineEdit *>(QStringLiteral("createAdminRepeat"))->setText(AdminPass);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("welcomeProceed")), Qt::LeftButton);
    });
    poll.start();
    REQUIRE(window.start(path));
    poll.stop();
    REQUIRE(window.hub() != nullptr);
    CHECK(window.hub()->users().hasUsers());
    CHECK_FALSE(window.isSignInShown());
    REQUIRE(window.hub()->access().currentUser());
    CHECK(window.hub()->access().currentUser()->name == QStringLiteral("Rhys"));
    CHECK(window.hub()->access().currentUser()->roles == QList<Role>{Role::Admin});
    CHECK(window.currentUserText() == QStringLiteral("Rhys · Admin"));
}

TEST_CASE("the front desk may book and check in but sees gathering and report actions disabled "
          "with who may",
          "[signin][gates]")
{
    DeskWithUsers d;
    d.submit(QStringLiteral("Fran"), DeskPass);
    REQUIRE_FALSE(d.window.isSignInShown());

    // Today: the desk's own quick actions, and check-in for today's gathering.
    QTest::keyClick(&d.window, Qt::Key_1, Qt::ControlModifier);
    auto *today = d.window.page(MainWindow::Page::Today);
    checkAllowed(today, "todayBookSpace");
    checkAllowed(today, "todayRecordTransfer");
    checkAllowed(today, "todayStartCheckIn");

    // Calendar: bookings are the front desk's; the spaces are the admin's.
    QTest::keyClick(&d.window, Qt::Key_3, Qt::ControlModifier);
    auto *calendar = d.window.page(MainWindow::Page::Calendar);
    checkAllowed(calendar, "calendarNewBooking");
    checkAllowed(calendar, "calendarImport");
    checkRefused(calendar, "calendarSpaces", Permission::ManageSpaces);

    // Gatherings: the door is open to the front desk, the planning is not.
    hub::GatheringsPage *gatherings = d.showGatherings();
    checkRefused(gatherings, "newGathering", Permission::ManageGatherings);
    checkRefused(gatherings, "editGathering", Permission::ManageGatherings);
    checkRefused(gatherings, "markActionDone", Permission::ManageGatherings);
    checkRefused(gatherings, "newChallenge", Permission::ManageGatherings);
    checkAllowed(gatherings, "startCheckIn");
    QTest::mouseClick(child<QPushButton>(gatherings, "startCheckIn"), Qt::LeftButton);
    hub::FacilitatorView *facilitator = gatherings->facilitator();
    REQUIRE(facilitator->isVisible());
    checkAllowed(facilitator, "checkInSearch");
    checkAllowed(facilitator, "walkInName");
    for (const char *name : {"ideaTitle", "vote", "withdrawVote", "promote", "closeVoting"})
        checkRefused(facilitator, name, Permission::ManageGatherings);
    // The shortcut past the disabled button says who may instead of asking first.
    QTest::keyClick(facilitator, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    CHECK(facilitator->message() == hub::AccessControl::whoMay(Permission::ManageGatherings));
    QTest::keyClick(facilitator, Qt::Key_Escape);

    // Reports are the treasurer's and the admin's: Ctrl+R does nothing.
    QTest::keyClick(&d.window, Qt::Key_6, Qt::ControlModifier);
    auto *reports = child<hub::ReportsPage>(&d.window, "reportsPage");
    checkRefused(reports, "reportRun", Permission::RunReports);
    checkRefused(reports, "reportExport", Permission::RunReports);
    auto *choice = child<QWidget>(reports, "reportChoice");
    choice->setFocus();
    QTest::keyClick(choice, Qt::Key_R, Qt::ControlModifier);
    CHECK(reports->tableCount() == 0);
}

TEST_CASE("the treasurer runs reports but sees booking and check-in disabled with who may", "[signin][gates]")
{
    DeskWithUsers d;
    d.submit(QStringLiteral("Tess"), TreasurerPass);
    REQUIRE_FALSE(d.window.isSignInShown());

    QTest::keyClick(&d.window, Qt::Key_1, Qt::ControlModifier);
    auto *today = d.window.page(MainWindow::Page::Today);
    checkRefused(today, "todayBookSpace", Permission::Book);
    checkRefused(today, "todayStartCheckIn", Permission::CheckIn);
    checkAllowed(today, "todayRecordTransfer");

    QTest::keyClick(&d.window, Qt::Key_3, Qt::ControlModifier);
    auto *calendar = d.window.page(MainWindow::Page::Calendar);
    checkRefused(calendar, "calendarNewBooking", Permission::Book);
    checkRefused(calendar, "calendarCancelBooking", Permission::Book);
    checkRefused(calendar, "calendarImport", Permission::Book);

    hub::GatheringsPage *gatherings = d.showGatherings();
    checkRefused(gatherings, "startCheckIn", Permission::CheckIn);
    checkRefused(gatherings, "newGathering", Permission::ManageGatherings);

    // The treasurer runs a report; the front desk who takes over does not see it.
    QTest::keyClick(&d.window, Qt::Key_6, Qt::ControlModifier);
    auto *reports = child<hub::ReportsPage>(&d.window, "reportsPage");
    checkAllowed(reports, "reportRun");
    REQUIRE(reports->selectReport(QStringLiteral("statements")));
    reports->pickPeriod(hub::ReportsPage::QuickPeriod::ThisYear);
    auto *choice = child<QWidget>(reports, "reportChoice");
    choice->setFocus();
    QTest::keyClick(choice, Qt::Key_R, Qt::ControlModifier);
    REQUIRE(reports->tableCount() > 0);

    d.window.switchUser();
    d.submit(QStringLiteral("Fran"), DeskPass);
    REQUIRE_FALSE(d.window.isSignInShown());
    CHECK(d.window.currentPage() == MainWindow::Page::Reports);
    CHECK(reports->tableCount() == 0);
    auto *empty = child<hub::EmptyStateWidget>(reports, "reportsEmpty");
    CHECK(empty->isVisible());
    CHECK(child<QLabel>(empty, "emptyStateText")->text() == hub::AccessControl::whoMay(Permission::RunReports));
}

TEST_CASE("the facilitator plans gatherings and runs the idea board", "[signin][gates]")
{
    DeskWithUsers d;
    d.submit(QStringLiteral("Finn"), FacilitatorPass);
    REQUIRE_FALSE(d.window.isSignInShown());

    hub::GatheringsPage *gatherings = d.showGatherings();
    for (const char *name : {"newGathering", "editGathering", "startCheckIn", "newChallenge"})
        checkAllowed(gatherings, name);
    auto *list = child<QWidget>(gatherings, "gatheringsTable");
    list->setFocus();
    QTest::keyClick(list, Qt::Key_K, Qt::ControlModifier);
    hub::FacilitatorView *facilitator = gatherings->facilitator();
    // A button's shortcut clicks it a moment later, as a press shows.
    REQUIRE(QTest::qWaitFor([facilitator] { return facilitator->isVisible(); }));
    for (const char *name : {"checkInSearch", "ideaTitle", "vote", "withdrawVote", "promote", "closeVoting"})
        checkAllowed(facilitator, name);
    QTest::keyClick(facilitator, Qt::Key_Escape);

    QTest::keyClick(&d.window, Qt::Key_6, Qt::ControlModifier);
    checkRefused(&d.window, "reportRun", Permission::RunReports);
}

TEST_CASE("a worker thread's hub acts as the person at the desk", "[signin][worker]")
{
    DeskWithUsers d;
    d.submit(QStringLiteral("Tess"), TreasurerPass);
    REQUIRE_FALSE(d.window.isSignInShown());
    auto worker = hub::WorkerHub(d.hub()).open();
    REQUIRE(worker);
    REQUIRE((*worker)->access().currentUser());
    CHECK((*worker)->access().currentUser()->name == QStringLiteral("Tess"));
    CHECK((*worker)->access().allows(Permission::RunReports));
    CHECK_FALSE((*worker)->access().allows(Permission::ImportMembers));

    // Nobody at the desk: the worker is nobody too, and may do nothing.
    d.window.switchUser();
    auto nobody = hub::WorkerHub(d.hub()).open();
    REQUIRE(nobody);
    CHECK_FALSE((*nobody)->access().isSignedIn());
    CHECK_FALSE((*nobody)->access().allows(Permission::RunReports));
}

TEST_CASE("the treasurer sets the front-desk ceiling in Settings and a bad amount is named beside it",
          "[signin][settings]")
{
    DeskWithUsers d;
    d.submit(QStringLiteral("Tess"), TreasurerPass);
    REQUIRE_FALSE(d.window.isSignInShown());
    QTest::keyClick(&d.window, Qt::Key_7, Qt::ControlModifier);
    auto *page = child<hub::SettingsPage>(&d.window, "settingsPage");
    const QString key = hub::AccessControl::keyFrontDeskCeiling();
    auto *ceiling = child<QLineEdit>(page, "settingsFrontDeskCeiling");
    auto *save = child<QPushButton>(page, "settingsSave");
    REQUIRE(ceiling->isEnabled());
    CHECK(ceiling->text().isEmpty());
    CHECK(ceiling->placeholderText() == QStringLiteral("No ceiling"));
    // The rest of the settings are the admin's.
    checkRefused(page, "settingsName", Permission::ChangeSettings);
    CHECK_FALSE(save->isEnabled());

    // Not an amount: named beside the field, nothing written.
    retype(ceiling, QStringLiteral("twenty"));
    REQUIRE(save->isEnabled());
    QTest::keyClick(ceiling, Qt::Key_S, Qt::ControlModifier);
    // Ctrl+S clicks Save a moment later, as a press shows.
    REQUIRE(QTest::qWaitFor([&] { return !page->errorFor(key).isEmpty(); }));
    CHECK(child<hub::FieldErrorLabel>(page, "error_front_desk_ceiling")->isVisible());
    CHECK(child<QLabel>(page, "settingsStatus")->text().startsWith(QStringLiteral("Nothing was saved")));
    CHECK_FALSE(d.hub().access().frontDeskCeiling());
    // Too many decimals for the unit, and zero (which core refuses), likewise.
    for (const QString &bad : {QStringLiteral("12.505"), QStringLiteral("0")}) {
        INFO("typed " << bad.toStdString());
        retype(ceiling, bad);
        CHECK(page->errorFor(key).isEmpty()); // editing clears the old message
        CHECK_FALSE(page->save());
        CHECK_FALSE(page->errorFor(key).isEmpty());
        CHECK_FALSE(d.hub().access().frontDeskCeiling());
    }
    CHECK(page->errorFor(key).contains(QStringLiteral("above zero")));

    retype(ceiling, QStringLiteral("12.50"));
    QTest::mouseClick(save, Qt::LeftButton);
    CHECK(page->errorFor(key).isEmpty());
    CHECK(child<QLabel>(page, "settingsStatus")->text() == QStringLiteral("Settings saved."));
    REQUIRE(d.hub().access().frontDeskCeiling());
    CHECK(d.hub().access().frontDeskCeiling()->minor() == 1250);
    CHECK(ceiling->text() == QStringLiteral("12.50"));
    CHECK_FALSE(save->isEnabled());

    // "none" (or an empty field) takes the ceiling away.
    retype(ceiling, QStringLiteral("none"));
    REQUIRE(page->save());
    CHECK_FALSE(d.hub().access().frontDeskCeiling());
    CHECK(ceiling->text().isEmpty());
}

TEST_CASE("the admin and the front desk see the front-desk ceiling but may not change it", "[signin][settings]")
{
    DeskWithUsers d;
    d.submit(QStringLiteral("Ada"), AdminPass);
    REQUIRE_FALSE(d.window.isSignInShown());
    QTest::keyClick(&d.window, Qt::Key_7, Qt::ControlModifier);
    auto *page = child<hub::SettingsPage>(&d.window, "settingsPage");
    checkRefused(page, "settingsFrontDeskCeiling", Permission::ChangeLimits);
    // The admin's own settings still save, the ceiling untouched.
    retype(child<QLineEdit>(page, "settingsName"), QStringLiteral("Brookside Hub"));
    REQUIRE(page->save());
    CHECK(d.hub().settings().load()->name == QStringLiteral("Brookside Hub"));
    CHECK_FALSE(d.hub().access().frontDeskCeiling());

    d.window.switchUser();
    d.submit(QStringLiteral("Fran"), DeskPass);
    REQUIRE_FALSE(d.window.isSignInShown());
    checkRefused(page, "settingsFrontDeskCeiling", Permission::ChangeLimits);
    CHECK_FALSE(child<QPushButton>(page, "settingsSave")->isEnabled());
}

TEST_CASE("a transfer form left open is closed when the desk locks itself and the lock screen says so",
          "[signin][idle]")
{
    DeskWithUsers d;
    d.submit(QStringLiteral("Tess"), TreasurerPass);
    REQUIRE_FALSE(d.window.isSignInShown());
    QTest::keyClick(&d.window, Qt::Key_1, Qt::ControlModifier);
    QTest::mouseClick(child<QPushButton>(&d.window, "todayRecordTransfer"), Qt::LeftButton);
    auto *dialog = hub::test::visibleTopLevel<hub::TransferDialog>();
    REQUIRE(dialog);
    const QString title = dialog->windowTitle();
    QTest::keyClicks(child<QLineEdit>(dialog, "transferMemo"), QStringLiteral("Half a bike repair"));

    d.window.setIdleLockInterval(std::chrono::milliseconds(50));
    REQUIRE(QTest::qWaitFor([&] { return d.window.isLocked(); }, 5000));
    d.window.setIdleLockInterval(std::chrono::minutes(10));
    CHECK(hub::test::visibleTopLevel<hub::TransferDialog>() == nullptr);
    CHECK(QApplication::activeModalWidget() == nullptr);
    CHECK(d.screen->mode() == hub::SignInScreen::Mode::Unlock);
    CHECK(d.screen->closedFormsNote().contains(title));
    CHECK(d.screen->closedFormsNote().contains(QStringLiteral("nothing in it was saved")));
    CHECK(child<QLabel>(d.screen, "signInClosedForms")->isVisible());

    // The lock screen has the keyboard again (the dialog had it).
    CHECK(QTest::qWaitForWindowActive(&d.window));
    // Back at the desk: unlocked as before, and the form was not posted.
    d.submit(QStringLiteral("Tess"), TreasurerPass);
    CHECK_FALSE(d.window.isLocked());
    d.showLedger();
    CHECK(child<QTableView>(&d.window, "transferTable")->model()->rowCount() == 1);
    REQUIRE(d.window.lock());
    CHECK(d.screen->closedFormsNote().isEmpty());
    CHECK_FALSE(child<QLabel>(d.screen, "signInClosedForms")->isVisible());
}

TEST_CASE("the lock closes a space editor with unsaved changes without asking and saves nothing", "[signin][idle]")
{
    DeskWithUsers d;
    d.submit(QStringLiteral("Ada"), AdminPass);
    REQUIRE_FALSE(d.window.isSignInShown());
    // The editor runs in its own event loop (exec): it is filled in and left
    // there, and the desk locks while it waits.
    bool edited = false;
    QTimer poll;
    poll.setInterval(10);
    QObject::connect(&poll, &QTimer::timeout, &poll, [&] {
        auto *editor = hub::test::visibleTopLevel<hub::SpaceDialog>();
        if (!editor || edited)
            return;
        edited = true;
        retype(child<QLineEdit>(editor, "spaceName"), QStringLiteral("Great hall"));
        d.window.setIdleLockInterval(std::chrono::milliseconds(50));
    });
    poll.start();
    hub::test::MessageBoxAnswerer answerer(QMessageBox::Save);
    d.menuAction(QStringLiteral("Spaces…"))->trigger();
    poll.stop();
    d.window.setIdleLockInterval(std::chrono::minutes(10));

    REQUIRE(edited);
    CHECK(d.window.isLocked());
    CHECK(hub::test::visibleTopLevel<hub::SpaceDialog>() == nullptr);
    // "Save changes?" was not asked of an empty desk, and nothing was saved.
    CHECK(answerer.texts().isEmpty());
    auto spaces = d.hub().spaces().list(true);
    REQUIRE(spaces);
    REQUIRE(spaces->size() == 1);
    CHECK(spaces->first().name == QStringLiteral("Main hall"));
    CHECK(d.screen->closedFormsNote().contains(QStringLiteral("Spaces")));
}

TEST_CASE("typing in an open dialog counts as activity and keeps the desk unlocked", "[signin][idle]")
{
    DeskWithUsers d;
    d.submit(QStringLiteral("Tess"), TreasurerPass);
    REQUIRE_FALSE(d.window.isSignInShown());
    d.window.setIdleLockInterval(std::chrono::minutes(10));
    auto *watcher = d.window.findChild<hub::IdleWatcher *>();
    REQUIRE(watcher);
    REQUIRE(watcher->isArmed());
    QTest::keyClick(&d.window, Qt::Key_1, Qt::ControlModifier);
    QTest::mouseClick(child<QPushButton>(&d.window, "todayRecordTransfer"), Qt::LeftButton);
    auto *dialog = hub::test::visibleTopLevel<hub::TransferDialog>();
    REQUIRE(dialog);

    QSignalSpy activity(watcher, &hub::IdleWatcher::activity);
    QTest::keyClicks(child<QLineEdit>(dialog, "transferMemo"), QStringLiteral("Soup"));
    CHECK(activity.count() >= 4);
    QTest::mouseClick(child<QLineEdit>(dialog, "transferAmount"), Qt::LeftButton);
    CHECK(activity.count() >= 5);
    CHECK_FALSE(d.window.isLocked());
    CHECK(dialog->isVisible());
    dialog->reject();
}

TEST_CASE("the first user of a hub is added with a PIN in one go", "[signin]")
{
    hub::test::TempHub temp;
    temp.close();
    MainWindow window;
    REQUIRE(window.openHub(temp.path()));
    REQUIRE_FALSE(window.hub()->users().hasUsers());
    hub::UserDialog dialog(*window.hub(), &window);
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    child<QRadioButton>(&dialog, "userNewMember")->click();
    retype(child<QLineEdit>(&dialog, "userMemberName"), QStringLiteral("Ada Admin"));
    retype(child<QLineEdit>(&dialog, "userName"), QStringLiteral("Ada"));
    auto *admin = child<QCheckBox>(&dialog, "userRole_admin");
    if (!admin->isChecked())
        admin->click();
    retype(child<QLineEdit>(&dialog, "userPassphrase"), AdminPass);
    retype(child<QLineEdit>(&dialog, "userRepeat"), AdminPass);
    retype(child<QLineEdit>(&dialog, "userPin"), QStringLiteral("470471"));
    child<QPushButton>(&dialog, "userAdd")->click();
    CHECK(dialog.result() == QDialog::Accepted);
    auto ada = window.hub()->users().find(QStringLiteral("Ada"));
    REQUIRE(ada);
    CHECK(ada->hasPin);
    CHECK(window.hub()->access().signInWithPin(QStringLiteral("Ada"), QStringLiteral("470471")));
}

TEST_CASE("Users and the audit log are in the sidebar and the Go menu only for those who may", "[signin]")
{
    DeskWithUsers d;
    d.submit(QStringLiteral("Fran"), DeskPass);
    auto *sidebar = child<QListWidget>(&d.window, "sidebar");
    CHECK(sidebar->item(int(MainWindow::Page::Users))->isHidden());
    CHECK(sidebar->item(int(MainWindow::Page::Audit))->isHidden());
    CHECK_FALSE(d.menuAction(QStringLiteral("Users"))->isVisible());

    d.window.switchUser();
    d.submit(QStringLiteral("Ada"), AdminPass);
    REQUIRE_FALSE(sidebar->item(int(MainWindow::Page::Users))->isHidden());
    REQUIRE_FALSE(sidebar->item(int(MainWindow::Page::Audit))->isHidden());
    QTest::keyClick(&d.window, Qt::Key_9, Qt::ControlModifier);
    CHECK(d.window.currentPage() == MainWindow::Page::Audit);
    CHECK(sidebar->currentRow() == int(MainWindow::Page::Audit));
    const QRect rect = sidebar->visualItemRect(sidebar->item(int(MainWindow::Page::Users)));
    QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, rect.center());
    CHECK(d.window.currentPage() == MainWindow::Page::Users);
}
