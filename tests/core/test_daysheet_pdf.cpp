// SPDX-License-Identifier: GPL-3.0-or-later
// The printed day sheet: an A4 PDF read back with pdftotext, and a PNG of it
// (pdftoppm) left in the build folder for a person to look at.
#include "core/members/memberservice.h"
#include "core/reports/daysheetpdf.h"
#include "core/settings/settingsservice.h"
#include "core/spaces/bookingservice.h"
#include "core/spaces/daysheet.h"
#include "core/spaces/spaceservice.h"
#include "tests/support/hubinlondon.h"
#include "tests/support/temphub.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>

using namespace hub;
using hub::test::TempHub;
using hub::test::Tuesday;

namespace {

Space addSpace(TempHub &t, const QString &name, int capacity, int setup = 0, int cleanup = 0)
{
    Space s;
    s.name = name;
    s.capacity = capacity;
    s.setupMinutes = setup;
    s.cleanupMinutes = cleanup;
    auto added = t->spaces().add(s);
    REQUIRE(added);
    return *added;
}

void addBooking(TempHub &t, const Space &s, QTime from, QTime to, const QString &title,
                std::optional<MemberId> member = {}, bool tentative = false, const QString &notes = {},
                QDate day = Tuesday)
{
    BookingDraft d;
    d.space = s.id;
    d.title = title;
    d.member = member;
    d.attendees = 3;
    d.tentative = tentative;
    d.notes = notes;
    d.start = t->bookings().localTime(day, from);
    d.end = t->bookings().localTime(day, to);
    auto b = t->bookings().book(d);
    REQUIRE(b);
}

MemberId addMember(TempHub &t, const QString &name)
{
    MemberDraft d;
    d.displayName = name;
    auto m = t->members().add(d);
    REQUIRE(m);
    return m->id;
}

QString pdfText(const QString &path)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    REQUIRE(p.waitForFinished(30000));
    REQUIRE(p.exitCode() == 0);
    // Cells wrap long names onto two lines; read them as the words they are.
    return QString::fromUtf8(p.readAllStandardOutput()).simplified();
}
} // namespace

TEST_CASE("the day sheet PDF has the hub name and each booking's time title and booker", "[daysheet][reports]")
{
    TempHub t;
    REQUIRE(t->settings().set(QStringLiteral("timezone"), QStringLiteral("Europe/London")));
    const Space hall = addSpace(t, QStringLiteral("Main hall"), 80, 15, 30);
    const Space kitchen = addSpace(t, QStringLiteral("Kitchen"), 12);
    addSpace(t, QStringLiteral("Quiet room"), 4);
    const MemberId amira = addMember(t, QStringLiteral("Amira Haddad"));
    const MemberId dafydd = addMember(t, QStringLiteral("Dafydd ap Gwilym"));
    addBooking(t, hall, QTime(19, 0), QTime(21, 0), QStringLiteral("Choir"), dafydd);
    addBooking(t, hall, QTime(9, 30), QTime(11, 0), QStringLiteral("Yoga"), amira, false,
               QStringLiteral("Mats in the cupboard"));
    addBooking(t, kitchen, QTime(10, 0), QTime(14, 0), QStringLiteral("Repair café lunch"), {}, true);
    addBooking(t, kitchen, QTime(10, 0), QTime(12, 0), QStringLiteral("Tomorrow's bake"), {}, false, {},
               Tuesday.addDays(1));

    auto sheet = DaySheet::load(t->spaces(), t->bookings(), Tuesday);
    REQUIRE(sheet);
    const QString dir = QStringLiteral(HUB_TEST_BUILD_DIR "/shots");
    QDir().mkpath(dir);
    const QString path = QDir(dir).filePath(QStringLiteral("daysheet-test.pdf"));
    QFile::remove(path);
    REQUIRE(DaySheetPdf(*sheet, QStringLiteral("Tŷ Cymunedol Hub")).write(path));
    REQUIRE(QFileInfo(path).size() > 1000);

    const QString text = pdfText(path);
    for (const QString &expected :
         {QStringLiteral("Tŷ Cymunedol Hub"), QStringLiteral("Day sheet"), QStringLiteral("Main hall"),
          QStringLiteral("Kitchen"), QStringLiteral("Quiet room"), QStringLiteral("Nothing booked"),
          QStringLiteral("Yoga"), QStringLiteral("09:30–11:00"), QStringLiteral("Choir"), QStringLiteral("19:00–21:00"),
          QStringLiteral("Dafydd ap Gwilym"), QStringLiteral("Amira Haddad"), QStringLiteral("Mats in the cupboard"),
          QStringLiteral("Repair café lunch"), QStringLiteral("tentative"), QStringLiteral("Page 1 of 1")}) {
        INFO(expected.toStdString());
        CHECK(text.contains(expected));
    }
    CHECK_FALSE(text.contains(QStringLiteral("Tomorrow's bake")));

    // For a person to look at: <build>/shots/daysheet-test-1.png
    CHECK(QProcess::execute(QStringLiteral("pdftoppm"),
                            {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"), path,
                             QDir(dir).filePath(QStringLiteral("daysheet-test"))}) == 0);
}

TEST_CASE("a long day sheet runs over pages with every page numbered", "[daysheet][reports]")
{
    TempHub t;
    QList<Space> spaces;
    for (int i = 1; i <= 6; ++i)
        spaces << addSpace(t, QStringLiteral("Room %1").arg(i), 10);
    for (const Space &s : spaces)
        for (int h = 8; h < 22; ++h)
            addBooking(t, s, QTime(h, 0), QTime(h, 45), QStringLiteral("Session %1 in %2").arg(h).arg(s.name));
    auto sheet = DaySheet::load(t->spaces(), t->bookings(), Tuesday);
    REQUIRE(sheet);
    const QString path = t.file(QStringLiteral("long.pdf"));
    REQUIRE(DaySheetPdf(*sheet, QStringLiteral("Hub")).write(path));
    const QString text = pdfText(path);
    CHECK(text.contains(QStringLiteral("Page 1 of ")));
    CHECK(text.contains(QStringLiteral("Page 2 of ")));
    CHECK(text.contains(QStringLiteral("Session 21 in Room 6")));
}

TEST_CASE("a day sheet PDF that cannot be written is refused with the path", "[daysheet][reports]")
{
    TempHub t;
    auto sheet = DaySheet::load(t->spaces(), t->bookings(), Tuesday);
    REQUIRE(sheet);
    const QString path = t.file(QStringLiteral("no/such/folder/sheet.pdf"));
    auto written = DaySheetPdf(*sheet, QStringLiteral("Hub")).write(path);
    REQUIRE_FALSE(written);
    CHECK(written.error().message.contains(path));
}
