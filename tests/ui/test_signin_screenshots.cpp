// SPDX-License-Identifier: GPL-3.0-or-later
// Not a check: renders the sign-in and lock screens, the Users page, the
// Audit log page and the add-user dialog at 1280×720 into <build>/shots.
// Hidden from CTest; run with  test_ui "[signin-shots]"
#include "core/access/accesscontrol.h"
#include "core/access/userservice.h"
#include "core/hub.h"
#include "core/members/memberservice.h"
#include "tests/support/temphub.h"
#include "tests/ui/screenshot.h"
#include "tests/ui/widgetlookup.h"
#include "ui/access/signinscreen.h"
#include "ui/dialogs/userdialog.h"
#include "ui/dialogs/welcomedialog.h"
#include "ui/mainwindow.h"
#include "ui/pages/settingspage.h"
#include "ui/pages/todaypage.h"

#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTest>

using hub::MainWindow;
using hub::Role;
using hub::test::child;
using hub::test::shoot;

TEST_CASE("screenshots of sign-in, lock, users and audit log", "[.][shots][signin-shots]")
{
    const QString pass = QStringLiteral("a long enough passphrase");
    hub::test::TempHub temp;
    {
        hub::Hub &h = temp.hub();
        const auto member = [&h](const char *name) {
            hub::MemberDraft d;
            d.displayName = QString::fromUtf8(name);
            return h.members().add(d)->id;
        };
        REQUIRE(h.users().add(QStringLiteral("Siân"), member("Siân Davies"), {Role::Admin, Role::Treasurer}, pass));
        REQUIRE(h.access().signIn(QStringLiteral("Siân"), pass));
        REQUIRE(h.users().add(QStringLiteral("Tomasz"), member("Tomasz Nowak"), {Role::FrontDesk}, pass));
        REQUIRE(h.users().add(QStringLiteral("Hodan"), member("Hodan Warsame"), {Role::Facilitator, Role::FrontDesk},
                              pass));
        REQUIRE(h.users().add(QStringLiteral("Kemal"), member("Kemal Yılmaz"), {Role::Treasurer}, pass));
        auto hodan = h.users().find(QStringLiteral("Hodan"));
        REQUIRE(h.users().setPin(hodan->id, QStringLiteral("246813")));
        h.access().signOut();
        h.access().signIn(QStringLiteral("Tomasz"), QStringLiteral("not the passphrase"));
    }
    temp.close();

    MainWindow window;
    REQUIRE(window.openHub(temp.path()));
    window.resize(1280, 720);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    hub::SignInScreen *screen = window.signInScreen();
    shoot(&window, QStringLiteral("signin-1-choose"));
    screen->chooseUser(QStringLiteral("Hodan"));
    QTest::keyClicks(child<QLineEdit>(screen, "signInSecret"), QStringLiteral("wrong one!"));
    screen->submit();
    shoot(&window, QStringLiteral("signin-2-wrong"));

    screen->chooseUser(QStringLiteral("Siân"));
    QTest::keyClicks(child<QLineEdit>(screen, "signInSecret"), pass);
    REQUIRE(screen->submit());
    window.showPage(MainWindow::Page::Settings);
    shoot(&window, QStringLiteral("signin-3-settings"));
    // Siân is the treasurer too: the front-desk ceiling, refused beside its field.
    auto *settings = child<hub::SettingsPage>(&window, "settingsPage");
    auto *ceiling = child<QLineEdit>(settings, "settingsFrontDeskCeiling");
    ceiling->setText(QStringLiteral("12.505"));
    CHECK_FALSE(settings->save());
    child<QScrollArea>(settings, "settingsScrollArea")->ensureWidgetVisible(ceiling);
    shoot(&window, QStringLiteral("signin-3b-ceiling-error"));
    settings->revert();
    window.showPage(MainWindow::Page::Users);
    shoot(&window, QStringLiteral("signin-4-users"));
    window.showPage(MainWindow::Page::Audit);
    shoot(&window, QStringLiteral("signin-5-audit"));
    // A transfer left half-typed: the lock closes it and says so.
    window.showPage(MainWindow::Page::Today);
    child<hub::TodayPage>(&window, "todayPage")->recordTransfer();
    REQUIRE(window.lock());
    shoot(&window, QStringLiteral("signin-6-locked"));

    hub::UserDialog dialog(*window.hub(), &window);
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    shoot(&dialog, QStringLiteral("signin-7-add-user"));
    child<QPushButton>(&dialog, "userAdd")->click();
    shoot(&dialog, QStringLiteral("signin-8-add-user-errors"));
    dialog.close();

    hub::WelcomeDialog welcome;
    welcome.show();
    REQUIRE(QTest::qWaitForWindowExposed(&welcome));
    child<QLineEdit>(&welcome, "createAdminName")->setText(QStringLiteral("Siân Davies"));
    child<QLineEdit>(&welcome, "createAdminPassphrase")->setText(QStringLiteral("short"));
    child<QLineEdit>(&welcome, "createName")->clear();
    QTest::mouseClick(child<QPushButton>(&welcome, "welcomeProceed"), Qt::LeftButton);
    shoot(&welcome, QStringLiteral("signin-9-welcome-admin"));
}
