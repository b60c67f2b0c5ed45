// SPDX-License-Identifier: GPL-3.0-or-later
// A day of each role, by keyboard and mouse alone, at 1024×768 (issue 16).
// The facilitator's evening is in test_gatheringspage.cpp (check-in, ideas,
// votes, closing the vote, promotion, group members and actions). The
// hidden "[shots]" cases save each step into <build>/shots for review.
#include "core/hub.h"
#include "core/ledger/ledgerservice.h"
#include "core/members/memberservice.h"
#include "core/settings/settingsservice.h"
#include "core/spaces/bookingservice.h"
#include "core/spaces/spaceservice.h"
#include "tests/support/temphub.h"
#include "tests/ui/messageboxanswerer.h"
#include "tests/ui/widgetlookup.h"
#include "ui/dialogs/bookingdialog.h"
#include "ui/dialogs/transferdialog.h"
#include "ui/mainwindow.h"
#include "ui/pages/ledgerpage.h"
#include "ui/pages/memberspage.h"
#include "ui/pages/reportspage.h"
#include "ui/reports/reportexportdialog.h"
#include "ui/reports/reporttablemodel.h"
#include "ui/widgets/memberpicker.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTimeEdit>

using hub::MainWindow;
using hub::test::child;
using hub::test::visibleTopLevel;

namespace {

/// A London hub with a hall, a kitchen and three members, in a 1024×768 window.
struct Day
{
    hub::test::TempHub temp;
    MainWindow window;
    bool shots = false;
    int step = 0;
    QString role;

    explicit Day(const QString &who, bool saveShots) : shots(saveShots), role(who)
    {
        REQUIRE(temp->settings().set(QStringLiteral("timezone"), QStringLiteral("Europe/London")));
        REQUIRE(temp->settings().set(QStringLiteral("default_limit_min"), QStringLiteral("-20")));
        for (const char *name : {"Ana Ferreira", "Bryn Hughes", "Cai Jones"}) {
            hub::MemberDraft d;
            d.displayName = QString::fromUtf8(name);
            REQUIRE(temp->members().add(d));
        }
        for (const auto &[name, capacity] : {std::pair{"Main hall", 80}, std::pair{"Kitchen", 12}}) {
            hub::Space s;
            s.name = QString::fromLatin1(name);
            s.capacity = capacity;
            REQUIRE(temp->spaces().add(s));
        }
        temp.close();
        REQUIRE(window.openHub(temp.path()));
        window.resize(1024, 768);
        window.show();
        window.activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(&window));
    }

    hub::Hub &hub() { return *window.hub(); }

    void shot(QWidget *what)
    {
        if (!shots)
            return;
        const QString dir = QStringLiteral(HUB_TEST_BUILD_DIR "/shots");
        QDir().mkpath(dir);
        QTest::qWait(50);
        REQUIRE(what->grab().save(QDir(dir).filePath(QStringLiteral("journey-%1-%2.png").arg(role).arg(++step))));
    }

    static void type(QLineEdit *edit, const QString &text)
    {
        QTest::mouseClick(edit, Qt::LeftButton);
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, text);
    }

    /// Types into a member picker and takes the first suggestion with the keyboard.
    static void pick(hub::MemberPicker *picker, const QString &typed)
    {
        type(picker, typed);
        QAbstractItemView *popup = picker->suggestions()->popup();
        REQUIRE(QTest::qWaitFor([popup] { return popup->isVisible(); }));
        QTest::keyClick(popup, Qt::Key_Down);
        QTest::keyClick(popup, Qt::Key_Return);
        REQUIRE(picker->member().isValid());
    }
};

void frontDeskMorning(bool shots)
{
    Day d(QStringLiteral("frontdesk"), shots);

    // Someone at the desk asks about Bryn: find him by typing.
    QTest::keyClick(&d.window, Qt::Key_2, Qt::ControlModifier);
    auto *members = child<hub::MembersPage>(&d.window, "membersPage");
    Day::type(child<QLineEdit>(members, "memberSearch"), QStringLiteral("bryn"));
    auto *table = child<QTableView>(members, "memberTable");
    REQUIRE(QTest::qWaitFor([table] { return table->model()->rowCount() == 1; }, 3000));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(table->model()->index(0, 0)).center());
    CHECK(child<QLabel>(members, "memberEditorTitle")->text() == QStringLiteral("Bryn Hughes"));
    d.shot(&d.window);

    // Bryn books the kitchen tomorrow 10:00 to 12:00, typed as a person types.
    QTest::keyClick(&d.window, Qt::Key_3, Qt::ControlModifier);
    QTest::keyClick(&d.window, Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    auto *dialog = visibleTopLevel<hub::BookingDialog>();
    REQUIRE(dialog);
    dialog->activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(dialog));
    auto *space = child<QComboBox>(dialog, "bookingSpace");
    space->setFocus();
    QTest::keyClicks(space, QStringLiteral("Kitchen"));
    Day::type(child<QLineEdit>(dialog, "bookingTitle"), QStringLiteral("Bread club"));
    const QDate tomorrow = d.hub().bookings().localTime(QDate::currentDate(), QTime(12, 0)).date().addDays(1);
    auto *date = child<QDateEdit>(dialog, "bookingDate");
    date->setFocus(Qt::TabFocusReason);
    QTest::qWait(20);
    QTest::keyClicks(date, tomorrow.toString(QStringLiteral("d")));
    date->setDate(tomorrow); // the calendar popup's day-of-week text is not typed
    auto *start = child<QTimeEdit>(dialog, "bookingStart");
    start->setFocus(Qt::TabFocusReason);
    QTest::qWait(20);
    QTest::keyClicks(start, QStringLiteral("1000"));
    auto *end = child<QTimeEdit>(dialog, "bookingEnd");
    end->setFocus(Qt::TabFocusReason);
    QTest::qWait(20);
    QTest::keyClicks(end, QStringLiteral("1200"));
    d.shot(dialog);
    QTest::mouseClick(child<QPushButton>(dialog, "bookingSave"), Qt::LeftButton);
    REQUIRE(QTest::qWaitFor([] { return visibleTopLevel<hub::BookingDialog>() == nullptr; }));
    auto booked = d.hub().bookings().list();
    REQUIRE(booked->size() == 1);
    CHECK(booked->first().title == QStringLiteral("Bread club"));
    CHECK(booked->first().spaceName == QStringLiteral("Kitchen"));
    CHECK(booked->first().start == d.hub().bookings().localTime(tomorrow, QTime(10, 0)));
    CHECK(booked->first().end == d.hub().bookings().localTime(tomorrow, QTime(12, 0)));
    CHECK(d.window.statusBar()->currentMessage().startsWith(QStringLiteral("Booked: Bread club")));

    // Ana pays Cai for a lift, recorded at the desk from Today.
    QTest::keyClick(&d.window, Qt::Key_1, Qt::ControlModifier);
    QTest::mouseClick(child<QPushButton>(&d.window, "todayRecordTransfer"), Qt::LeftButton);
    auto *transfer = visibleTopLevel<hub::TransferDialog>();
    REQUIRE(transfer);
    Day::pick(child<hub::MemberPicker>(transfer, "transferPayer"), QStringLiteral("Ana"));
    Day::pick(child<hub::MemberPicker>(transfer, "transferPayee"), QStringLiteral("Cai"));
    Day::type(child<QLineEdit>(transfer, "transferAmount"), QStringLiteral("1.50"));
    Day::type(child<QLineEdit>(transfer, "transferMemo"), QStringLiteral("lift to the market"));
    QTest::mouseClick(child<QPushButton>(transfer, "transferReview"), Qt::LeftButton);
    REQUIRE(transfer->isConfirming());
    d.shot(transfer);
    QTest::mouseClick(child<QPushButton>(transfer, "transferPost"), Qt::LeftButton);
    REQUIRE(QTest::qWaitFor([] { return visibleTopLevel<hub::TransferDialog>() == nullptr; }));
    CHECK(*d.hub().ledger().transferCount({}) == 1);
    d.shot(&d.window);
}

void treasurerMonthEnd(bool shots)
{
    Day d(QStringLiteral("treasurer"), shots);
    const auto ana = d.hub().members().find(QStringLiteral("1"));
    const auto bryn = d.hub().members().find(QStringLiteral("2"));
    REQUIRE(ana);
    REQUIRE(bryn);
    hub::TransferDraft t;
    t.payer = ana->id;
    t.payee = bryn->id;
    t.amount = hub::Amount::fromMinor(275);
    t.memo = QStringLiteral("Sourdough lesson");
    REQUIRE(d.hub().ledger().pay(t));

    // The trial balance of this month, run with the keyboard.
    QTest::keyClick(&d.window, Qt::Key_6, Qt::ControlModifier);
    auto *reports = child<hub::ReportsPage>(&d.window, "reportsPage");
    REQUIRE(reports->selectReport(QStringLiteral("trial-balance")));
    QTest::keyClick(&d.window, Qt::Key_F5);
    auto *table = child<QTableView>(reports, "reportTable");
    REQUIRE(QTest::qWaitFor([table] { return table->isVisible(); }, 5000));
    CHECK(reports->tableModel()->rowCount() >= 2);
    d.shot(&d.window);

    // Ana's statement printed to PDF from the Ledger page.
    QTest::keyClick(&d.window, Qt::Key_4, Qt::ControlModifier);
    auto *ledger = child<hub::LedgerPage>(&d.window, "ledgerPage");
    Day::type(child<QLineEdit>(ledger, "accountSearch"), QStringLiteral("ana"));
    ledger->applyFilter();
    auto *accounts = child<QTableView>(ledger, "accountTable");
    REQUIRE(QTest::qWaitFor([accounts] { return accounts->model()->rowCount() == 1; }, 3000));
    QTest::mouseClick(accounts->viewport(), Qt::LeftButton, {},
                      accounts->visualRect(accounts->model()->index(0, 0)).center());
    auto *print = child<QWidget>(ledger, "ledgerPrintStatement");
    REQUIRE(print->isEnabled());
    // The system's print dialog, printing to a PDF file.
    const QString pdf = d.temp.file(QStringLiteral("ana-statement.pdf"));
    bool printed = false;
    hub::test::printToPdfWhenAsked(pdf, &printed);
    QTest::mouseClick(print, Qt::LeftButton);
    REQUIRE(printed);
    REQUIRE(QFileInfo(pdf).size() > 0);
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    REQUIRE(p.waitForFinished(30000));
    const QString text = QString::fromUtf8(p.readAllStandardOutput());
    CHECK(text.contains(QStringLiteral("Ana Ferreira")));
    CHECK(text.contains(QStringLiteral("Sourdough lesson")));

    // The month's journal as CSV for the accounts.
    QTest::keyClick(&d.window, Qt::Key_6, Qt::ControlModifier);
    REQUIRE(reports->selectReport(QStringLiteral("journal")));
    reports->pickPeriod(hub::ReportsPage::QuickPeriod::ThisMonth);
    hub::ReportExportDialog *exporter = reports->exportReport();
    REQUIRE(exporter);
    exporter->setFormat(hub::ReportFileFormat::Csv);
    const QString csv = d.temp.file(QStringLiteral("journal.csv"));
    Day::type(child<QLineEdit>(exporter, "reportExportFile"), csv);
    d.shot(exporter);
    {
        hub::test::MessageBoxAnswerer answer(QMessageBox::Close);
        QTest::mouseClick(child<QPushButton>(exporter, "reportExportRun"), Qt::LeftButton);
        QTRY_VERIFY(!answer.titles().isEmpty());
    }
    QFile file(csv);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QString journal = QString::fromUtf8(file.readAll());
    CHECK(journal.contains(QStringLiteral("Sourdough lesson")));
    CHECK(journal.contains(QStringLiteral("2.75")));
}

} // namespace

TEST_CASE("journey: the front desk's morning by keyboard and mouse", "[journey]")
{
    frontDeskMorning(false);
}

TEST_CASE("journey: the treasurer's month end by keyboard and mouse", "[journey]")
{
    treasurerMonthEnd(false);
}

TEST_CASE("journey screenshots at 1024x768", "[.][shots]")
{
    frontDeskMorning(true);
    treasurerMonthEnd(true);
}
