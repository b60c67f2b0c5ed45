// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/hub.h"
#include "core/settings/settingsservice.h"
#include "core/storage/query.h"
#include "tests/support/temphub.h"
#include "tests/ui/messageboxanswerer.h"
#include "tests/ui/retype.h"
#include "tests/ui/widgetlookup.h"
#include "ui/mainwindow.h"
#include "ui/pages/settingspage.h"
#include "ui/widgets/fielderrorlabel.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using hub::MainWindow;
using hub::test::child;
using hub::test::retype;

namespace {

/// The main window on a temporary hub, showing the Settings page.
struct SettingsOnTempHub
{
    hub::test::TempHub temp;
    MainWindow window;
    hub::SettingsPage *page = nullptr;

    SettingsOnTempHub()
    {
        temp.close();
        REQUIRE(window.openHub(temp.path()));
        window.resize(1280, 720);
        window.show();
        window.activateWindow();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        QTest::keyClick(&window, Qt::Key_7, Qt::ControlModifier);
        REQUIRE(window.currentPage() == MainWindow::Page::Settings);
        page = child<hub::SettingsPage>(&window, "settingsPage");
    }

    hub::HubSettings stored() const
    {
        auto s = window.hub()->settings().load();
        REQUIRE(s);
        return *s;
    }
};

} // namespace

TEST_CASE("a new hub name saved in Settings is stored and shown in the window title")
{
    SettingsOnTempHub s;
    auto *save = child<QPushButton>(s.page, "settingsSave");
    CHECK_FALSE(save->isEnabled()); // nothing to save yet

    retype(child<QLineEdit>(s.page, "settingsName"), QStringLiteral("Canal Street Hub"));
    REQUIRE(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);

    CHECK(s.stored().name == QStringLiteral("Canal Street Hub"));
    // The window hears of the change once the save has returned.
    CHECK(QTest::qWaitFor([&] { return s.window.windowTitle() == QStringLiteral("Canal Street Hub — Hubkeeper"); }));
    s.window.showPage(hub::MainWindow::Page::Today);
    CHECK(child<QLabel>(&s.window, "todayHubName")->text() == QStringLiteral("Canal Street Hub"));
    s.window.showPage(hub::MainWindow::Page::Settings);
    CHECK(child<QLabel>(s.page, "settingsStatus")->text() == QStringLiteral("Settings saved."));
    CHECK_FALSE(save->isEnabled());
}

TEST_CASE("an unknown time zone is named beside its field and nothing is saved")
{
    SettingsOnTempHub s;
    const hub::HubSettings before = s.stored();
    retype(child<QLineEdit>(s.page, "settingsName"), QStringLiteral("Not Saved Hub"));
    auto *zone = child<QComboBox>(s.page, "settingsTimeZone");
    retype(zone->lineEdit(), QStringLiteral("Mars/Olympus"));
    QTest::mouseClick(child<QPushButton>(s.page, "settingsSave"), Qt::LeftButton);

    auto *error = child<hub::FieldErrorLabel>(s.page, "error_timezone");
    CHECK(error->isVisible());
    CHECK(error->text().contains(QStringLiteral("Mars/Olympus")));
    CHECK(s.page->errorFor(QStringLiteral("name")).isEmpty());
    CHECK(child<QLabel>(s.page, "settingsStatus")->text().contains(QStringLiteral("Nothing was saved")));
    // The whole form is refused, including the good name.
    CHECK(s.stored().name == before.name);
    CHECK(s.stored().timeZone == before.timeZone);
    CHECK(s.window.windowTitle() == before.name + QStringLiteral(" — Hubkeeper"));

    // Editing the field clears its stale message.
    QTest::keyClick(zone->lineEdit(), Qt::Key_Backspace);
    CHECK_FALSE(error->isVisible());
}

TEST_CASE("every bad field is named at once - an empty name and a positive lower limit")
{
    SettingsOnTempHub s;
    retype(child<QLineEdit>(s.page, "settingsName"), QString());
    retype(child<QLineEdit>(s.page, "settingsLimitMin"), QStringLiteral("5"));
    retype(child<QLineEdit>(s.page, "settingsLimitMax"), QStringLiteral("1.234"));
    CHECK_FALSE(s.page->save());
    CHECK_FALSE(s.page->errorFor(QStringLiteral("name")).isEmpty());
    CHECK_FALSE(s.page->errorFor(QStringLiteral("default_limit_min")).isEmpty());
    CHECK_FALSE(s.page->errorFor(QStringLiteral("default_limit_max")).isEmpty());
    CHECK(s.page->errorFor(QStringLiteral("timezone")).isEmpty());
    CHECK(s.stored().name == hub::HubSettings::defaults().name);
}

TEST_CASE("Ctrl+S saves the unit and limits and Revert puts back what is stored")
{
    SettingsOnTempHub s;
    REQUIRE(QTest::qWaitForWindowActive(&s.window));
    retype(child<QLineEdit>(s.page, "settingsUnitName"), QStringLiteral("Credits"));
    retype(child<QLineEdit>(s.page, "settingsUnitSymbol"), QStringLiteral("cr"));
    auto *decimals = child<QSpinBox>(s.page, "settingsDecimals");
    decimals->setValue(0);
    // Limits are rewritten in the new number of decimals.
    CHECK(child<QLineEdit>(s.page, "settingsLimitMin")->text() == QStringLiteral("-20"));
    retype(child<QLineEdit>(s.page, "settingsLimitMax"), QStringLiteral("100"));
    // A button's shortcut "animates" the click, which lands a moment later.
    QSignalSpy clicked(child<QPushButton>(s.page, "settingsSave"), &QPushButton::clicked);
    QTest::keyClick(&s.window, Qt::Key_S, Qt::ControlModifier);
    REQUIRE((clicked.count() == 1 || clicked.wait(2000)));

    hub::HubSettings saved = s.stored();
    CHECK(saved.unitName == QStringLiteral("Credits"));
    CHECK(saved.unitSymbol == QStringLiteral("cr"));
    CHECK(saved.decimals == 0);
    CHECK(saved.defaultLimitMin == hub::Amount::fromMinor(-20));
    REQUIRE(saved.defaultLimitMax);
    CHECK(*saved.defaultLimitMax == hub::Amount::fromMinor(100));

    auto *name = child<QLineEdit>(s.page, "settingsName");
    retype(name, QStringLiteral("Changed my mind"));
    QTest::mouseClick(child<QPushButton>(s.page, "settingsRevert"), Qt::LeftButton);
    CHECK(name->text() == saved.name);
    CHECK_FALSE(s.page->isModified());
}

TEST_CASE("the Settings page shows the hub file and its integrity check passes on a new hub")
{
    SettingsOnTempHub s;
    CHECK(child<QLabel>(s.page, "settingsHubPath")->text().endsWith(QStringLiteral("hub.sqlite")));
    QTest::mouseClick(child<QPushButton>(s.page, "settingsCheckIntegrity"), Qt::LeftButton);
    CHECK(child<QLabel>(s.page, "settingsIntegrityFindings")->text() == QStringLiteral("All checks passed."));
}

TEST_CASE("Check integrity runs off the window's thread and lists what it finds, naming where")
{
    SettingsOnTempHub s;
    {
        hub::Query q(s.window.hub()->database(),
                     QStringLiteral("UPDATE settings SET value = 'Mars/Olympus' WHERE key = 'timezone'"));
        REQUIRE(q.exec());
    }
    auto *check = child<QPushButton>(s.page, "settingsCheckIntegrity");
    QTest::mouseClick(check, Qt::LeftButton);
    const QString text = child<QLabel>(s.page, "settingsIntegrityFindings")->text();
    INFO(text.toStdString());
    CHECK(text.startsWith(QStringLiteral("1 problem")));
    CHECK(text.contains(QStringLiteral("(timezone)")));
    CHECK(check->isEnabled());
}

TEST_CASE("closing the window with edited settings offers to save them")
{
    SettingsOnTempHub s;
    retype(child<QLineEdit>(s.page, "settingsName"), QStringLiteral("Old Market Hub"));

    {
        hub::test::MessageBoxAnswerer answerer(QMessageBox::Cancel);
        CHECK_FALSE(s.window.close());
        CHECK(answerer.texts().size() == 1);
        CHECK(s.window.isVisible());
    }
    hub::test::MessageBoxAnswerer answerer(QMessageBox::Save);
    CHECK(s.window.close());
    CHECK(s.stored().name == QStringLiteral("Old Market Hub"));
}
