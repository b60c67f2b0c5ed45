// SPDX-License-Identifier: GPL-3.0-or-later
// Accessibility (issue 16): every page and dialog, on a demo hub, walked
// through QAccessible and with the Tab key. Each control has a name, each
// form label leads to its field, and Tab reaches every control.
#include "core/gatherings/checkinservice.h"
#include "core/gatherings/gatheringservice.h"
#include "core/gatherings/ideaservice.h"
#include "core/gatherings/workinggroupservice.h"
#include "core/hub.h"
#include "core/ledger/ledgerservice.h"
#include "core/members/memberservice.h"
#include "core/reports/reportservice.h"
#include "tests/ui/accessibilityaudit.h"
#include "tests/ui/demowindow.h"
#include "ui/access/workerhub.h"
#include "ui/dialogs/actiondialog.h"
#include "ui/dialogs/availabilitydialog.h"
#include "ui/dialogs/bookingdialog.h"
#include "ui/dialogs/calendarexportdialog.h"
#include "ui/dialogs/calendarimportdialog.h"
#include "ui/dialogs/challengedialog.h"
#include "ui/dialogs/gatheringdialog.h"
#include "ui/dialogs/groupmembersdialog.h"
#include "ui/dialogs/limitsdialog.h"
#include "ui/dialogs/matchesdialog.h"
#include "ui/dialogs/memberexportdialog.h"
#include "ui/dialogs/memberimportwizard.h"
#include "ui/dialogs/promotedialog.h"
#include "ui/dialogs/spacedialog.h"
#include "ui/dialogs/statementdialog.h"
#include "ui/dialogs/transferdialog.h"
#include "ui/dialogs/userdialog.h"
#include "ui/dialogs/walkinmergedialog.h"
#include "ui/dialogs/welcomedialog.h"
#include "ui/mainwindow.h"
#include "ui/pages/hubpage.h"
#include "ui/reports/reportexportdialog.h"

#include <QAccessible>
#include <QApplication>
#include <QTest>

#include <catch2/catch.hpp>
#include <functional>
#include <memory>
#include <optional>

using hub::MainWindow;
using WindowPage = hub::MainWindow::Page;

namespace {

/// A shown 1024×768 window on a demo hub.
struct DemoWindow : hub::test::DemoWindow
{
    DemoWindow() : hub::test::DemoWindow(QSize(1024, 768)) {}
};

void expectAccessible(QWidget *root, const QString &what)
{
    const QStringList problems = hub::test::auditAccessibility(root);
    INFO(what.toStdString() << ":\n" << problems.join(u'\n').toStdString());
    CHECK(problems.isEmpty());
}

/// Shows `dialog` as a person meets it, audits it and closes it.
void expectAccessible(std::unique_ptr<QDialog> dialog, const QString &what)
{
    REQUIRE(dialog);
    dialog->show();
    QApplication::setActiveWindow(dialog.get());
    REQUIRE(QTest::qWaitForWindowActive(dialog.get()));
    expectAccessible(dialog.get(), what);
    dialog->reject();
}

} // namespace

TEST_CASE("every page can be used by keyboard and screen reader", "[accessibility]")
{
    DemoWindow d;
    const std::pair<WindowPage, const char *> pages[] = {
        {WindowPage::Today, "Today"},       {WindowPage::Members, "Members"},       {WindowPage::Calendar, "Calendar"},
        {WindowPage::Ledger, "Ledger"},     {WindowPage::Gatherings, "Gatherings"}, {WindowPage::Reports, "Reports"},
        {WindowPage::Settings, "Settings"}, {WindowPage::Users, "Users"},           {WindowPage::Audit, "Audit log"}};
    for (const auto &[page, name] : pages) {
        d.window.showPage(page);
        QApplication::processEvents();
        expectAccessible(d.window.page(page), QString::fromLatin1(name));
    }
}

TEST_CASE("every dialog can be used by keyboard and screen reader", "[accessibility]")
{
    DemoWindow d;
    hub::Hub &hub = d.hub();
    QWidget *parent = &d.window;
    auto members = hub.members().list({});
    REQUIRE(members);
    REQUIRE(members->size() > 2);
    const hub::Member someone = members->first();
    auto account = hub.ledger().account(someone.id);
    REQUIRE(account);
    auto groups = hub.workingGroups().list();
    REQUIRE(groups);
    REQUIRE_FALSE(groups->isEmpty());
    const hub::GroupId group = groups->first().id;

    expectAccessible(std::make_unique<hub::BookingDialog>(hub, parent), QStringLiteral("Booking"));
    expectAccessible(std::make_unique<hub::AvailabilityDialog>(hub, parent), QStringLiteral("Find a free space"));
    expectAccessible(std::make_unique<hub::CalendarExportDialog>(hub, parent), QStringLiteral("Calendar export"));
    expectAccessible(std::make_unique<hub::CalendarImportDialog>(hub, parent), QStringLiteral("Calendar import"));
    expectAccessible(std::make_unique<hub::SpaceDialog>(hub, parent), QStringLiteral("Spaces"));
    expectAccessible(std::make_unique<hub::GatheringDialog>(hub, hub::GatheringId{}, parent),
                     QStringLiteral("New gathering"));
    expectAccessible(std::make_unique<hub::ChallengeDialog>(hub, parent), QStringLiteral("Challenge"));
    expectAccessible(std::make_unique<hub::ActionDialog>(hub, group, parent), QStringLiteral("Add action"));
    expectAccessible(std::make_unique<hub::GroupMembersDialog>(hub, group, parent), QStringLiteral("Group members"));
    expectAccessible(std::make_unique<hub::TransferDialog>(hub, parent), QStringLiteral("New transfer"));
    expectAccessible(std::make_unique<hub::LimitsDialog>(hub, *account, parent), QStringLiteral("Limits"));
    expectAccessible(std::make_unique<hub::StatementDialog>(hub, someone.id, parent), QStringLiteral("Statement"));
    expectAccessible(std::make_unique<hub::MatchesDialog>(hub, someone.id, someone.displayName, parent),
                     QStringLiteral("Matches"));
    expectAccessible(std::make_unique<hub::MemberExportDialog>(hub, hub::MemberFilter{}, parent),
                     QStringLiteral("Member export"));
    expectAccessible(std::make_unique<hub::MemberImportWizard>(hub, parent), QStringLiteral("Member import"));
    expectAccessible(std::make_unique<hub::UserDialog>(hub, parent), QStringLiteral("New user"));
    expectAccessible(std::make_unique<hub::WelcomeDialog>(parent), QStringLiteral("Welcome"));
    // A past gathering's idea to promote, and a walk-in to merge, from the demo.
    auto past = hub.gatherings().past(20);
    REQUIRE(past);
    std::optional<hub::IdeaId> idea;
    for (const hub::Gathering &g : std::as_const(*past)) {
        auto ideas = hub.ideas().ranked(g.id);
        if (ideas && !ideas->isEmpty()) {
            idea = ideas->first().id;
            break;
        }
    }
    REQUIRE(idea);
    expectAccessible(std::make_unique<hub::PromoteDialog>(hub, *idea, parent), QStringLiteral("Promote"));
    auto walkIns = hub.checkIns().walkIns();
    REQUIRE(walkIns);
    if (!walkIns->isEmpty())
        expectAccessible(std::make_unique<hub::WalkInMergeDialog>(hub, walkIns->first(), parent),
                         QStringLiteral("Walk-in"));

    auto trial = hub.reports().find(QStringLiteral("trial-balance"));
    REQUIRE(trial);
    hub::ReportRequest request;
    request.at = QDate(2026, 12, 1);
    expectAccessible(std::make_unique<hub::ReportExportDialog>(hub::WorkerHub(hub), **trial, request, parent),
                     QStringLiteral("Report export"));
}

TEST_CASE("a form label's letter puts the cursor in its field, and names it", "[accessibility]")
{
    DemoWindow d;
    hub::ChallengeDialog dialog(d.hub(), &d.window);
    dialog.show();
    QApplication::setActiveWindow(&dialog);
    REQUIRE(QTest::qWaitForWindowActive(&dialog));
    // "&Challenge:" sits beside a box that also holds the field's message.
    auto *title = dialog.findChild<QWidget *>(QStringLiteral("challengeTitle"));
    REQUIRE(title);
    QTest::keyClick(&dialog, Qt::Key_C, Qt::AltModifier);
    CHECK(title->hasFocus());
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(title);
    REQUIRE(iface);
    CHECK(iface->text(QAccessible::Name) == QStringLiteral("Challenge"));
}
