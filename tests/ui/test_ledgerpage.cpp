// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/hub.h"
#include "core/ledger/accounttablemodel.h"
#include "core/ledger/ledgerservice.h"
#include "core/ledger/transfertablemodel.h"
#include "core/members/memberservice.h"
#include "tests/support/temphub.h"
#include "tests/ui/messageboxanswerer.h"
#include "tests/ui/widgetlookup.h"
#include "ui/dialogs/statementdialog.h"
#include "ui/dialogs/transferdialog.h"
#include "ui/mainwindow.h"
#include "ui/pages/ledgerpage.h"
#include "ui/pages/todaypage.h"
#include "ui/widgets/emptystatewidget.h"
#include "ui/widgets/fielderrorlabel.h"
#include "ui/widgets/memberpicker.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QPrintDialog>
#include <QPrinter>
#include <QProcess>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using hub::MainWindow;
using hub::test::child;
using hub::test::visibleTopLevel;

namespace {

/// The main window on a temporary hub with two members, showing the Ledger page.
struct LedgerOnTempHub
{
    hub::test::TempHub temp;
    MainWindow window;
    hub::LedgerPage *page = nullptr;
    hub::MemberId ana;
    hub::MemberId bryn;

    LedgerOnTempHub()
    {
        temp.close();
        REQUIRE(window.openHub(temp.path()));
        ana = add(QStringLiteral("Ana Ferreira"));
        bryn = add(QStringLiteral("Bryn Hughes"));
        window.resize(1280, 720);
        window.show();
        window.activateWindow();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
        REQUIRE(window.currentPage() == MainWindow::Page::Ledger);
        page = child<hub::LedgerPage>(&window, "ledgerPage");
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

    int transferCount() { return *hub().ledger().transferCount({}); }

    /// The balance shown in the accounts table for `member`.
    QString shownBalance(hub::MemberId member)
    {
        auto *model = page->accountModel();
        const int row = model->rowOf(member);
        REQUIRE(row >= 0);
        return model->index(row, hub::AccountTableModel::BalanceColumn).data().toString();
    }

    /// Ctrl+T on the page opens the dialog.
    hub::TransferDialog *openDialog()
    {
        QTest::keyClick(&window, Qt::Key_T, Qt::ControlModifier);
        auto *dialog = visibleTopLevel<hub::TransferDialog>();
        REQUIRE(dialog != nullptr);
        REQUIRE(QTest::qWaitForWindowExposed(dialog));
        return dialog;
    }

    static void type(QLineEdit *edit, const QString &text)
    {
        edit->setFocus();
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, text);
    }

    /// Types the first letters of a name and picks the first suggestion with the keyboard.
    static void pickFromSuggestions(hub::MemberPicker *picker, const QString &typed)
    {
        type(picker, typed);
        QAbstractItemView *popup = picker->suggestions()->popup();
        REQUIRE(QTest::qWaitFor([popup] { return popup->isVisible(); }));
        REQUIRE(popup->model()->rowCount() >= 1);
        QTest::keyClick(popup, Qt::Key_Down);
        QTest::keyClick(popup, Qt::Key_Return);
    }

    /// Tab, as a person would press it, closes the suggestions without picking one.
    static void leaveSuggestions(hub::MemberPicker *picker)
    {
        QAbstractItemView *popup = picker->suggestions()->popup();
        if (popup->isVisible())
            QTest::keyClick(popup, Qt::Key_Tab);
        CHECK_FALSE(popup->isVisible());
    }

    /// Fills the form: payer picked from the suggestions, payee typed in full.
    void fill(hub::TransferDialog *dialog, const QString &amount, const QString &memo)
    {
        auto *payer = child<hub::MemberPicker>(dialog, "transferPayer");
        pickFromSuggestions(payer, QStringLiteral("An"));
        CHECK(payer->member() == ana);
        CHECK(payer->text() == QStringLiteral("Ana Ferreira"));
        auto *payee = child<hub::MemberPicker>(dialog, "transferPayee");
        type(payee, QStringLiteral("Bryn Hughes"));
        leaveSuggestions(payee);
        type(child<QLineEdit>(dialog, "transferAmount"), amount);
        type(child<QLineEdit>(dialog, "transferMemo"), memo);
    }
};

} // namespace

TEST_CASE("a transfer posted through the dialog changes both balances and a reversal brings them back")
{
    LedgerOnTempHub w;
    CHECK(w.shownBalance(w.ana) == QStringLiteral("0.00 Hours"));
    auto *empty = child<hub::EmptyStateWidget>(w.page, "transfersEmptyState");
    CHECK(empty->isVisible());
    CHECK(empty->title() == QStringLiteral("No transfers yet"));
    CHECK(empty->text().contains(QStringLiteral("Record the first one with New transfer (Ctrl+T)")));

    auto *dialog = w.openDialog();
    w.fill(dialog, QStringLiteral("3.50"), QStringLiteral("2h guitar lesson"));
    QTest::mouseClick(child<QPushButton>(dialog, "transferReview"), Qt::LeftButton);
    REQUIRE(dialog->isConfirming());
    CHECK(child<hub::MemberPicker>(dialog, "transferPayee")->member() == w.bryn);
    CHECK(child<QLabel>(dialog, "transferSummary")->text().contains(QStringLiteral("2h guitar lesson")));
    CHECK(child<QLabel>(dialog, "transferPayerBefore")->text() == QStringLiteral("0.00 Hours"));
    CHECK(child<QLabel>(dialog, "transferPayerAfter")->text() == QStringLiteral("-3.50 Hours"));
    CHECK(child<QLabel>(dialog, "transferPayeeAfter")->text() == QStringLiteral("3.50 Hours"));
    CHECK(w.transferCount() == 0);

    QTest::mouseClick(child<QPushButton>(dialog, "transferPost"), Qt::LeftButton);
    REQUIRE(QTest::qWaitFor([] { return visibleTopLevel<hub::TransferDialog>() == nullptr; }));
    CHECK(w.transferCount() == 1);
    // A short confirmation where the eye goes after the sheet closes.
    CHECK(w.window.statusBar()->currentMessage().startsWith(
        QStringLiteral("Transfer #1 posted: Ana Ferreira → Bryn Hughes")));
    CHECK(w.shownBalance(w.ana) == QStringLiteral("-3.50 Hours"));
    CHECK(w.shownBalance(w.bryn) == QStringLiteral("3.50 Hours"));
    CHECK(w.page->accountModel()
              ->index(w.page->accountModel()->rowOf(w.ana), hub::AccountTableModel::BalanceColumn)
              .data(hub::AccountTableModel::NegativeRole)
              .toBool());

    auto *transfers = child<QTableView>(w.page, "transferTable");
    REQUIRE(transfers->isVisible());
    REQUIRE(transfers->model()->rowCount() == 1);
    // Room for a city's seven-digit transfer numbers, uncut.
    CHECK(transfers->columnWidth(hub::TransferTableModel::IdColumn) >
          transfers->fontMetrics().horizontalAdvance(QStringLiteral("1000005")) + 8);
    transfers->setFocus();
    transfers->selectRow(0);
    auto *reverse = child<QToolButton>(w.page, "ledgerReverse");
    REQUIRE(reverse->isEnabled());

    hub::test::MessageBoxAnswerer answerer(QMessageBox::Yes);
    QTest::mouseClick(reverse, Qt::LeftButton);
    REQUIRE(answerer.texts().size() == 1);
    CHECK(answerer.texts().first().contains(QStringLiteral("Reverse transfer #1?")));
    CHECK(answerer.texts().first().contains(QStringLiteral("3.50 Hours from Bryn Hughes back to Ana Ferreira")));
    CHECK(w.transferCount() == 2);
    CHECK(w.shownBalance(w.ana) == QStringLiteral("0.00 Hours"));
    CHECK(w.shownBalance(w.bryn) == QStringLiteral("0.00 Hours"));
    REQUIRE(transfers->model()->rowCount() == 2);
    CHECK(transfers->model()->index(0, hub::TransferTableModel::ReversalColumn).data().toString() ==
          QStringLiteral("Reverses #1"));
    CHECK(transfers->model()->index(1, hub::TransferTableModel::ReversalColumn).data().toString() ==
          QStringLiteral("Reversed by #2"));
    // A transfer is reversed once: the action is off for both rows now.
    transfers->selectRow(1);
    CHECK_FALSE(reverse->isEnabled());
}

TEST_CASE("a transfer beyond the payer's limit is refused in the dialog and nothing is posted")
{
    LedgerOnTempHub w;
    auto *dialog = w.openDialog();
    // The default lower limit is −20.00 Hours.
    w.fill(dialog, QStringLiteral("25"), QStringLiteral("a very long job"));
    QTest::mouseClick(child<QPushButton>(dialog, "transferReview"), Qt::LeftButton);
    REQUIRE(dialog->isConfirming());
    QTest::mouseClick(child<QPushButton>(dialog, "transferPost"), Qt::LeftButton);

    CHECK(dialog->isVisible());
    auto *refusal = child<QLabel>(dialog, "transferRefusal");
    CHECK(refusal->isVisible());
    INFO(refusal->text().toStdString());
    CHECK(refusal->text().startsWith(QStringLiteral("Not posted.")));
    CHECK(refusal->text().contains(QStringLiteral("lower limit is -20.00 Hours")));
    CHECK(refusal->text().contains(QStringLiteral("5.00 Hours beyond the limit")));
    CHECK_FALSE(dialog->posting());
    CHECK(w.transferCount() == 0);
    CHECK(w.shownBalance(w.ana) == QStringLiteral("0.00 Hours"));

    // Back to the form, a smaller amount goes through.
    QTest::mouseClick(child<QPushButton>(dialog, "transferBack"), Qt::LeftButton);
    CHECK_FALSE(dialog->isConfirming());
    LedgerOnTempHub::type(child<QLineEdit>(dialog, "transferAmount"), QStringLiteral("5"));
    QTest::mouseClick(child<QPushButton>(dialog, "transferReview"), Qt::LeftButton);
    CHECK_FALSE(child<QLabel>(dialog, "transferRefusal")->isVisible());
    QTest::mouseClick(child<QPushButton>(dialog, "transferPost"), Qt::LeftButton);
    CHECK(w.transferCount() == 1);
    CHECK(w.shownBalance(w.ana) == QStringLiteral("-5.00 Hours"));
}

TEST_CASE("an amount with too many decimals is refused beside the field")
{
    LedgerOnTempHub w;
    auto *dialog = w.openDialog();
    w.fill(dialog, QStringLiteral("12.505"), QStringLiteral("bread"));
    auto *error = child<hub::FieldErrorLabel>(dialog, "transferAmountError");
    // Said while typing, and again on Review, which stays on the form.
    CHECK(error->isVisible());
    CHECK(error->text().contains(QStringLiteral("12.505")));
    CHECK(error->text().contains(QStringLiteral("at most 2")));
    QTest::mouseClick(child<QPushButton>(dialog, "transferReview"), Qt::LeftButton);
    CHECK_FALSE(dialog->isConfirming());
    CHECK(error->isVisible());
    CHECK(child<QLineEdit>(dialog, "transferAmount")->hasFocus());

    // Fixing the amount hides the message but keeps its room: the memo and
    // the Review button stay where the mouse is going.
    const auto top = [dialog](const char *name) {
        dialog->layout()->activate();
        QApplication::processEvents();
        return child<QWidget>(dialog, name)->mapTo(dialog, QPoint(0, 0)).y();
    };
    const int memoTop = top("transferMemo");
    const int reviewTop = top("transferReview");
    LedgerOnTempHub::type(child<QLineEdit>(dialog, "transferAmount"), QStringLiteral("12.50"));
    CHECK_FALSE(error->isVisible());
    CHECK(top("transferMemo") == memoTop);
    CHECK(top("transferReview") == reviewTop);

    // A memo is required; the same member cannot pay themselves.
    child<QLineEdit>(dialog, "transferMemo")->clear();
    auto *payee = child<hub::MemberPicker>(dialog, "transferPayee");
    LedgerOnTempHub::type(payee, QStringLiteral("Ana Ferreira"));
    LedgerOnTempHub::leaveSuggestions(payee);
    QTest::mouseClick(child<QPushButton>(dialog, "transferReview"), Qt::LeftButton);
    CHECK_FALSE(dialog->isConfirming());
    CHECK(child<hub::FieldErrorLabel>(dialog, "transferMemoError")->isVisible());
    CHECK(child<hub::FieldErrorLabel>(dialog, "transferPayeeError")->text() ==
          QStringLiteral("The payer and the payee are the same member"));
    dialog->reject();
    CHECK(w.transferCount() == 0);
}

TEST_CASE("Record a transfer on the Today page opens the same dialog and the ledger shows the result")
{
    LedgerOnTempHub w;
    QTest::keyClick(&w.window, Qt::Key_1, Qt::ControlModifier);
    REQUIRE(w.window.currentPage() == MainWindow::Page::Today);
    QTest::mouseClick(child<QPushButton>(&w.window, "todayRecordTransfer"), Qt::LeftButton);
    auto *dialog = visibleTopLevel<hub::TransferDialog>();
    REQUIRE(dialog != nullptr);
    w.fill(dialog, QStringLiteral("1"), QStringLiteral("lift to the station"));
    REQUIRE(dialog->review());
    REQUIRE(dialog->post());
    CHECK(w.transferCount() == 1);
    QTest::keyClick(&w.window, Qt::Key_4, Qt::ControlModifier);
    CHECK(w.shownBalance(w.bryn) == QStringLiteral("1.00 Hours"));
    CHECK(child<QTableView>(w.page, "transferTable")->model()->rowCount() == 1);
}

TEST_CASE("selecting an account shows its transfers and Show all transfers goes back")
{
    LedgerOnTempHub w;
    const hub::MemberId cai = w.add(QStringLiteral("Cai Jones"));
    for (const auto &[payer, payee] : {std::pair{w.ana, w.bryn}, std::pair{w.bryn, cai}, std::pair{cai, w.ana}}) {
        hub::TransferDraft d;
        d.payer = payer;
        d.payee = payee;
        d.amount = hub::Amount::fromMinor(100);
        d.memo = QStringLiteral("help");
        REQUIRE(w.hub().ledger().pay(d));
    }
    w.page->refresh();
    auto *transfers = child<QTableView>(w.page, "transferTable");
    CHECK(transfers->model()->rowCount() == 3);
    REQUIRE(w.page->selectAccount(w.ana));
    CHECK(transfers->model()->rowCount() == 2);
    CHECK(child<QLabel>(w.page, "transfersTitle")->text().contains(QStringLiteral("Ana Ferreira")));
    auto *showAll = child<QPushButton>(w.page, "transfersShowAll");
    REQUIRE(showAll->isVisible());
    QTest::mouseClick(showAll, Qt::LeftButton);
    CHECK(transfers->model()->rowCount() == 3);
    CHECK_FALSE(showAll->isVisible());

    // The name filter narrows the accounts in SQL.
    auto *search = child<QLineEdit>(w.page, "accountSearch");
    LedgerOnTempHub::type(search, QStringLiteral("bry"));
    w.page->applyFilter();
    CHECK(w.page->accountModel()->rowCount() == 1);
    CHECK(child<QLabel>(w.page, "accountsCount")->text() == QStringLiteral("1 matching account"));
}

TEST_CASE("after filtering the accounts, clicking the one row left filters the transfers and enables its actions")
{
    LedgerOnTempHub w;
    hub::TransferDraft d;
    d.payer = w.ana;
    d.payee = w.bryn;
    d.amount = hub::Amount::fromMinor(250);
    d.memo = QStringLiteral("soup");
    REQUIRE(w.hub().ledger().pay(d));
    const hub::MemberId cai = w.add(QStringLiteral("Cai Jones"));
    d.payer = cai;
    REQUIRE(w.hub().ledger().pay(d));
    w.page->refresh();
    auto *accounts = child<QTableView>(w.page, "accountTable");
    auto *transfers = child<QTableView>(w.page, "transferTable");
    // A row picked first, then the filter: as a person at the desk does.
    REQUIRE(w.page->selectAccount(w.ana));
    LedgerOnTempHub::type(child<QLineEdit>(w.page, "accountSearch"), QStringLiteral("cai"));
    w.page->applyFilter();
    REQUIRE(w.page->accountModel()->rowCount() == 1);
    accounts->setFocus(); // the cursor lands on the one row, not selected
    const QRect rect = accounts->visualRect(accounts->model()->index(0, 0));
    QTest::mouseClick(accounts->viewport(), Qt::LeftButton, {}, rect.center());
    CHECK(child<QToolButton>(w.page, "ledgerStatement")->isEnabled());
    CHECK(child<QToolButton>(w.page, "ledgerLimits")->isEnabled());
    CHECK(transfers->model()->rowCount() == 1);
    CHECK(child<QLabel>(w.page, "transfersTitle")->text().contains(QStringLiteral("Cai Jones")));
}

TEST_CASE("a member's statement is printed through the print dialog")
{
    LedgerOnTempHub w;
    hub::TransferDraft d;
    d.payer = w.ana;
    d.payee = w.bryn;
    d.amount = hub::Amount::fromMinor(450);
    d.memo = QStringLiteral("Plumbing help");
    REQUIRE(w.hub().ledger().pay(d));
    hub::StatementDialog statement(w.hub(), w.ana, &w.window);
    statement.show();
    // The button opens the print dialog; Cancel prints nothing.
    bool asked = false;
    hub::test::whenShown<QPrintDialog>([&asked](QPrintDialog *dialog) {
        asked = true;
        dialog->reject();
    });
    QTest::mouseClick(child<QPushButton>(&statement, "statementPrint"), Qt::LeftButton);
    CHECK(asked);

    const QString path = w.temp.file(QStringLiteral("printed.pdf"));
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    REQUIRE(statement.printOn(printer));
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    REQUIRE(p.waitForFinished(30000));
    const QString text = QString::fromUtf8(p.readAllStandardOutput());
    CHECK(text.contains(QStringLiteral("Ana Ferreira")));
    CHECK(text.contains(QStringLiteral("Plumbing help")));
}
