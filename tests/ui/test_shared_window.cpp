// SPDX-License-Identifier: GPL-3.0-or-later
// The window and hubctl on one hub file (issue 14): a restore made by another
// desk is noticed, forms over the window are closed, and every page reloads;
// the window's own writes stay visible to hubctl while its worker threads come
// and go.
#include "core/hub.h"
#include "core/ledger/ledgerservice.h"
#include "core/members/memberservice.h"
#include "core/storage/query.h"
#include "core/settings/settingsservice.h"
#include "tests/support/hubctlrunner.h"
#include "tests/support/openfiles.h"
#include "tests/support/openreader.h"
#include "tests/support/temphub.h"
#include "tests/ui/widgetlookup.h"
#include "tests/ui/messageboxanswerer.h"
#include "ui/access/workerhub.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonValue>
#include <QMessageBox>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QTimer>

#include <thread>

using hub::MainWindow;
using hub::test::hubctl;

namespace {
struct WindowBesideHubctl
{
    hub::test::TempHub temp;
    MainWindow window;
    WindowBesideHubctl()
    {
        temp.close();
        REQUIRE(window.openHub(temp.path()));
        window.resize(1280, 720);
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
    }
    QStringList with(const QStringList &args) const { return QStringList{QStringLiteral("--db"), temp.path()} + args; }
};

QMessageBox *restoredNotice()
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (w->objectName() == QStringLiteral("restoredNotice") && w->isVisible())
            return qobject_cast<QMessageBox *>(w);
    return nullptr;
}
} // namespace

TEST_CASE("a restore by hubctl on another desk is noticed: forms close, pages reload, a notice says so",
          "[ui][shared][restore]")
{
    WindowBesideHubctl w;
    REQUIRE(w.window.hub()->settings().set(QStringLiteral("name"), QStringLiteral("Backed Up Hub")));
    const QString backup = w.temp.file(QStringLiteral("backup.sqlite"));
    REQUIRE(w.window.backupTo(backup));
    hub::test::closeNotice(&w.window, "backupNotice");
    REQUIRE(w.window.hub()->settings().set(QStringLiteral("name"), QStringLiteral("Current Hub")));
    w.window.pollForChanges(); // its own writes are not a restore
    CHECK(restoredNotice() == nullptr);

    // A form left open over the window.
    auto *form = new QDialog(&w.window);
    form->setWindowTitle(QStringLiteral("New member"));
    form->setAttribute(Qt::WA_DeleteOnClose);
    form->show();

    const auto r = hubctl(w.with({QStringLiteral("restore"), backup}));
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    w.window.pollForChanges();
    QMessageBox *notice = restoredNotice();
    REQUIRE(notice != nullptr);
    CHECK(notice->text().contains(QStringLiteral("restored this hub from a backup")));
    CHECK(notice->text().contains(QStringLiteral("New member")));
    CHECK(w.window.windowTitle().startsWith(QStringLiteral("Backed Up Hub")));
    CHECK(w.window.hub()->settings().load()->name == QStringLiteral("Backed Up Hub"));
    notice->accept();

    // Once seen, the same restore is not announced again; a write is not a restore.
    REQUIRE(hubctl(w.with({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Later")}))
                .exitCode == 0);
    w.window.pollForChanges();
    CHECK(restoredNotice() == nullptr);
}

TEST_CASE("the window's writes reach hubctl while its worker threads open and close the hub",
          "[ui][shared][multiprocess]")
{
    WindowBesideHubctl w;
    const hub::WorkerHub worker(*w.window.hub());
    for (int round = 0; round < 5; ++round) {
        std::thread job([&worker] {
            auto opened = worker.open();
            if (opened)
                (*opened)->database().releaseThreadConnection();
        });
        job.join();
        REQUIRE(hubctl(w.with({QStringLiteral("member"), QStringLiteral("list")})).exitCode == 0);
        hub::MemberDraft d;
        d.displayName = QStringLiteral("Desk Write %1").arg(round);
        REQUIRE(w.window.hub()->members().add(d));
        const auto listed = hubctl(w.with({QStringLiteral("--json"), QStringLiteral("member"), QStringLiteral("list"),
                                           QStringLiteral("--search"), d.displayName}));
        REQUIRE(listed.exitCode == 0);
        CHECK(listed.json().array().size() == 1);
        CHECK(hub::test::deletedHubFiles(w.temp.path()).isEmpty());
    }
}

// Not a check: the notice another desk's restore leaves, for a person to look
// at (<build>/shots). Hidden from CTest; run with test_ui "[shots]".
TEST_CASE("screenshot of the notice after another desk restored the hub", "[.][shots]")
{
    WindowBesideHubctl w;
    const QString backup = w.temp.file(QStringLiteral("backup.sqlite"));
    REQUIRE(w.window.backupTo(backup));
    hub::test::closeNotice(&w.window, "backupNotice");
    auto *form = new QDialog(&w.window);
    form->setWindowTitle(QStringLiteral("New transfer"));
    form->setAttribute(Qt::WA_DeleteOnClose);
    form->show();
    REQUIRE(hubctl(w.with({QStringLiteral("restore"), backup})).exitCode == 0);
    w.window.pollForChanges();
    QMessageBox *notice = restoredNotice();
    REQUIRE(notice != nullptr);
    QTest::qWait(50);
    const QString dir = QStringLiteral(HUB_TEST_BUILD_DIR "/shots");
    QDir().mkpath(dir);
    REQUIRE(w.window.grab().save(QDir(dir).filePath(QStringLiteral("restored-window.png"))));
    REQUIRE(notice->grab().save(QDir(dir).filePath(QStringLiteral("restored-notice.png"))));
    notice->accept();
}

TEST_CASE("the window refuses a backup that fails the check and lets an admin restore it giving a reason",
          "[ui][restore][seal]")
{
    WindowBesideHubctl w;
    hub::MemberDraft a;
    a.displayName = QStringLiteral("Ana");
    hub::MemberDraft b;
    b.displayName = QStringLiteral("Bryn");
    const auto ana = w.window.hub()->members().add(a);
    const auto bryn = w.window.hub()->members().add(b);
    REQUIRE(ana);
    REQUIRE(bryn);
    hub::TransferDraft t;
    t.payer = ana->id;
    t.payee = bryn->id;
    t.amount = hub::Amount::fromMinor(100);
    t.memo = QStringLiteral("Bike repair");
    REQUIRE(w.window.hub()->ledger().pay(t));
    const QString backup = w.temp.file(QStringLiteral("backup.sqlite"));
    REQUIRE(w.window.backupTo(backup));
    hub::test::closeNotice(&w.window, "backupNotice");
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
        db.setDatabaseName(backup);
        REQUIRE(db.open());
        QSqlQuery q(db);
        REQUIRE(q.exec(QStringLiteral("DROP TRIGGER transfers_never_updated")));
        REQUIRE(q.exec(QStringLiteral("UPDATE transfers SET memo = 'changed' WHERE id = 1")));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tamper"));

    // Declining to give a reason changes nothing.
    hub::test::MessageBoxAnswerer answerer(QMessageBox::Yes);
    // Answers the reason dialog when it appears (the confirmation comes first).
    const auto answerReason = [](const QString &reason) {
        auto *poll = new QTimer;
        poll->setInterval(20);
        QObject::connect(poll, &QTimer::timeout, poll, [poll, reason] {
            for (QWidget *top : QApplication::topLevelWidgets())
                if (auto *input = qobject_cast<QInputDialog *>(top); input && input->isVisible()) {
                    poll->stop();
                    poll->deleteLater();
                    if (reason.isEmpty()) {
                        input->reject();
                    } else {
                        input->setTextValue(reason);
                        input->accept();
                    }
                    return;
                }
        });
        poll->start();
    };
    answerReason(QString());
    CHECK_FALSE(w.window.restoreFrom(backup));
    CHECK(answerer.texts().last().contains(QStringLiteral("does not pass the hub's checks")));
    CHECK(QDir(w.temp.dir()).entryList({QStringLiteral("hub.sqlite.before-restore-*")}).isEmpty());

    answerReason(QStringLiteral("the only copy left after the flood"));
    REQUIRE(w.window.restoreFrom(backup));
    hub::Query q(w.window.hub()->database(),
                 QStringLiteral("SELECT summary FROM audit_log WHERE action = 'hub.restore' ORDER BY id DESC LIMIT 1"));
    CHECK(q.scalar()->toString().contains(QStringLiteral("the only copy left after the flood")));
}

TEST_CASE("an erasure held up by another desk's read is finished by the window once that read ends",
          "[ui][shared][erasure]")
{
    WindowBesideHubctl w;
    hub::MemberDraft d;
    d.displayName = QStringLiteral("Peregrine Thistlewaite");
    auto added = w.window.hub()->members().add(d);
    REQUIRE(added);
    hub::test::OpenReader reader(w.temp.path());
    auto erased = w.window.hub()->members().forget(added->id);
    REQUIRE(erased);
    REQUIRE_FALSE(erased->complete);
    w.window.pollForChanges();
    CHECK(hub::test::snapshot(w.temp.path()).contains("Thistlewaite"));

    reader.close();
    // The window's next look (once a second) completes it, with no one reopening the hub.
    const auto pending = [&w] {
        hub::Query q(w.window.hub()->database(), QStringLiteral("SELECT count(*) FROM pending_scrub"));
        return q.scalar()->toInt();
    };
    REQUIRE(QTest::qWaitFor([&] { return pending() == 0; }, 5000));
    CHECK_FALSE(hub::test::snapshot(w.temp.path()).contains("Thistlewaite"));
}
