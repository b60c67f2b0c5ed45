// SPDX-License-Identifier: GPL-3.0-or-later
// Roles at the shared desk: sign-in, what a role may not do shown as disabled
// with who may, switch user, the audit log, and the idle lock.
#include "core/access/accesscontrol.h"
#include "core/access/userservice.h"
#include "core/audit/audittablemodel.h"
#include "core/hub.h"
#include "core/ledger/ledgerservice.h"
#include "core/members/memberservice.h"
#include "tests/support/temphub.h"
#include "tests/ui/messageboxanswerer.h"
#include "tests/ui/widgetlookup.h"
#include "ui/access/signinscreen.h"
#include "ui/dialogs/auditexportjob.h"
#include "ui/dialogs/welcomedialog.h"
#include "ui/mainwindow.h"
#include "ui/pages/auditpage.h"
#include "ui/pages/ledgerpage.h"
#include "ui/pages/userspage.h"
#include "ui/widgets/fielderrorlabel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QTest>
#include <QToolButton>

using hub::MainWindow;
using hub::Permission;
using hub::Role;
using hub::test::child;

namespace {

const QString AdminPass = QStringLiteral("correct horse battery");
const QString DeskPass = QStringLiteral("front desk at nine");
const QString TreasurerPass = QStringLiteral("balances add up to zero");

/// A hub with an admin, a front-desk volunteer and a treasurer, one transfer
/// between two members, opened in the main window (which asks who is there).
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
        REQUIRE(h.users().add(QStringLiteral("Ada"), member("Ada Lovelace"), {Role::Admin}, AdminPass));
        // From here on changes need a signed-in admin.
        REQUIRE(h.access().signIn(QStringLiteral("Ada"), AdminPass));
        REQUIRE(h.users().add(QStringLiteral("Fran"), member("Fran Jones"), {Role::FrontDesk}, DeskPass));
        REQUIRE(h.users().add(QStringLiteral("Tess"), member("Tess Okafor"), {Role::Treasurer}, TreasurerPass));
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

} // namespace

TEST_CASE("a hub with users asks who is at the desk and names a wrong passphrase", "[signin]")
{
    DeskWithUsers d;
    REQUIRE(d.window.isSignInShown());
    CHECK(d.screen->mode() == hub::SignInScreen::Mode::SignIn);
    CHECK(child<QListWidget>(d.screen, "signInUsers")->count() == 3);
    CHECK(child<QLabel>(&d.window, "currentUserLabel")->text() == QStringLiteral("Nobody signed in"));
    // Nothing behind the screen can be reached from the menus.
    CHECK_FALSE(d.menuAction(QStringLiteral("Backup…"))->isEnabled());
    CHECK(d.menuAction(QStringLiteral("Quit"))->isEnabled());

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

TEST_CASE("switch user hands the desk to the treasurer who reverses a transfer seen in the audit log",
          "[signin]")
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
    REQUIRE(d.hub().users().setPin(fran->id, QStringLiteral("4711")));

    d.window.switchUser();
    d.submit(QStringLiteral("Fran"), QStringLiteral("4711"));
    REQUIRE_FALSE(d.window.isSignInShown());
    CHECK(child<QLabel>(&d.window, "currentUserLabel")->text() ==
          QStringLiteral("Fran · Front desk, Facilitator"));
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
