// SPDX-License-Identifier: GPL-3.0-or-later
// The window is usable at 1280×720: on a demo hub, every page (facilitator
// mode and each report shown included) asks for no more room than that,
// sidebar and all, and the window really takes that size.
#include "core/demo/demogenerator.h"
#include "core/gatherings/gatheringservice.h"
#include "core/hub.h"
#include "core/reports/reportservice.h"
#include "tests/ui/demowindow.h"
#include "tests/ui/widgetlookup.h"
#include "ui/mainwindow.h"
#include "ui/pages/gatheringspage.h"
#include "ui/pages/reportspage.h"
#include "ui/widgets/facilitatorview.h"

#include <QDir>
#include <QLabel>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>

using hub::MainWindow;
using hub::test::child;
using WindowPage = hub::MainWindow::Page;

namespace {

constexpr int ScreenWidth = 1024; // and 720 high: both 1024×768 and 1280×720 screens
constexpr int ScreenHeight = 720;

/// Checks the window's minimum and its real size at 1280×720 with `what` on screen.
void checkFits(MainWindow &window, const QString &what)
{
    INFO("on screen: " << what.toStdString());
    const QSize minimum = window.minimumSizeHint().expandedTo(window.minimumSize());
    INFO("minimum " << minimum.width() << "x" << minimum.height());
    CHECK(minimum.width() <= ScreenWidth);
    CHECK(minimum.height() <= ScreenHeight);
    window.resize(ScreenWidth, ScreenHeight);
    QCoreApplication::processEvents();
    CHECK(window.width() == ScreenWidth);
    CHECK(window.height() == ScreenHeight);
}

/// A shown window on a demo hub, at the smallest size we support.
struct WindowOnDemoHub : hub::test::DemoWindow
{
    WindowOnDemoHub() : hub::test::DemoWindow(QSize(ScreenWidth, ScreenHeight)) {}

    /// The demo's next gathering, or its last one.
    hub::GatheringId someGathering()
    {
        auto upcoming = window.hub()->gatherings().upcoming(1);
        auto past = window.hub()->gatherings().past(1);
        REQUIRE(upcoming);
        REQUIRE(past);
        if (!upcoming->isEmpty())
            return upcoming->first().id;
        REQUIRE_FALSE(past->isEmpty());
        return past->first().id;
    }
};

} // namespace

TEST_CASE("every page of the window fits 1024x768 and 1280x720 with the sidebar on a demo hub", "[mainwindow][fit]")
{
    WindowOnDemoHub demo;
    MainWindow &window = demo.window;

    const std::pair<WindowPage, const char *> pages[] = {
        {WindowPage::Today, "Today"},       {WindowPage::Members, "Members"},       {WindowPage::Calendar, "Calendar"},
        {WindowPage::Ledger, "Ledger"},     {WindowPage::Gatherings, "Gatherings"}, {WindowPage::Reports, "Reports"},
        {WindowPage::Settings, "Settings"}, {WindowPage::Users, "Users"},           {WindowPage::Audit, "Audit log"},
    };
    for (const auto &[page, name] : pages) {
        window.showPage(page);
        REQUIRE(window.currentPage() == page);
        checkFits(window, QString::fromLatin1(name));
    }
    // The calendar's long date heading stays on one line at 1024.
    window.showPage(WindowPage::Calendar);
    QCoreApplication::processEvents();
    auto *heading = child<QLabel>(&window, "calendarHeading");
    CHECK(heading->height() < 2 * heading->fontMetrics().height());
    CHECK(heading->text().contains(QString::number(QDate::currentDate().year())));

    // Facilitator mode: large fonts for the projector, still inside the screen.
    window.showPage(WindowPage::Gatherings);
    auto *gatherings = child<hub::GatheringsPage>(&window, "gatheringsPage");
    gatherings->startFacilitating(demo.someGathering());
    REQUIRE(gatherings->facilitator()->isVisible());
    checkFits(window, QStringLiteral("facilitator mode"));
    QTest::keyClick(gatherings->facilitator(), Qt::Key_Escape);
    gatherings->showChallenges();
    checkFits(window, QStringLiteral("business challenges"));

    // Every report, each of its tables shown with its chart.
    window.showPage(WindowPage::Reports);
    auto *reports = child<hub::ReportsPage>(&window, "reportsPage");
    for (const hub::Report *report : window.hub()->reports().reports()) {
        REQUIRE(reports->selectReport(report->name()));
        reports->pickPeriod(hub::ReportsPage::QuickPeriod::ThisYear);
        REQUIRE(reports->run());
        for (int table = 0; table < std::max(1, reports->tableCount()); ++table) {
            if (reports->tableCount() > 0)
                reports->showTable(table);
            checkFits(window, QStringLiteral("report %1, table %2").arg(report->name()).arg(table));
        }
    }

    // At 1280 the occupancy table shows every column, Charged last, with no
    // scrollbar: a figure's column is never sized like a memo's.
    window.resize(1280, ScreenHeight);
    REQUIRE(reports->selectReport(QStringLiteral("occupancy")));
    reports->pickPeriod(hub::ReportsPage::QuickPeriod::ThisYear);
    REQUIRE(reports->run());
    QCoreApplication::processEvents();
    auto *table = child<QTableView>(reports, "reportTable");
    CHECK(table->horizontalScrollBar()->maximum() == 0);
}

TEST_CASE("a first window, with no size remembered, is no larger than its screen", "[mainwindow][fit]")
{
    QSettings().remove(QStringLiteral("mainWindow/geometry"));
    MainWindow window;
    REQUIRE(window.screen());
    const QSize screen = window.screen()->availableGeometry().size();
    INFO("screen " << screen.width() << "x" << screen.height());
    CHECK(window.width() <= screen.width());
    CHECK(window.height() <= screen.height());
}

TEST_CASE("screenshots of the window at 1280x720 in facilitator mode and with a report", "[.][shots]")
{
    WindowOnDemoHub demo;
    const QString dir = QStringLiteral(HUB_TEST_BUILD_DIR "/shots");
    QDir().mkpath(dir);
    const auto shoot = [&](const QString &name) {
        QTest::qWait(80);
        REQUIRE(demo.window.grab().save(QDir(dir).filePath(name + QStringLiteral(".png"))));
    };
    demo.window.showPage(WindowPage::Gatherings);
    auto *gatherings = child<hub::GatheringsPage>(&demo.window, "gatheringsPage");
    shoot(QStringLiteral("fit-gatherings"));
    gatherings->startFacilitating(demo.someGathering());
    shoot(QStringLiteral("fit-facilitator"));

    demo.window.showPage(WindowPage::Reports);
    auto *reports = child<hub::ReportsPage>(&demo.window, "reportsPage");
    REQUIRE(reports->selectReport(QStringLiteral("statements")));
    reports->pickPeriod(hub::ReportsPage::QuickPeriod::ThisYear);
    REQUIRE(reports->run());
    shoot(QStringLiteral("fit-reports-statements"));
}

TEST_CASE("screenshots of every page at 1024x768 on a demo hub", "[.][shots]")
{
    WindowOnDemoHub demo;
    demo.window.resize(1024, 768);
    const QString dir = QStringLiteral(HUB_TEST_BUILD_DIR "/shots");
    QDir().mkpath(dir);
    for (int i = 0; i < MainWindow::AllPageCount; ++i) {
        demo.window.showPage(WindowPage(i));
        QTest::qWait(50);
        REQUIRE(demo.window.grab().save(QDir(dir).filePath(QStringLiteral("small-%1.png").arg(i))));
    }
}
