// SPDX-License-Identifier: GPL-3.0-or-later
// The iCalendar import dialog's preview (checked off the GUI thread) and the
// export dialog, driven offscreen; screenshots are hidden ([shots]).
#include "core/settings/settingsservice.h"
#include "core/spaces/bookingservice.h"
#include "core/spaces/spaceservice.h"
#include "tests/support/temphub.h"
#include "tests/ui/screenshot.h"
#include "tests/ui/widgetlookup.h"
#include "ui/dialogs/calendarexportdialog.h"
#include "ui/dialogs/calendarimportdialog.h"
#include "ui/dialogs/memberexportdialog.h"
#include "ui/widgets/fielderrorlabel.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QTimeZone>

using namespace hub;
using hub::test::child;
using hub::test::shoot;

namespace {

QString sample(const QString &name)
{
    return QStringLiteral(HUB_TEST_SOURCE_DIR "/tests/data/ics/") + name;
}

struct Hall
{
    hub::test::TempHub t;
    Space hall;
    Hall()
    {
        REQUIRE(t->settings().set(QStringLiteral("timezone"), QStringLiteral("Europe/London")));
        Space s;
        s.name = QStringLiteral("Main hall");
        s.capacity = 60;
        s.hours.days.fill(DayHours{9 * 60, 22 * 60});
        auto added = t->spaces().add(s);
        REQUIRE(added);
        hall = *added;
    }
    void bookClash()
    {
        BookingDraft d;
        d.space = hall.id;
        d.title = QStringLiteral("Yoga");
        d.start = QDateTime(QDate(2026, 7, 1), QTime(10, 30), QTimeZone("Europe/London"));
        d.end = QDateTime(QDate(2026, 7, 1), QTime(11, 0), QTimeZone("Europe/London"));
        REQUIRE(t->bookings().book(d));
    }
};

} // namespace

TEST_CASE("the calendar import dialog previews every event and imports when all fit", "[calendarimport]")
{
    Hall h;
    CalendarImportDialog dialog(h.t.hub());
    dialog.show();
    auto *run = child<QPushButton>(&dialog, "calendarImportRun");
    CHECK_FALSE(run->isEnabled());

    dialog.setFilePath(sample(QStringLiteral("utc.ics")));
    auto *table = child<QTableWidget>(&dialog, "calendarImportPreview");
    REQUIRE(table->rowCount() == 2);
    CHECK(table->item(0, 0)->text() == QStringLiteral("4"));
    CHECK(table->item(0, 1)->text() == QStringLiteral("Thu 15 Jan 2026 09:00–11:00"));
    CHECK(table->item(0, 2)->text() == QStringLiteral("Winter workshop"));
    CHECK(table->item(1, 3)->text() == QStringLiteral("Will be booked"));
    CHECK(child<QLabel>(&dialog, "calendarImportSummary")->text().contains(QStringLiteral("2 bookings will be made")));
    CHECK(run->isEnabled());
    CHECK(h.t->bookings().list()->isEmpty()); // the check was a dry run

    QSignalSpy imported(&dialog, &CalendarImportDialog::imported);
    run->click();
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(imported.count() == 1);
    CHECK(dialog.importedBookings() == 2);
    CHECK(h.t->bookings().list()->size() == 2);
}

TEST_CASE("the calendar import dialog shows a clash with its line and keeps Import disabled", "[calendarimport]")
{
    Hall h;
    h.bookClash();
    CalendarImportDialog dialog(h.t.hub());
    dialog.resize(1000, 520);
    dialog.show();
    dialog.setFilePath(sample(QStringLiteral("utc.ics")));
    auto *table = child<QTableWidget>(&dialog, "calendarImportPreview");
    REQUIRE(table->rowCount() == 2);
    CHECK(table->item(1, 3)->text() == QStringLiteral("Refused"));
    CHECK(table->item(1, 4)->text().startsWith(QStringLiteral("line 14: ")));
    CHECK(table->item(1, 4)->text().contains(QStringLiteral("Yoga")));
    CHECK(table->item(0, 3)->text() == QStringLiteral("Will be booked"));
    CHECK_FALSE(child<QPushButton>(&dialog, "calendarImportRun")->isEnabled());
    CHECK(child<QLabel>(&dialog, "calendarImportSummary")->text().contains(QStringLiteral("nothing will be imported")));
    CHECK(h.t->bookings().list()->size() == 1);
}

TEST_CASE("the calendar import dialog names the line of a broken file under the file field", "[calendarimport]")
{
    Hall h;
    const QString bad = h.t.file(QStringLiteral("bad.ics"));
    QFile f(bad);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write("BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nDTSTART:20260230T100000\nEND:VEVENT\nEND:VCALENDAR\n");
    f.close();
    CalendarImportDialog dialog(h.t.hub());
    dialog.show();
    dialog.setFilePath(bad);
    auto *error = child<FieldErrorLabel>(&dialog, "calendarImportFileError");
    CHECK(error->hasError());
    CHECK(error->text().startsWith(QStringLiteral("Line 4: DTSTART")));
    CHECK_FALSE(child<QPushButton>(&dialog, "calendarImportRun")->isEnabled());
    CHECK_FALSE(child<QTableWidget>(&dialog, "calendarImportPreview")->isVisible());
}

TEST_CASE("the calendar export dialog writes the chosen space and refuses a reversed range", "[calendarimport]")
{
    Hall h;
    {
        CalendarImportDialog importer(h.t.hub());
        importer.setFilePath(sample(QStringLiteral("utc.ics")));
        REQUIRE(importer.importNow());
    }
    CalendarExportDialog dialog(h.t.hub());
    dialog.show();
    const QString file = h.t.file(QStringLiteral("out.ics"));
    dialog.setFilePath(file);
    dialog.setSpace(h.hall.id);
    dialog.setRange(QDate(2026, 2, 1), QDate(2026, 1, 1));
    CHECK_FALSE(dialog.exportNow());
    CHECK(child<FieldErrorLabel>(&dialog, "calendarExportRangeError")->hasError());
    dialog.setRange(QDate(2026, 1, 1), QDate(2026, 12, 31));
    REQUIRE(dialog.exportNow());
    CHECK(dialog.exportedEvents() == 2);
    QFile out(file);
    REQUIRE(out.open(QIODevice::ReadOnly));
    CHECK(out.readAll().contains("UID:utc-winter@example.net"));
}

TEST_CASE("screenshots of the calendar import and export dialogs", "[.][shots]")
{
    Hall h;
    h.bookClash();
    CalendarImportDialog empty(h.t.hub());
    empty.resize(900, 560);
    empty.show();
    shoot(&empty, QStringLiteral("calendar-import-empty"));

    CalendarImportDialog dialog(h.t.hub());
    dialog.resize(1000, 560);
    dialog.show();
    dialog.setFilePath(sample(QStringLiteral("google.ics")));
    shoot(&dialog, QStringLiteral("calendar-import-preview"));
    dialog.setFilePath(sample(QStringLiteral("utc.ics")));
    shoot(&dialog, QStringLiteral("calendar-import-clash"));

    CalendarExportDialog exporter(h.t.hub());
    exporter.show();
    shoot(&exporter, QStringLiteral("calendar-export"));
}

TEST_CASE("export dialogs start in Documents or home, then in the folder of the last export", "[calendarimport]")
{
    Hall h;
    QSettings().remove(QStringLiteral("export/lastFolder"));
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString start = QFileInfo(documents).isDir() ? documents : QDir::homePath();
    {
        CalendarExportDialog dialog(h.t.hub());
        CHECK(QFileInfo(QDir::fromNativeSeparators(child<QLineEdit>(&dialog, "calendarExportFile")->text()))
                  .absolutePath() == QFileInfo(start).absoluteFilePath());
        dialog.show();
        dialog.setFilePath(h.t.file(QStringLiteral("out.ics")));
        QTest::mouseClick(child<QPushButton>(&dialog, "calendarExportRun"), Qt::LeftButton);
        CHECK(dialog.result() == QDialog::Accepted);
    }
    hub::MemberExportDialog members(h.t.hub());
    CHECK(QFileInfo(QDir::fromNativeSeparators(child<QLineEdit>(&members, "exportFilePath")->text())).absolutePath() ==
          QFileInfo(h.t.dir()).absoluteFilePath());
    QSettings().remove(QStringLiteral("export/lastFolder"));
}
