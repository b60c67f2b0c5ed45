// SPDX-License-Identifier: GPL-3.0-or-later
// Input errors are input errors (issue 15): control characters and invisible
// names, times the clock change skips or repeats, duplicated CSV headers.
#include "core/common/csvreader.h"
#include "core/common/localtime.h"
#include "core/common/textrules.h"
#include "core/members/memberservice.h"
#include "core/spaces/icalendarlines.h"
#include "tests/support/temphub.h"

using namespace hub;
using hub::test::TempHub;

TEST_CASE("control characters and direction overrides are refused in one-line fields, naming where", "[input][text]")
{
    for (const QString &bad :
         {QStringLiteral("Ada\x1b[31m"), QString(QChar(0)) + QStringLiteral("Ada"), QStringLiteral("Ada\tLovelace"),
          QStringLiteral("Ada\nLovelace"), QStringLiteral("Ada") + QChar(0x202E) + QStringLiteral("ecalevol"),
          QStringLiteral("Ada") + QChar(0x85), QStringLiteral("Ada") + QChar(0x7F)}) {
        INFO(bad.toStdString());
        const auto r = TextRules::oneLine(bad, QStringLiteral("display_name"));
        REQUIRE_FALSE(r);
        CHECK(r.error().kind == ErrorKind::Invalid);
        CHECK(r.error().where == QStringLiteral("display_name"));
    }
    CHECK(TextRules::oneLine(QStringLiteral("Zoë 🌻 O'Brien — محمد"), QStringLiteral("x")));
    // Notes keep their line breaks and tabs, but not an escape sequence.
    CHECK(TextRules::multiLine(QStringLiteral("first line\r\n\tsecond"), QStringLiteral("notes")));
    CHECK_FALSE(TextRules::multiLine(QStringLiteral("bell\a"), QStringLiteral("notes")));
    // A name must show something.
    CHECK_FALSE(TextRules::name(QString(3, QChar(0x200B)), QStringLiteral("display_name")));
    CHECK_FALSE(TextRules::name(QStringLiteral("   "), QStringLiteral("display_name")));
    CHECK(TextRules::name(QStringLiteral("Bo"), QStringLiteral("display_name")));
    // What a terminal would obey is printed as an escape.
    CHECK(TextRules::printable(QStringLiteral("a\x1b[2Jb\nc")) == QStringLiteral("a\\u001b[2Jb\nc"));
}

TEST_CASE("a member with a control character or an invisible name is refused and nothing is written", "[input][text]")
{
    TempHub t;
    for (const QString &name : {QString(QChar(0)) + QStringLiteral("Nul"), QStringLiteral("Esc\x1b"),
                                QString(2, QChar(0x200B)), QStringLiteral("Tab\tbed")}) {
        MemberDraft d;
        d.displayName = name;
        const auto r = t->members().add(d);
        REQUIRE_FALSE(r);
        CHECK(r.error().kind == ErrorKind::Invalid);
        CHECK(r.error().where == QStringLiteral("display_name"));
    }
    MemberDraft notes;
    notes.displayName = QStringLiteral("Ada");
    notes.notes = QStringLiteral("Line one\nLine two\twith a tab");
    CHECK(t->members().add(notes));
    notes.displayName = QStringLiteral("Bo");
    notes.email = QStringLiteral("bo\x1b@example.org");
    const auto badEmail = t->members().add(notes);
    REQUIRE_FALSE(badEmail);
    CHECK(badEmail.error().where == QStringLiteral("email"));
    CHECK(t->members().list({})->size() == 1);
}

TEST_CASE("a time the spring clock change skips is refused, and one it repeats takes the first", "[input][time]")
{
    const QTimeZone london("Europe/London");
    const auto gap = LocalTime::typed(QDate(2027, 3, 28), QTime(1, 30), london, QStringLiteral("--start"));
    REQUIRE_FALSE(gap);
    CHECK(gap.error().kind == ErrorKind::Invalid);
    CHECK(gap.error().where == QStringLiteral("--start"));
    CHECK(gap.error().message ==
          QStringLiteral("01:30 on Sun 28 Mar 2027 does not exist: the clocks go forward at 01:00 to 02:00"));

    const auto twice = LocalTime::typed(QDate(2027, 10, 31), QTime(1, 30), london, QStringLiteral("--start"));
    REQUIRE(twice);
    CHECK(twice->ambiguous);
    CHECK(twice->at.toUTC() == QDateTime(QDate(2027, 10, 31), QTime(0, 30), QTimeZone::utc())); // 01:30 BST
    CHECK(twice->note.contains(QStringLiteral("happens twice")));

    // In a series the skipped time moves forward by the gap (RFC 5545).
    const LocalTime::Resolved moved = LocalTime::occurrence(QDate(2027, 3, 28), QTime(1, 30), london);
    CHECK(moved.moved);
    CHECK(moved.at.toTimeZone(london).time() == QTime(2, 30));
    CHECK(moved.at.toUTC().time() == QTime(1, 30));

    const auto plain = LocalTime::typed(QDate(2027, 3, 27), QTime(1, 30), london, QStringLiteral("--start"));
    REQUIRE(plain);
    CHECK_FALSE(plain->ambiguous);
    CHECK(plain->note.isEmpty());
    // A zone without clock changes.
    CHECK(LocalTime::typed(QDate(2027, 3, 28), QTime(1, 30), QTimeZone::utc(), QStringLiteral("x")));
}

TEST_CASE("a CSV file that names a column twice is refused naming both", "[input][csv]")
{
    const auto r = CsvReader::read("name,email,Email\nAda,a@example.org,b@example.org\n");
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::Invalid);
    CHECK(r.error().message.contains(QStringLiteral("columns 2 and 3")));
    CHECK(r.error().where == QStringLiteral("row 1, column 3"));
}

TEST_CASE("an .ics line of megabytes is refused at once naming its line", "[input][ics]")
{
    const QByteArray ics =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a@b\r\nDTSTART:20270101T090000Z\r\nSUMMARY:" +
        QByteArray(10 * 1024 * 1024, 'x') + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    const auto r = ICalendarLines::scan(ics);
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::Invalid);
    CHECK(r.error().where == QStringLiteral("line 6"));
    // Folded into many short physical lines, it is refused all the same.
    QByteArray folded = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:start\r\n";
    for (int i = 0; i < 5000; ++i)
        folded += " " + QByteArray(70, 'y') + "\r\n";
    folded += "END:VEVENT\r\nEND:VCALENDAR\r\n";
    const auto f = ICalendarLines::scan(folded);
    REQUIRE_FALSE(f);
    CHECK(f.error().where == QStringLiteral("line 3"));
}
