// SPDX-License-Identifier: GPL-3.0-or-later
// Not a check: renders the Ledger page, the New transfer dialog, a statement
// and its PDF at 1280×720 into <build>/shots so a person can look at them.
// Hidden from CTest; run with
//   test_ui "[shots]"
#include "core/hub.h"
#include "core/ledger/ledgerservice.h"
#include "core/members/memberservice.h"
#include "core/settings/settingsservice.h"
#include "tests/support/shotsdir.h"
#include "tests/support/temphub.h"
#include "tests/ui/screenshot.h"
#include "tests/ui/widgetlookup.h"
#include "ui/dialogs/limitsdialog.h"
#include "ui/dialogs/statementdialog.h"
#include "ui/dialogs/transferdialog.h"
#include "ui/mainwindow.h"
#include "ui/pages/ledgerpage.h"
#include "ui/widgets/memberpicker.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QDir>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QRandomGenerator>
#include <QTableView>
#include <QTest>
#include <QTimeZone>

using hub::MainWindow;
using hub::test::child;
using hub::test::shoot;
using hub::test::shotsDir;
using hub::test::visibleTopLevel;

namespace {
/// About forty members and three hundred transfers over three months, with
/// a few busy traders, some reversals and one account near its limit.
QList<hub::MemberId> addTrade(hub::Hub &hub, QDateTime &now)
{
    static const char *const names[] = {"Siân Davies",         "Aoife Byrne",        "Tomasz Nowak",
                                        "Zoë Łukasiewicz",     "Hodan Warsame",      "Kemal Yılmaz",
                                        "Chiamaka Okafor",     "João Ferreira",      "Rahima Begum",
                                        "Gareth Llewellyn",    "Niamh O'Sullivan",   "Agnieszka Wójcik",
                                        "Abdirahman Ali",      "Emre Şahin",         "Tunde Adeyemi",
                                        "Inês Costa",          "Sabrina Chowdhury",  "Rhys ap Gwilym",
                                        "Ciarán Murphy",       "Marta Kowalczyk",    "Faisal Hussain",
                                        "Ayşe Demir",          "Ngozi Eze",          "Beatriz Santos",
                                        "Mohammed Rahman",     "Eleri Hughes",       "Seán Ó Briain",
                                        "Piotr Zieliński",     "Amina Farah",        "Mehmet Kaya",
                                        "Oluwaseun Bello",     "Rafael Almeida",     "Nusrat Jahan",
                                        "Dylan Pritchard",     "Róisín Kelly",       "Canal Street Café",
                                        "Roath Bakery Co-op",  "Fix-It Repair Café", "Splott Community Garden",
                                        "Cathays Bike Kitchen"};
    static const char *const memos[] = {"2h guitar lesson",      "bread for the community dinner",
                                        "fixed a bike puncture", "1h Welsh conversation",
                                        "help moving furniture", "childcare, Saturday morning",
                                        "sewing repair: coat",   "website update",
                                        "gardening, 3 hours",    "bookkeeping help",
                                        "plumbing: kitchen tap", "Polish lesson",
                                        "lift to the hospital",  "cakes for the Friendly gathering"};
    static const char *const categories[] = {"Lessons", "Food", "Repairs", "Care", "Gardening", ""};

    QList<hub::MemberId> ids;
    for (const char *name : names) {
        hub::MemberDraft d;
        d.displayName = QString::fromUtf8(name);
        if (QByteArray(name).contains("Café") || QByteArray(name).contains("Co-op") ||
            QByteArray(name).contains("Garden") || QByteArray(name).contains("Kitchen"))
            d.kind = hub::MemberKind::Organisation;
        auto added = hub.members().add(d);
        REQUIRE(added);
        ids << added->id;
    }

    QRandomGenerator random(20250701);
    int posted = 0;
    QList<hub::TransferId> reversible;
    for (int i = 0; posted < 300 && i < 2000; ++i) {
        now = now.addSecs(3600 * 5 + random.bounded(3600 * 4));
        // A few busy traders: the first eight take part in most trades.
        const auto pick = [&] {
            return random.bounded(3) == 0 ? ids[random.bounded(ids.size())] : ids[random.bounded(8)];
        };
        hub::TransferDraft d;
        d.payer = pick();
        d.payee = pick();
        if (d.payer == d.payee)
            continue;
        d.amount = hub::Amount::fromMinor(25 * (1 + random.bounded(12)));
        d.memo = QString::fromUtf8(memos[random.bounded(int(std::size(memos)))]);
        d.category = QString::fromUtf8(categories[random.bounded(int(std::size(categories)))]);
        if (auto p = hub.ledger().pay(d)) {
            ++posted;
            if (posted % 37 == 0)
                reversible << p->transfer.id;
        }
    }
    for (hub::TransferId id : reversible) {
        now = now.addSecs(1800);
        (void)hub.ledger().reverse(id);
    }
    // One account close to its limit, for the colours and the at-risk filter.
    hub::TransferDraft d;
    d.payer = ids[13];
    d.payee = ids[36];
    d.amount = hub::Amount::fromMinor(1750);
    d.memo = QStringLiteral("a month of bread for the family");
    d.category = QStringLiteral("Food");
    now = now.addSecs(3600);
    REQUIRE(hub.ledger().pay(d));
    return ids;
}
} // namespace

TEST_CASE("screenshots of the ledger page dialogs and statement", "[.][shots]")
{
    hub::test::TempHub temp;
    temp.close();
    MainWindow window;
    REQUIRE(window.openHub(temp.path()));
    hub::Hub &hub = *window.hub();
    hub::HubSettings s = *hub.settings().load();
    s.name = QStringLiteral("Roath Community Hub");
    s.timeZone = QStringLiteral("Europe/London");
    REQUIRE(hub.settings().save(s));

    // An empty ledger first.
    window.resize(1280, 720);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    window.showPage(MainWindow::Page::Ledger);
    shoot(&window, QStringLiteral("10-ledger-empty"));

    QDateTime now(QDate(2025, 4, 1), QTime(9, 0), QTimeZone::utc());
    hub.setClock(hub::Clock([&now] { return now; }));
    const QList<hub::MemberId> ids = addTrade(hub, now);
    window.showPage(MainWindow::Page::Today);
    shoot(&window, QStringLiteral("10-today-quick-action"));
    window.showPage(MainWindow::Page::Ledger);
    shoot(&window, QStringLiteral("10-ledger"));

    auto *page = child<hub::LedgerPage>(&window, "ledgerPage");
    auto *accounts = child<QTableView>(page, "accountTable");
    accounts->sortByColumn(1, Qt::AscendingOrder);
    REQUIRE(page->selectAccount(ids[0]));
    shoot(&window, QStringLiteral("10-ledger-account"));
    page->showAllTransfers();

    // New transfer: the form with a bad amount, the confirmation, a refusal.
    QTest::keyClick(&window, Qt::Key_T, Qt::ControlModifier);
    auto *dialog = visibleTopLevel<hub::TransferDialog>();
    REQUIRE(dialog);
    child<hub::MemberPicker>(dialog, "transferPayer")->setFocus();
    QTest::keyClicks(child<hub::MemberPicker>(dialog, "transferPayer"), QStringLiteral("a"));
    shoot(dialog, QStringLiteral("11-transfer-suggestions"));
    QTest::keyClick(child<hub::MemberPicker>(dialog, "transferPayer")->suggestions()->popup(), Qt::Key_Escape);
    dialog->setPayer(ids[0]);
    dialog->setPayee(ids[2]);
    auto *amount = child<QLineEdit>(dialog, "transferAmount");
    amount->setFocus();
    QTest::keyClicks(amount, QStringLiteral("12.505"));
    QTest::keyClicks(child<QLineEdit>(dialog, "transferMemo"), QStringLiteral("2h guitar lesson"));
    shoot(dialog, QStringLiteral("11-transfer-bad-amount"));
    amount->clear();
    QTest::keyClicks(amount, QStringLiteral("2.00"));
    REQUIRE(dialog->review());
    shoot(dialog, QStringLiteral("11-transfer-confirm"));
    dialog->backToForm();
    dialog->setPayer(ids[13]);
    amount->clear();
    QTest::keyClicks(amount, QStringLiteral("9"));
    REQUIRE(dialog->review());
    REQUIRE_FALSE(dialog->post());
    shoot(dialog, QStringLiteral("11-transfer-refused"));
    dialog->reject();

    // A statement, on screen and as a PDF.
    hub::StatementDialog statement(hub, ids[0], &window);
    statement.setPeriod(QDate(2025, 4, 1), now.date());
    statement.show();
    REQUIRE(QTest::qWaitForWindowExposed(&statement));
    shoot(&statement, QStringLiteral("12-statement"));
    const QString pdf = QDir(shotsDir()).filePath(QStringLiteral("13-statement.pdf"));
    REQUIRE(statement.exportPdf(pdf));
    QProcess::execute(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QStringLiteral("60"), QStringLiteral("-png"),
                                                   pdf, QDir(shotsDir()).filePath(QStringLiteral("13-statement-pdf"))});
    statement.close();

    // Limits: a change that would breach is refused, with the override offered.
    auto account = hub.ledger().account(ids[13]);
    REQUIRE(account);
    hub::LimitsDialog limits(hub, *account, &window);
    limits.show();
    REQUIRE(QTest::qWaitForWindowExposed(&limits));
    auto *min = child<QLineEdit>(&limits, "limitsMin");
    min->clear();
    QTest::keyClicks(min, QStringLiteral("-10"));
    REQUIRE_FALSE(limits.save());
    shoot(&limits, QStringLiteral("14-limits-refused"));
}
