// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/hub.h"
#include "core/settings/settingsservice.h"
#include "core/spaces/bookingservice.h"
#include "core/spaces/spaceservice.h"
#include "tests/support/temphub.h"
#include "tests/ui/messageboxanswerer.h"
#include "tests/ui/widgetlookup.h"
#include "ui/mainwindow.h"
#include "ui/pages/settingspage.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QTimeZone>

using hub::MainWindow;
using hub::test::child;

namespace {

/// A London hub with one booking at 19:00 local time, years ahead, shown on
/// the Settings page of the main window.
struct ZoneChange
{
    hub::test::TempHub temp;
    MainWindow window;
    hub::SettingsPage *page = nullptr;
    qint64 londonUtc = 0;

    ZoneChange()
    {
        REQUIRE(temp->settings().set(hub::SettingsService::keyTimeZone(), QStringLiteral("Europe/London")));
        hub::Space hall;
        hall.name = QStringLiteral("Hall");
        hall.capacity = 50;
        auto space = temp->spaces().add(hall);
        REQUIRE(space);
        hub::BookingDraft d;
        d.space = space->id;
        d.title = QStringLiteral("Choir");
        d.start = QDateTime(QDate(2099, 7, 14), QTime(19, 0), QTimeZone("Europe/London"));
        d.end = d.start.addSecs(2 * 3600);
        auto booked = temp->bookings().book(d);
        REQUIRE(booked);
        londonUtc = booked->start.toSecsSinceEpoch();
        temp.close();
        REQUIRE(window.openHub(temp.path()));
        window.resize(1280, 720);
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        window.showPage(MainWindow::Page::Settings);
        page = child<hub::SettingsPage>(&window, "settingsPage");
    }

    void chooseZone(const QString &zone)
    {
        auto *combo = child<QComboBox>(page, "settingsTimeZone");
        QLineEdit *edit = combo->lineEdit();
        edit->setFocus();
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, zone);
    }

    QString zone() const { return window.hub()->settings().load()->timeZone; }

    QDateTime bookingStart() const
    {
        auto list = window.hub()->bookings().list();
        REQUIRE(list);
        REQUIRE(list->size() == 1);
        return list->first().start;
    }
};

} // namespace

TEST_CASE("changing the time zone with upcoming bookings asks first and Cancel saves nothing", "[ui][spaces]")
{
    ZoneChange z;
    z.chooseZone(QStringLiteral("Europe/Berlin"));
    hub::test::MessageBoxAnswerer answer(QMessageBox::Cancel);
    QTest::mouseClick(child<QPushButton>(z.page, "settingsSave"), Qt::LeftButton);
    REQUIRE(answer.texts().size() == 1);
    CHECK(answer.texts().first().contains(QStringLiteral("1 upcoming booking")));
    CHECK(answer.texts().first().contains(QStringLiteral("Europe/Berlin")));
    CHECK(z.zone() == QStringLiteral("Europe/London"));
    CHECK(z.bookingStart().toSecsSinceEpoch() == z.londonUtc);
    CHECK(z.page->isModified());
    CHECK(child<QLabel>(z.page, "settingsStatus")->text().contains(QStringLiteral("Europe/London")));
}

TEST_CASE("Keep local times moves upcoming bookings with the clock and Keep the same moments does not", "[ui][spaces]")
{
    ZoneChange z;
    z.chooseZone(QStringLiteral("Europe/Berlin"));
    {
        hub::test::MessageBoxAnswerer answer(QMessageBox::Yes); // Keep local times
        QTest::mouseClick(child<QPushButton>(z.page, "settingsSave"), Qt::LeftButton);
        CHECK(answer.texts().size() == 1);
    }
    CHECK(z.zone() == QStringLiteral("Europe/Berlin"));
    CHECK(z.bookingStart().toSecsSinceEpoch() == z.londonUtc - 3600);
    CHECK(z.bookingStart().toTimeZone(QTimeZone("Europe/Berlin")).time() == QTime(19, 0));
    CHECK_FALSE(z.page->isModified());

    z.chooseZone(QStringLiteral("Europe/London"));
    {
        hub::test::MessageBoxAnswerer answer(QMessageBox::No); // Keep the same moments
        QTest::mouseClick(child<QPushButton>(z.page, "settingsSave"), Qt::LeftButton);
        CHECK(answer.texts().size() == 1);
    }
    CHECK(z.zone() == QStringLiteral("Europe/London"));
    CHECK(z.bookingStart().toSecsSinceEpoch() == z.londonUtc - 3600);
    CHECK(z.bookingStart().toTimeZone(QTimeZone("Europe/London")).time() == QTime(18, 0));
}

TEST_CASE("a time zone change without upcoming bookings asks nothing", "[ui][spaces]")
{
    ZoneChange z;
    auto list = z.window.hub()->bookings().list();
    REQUIRE(list);
    REQUIRE(z.window.hub()->bookings().cancel(list->first().id));
    z.chooseZone(QStringLiteral("Europe/Berlin"));
    hub::test::MessageBoxAnswerer answer(QMessageBox::Cancel);
    REQUIRE(z.page->save());
    CHECK(answer.texts().isEmpty());
    CHECK(z.zone() == QStringLiteral("Europe/Berlin"));
}
