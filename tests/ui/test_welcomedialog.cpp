// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/hub.h"
#include "core/settings/settingsservice.h"
#include "tests/support/temphub.h"
#include "tests/ui/messageboxanswerer.h"
#include "tests/ui/retype.h"
#include "tests/ui/widgetlookup.h"
#include "ui/dialogs/welcomedialog.h"
#include "ui/mainwindow.h"
#include "ui/widgets/fielderrorlabel.h"

#include <QComboBox>
#include <QFileInfo>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using hub::WelcomeDialog;
using hub::test::child;
using hub::test::retype;

namespace {

hub::HubSettings settingsOf(const QString &path)
{
    auto opened = hub::Hub::open(path);
    REQUIRE(opened);
    auto settings = (*opened)->settings().load();
    REQUIRE(settings);
    return *settings;
}

void fillCreateForm(WelcomeDialog *dialog, const QString &name, const QString &path)
{
    retype(child<QLineEdit>(dialog, "createName"), name);
    retype(child<QComboBox>(dialog, "createTimeZone")->lineEdit(), QStringLiteral("Europe/Warsaw"));
    retype(child<QLineEdit>(dialog, "createUnit"), QStringLiteral("Credits"));
    retype(child<QLineEdit>(dialog, "createPath"), path);
}

} // namespace

TEST_CASE("the welcome dialog creates a hub with the name and time zone and unit given")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("new/hub.sqlite"));
    WelcomeDialog dialog;
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    CHECK(child<QRadioButton>(&dialog, "welcomeChoiceCreate")->isChecked());

    fillCreateForm(&dialog, QStringLiteral("Llanfair Road Hub"), path);
    QTest::mouseClick(child<QPushButton>(&dialog, "welcomeProceed"), Qt::LeftButton);

    CHECK(dialog.result() == QDialog::Accepted);
    REQUIRE(QFileInfo::exists(path));
    CHECK(dialog.hubPath() == QFileInfo(path).absoluteFilePath());
    const hub::HubSettings s = settingsOf(path);
    CHECK(s.name == QStringLiteral("Llanfair Road Hub"));
    CHECK(s.timeZone == QStringLiteral("Europe/Warsaw"));
    CHECK(s.unitName == QStringLiteral("Credits"));
}

TEST_CASE("the welcome dialog names bad fields and never overwrites an existing file")
{
    QTemporaryDir dir;
    const QString existing = dir.filePath(QStringLiteral("taken.sqlite"));
    hub::test::writeBytes(existing, "someone else's file");
    WelcomeDialog dialog;
    dialog.show();

    fillCreateForm(&dialog, QString(), existing);
    retype(child<QComboBox>(&dialog, "createTimeZone")->lineEdit(), QStringLiteral("Mars/Olympus"));
    QTest::mouseClick(child<QPushButton>(&dialog, "welcomeProceed"), Qt::LeftButton);

    CHECK(dialog.result() != QDialog::Accepted);
    CHECK(child<hub::FieldErrorLabel>(&dialog, "createNameError")->isVisible());
    CHECK(child<hub::FieldErrorLabel>(&dialog, "createTimeZoneError")->text().contains(QStringLiteral("Mars/Olympus")));
    CHECK(child<hub::FieldErrorLabel>(&dialog, "createPathError")->isVisible());
    CHECK(hub::test::readBytes(existing) == QByteArray("someone else's file"));
}

TEST_CASE("the welcome dialog makes a small demo hub off the GUI thread")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.sqlite"));
    WelcomeDialog dialog;
    dialog.show();
    QTest::mouseClick(child<QRadioButton>(&dialog, "welcomeChoiceDemo"), Qt::LeftButton);
    REQUIRE(dialog.choice() == WelcomeDialog::Choice::Demo);
    retype(child<QLineEdit>(&dialog, "demoPath"), path);

    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::mouseClick(child<QPushButton>(&dialog, "welcomeProceed"), Qt::LeftButton);
    REQUIRE(accepted.wait(10000));
    CHECK(dialog.hubPath() == QFileInfo(path).absoluteFilePath());
    CHECK(settingsOf(path).name.endsWith(QStringLiteral("Community Hub")));
}

TEST_CASE("the welcome dialog opens an existing hub and refuses a file that is not one")
{
    hub::test::TempHub temp;
    temp.close();
    const QString bogus = temp.file(QStringLiteral("bogus.sqlite"));
    hub::test::writeBytes(bogus, "not a hub");

    WelcomeDialog dialog;
    dialog.show();
    QTest::mouseClick(child<QRadioButton>(&dialog, "welcomeChoiceOpen"), Qt::LeftButton);
    auto *path = child<QLineEdit>(&dialog, "openPath");
    auto *proceed = child<QPushButton>(&dialog, "welcomeProceed");

    retype(path, bogus);
    {
        hub::test::MessageBoxAnswerer answerer;
        QTest::mouseClick(proceed, Qt::LeftButton);
        CHECK(answerer.texts().size() == 1);
    }
    CHECK(dialog.result() != QDialog::Accepted);

    retype(path, temp.path());
    QTest::mouseClick(proceed, Qt::LeftButton);
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(dialog.hubPath() == QFileInfo(temp.path()).absoluteFilePath());
}

TEST_CASE("starting with a missing hub file shows the welcome dialog for that path")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("first.sqlite"));
    hub::MainWindow window;

    // start() runs the dialog modally; answer it from inside its event loop.
    bool sawDialog = false;
    QTimer poll;
    poll.setInterval(10);
    QObject::connect(&poll, &QTimer::timeout, &poll, [&] {
        auto *dialog = hub::test::visibleTopLevel<WelcomeDialog>();
        if (!dialog || sawDialog)
            return;
        sawDialog = true;
        auto *createPath = dialog->findChild<QLineEdit *>(QStringLiteral("createPath"));
        if (createPath && createPath->text() == path) {
            retype(dialog->findChild<QLineEdit *>(QStringLiteral("createName")), QStringLiteral("Brookside Hub"));
            QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("welcomeProceed")), Qt::LeftButton);
        } else {
            dialog->reject();
        }
    });
    poll.start();

    REQUIRE(window.start(path));
    CHECK(sawDialog);
    REQUIRE(window.hub() != nullptr);
    CHECK(window.hub()->path() == QFileInfo(path).absoluteFilePath());
    CHECK(window.windowTitle() == QStringLiteral("Brookside Hub — Hubkeeper"));
}

TEST_CASE("a refused hub at start-up is explained and then the welcome dialog is offered")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("damaged.sqlite"));
    hub::test::writeBytes(path, "this is not SQLite at all");
    hub::MainWindow window;

    hub::test::MessageBoxAnswerer answerer;
    bool sawDialog = false;
    QString notice;
    QTimer poll;
    poll.setInterval(10);
    QObject::connect(&poll, &QTimer::timeout, &poll, [&] {
        if (auto *dialog = hub::test::visibleTopLevel<WelcomeDialog>()) {
            sawDialog = true;
            notice = dialog->findChild<hub::FieldErrorLabel *>(QStringLiteral("welcomeNotice"))->text();
            dialog->reject();
        }
    });
    poll.start();

    CHECK_FALSE(window.start(path));
    CHECK(answerer.texts().size() == 1);
    CHECK(sawDialog);
    CHECK(notice.contains(QStringLiteral("damaged.sqlite")));
    CHECK(window.hub() == nullptr);
    CHECK(hub::test::readBytes(path) == QByteArray("this is not SQLite at all"));
}
