// SPDX-License-Identifier: GPL-3.0-or-later
// Not a check: renders every page and the welcome dialog at 1280×720 into
// <build>/shots so a person can look at them. Hidden from CTest; run with
//   test_ui "[shots]"
#include "tests/support/temphub.h"
#include "tests/ui/widgetlookup.h"
#include "ui/dialogs/welcomedialog.h"
#include "ui/mainwindow.h"
#include "ui/pages/settingspage.h"

#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QPixmap>
#include <QPushButton>
#include <QTest>

using hub::MainWindow;
using hub::test::child;

namespace {
QString shotsDir()
{
    const QString dir = QStringLiteral(HUB_TEST_BUILD_DIR "/shots");
    QDir().mkpath(dir);
    return dir;
}

void shoot(QWidget *widget, const QString &name)
{
    QTest::qWait(50); // let layouts and deferred paints settle
    const QString file = QDir(shotsDir()).filePath(name + QStringLiteral(".png"));
    REQUIRE(widget->grab().save(file));
}
} // namespace

TEST_CASE("screenshots of every page and the welcome dialog", "[.][shots]")
{
    hub::test::TempHub temp;
    temp.close();
    MainWindow window;
    REQUIRE(window.openHub(temp.path()));
    window.resize(1280, 720);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));

    static const char *const names[MainWindow::PageCount] = {
        "1-today",      "2-members", "3-calendar", "4-ledger",
        "5-gatherings", "6-reports", "7-settings"};
    for (int i = 0; i < MainWindow::PageCount; ++i) {
        window.showPage(MainWindow::Page(i));
        shoot(&window, QString::fromLatin1(names[i]));
    }

    auto *page = child<hub::SettingsPage>(&window, "settingsPage");
    child<QComboBox>(page, "settingsTimeZone")->setEditText(QStringLiteral("Mars/Olympus"));
    child<QLineEdit>(page, "settingsLimitMin")->setText(QStringLiteral("5"));
    page->save();
    page->checkIntegrity();
    shoot(&window, QStringLiteral("8-settings-errors"));

    hub::WelcomeDialog dialog;
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    shoot(&dialog, QStringLiteral("9-welcome-create"));
    dialog.setChoice(hub::WelcomeDialog::Choice::Open);
    shoot(&dialog, QStringLiteral("9-welcome-open"));
    dialog.setChoice(hub::WelcomeDialog::Choice::Demo);
    shoot(&dialog, QStringLiteral("9-welcome-demo"));
    dialog.setChoice(hub::WelcomeDialog::Choice::Create);
    dialog.setNotice(
        QStringLiteral("/home/desk/hub.sqlite could not be opened. Choose another way to start."));
    child<QLineEdit>(&dialog, "createName")->clear();
    QTest::mouseClick(child<QPushButton>(&dialog, "welcomeProceed"), Qt::LeftButton);
    shoot(&dialog, QStringLiteral("9-welcome-errors"));
}
