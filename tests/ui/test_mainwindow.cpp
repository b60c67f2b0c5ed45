// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/displayformat.h"
#include "core/hub.h"
#include "core/members/memberservice.h"
#include "core/settings/settingsservice.h"
#include "core/storage/hubseal.h"
#include "tests/support/temphub.h"
#include "tests/ui/messageboxanswerer.h"
#include "tests/ui/widgetlookup.h"
#include "ui/mainwindow.h"
#include "ui/pages/todaypage.h"
#include "ui/widgets/emptystatewidget.h"

#include <QClipboard>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>
#include <QTimeZone>

using hub::MainWindow;
using hub::test::child;
using WindowPage = hub::MainWindow::Page;

namespace {

struct PageExpectation
{
    WindowPage page;
    const char *objectName;
    const char *explains; ///< words the empty state must say; nullptr for real pages
};

const PageExpectation pages[] = {
    {WindowPage::Today, "todayPage", "who is booked into which space today"},
    {WindowPage::Members, "membersPage", "Add the first one with New member"},
    {WindowPage::Calendar, "calendarPage", "Add the hub's rooms first"},
    {WindowPage::Ledger, "ledgerPage", "Record the first one with New transfer"},
    {WindowPage::Gatherings, "gatheringsPage", "Hold a Friendly gathering"},
    {WindowPage::Reports, "reportsPage", "then press Run"},
    {WindowPage::Settings, "settingsPage", nullptr},
    {WindowPage::Users, "usersPage", nullptr},
    {WindowPage::Audit, "auditPage", nullptr},
};

/// A main window on a fresh temporary hub, shown at the smallest size we support.
struct WindowOnTempHub
{
    hub::test::TempHub temp;
    MainWindow window;

    WindowOnTempHub()
    {
        temp.close();
        REQUIRE(window.openHub(temp.path()));
        window.resize(1280, 720);
        window.show();
        window.activateWindow();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
    }
};

void clickSidebarRow(QListWidget *sidebar, int row)
{
    const QRect rect = sidebar->visualItemRect(sidebar->item(row));
    QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, rect.center());
}

} // namespace

TEST_CASE("every sidebar page can be visited and each empty page explains what will be there")
{
    WindowOnTempHub w;
    auto *sidebar = child<QListWidget>(&w.window, "sidebar");
    auto *stack = child<QStackedWidget>(&w.window, "pages");
    // Users and the audit log too: without users everyone is the implicit admin.
    REQUIRE(sidebar->count() == MainWindow::AllPageCount);

    // Visit in reverse so every click really changes the page.
    for (int i = MainWindow::AllPageCount - 1; i >= 0; --i) {
        const PageExpectation &expected = pages[i];
        INFO("page " << expected.objectName);
        clickSidebarRow(sidebar, i);
        CHECK(w.window.currentPage() == expected.page);
        CHECK(stack->currentWidget()->objectName() == QString::fromLatin1(expected.objectName));
        CHECK(stack->currentWidget()->isVisible());
        if (!expected.explains)
            continue;
        // A page may hold several empty states (a tab's, a list's): the visible one speaks for the page.
        hub::EmptyStateWidget *empty = nullptr;
        for (auto *candidate : stack->currentWidget()->findChildren<hub::EmptyStateWidget *>())
            if (candidate->isVisible() && !empty)
                empty = candidate;
        REQUIRE(empty != nullptr);
        auto *text = child<QLabel>(empty, "emptyStateText");
        CHECK(text->isVisible());
        CHECK(text->text().contains(QString::fromUtf8(expected.explains)));
        CHECK_FALSE(child<QLabel>(empty, "emptyStateTitle")->text().isEmpty());
    }
}

TEST_CASE("Ctrl+1 to Ctrl+7 switch between the pages")
{
    WindowOnTempHub w;
    REQUIRE(QTest::qWaitForWindowActive(&w.window));
    for (int i = MainWindow::PageCount - 1; i >= 0; --i) {
        QTest::keyClick(&w.window, Qt::Key(Qt::Key_1 + i), Qt::ControlModifier);
        CHECK(w.window.currentPage() == WindowPage(i));
    }
}

TEST_CASE("the Ledger and Gatherings pages read the hub when first shown, then follow its changes")
{
    hub::test::TempHub temp;
    hub::MemberDraft d;
    d.displayName = QStringLiteral("Ada Lovelace");
    REQUIRE(temp->members().add(d));
    temp.close();
    MainWindow window;
    REQUIRE(window.openHub(temp.path()));
    auto *transfers = child<QTableView>(&window, "transferTable");
    auto *accounts = child<QTableView>(&window, "accountTable");
    // Out of sight, the heavy pages have read nothing yet.
    CHECK(transfers->model() == nullptr);
    CHECK(accounts->model() == nullptr);

    // A change made before the page is first shown is on it when it shows.
    hub::MemberDraft bo;
    bo.displayName = QStringLiteral("Bo Diddley");
    REQUIRE(window.hub()->members().add(bo));
    QApplication::processEvents();
    window.showPage(WindowPage::Ledger);
    REQUIRE(accounts->model() != nullptr);
    CHECK(accounts->model()->rowCount() >= 2);

    // Once shown, it follows changes like every other page.
    hub::MemberDraft cy;
    cy.displayName = QStringLiteral("Cy Twombly");
    REQUIRE(window.hub()->members().add(cy));
    QApplication::processEvents();
    CHECK(accounts->model()->rowCount() >= 3);
}

TEST_CASE("the window title and the Today page show the hub's name")
{
    WindowOnTempHub w;
    auto settings = w.window.hub()->settings().load();
    REQUIRE(settings);
    CHECK(w.window.windowTitle() == settings->name + QStringLiteral(" — Hubkeeper"));
    auto *today = child<hub::TodayPage>(&w.window, "todayPage");
    CHECK(child<QLabel>(today, "todayHubName")->text() == settings->name);
}

TEST_CASE("the Today page shows today's date in the hub's time zone and not the computer's")
{
    hub::test::TempHub temp;
    REQUIRE(temp->settings().set(QStringLiteral("timezone"), QStringLiteral("Pacific/Auckland")));
    temp.close();
    MainWindow window;
    REQUIRE(window.openHub(temp.path()));
    auto *today = child<hub::TodayPage>(&window, "todayPage");

    // 23:30 UTC on 30 March is already the 31st in Auckland (UTC+13).
    today->setClock([] { return QDateTime(QDate(2024, 3, 30), QTime(23, 30), QTimeZone::utc()); });
    CHECK(child<QLabel>(today, "todayDate")->text() == hub::DisplayFormat::heading(QDate(2024, 3, 31)));
    CHECK(child<QLabel>(today, "todayTimeZone")->text().contains(QStringLiteral("Pacific/Auckland")));
}

TEST_CASE("a file that is not a hub is refused with a message and the open hub stays open")
{
    WindowOnTempHub w;
    const QString bogus = w.temp.file(QStringLiteral("notes.sqlite"));
    hub::test::writeBytes(bogus, "shopping list: milk, eggs, a new kettle for the café\n");
    const QByteArray before = hub::test::readBytes(bogus);

    hub::test::MessageBoxAnswerer answerer;
    CHECK_FALSE(w.window.openHub(bogus));
    REQUIRE(answerer.texts().size() == 1);
    CHECK_FALSE(answerer.texts().constFirst().isEmpty());
    REQUIRE(w.window.hub() != nullptr);
    CHECK(w.window.hub()->path() == QFileInfo(w.temp.path()).absoluteFilePath());
    CHECK(hub::test::readBytes(bogus) == before);
}

TEST_CASE("a backup restored from the File menu brings back its data and keeps the current hub")
{
    WindowOnTempHub w;
    REQUIRE(w.window.hub()->settings().set(QStringLiteral("name"), QStringLiteral("Before Hub")));
    const QString backup = w.temp.file(QStringLiteral("backup.sqlite"));
    REQUIRE(w.window.backupTo(backup));
    hub::test::closeNotice(&w.window, "backupNotice");
    REQUIRE(QFileInfo::exists(backup));
    REQUIRE(w.window.hub()->settings().set(QStringLiteral("name"), QStringLiteral("After Hub")));

    hub::test::MessageBoxAnswerer answerer(QMessageBox::Yes);
    REQUIRE(w.window.restoreFrom(backup));
    // The confirmation says where the current hub is kept; then the report.
    REQUIRE(answerer.texts().size() == 2);
    CHECK(answerer.texts().at(0).contains(QStringLiteral("hub.sqlite.before-restore-")));
    CHECK(answerer.texts().at(1).contains(QStringLiteral(".before-restore-")));

    REQUIRE(w.window.hub() != nullptr);
    CHECK(w.window.hub()->settings().load()->name == QStringLiteral("Before Hub"));
    CHECK(w.window.windowTitle() == QStringLiteral("Before Hub — Hubkeeper"));
    const QStringList kept = QDir(w.temp.dir()).entryList({QStringLiteral("hub.sqlite.before-restore-*")});
    CHECK(kept.size() == 1);
}

TEST_CASE("a restore that is not confirmed changes nothing")
{
    WindowOnTempHub w;
    const QString backup = w.temp.file(QStringLiteral("backup.sqlite"));
    REQUIRE(w.window.backupTo(backup));
    hub::test::closeNotice(&w.window, "backupNotice");
    REQUIRE(w.window.hub()->settings().set(QStringLiteral("name"), QStringLiteral("Kept Hub")));

    hub::test::MessageBoxAnswerer answerer(QMessageBox::Cancel);
    CHECK_FALSE(w.window.restoreFrom(backup));
    CHECK(answerer.texts().size() == 1);
    CHECK(w.window.hub()->settings().load()->name == QStringLiteral("Kept Hub"));
}

TEST_CASE("a backup from the window shows the seal of the copy, to copy and note down")
{
    WindowOnTempHub w;
    REQUIRE(w.window.hub()->settings().set(QStringLiteral("name"), QStringLiteral("Sealed Hub")));
    const QString backup = w.temp.file(QStringLiteral("backup.sqlite"));
    REQUIRE(w.window.backupTo(backup));
    auto *notice = child<QMessageBox>(&w.window, "backupNotice");
    REQUIRE(notice->isVisible());
    const auto seal = hub::HubSeal::ofBackup(backup);
    REQUIRE(seal);
    CHECK(seal->auditId > 0);
    CHECK(notice->text().contains(seal->text()));
    // The backup's own audit row comes after the copy: the hub's chain continues from the seal.
    CHECK(hub::HubSeal::verify(w.window.hub()->database(), *seal).isEmpty());

    QGuiApplication::clipboard()->clear();
    QTest::mouseClick(child<QPushButton>(notice, "backupCopySeal"), Qt::LeftButton);
    CHECK(QGuiApplication::clipboard()->text() == seal->text());
}
