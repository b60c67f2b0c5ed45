// SPDX-License-Identifier: GPL-3.0-or-later
// The Reports page on a temporary hub: choose a report and its period, run it,
// see rows, totals and a chart, export through the dialog; the Ledger page's
// Print statement. Screenshots at 1280×720 are hidden ([.][shots]).
#include "core/demo/demogenerator.h"
#include "core/hub.h"
#include "core/ledger/ledgerservice.h"
#include "core/members/memberservice.h"
#include "core/storage/hubseal.h"
#include "tests/support/shotsdir.h"
#include "tests/support/temphub.h"
#include "tests/ui/messageboxanswerer.h"
#include "tests/ui/widgetlookup.h"
#include "ui/mainwindow.h"
#include "ui/pages/ledgerpage.h"
#include "ui/pages/reportspage.h"
#include "ui/reports/reportchartwidget.h"
#include "ui/reports/reportexportdialog.h"
#include "ui/reports/reporttablemodel.h"
#include "ui/widgets/emptystatewidget.h"

#include <QChartView>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QPrintDialog>
#include <QPrinter>
#include <QProcess>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>
#include <QToolButton>

#include <utility>

using hub::MainWindow;
using hub::ReportsPage;
using hub::test::child;
using hub::test::shotsDir;

namespace {

struct ReportsOnTempHub
{
    hub::test::TempHub temp;
    MainWindow window;
    ReportsPage *page = nullptr;

    ReportsOnTempHub()
    {
        temp.close();
        REQUIRE(window.openHub(temp.path()));
        window.resize(1280, 720);
        window.show();
        window.activateWindow();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        page = child<ReportsPage>(&window, "reportsPage");
    }

    hub::Hub &hub() { return *window.hub(); }

    hub::MemberId add(const QString &name)
    {
        hub::MemberDraft d;
        d.displayName = name;
        auto added = hub().members().add(d);
        REQUIRE(added);
        return added->id;
    }

    void pay(hub::MemberId payer, hub::MemberId payee, qint64 minor, const QString &memo)
    {
        hub::TransferDraft d;
        d.payer = payer;
        d.payee = payee;
        d.amount = hub::Amount::fromMinor(minor);
        d.memo = memo;
        REQUIRE(hub().ledger().pay(d));
    }

    /// Runs `dialog`'s export into `path` with a click on Export, as a person
    /// does, closes the notice that follows and returns its title and the file.
    std::pair<QString, QByteArray> exportTo(hub::ReportExportDialog *dialog, const QString &path)
    {
        dialog->setFilePath(path);
        hub::test::MessageBoxAnswerer answer(QMessageBox::Close);
        QTest::mouseClick(child<QPushButton>(dialog, "reportExportRun"), Qt::LeftButton);
        REQUIRE(QTest::qWaitFor([&answer] { return !answer.titles().isEmpty(); }, 10000));
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadOnly));
        return {answer.titles().first(), file.readAll()};
    }

    void showReports()
    {
        window.showPage(MainWindow::Page::Reports);
        REQUIRE(window.currentPage() == MainWindow::Page::Reports);
    }
};

} // namespace

TEST_CASE("the reports page runs a report and shows its rows totals and chart", "[reports]")
{
    ReportsOnTempHub w;
    const auto ana = w.add(QStringLiteral("Ana Ferreira"));
    const auto bryn = w.add(QStringLiteral("Bryn Hughes"));
    const auto cai = w.add(QStringLiteral("Cai Jones"));
    w.pay(ana, bryn, 150, QStringLiteral("Bike repair"));
    w.pay(bryn, cai, 225, QStringLiteral("Sourdough lesson"));
    w.pay(cai, ana, 75, QStringLiteral("Lift to the station"));
    w.showReports();
    auto *page = w.page;

    auto *choice = child<QComboBox>(page, "reportChoice");
    CHECK(choice->findData(QStringLiteral("trial-balance")) >= 0);
    CHECK(choice->findData(QStringLiteral("journal")) >= 0);
    auto *stack = page->findChild<QStackedWidget *>();
    REQUIRE(stack);
    CHECK(stack->currentWidget() == child<hub::EmptyStateWidget>(page, "reportsEmpty"));

    // The journal for this month, run with Ctrl+R.
    REQUIRE(page->selectReport(QStringLiteral("journal")));
    CHECK(child<QDateEdit>(page, "reportFrom")->isVisible());
    CHECK_FALSE(child<QDateEdit>(page, "reportAt")->isVisible());
    QTest::mouseClick(child<QPushButton>(page, "reportThisMonth"), Qt::LeftButton);
    choice->setFocus();
    QTest::keyClick(choice, Qt::Key_R, Qt::ControlModifier);
    auto *table = child<QTableView>(page, "reportTable");
    REQUIRE(table->isVisible());
    auto *model = page->tableModel();
    REQUIRE(model->rowCount() >= 3);
    QStringList memos;
    for (int r = 0; r < model->rowCount(); ++r)
        for (int c = 0; c < model->columnCount(); ++c)
            memos << model->index(r, c).data().toString();
    CHECK(memos.contains(QStringLiteral("Sourdough lesson")));
    CHECK(memos.contains(QStringLiteral("2.25")));
    CHECK(child<QLabel>(page, "reportHeading")->text().contains(QStringLiteral("Journal")));

    // The trial balance is at a date: an At field, the totals row in bold, F5 runs it.
    REQUIRE(page->selectReport(QStringLiteral("trial-balance")));
    CHECK(child<QDateEdit>(page, "reportAt")->isVisible());
    CHECK_FALSE(child<QDateEdit>(page, "reportFrom")->isVisible());
    choice->setFocus();
    QTest::keyClick(choice, Qt::Key_F5);
    REQUIRE(table->isVisible());
    REQUIRE(model->hasTotals());
    const QModelIndex total = model->index(model->rowCount() - 1, 0);
    CHECK(total.data(hub::ReportTableModel::IsTotalsRole).toBool());
    CHECK(total.data(Qt::FontRole).value<QFont>().bold());
    for (int c = 0; c < model->columnCount(); ++c) {
        const auto type = model->table().header.columns.at(c).type;
        if (type == hub::ReportType::Amount)
            CHECK((model->index(0, c).data(Qt::TextAlignmentRole).value<Qt::Alignment>() & Qt::AlignRight));
    }

    // Ledger activity this year: bars per month.
    REQUIRE(page->selectReport(QStringLiteral("ledger-activity")));
    QTest::mouseClick(child<QPushButton>(page, "reportThisYear"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>(page, "reportRun"), Qt::LeftButton);
    bool charted = false;
    for (int i = 0; i < page->tableCount() && !charted; ++i) {
        page->showTable(i);
        charted = page->chartWidget()->isVisible();
    }
    REQUIRE(charted);
    CHECK(page->chartWidget()->kind() == hub::ReportChart::Kind::Bars);
    CHECK(page->chartWidget()->chartView()->isVisible());
}

TEST_CASE("a report with nothing in its period says so and a reversed period is refused", "[reports]")
{
    ReportsOnTempHub w;
    w.showReports();
    auto *page = w.page;
    REQUIRE(page->selectReport(QStringLiteral("journal")));
    page->setPeriod(QDate(2020, 1, 1), QDate(2020, 1, 31));
    REQUIRE(page->run());
    auto *empty = child<hub::EmptyStateWidget>(page, "reportsEmpty");
    CHECK(empty->isVisible());
    CHECK(empty->title() == QStringLiteral("Nothing in this period"));

    page->setPeriod(QDate(2020, 2, 1), QDate(2020, 1, 1));
    CHECK_FALSE(page->run());
    auto *error = child<QLabel>(page, "reportPeriodError");
    CHECK(error->isVisible());
    CHECK(error->text().contains(QStringLiteral("starts after it ends")));
}

TEST_CASE("exporting a report as Excel-friendly CSV writes the file and offers to open it", "[reports]")
{
    ReportsOnTempHub w;
    const auto ana = w.add(QStringLiteral("Zofia Wójcik"));
    const auto bryn = w.add(QStringLiteral("Bryn Hughes"));
    w.pay(ana, bryn, 1250, QStringLiteral("Café rota, two shifts"));
    w.showReports();
    auto *page = w.page;
    REQUIRE(page->selectReport(QStringLiteral("journal")));
    page->pickPeriod(ReportsPage::QuickPeriod::ThisMonth);

    hub::ReportExportDialog *dialog = page->exportReport();
    REQUIRE(dialog);
    CHECK(dialog->filePath().endsWith(QStringLiteral(".csv")));
    CHECK(QFileInfo(dialog->filePath()).fileName().startsWith(QStringLiteral("journal ")));
    dialog->setFormat(hub::ReportFileFormat::Pdf);
    CHECK(dialog->filePath().endsWith(QStringLiteral(".pdf")));
    dialog->setFormat(hub::ReportFileFormat::Csv);
    dialog->setExcelFriendly(true);
    const auto [title, bytes] = w.exportTo(dialog, w.temp.file(QStringLiteral("journal.csv")));
    CHECK(title == QStringLiteral("Export finished"));
    CHECK(bytes.startsWith("\xEF\xBB\xBF"));
    const QString text = QString::fromUtf8(bytes);
    CHECK(text.contains(QStringLiteral("Zofia Wójcik")));
    CHECK(text.contains(QStringLiteral("12.50")));
    CHECK(text.contains(QStringLiteral("\"Café rota, two shifts\"")));
}

TEST_CASE("print statement on the ledger page prints that member's statement through the print dialog",
          "[reports][ledger]")
{
    ReportsOnTempHub w;
    const auto ana = w.add(QStringLiteral("Ana Ferreira"));
    const auto bryn = w.add(QStringLiteral("Bryn Hughes"));
    const auto cai = w.add(QStringLiteral("Cai Jones"));
    w.pay(ana, bryn, 150, QStringLiteral("Bike repair"));
    w.pay(bryn, cai, 225, QStringLiteral("Sourdough lesson"));
    w.window.showPage(MainWindow::Page::Ledger);
    auto *ledger = child<hub::LedgerPage>(&w.window, "ledgerPage");
    REQUIRE(ledger->selectAccount(ana));
    // The button opens the system's print dialog, suggesting a PDF named for the member.
    QString suggested;
    hub::test::whenShown<QPrintDialog>([&suggested](QPrintDialog *dialog) {
        suggested = dialog->printer()->outputFileName();
        dialog->reject();
    });
    QTest::mouseClick(child<QToolButton>(ledger, "ledgerPrintStatement"), Qt::LeftButton);
    CHECK(suggested.contains(QStringLiteral("Statement Ana Ferreira")));

    // Printed to a file from the dialog: Ana's statement only, with page numbers.
    const QString path = w.temp.file(QStringLiteral("statement.pdf"));
    bool printed = false;
    hub::test::printToPdfWhenAsked(path, &printed);
    QTest::mouseClick(child<QToolButton>(ledger, "ledgerPrintStatement"), Qt::LeftButton);
    REQUIRE(printed);
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    REQUIRE(p.waitForFinished(30000));
    const QString text = QString::fromUtf8(p.readAllStandardOutput());
    CHECK(text.contains(QStringLiteral("Ana Ferreira")));
    CHECK(text.contains(QStringLiteral("Bike repair")));
    CHECK_FALSE(text.contains(QStringLiteral("Sourdough lesson")));
    CHECK(text.contains(QStringLiteral("Page 1")));
}

TEST_CASE("screenshots of the reports page with charts", "[.][shots][reports]")
{
    hub::test::TempHub temp;
    temp.close();
    const QString path = temp.file(QStringLiteral("demo.sqlite"));
    REQUIRE(hub::DemoGenerator::createDemoHub(path, hub::DemoOptions{}));
    MainWindow window;
    REQUIRE(window.openHub(path));
    window.resize(1280, 720);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    window.showPage(MainWindow::Page::Reports);
    auto *page = child<ReportsPage>(&window, "reportsPage");
    const auto shoot = [&](const QString &name) {
        QTest::qWait(80);
        REQUIRE(window.grab().save(QDir(shotsDir()).filePath(name + QStringLiteral(".png"))));
    };
    shoot(QStringLiteral("reports-0-start"));
    const auto firstChart = [page] {
        for (int i = 0; i < page->tableCount(); ++i) {
            page->showTable(i);
            if (page->chartWidget()->isVisible())
                return true;
        }
        return false;
    };
    for (const QString &name :
         {QStringLiteral("ledger-activity"), QStringLiteral("occupancy"), QStringLiteral("membership"),
          QStringLiteral("trial-balance"), QStringLiteral("journal")}) {
        if (!page->selectReport(name))
            continue;
        page->pickPeriod(name == QStringLiteral("occupancy") || name == QStringLiteral("journal")
                             ? ReportsPage::QuickPeriod::LastMonth
                             : ReportsPage::QuickPeriod::ThisYear);
        REQUIRE(page->run());
        firstChart();
        shoot(QStringLiteral("reports-") + name);
    }
    if (page->selectReport(QStringLiteral("occupancy"))) {
        page->pickPeriod(ReportsPage::QuickPeriod::LastMonth);
        REQUIRE(page->run());
        for (int i = 0; i < page->tableCount(); ++i) {
            page->showTable(i);
            if (page->chartWidget()->kind() == hub::ReportChart::Kind::HeatMap && page->chartWidget()->isVisible())
                break;
        }
        shoot(QStringLiteral("reports-occupancy-heatmap"));
    }
}

TEST_CASE("a report shows the hub's seal of its moment and copies it", "[reports][seal]")
{
    ReportsOnTempHub w;
    const auto ana = w.add(QStringLiteral("Ana Ferreira"));
    const auto bryn = w.add(QStringLiteral("Bryn Hughes"));
    w.pay(ana, bryn, 150, QStringLiteral("Bike repair"));
    w.showReports();
    auto *seal = child<QLabel>(w.page, "reportSeal");
    auto *copy = child<QPushButton>(w.page, "reportCopySeal");
    CHECK_FALSE(seal->isVisible());
    REQUIRE(w.page->selectReport(QStringLiteral("trial-balance")));
    REQUIRE(w.page->run());
    REQUIRE(seal->isVisible());
    const auto expected = hub::HubSeal::of(w.hub().database());
    REQUIRE(expected);
    CHECK(seal->text() == QStringLiteral("Seal ") + expected->text());
    CHECK(expected->text().startsWith(QStringLiteral("T1:")));
    QTest::mouseClick(copy, Qt::LeftButton);
    CHECK(QGuiApplication::clipboard()->text() == expected->text());
}

TEST_CASE("statements with one member picked on the Reports page export only that member's", "[reports]")
{
    ReportsOnTempHub w;
    const auto ana = w.add(QStringLiteral("Ana Ferreira"));
    const auto bryn = w.add(QStringLiteral("Bryn Hughes"));
    const auto cai = w.add(QStringLiteral("Cai Jones"));
    w.pay(ana, bryn, 150, QStringLiteral("Bike repair"));
    w.pay(bryn, cai, 225, QStringLiteral("Sourdough lesson"));
    w.showReports();
    auto *page = w.page;
    REQUIRE(page->selectReport(QStringLiteral("statements")));
    page->pickPeriod(ReportsPage::QuickPeriod::ThisMonth);
    REQUIRE(page->run());
    auto *choice = child<QComboBox>(page, "reportTableChoice");
    REQUIRE(choice->isVisible());
    int caiTable = -1;
    for (int i = 0; i < choice->count(); ++i)
        if (choice->itemText(i).contains(QStringLiteral("Cai Jones")))
            caiTable = i;
    REQUIRE(caiTable >= 0);
    choice->setCurrentIndex(caiTable);

    hub::ReportExportDialog *dialog = page->exportReport();
    REQUIRE(dialog);
    CHECK(dialog->request().member == cai);
    dialog->setFormat(hub::ReportFileFormat::Csv);
    const QString text = QString::fromUtf8(w.exportTo(dialog, w.temp.file(QStringLiteral("statement.csv"))).second);
    CHECK(text.contains(QStringLiteral("Sourdough lesson")));
    CHECK_FALSE(text.contains(QStringLiteral("Bike repair")));
    CHECK_FALSE(text.contains(QStringLiteral("Ana Ferreira")));
}

TEST_CASE("a report table sorts by the column clicked, names in the reader's order, totals last", "[reports]")
{
    ReportsOnTempHub w;
    const auto ana = w.add(QStringLiteral("Ana Ferreira"));
    const auto ilker = w.add(QStringLiteral("İlker Nasser"));
    const auto zoe = w.add(QStringLiteral("Zoë Price"));
    w.pay(ana, ilker, 150, QStringLiteral("Bike repair"));
    w.pay(zoe, ana, 1000, QStringLiteral("Van"));
    w.showReports();
    auto *page = w.page;
    REQUIRE(page->selectReport(QStringLiteral("trial-balance")));
    REQUIRE(page->run());
    auto *table = child<QTableView>(page, "reportTable");
    QAbstractItemModel *shown = page->shownModel();
    const int rows = shown->rowCount();
    REQUIRE(rows == 4); // three accounts and the totals
    int accountColumn = -1, balanceColumn = -1;
    for (int c = 0; c < shown->columnCount(); ++c) {
        const QString head = shown->headerData(c, Qt::Horizontal).toString();
        if (head == QStringLiteral("Account"))
            accountColumn = c;
        if (head == QStringLiteral("Balance"))
            balanceColumn = c;
    }
    REQUIRE(accountColumn >= 0);
    REQUIRE(balanceColumn >= 0);
    const auto column = [&](int c) {
        QStringList out;
        for (int r = 0; r < shown->rowCount(); ++r)
            out << shown->index(r, c).data().toString();
        return out;
    };
    const auto clickHeader = [&](int c) {
        QHeaderView *header = table->horizontalHeader();
        QTest::mouseClick(
            header->viewport(), Qt::LeftButton, {},
            QPoint(header->sectionViewportPosition(c) + header->sectionSize(c) / 2, header->height() / 2));
    };
    clickHeader(balanceColumn);
    CHECK(column(balanceColumn).first() == QStringLiteral("-10.00"));
    CHECK(column(accountColumn).last() == QStringLiteral("Total"));
    clickHeader(balanceColumn); // descending: the totals row stays last
    CHECK(column(balanceColumn).first() == QStringLiteral("8.50"));
    CHECK(column(accountColumn).last() == QStringLiteral("Total"));
    clickHeader(accountColumn);
    CHECK(column(accountColumn).mid(0, 3) ==
          QStringList({QStringLiteral("Ana Ferreira"), QStringLiteral("İlker Nasser"), QStringLiteral("Zoë Price")}));
}
