// SPDX-License-Identifier: GPL-3.0-or-later
// File → Connect to a hub server…: typed as a person types, refused clearly
// with the form kept, and (on the throwaway cluster) the server's hub open in
// the window, remembered in Open Recent without its password.
#include "core/hub.h"
#include "core/members/memberservice.h"
#include "core/settings/settingsservice.h"
#include "core/storage/hubwatcher.h"
#include "tests/support/freezingproxy.h"
#include "tests/support/testserver.h"
#include "tests/ui/messageboxanswerer.h"
#include "tests/ui/widgetlookup.h"
#include "ui/dialogs/serverconnectdialog.h"
#include "ui/mainwindow.h"
#include "ui/recentfiles.h"
#include "ui/widgets/fielderrorlabel.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <algorithm>

using hub::ServerConnectDialog;
using hub::test::child;

namespace {
void fill(ServerConnectDialog *dialog, const hub::HubAddress &address, const QString &password)
{
    QTest::keyClicks(child<QLineEdit>(dialog, "serverHost"), address.host());
    auto *port = child<QSpinBox>(dialog, "serverPort");
    port->selectAll();
    QTest::keyClicks(port, QString::number(address.port()));
    auto *database = child<QLineEdit>(dialog, "serverDatabase");
    database->selectAll();
    QTest::keyClicks(database, address.databaseName());
    QTest::keyClicks(child<QLineEdit>(dialog, "serverUser"), address.user());
    QTest::keyClicks(child<QLineEdit>(dialog, "serverPassword"), password);
}
} // namespace

TEST_CASE("a hub server that cannot be reached is explained and the form keeps what was typed")
{
    ServerConnectDialog dialog;
    dialog.show();
    fill(&dialog,
         hub::HubAddress::server(QStringLiteral("desk"), QStringLiteral("127.0.0.1"), 1, QStringLiteral("hub")),
         QStringLiteral("secret"));
    QTest::mouseClick(child<QPushButton>(&dialog, "serverConnect"), Qt::LeftButton);
    CHECK(dialog.isVisible());
    CHECK(dialog.result() != QDialog::Accepted);
    CHECK(child<hub::FieldErrorLabel>(&dialog, "serverError")->text().contains(QStringLiteral("could not be reached")));
    CHECK(child<QLineEdit>(&dialog, "serverHost")->text() == QStringLiteral("127.0.0.1"));
    CHECK(child<QLineEdit>(&dialog, "serverPassword")->text() == QStringLiteral("secret"));
    QDir().mkpath(QStringLiteral(HUB_TEST_BUILD_DIR "/shots"));
    dialog.grab().save(QStringLiteral(HUB_TEST_BUILD_DIR "/shots/server-connect-refused.png"));

    // Nothing typed where something is needed: said before connecting.
    child<QLineEdit>(&dialog, "serverUser")->clear();
    QTest::mouseClick(child<QPushButton>(&dialog, "serverConnect"), Qt::LeftButton);
    CHECK(child<hub::FieldErrorLabel>(&dialog, "serverError")->text().contains(QStringLiteral("user name")));
}

TEST_CASE("File, Connect to a hub server opens the server's hub and Open Recent keeps it without the password",
          "[.server]")
{
    REQUIRE(hub::test::TestServer::active());
    const QString url = hub::test::TestServer::createHubDatabase();
    {
        auto seeded = hub::Hub::open(url);
        REQUIRE(seeded);
        hub::MemberDraft d;
        d.displayName = QStringLiteral("Zoë Server");
        REQUIRE((*seeded)->members().add(d));
    }
    auto address = hub::HubAddress::parse(url);
    REQUIRE(address);
    hub::MainWindow window;
    hub::test::whenShown<ServerConnectDialog>([&](ServerConnectDialog *dialog) {
        fill(dialog, *address, QStringLiteral("not needed on this cluster"));
        QTest::mouseClick(child<QPushButton>(dialog, "serverConnect"), Qt::LeftButton);
    });
    REQUIRE(window.connectToServer());
    REQUIRE(window.hub());
    CHECK(window.hub()->path() == url);
    CHECK(window.hub()->database().backend() == hub::Backend::PostgreSQL);
    auto members = window.hub()->members().list({});
    REQUIRE(members);
    CHECK(members->size() == 1);
    QSettings settings;
    const QStringList recent = hub::RecentFiles(settings).files();
    REQUIRE_FALSE(recent.isEmpty());
    CHECK(recent.first() == url);
    CHECK_FALSE(recent.join(u' ').contains(QStringLiteral("not needed")));
    // How the pages look on a server hub, for a person to check (build/shots).
    window.resize(1024, 768);
    window.show();
    QDir().mkpath(QStringLiteral(HUB_TEST_BUILD_DIR "/shots"));
    for (const auto &[page, name] : {std::pair{hub::MainWindow::Page::Members, "server-members"},
                                     std::pair{hub::MainWindow::Page::Ledger, "server-ledger"}}) {
        window.showPage(page);
        QTest::qWait(50);
        window.grab().save(QStringLiteral(HUB_TEST_BUILD_DIR "/shots/%1.png").arg(QLatin1StringView(name)));
    }
    window.close();
    hub::test::TestServer::dropDatabase(url);
}

TEST_CASE("File, Restore puts a backup back on the server and keeps the server's hub as a file beside it", "[.server]")
{
    REQUIRE(hub::test::TestServer::active());
    const QString url = hub::test::TestServer::createHubDatabase();
    QTemporaryDir dir;
    hub::MainWindow window;
    REQUIRE(window.openHub(url));
    REQUIRE(window.hub()->settings().set(QStringLiteral("name"), QStringLiteral("Monday Hub")));
    const QString backup = dir.filePath(QStringLiteral("monday.sqlite"));
    REQUIRE(window.backupTo(backup));
    hub::test::closeNotice(&window, "backupNotice");
    REQUIRE(window.hub()->settings().set(QStringLiteral("name"), QStringLiteral("Tuesday Hub")));

    hub::test::MessageBoxAnswerer answerer(QMessageBox::Yes);
    REQUIRE(window.restoreFrom(backup));
    // The confirmation names the server and where its hub is kept.
    REQUIRE(answerer.texts().size() == 2);
    CHECK(answerer.texts().at(0).contains(QStringLiteral("on the server")));
    CHECK(answerer.texts().at(0).contains(QStringLiteral(".before-restore-")));
    CHECK(window.hub()->settings().load()->name == QStringLiteral("Monday Hub"));
    CHECK(window.windowTitle().startsWith(QStringLiteral("Monday Hub")));
    const QStringList kept = QDir(dir.path()).entryList({QStringLiteral("*.before-restore-*")});
    REQUIRE(kept.size() == 1);
    auto keptHub = hub::Hub::open(dir.filePath(kept.first()));
    REQUIRE(keptHub);
    CHECK((*keptHub)->settings().load()->name == QStringLiteral("Tuesday Hub"));
    window.close();
    hub::test::TestServer::dropDatabase(url);
}

TEST_CASE("the window says when the hub server stops answering, stays usable, and carries on when it answers",
          "[.server]")
{
    REQUIRE(hub::test::TestServer::active());
    const QString url = hub::test::TestServer::createHubDatabase();
    QUrl address(url);
    hub::test::FreezingProxy network(address.host(), quint16(address.port()));
    address.setPort(network.port());
    {
        hub::MainWindow window;
        REQUIRE(window.openHub(address.toString()));
        window.resize(1024, 768);
        window.show();
        auto *away = child<QLabel>(&window, "serverAwayLabel");
        QTest::qWait(1500);
        CHECK(away->isHidden());

        network.freeze();
        // The window keeps answering: every pass of its event loop is quick.
        QElapsedTimer quiet;
        quiet.start();
        qint64 longest = 0;
        while (quiet.elapsed() < hub::HubWatcher::AnswerWithinMs + 2500) {
            QElapsedTimer pass;
            pass.start();
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
            longest = std::max(longest, pass.elapsed());
            QTest::qWait(20);
        }
        CHECK(longest < 500);
        CHECK(away->isVisible());
        CHECK(away->text().contains(QStringLiteral("not answering")));
        QDir().mkpath(QStringLiteral(HUB_TEST_BUILD_DIR "/shots"));
        window.grab().save(QStringLiteral(HUB_TEST_BUILD_DIR "/shots/server-away.png"));

        network.thaw();
        QDeadlineTimer back(10000);
        while (away->isVisible() && !back.hasExpired())
            QTest::qWait(50);
        CHECK(away->isHidden());
        CHECK(window.statusBar()->currentMessage().contains(QStringLiteral("answers again")));
        window.close();
    }
    hub::test::TestServer::dropDatabase(url);
}
