// SPDX-License-Identifier: GPL-3.0-or-later
// iCalendar export (read back with Debian's python3-icalendar) and import of
// files written by other programs, all or nothing.
#include "core/members/memberservice.h"
#include "core/settings/settingsservice.h"
#include "core/spaces/bookingservice.h"
#include "core/spaces/icalendarexporter.h"
#include "core/spaces/icalendarimporter.h"
#include "core/spaces/spaceservice.h"
#include "tests/support/hubinlondon.h"
#include "tests/support/temphub.h"

#include <QBuffer>
#include <QFile>
#include <QProcess>
#include <QTimeZone>

using namespace hub;
using hub::test::london;
using hub::test::London;
using hub::test::TempHub;
using Outcome = CalendarImportEvent::Outcome;

namespace {

Space space(TempHub &t, const QString &name, std::optional<DayHours> hours = {}, int setup = 0, int cleanup = 0)
{
    Space s;
    s.name = name;
    s.capacity = 40;
    s.setupMinutes = setup;
    s.cleanupMinutes = cleanup;
    if (hours)
        s.hours.days.fill(*hours);
    auto added = t->spaces().add(s);
    REQUIRE(added);
    return *added;
}

QDateTime local(QDate d, QTime time)
{
    return QDateTime(d, time, London);
}

// A weekly two-hour "Choir" in `s` from `first` at 19:00 London time, `count` times.
BookingDraft weeklyChoir(const Space &s, QDate first, int count)
{
    BookingDraft d;
    d.space = s.id;
    d.title = QStringLiteral("Choir");
    d.start = local(first, QTime(19, 0));
    d.end = local(first, QTime(21, 0));
    Recurrence r;
    r.frequency = Recurrence::Frequency::Weekly;
    r.count = count;
    d.repeat = r;
    return d;
}

Booking book(TempHub &t, const Space &s, const QDateTime &start, const QDateTime &end, const QString &title,
             bool tentative = false)
{
    BookingDraft d;
    d.space = s.id;
    d.title = title;
    d.start = start;
    d.end = end;
    d.tentative = tentative;
    auto b = t->bookings().book(d);
    REQUIRE(b);
    return *b;
}

QByteArray exported(TempHub &t, const CalendarExportOptions &options = {})
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    auto n = ICalendarExporter(t.hub()).write(buffer, options);
    REQUIRE(n);
    return buffer.data();
}

// Runs Debian's python3 with `script`, feeding `input` on stdin; returns stdout.
QString python(const QString &script, const QByteArray &input)
{
    QProcess p;
    p.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), script});
    REQUIRE(p.waitForStarted());
    p.write(input);
    p.closeWriteChannel();
    REQUIRE(p.waitForFinished(60000));
    if (p.exitCode() != 0)
        FAIL(p.readAllStandardError().toStdString());
    return QString::fromUtf8(p.readAllStandardOutput());
}

// One line per VEVENT: uid|start with offset|TZID|end|status|summary|location|contact|rrule|exdates|recurrence-id
const QString EventsScript = QStringLiteral(R"(
import sys, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
print('VTIMEZONE', ','.join(str(z['TZID']) for z in cal.walk('VTIMEZONE')))
for e in cal.walk('VEVENT'):
    s = e['DTSTART']
    ex = []
    for x in (e.get('EXDATE') if isinstance(e.get('EXDATE'), list) else [e.get('EXDATE')] if e.get('EXDATE') else []):
        ex += [d.dt.isoformat() for d in x.dts]
    rid = e.get('RECURRENCE-ID')
    print('|'.join([str(e['UID']), s.dt.isoformat(), str(s.params.get('TZID', '')), e['DTEND'].dt.isoformat(),
                    str(e.get('STATUS', '')), str(e.get('SUMMARY', '')), str(e.get('LOCATION', '')),
                    str(e.get('CONTACT', '')), e['RRULE'].to_ical().decode() if 'RRULE' in e else '',
                    ','.join(ex), rid.dt.isoformat() if rid else '']))
)");

QStringList eventLines(const QByteArray &ics)
{
    QStringList lines = python(EventsScript, ics).split(u'\n', Qt::SkipEmptyParts);
    return lines;
}

QByteArray sample(const QString &name)
{
    QFile f(QStringLiteral(HUB_TEST_SOURCE_DIR "/tests/data/ics/") + name);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

CalendarImportReport imported(TempHub &t, const QByteArray &ics, const Space &s, bool dryRun = false)
{
    auto r = ICalendarImporter(t.hub()).run(ics, s.id, dryRun);
    if (!r)
        FAIL(r.error().text().toStdString());
    return *r;
}

QList<Booking> live(TempHub &t)
{
    auto list = t->bookings().list();
    REQUIRE(list);
    return *list;
}

QString describe(const CalendarImportReport &r)
{
    QString out;
    for (const CalendarImportEvent &e : r.events)
        out += QStringLiteral("line %1 %2 [%3] %4 %5 (problem line %6)\n")
                   .arg(e.line)
                   .arg(e.title, CalendarImportEvent::outcomeName(e.outcome), e.plan, e.problem)
                   .arg(e.problemLine);
    return out;
}

} // namespace

TEST_CASE("an export gives local times with TZID across the October clock change, read back by python icalendar",
          "[icalendar]")
{
    TempHub t;
    london(t);
    REQUIRE(t->settings().set(QStringLiteral("name"), QStringLiteral("Riverside Hub")));
    const Space hall = space(t, QStringLiteral("Main hall"));
    const Booking before = book(t, hall, local(QDate(2026, 10, 24), QTime(19, 0)),
                                local(QDate(2026, 10, 24), QTime(21, 0)), QStringLiteral("Ceilidh"));
    const Booking after = book(t, hall, local(QDate(2026, 10, 31), QTime(19, 0)),
                               local(QDate(2026, 10, 31), QTime(21, 0)), QStringLiteral("Halloween party"), true);
    const Booking dropped = book(t, hall, local(QDate(2026, 10, 26), QTime(10, 0)),
                                 local(QDate(2026, 10, 26), QTime(11, 0)), QStringLiteral("Called off"));
    REQUIRE(t->bookings().cancel(dropped.id));

    const QByteArray ics = exported(t);
    CHECK(ics.startsWith("BEGIN:VCALENDAR\r\n"));
    CHECK(ics.endsWith("END:VCALENDAR\r\n"));
    CHECK(ics.contains("PRODID:-//Hubkeeper//Space bookings//EN"));
    const QStringList lines = eventLines(ics);
    REQUIRE(lines.size() == 4);
    CHECK(lines[0] == QStringLiteral("VTIMEZONE Europe/London"));
    const QString host = QStringLiteral("@riverside-hub.hubkeeper");
    CHECK(lines[1] == QStringLiteral("booking-%1%2|2026-10-24T19:00:00+01:00|Europe/London|2026-10-24T21:00:00+01:00|"
                                     "CONFIRMED|Ceilidh|Main hall||||")
                          .arg(before.id.value())
                          .arg(host));
    CHECK(lines[2] == QStringLiteral("booking-%1%2|2026-10-26T10:00:00+00:00|Europe/London|2026-10-26T11:00:00+00:00|"
                                     "CANCELLED|Called off|Main hall||||")
                          .arg(dropped.id.value())
                          .arg(host));
    CHECK(lines[3] == QStringLiteral("booking-%1%2|2026-10-31T19:00:00+00:00|Europe/London|2026-10-31T21:00:00+00:00|"
                                     "TENTATIVE|Halloween party|Main hall||||")
                          .arg(after.id.value())
                          .arg(host));
}

TEST_CASE("an export filters by space and by local dates", "[icalendar]")
{
    TempHub t;
    london(t);
    const Space hall = space(t, QStringLiteral("Main hall"));
    const Space kitchen = space(t, QStringLiteral("Kitchen"));
    book(t, hall, local(QDate(2026, 5, 1), QTime(9, 0)), local(QDate(2026, 5, 1), QTime(10, 0)), QStringLiteral("A"));
    book(t, kitchen, local(QDate(2026, 5, 2), QTime(9, 0)), local(QDate(2026, 5, 2), QTime(10, 0)),
         QStringLiteral("B"));
    book(t, hall, local(QDate(2026, 5, 3), QTime(23, 0)), local(QDate(2026, 5, 4), QTime(0, 0)), QStringLiteral("C"));

    CalendarExportOptions onlyHall;
    onlyHall.space = hall.id;
    QStringList lines = eventLines(exported(t, onlyHall));
    REQUIRE(lines.size() == 3);
    CHECK(lines[1].section(u'|', 5, 5) == QStringLiteral("A"));
    CHECK(lines[2].section(u'|', 5, 5) == QStringLiteral("C"));

    CalendarExportOptions days;
    days.from = QDate(2026, 5, 2);
    days.to = QDate(2026, 5, 2);
    lines = eventLines(exported(t, days));
    REQUIRE(lines.size() == 2);
    CHECK(lines[1].section(u'|', 5, 5) == QStringLiteral("B"));
}

TEST_CASE("an export names a booker only with their consent and never writes an e-mail address", "[icalendar]")
{
    TempHub t;
    london(t);
    const Space hall = space(t, QStringLiteral("Main hall"));
    MemberDraft shy;
    shy.displayName = QStringLiteral("Siân Private");
    shy.email = QStringLiteral("sian@example.org");
    MemberDraft open;
    open.displayName = QStringLiteral("Owain Open");
    open.email = QStringLiteral("owain@example.org");
    open.consent.directoryVisible = true;
    auto a = t->members().add(shy);
    auto b = t->members().add(open);
    REQUIRE(a);
    REQUIRE(b);
    BookingDraft d;
    d.space = hall.id;
    d.title = QStringLiteral("Birthday party");
    d.member = a->id;
    d.start = local(QDate(2026, 6, 1), QTime(18, 0));
    d.end = local(QDate(2026, 6, 1), QTime(20, 0));
    REQUIRE(t->bookings().book(d));
    d.title = QStringLiteral("Open session");
    d.member = b->id;
    d.start = local(QDate(2026, 6, 2), QTime(18, 0));
    d.end = local(QDate(2026, 6, 2), QTime(20, 0));
    REQUIRE(t->bookings().book(d));

    const QByteArray ics = exported(t);
    CHECK_FALSE(ics.contains("@example.org"));
    CHECK_FALSE(ics.contains("Si\xC3\xA2n"));
    CHECK_FALSE(ics.contains("ORGANIZER"));
    CHECK_FALSE(ics.contains("ATTENDEE"));
    const QStringList lines = eventLines(ics);
    REQUIRE(lines.size() == 3);
    CHECK(lines[1].section(u'|', 7, 7).isEmpty());
    CHECK(lines[2].section(u'|', 7, 7) == QStringLiteral("Owain Open"));
}

TEST_CASE("a series exports as one RRULE event with EXDATE for a cancelled date and RECURRENCE-ID for an edited one",
          "[icalendar][series]")
{
    TempHub t;
    london(t);
    const Space hall = space(t, QStringLiteral("Main hall"));
    const BookingDraft d = weeklyChoir(hall, QDate(2026, 10, 13), 6);
    auto series = t->bookings().bookSeries(d);
    REQUIRE(series);
    REQUIRE(series->series);
    auto occurrences = t->bookings().occurrences(*series->series);
    REQUIRE(occurrences);
    REQUIRE(occurrences->size() == 6);
    const auto on = [&](QDate day) {
        for (const Booking &b : std::as_const(*occurrences))
            if (b.occurrence == day)
                return b;
        FAIL("no occurrence on " << day.toString(Qt::ISODate).toStdString());
        return Booking{};
    };
    REQUIRE(t->bookings().cancel(on(QDate(2026, 11, 3)).id, CancelScope::Occurrence));
    BookingDraft moved = d;
    moved.repeat.reset();
    moved.title = QStringLiteral("Choir (late start)");
    moved.start = local(QDate(2026, 10, 27), QTime(20, 0));
    moved.end = local(QDate(2026, 10, 27), QTime(22, 0));
    REQUIRE(t->bookings().edit(on(QDate(2026, 10, 27)).id, moved));

    const QStringList lines = eventLines(exported(t));
    REQUIRE(lines.size() == 3);
    const QStringList master = lines[1].split(u'|');
    CHECK(master[1] == QStringLiteral("2026-10-13T19:00:00+01:00"));
    CHECK(master[2] == QStringLiteral("Europe/London"));
    CHECK(master[4] == QStringLiteral("CONFIRMED"));
    CHECK(master[5] == QStringLiteral("Choir"));
    CHECK(master[8].contains(QStringLiteral("FREQ=WEEKLY")));
    CHECK(master[8].contains(QStringLiteral("COUNT=6")));
    CHECK(master[9] == QStringLiteral("2026-11-03T19:00:00+00:00"));
    const QStringList changed = lines[2].split(u'|');
    CHECK(changed[0] == master[0]);
    CHECK(changed[1] == QStringLiteral("2026-10-27T20:00:00+00:00"));
    CHECK(changed[5] == QStringLiteral("Choir (late start)"));
    CHECK(changed[10] == QStringLiteral("2026-10-27T19:00:00+00:00"));

    // python's own expansion of the rule gives the booked dates at 19:00 local.
    const QString dates = python(QStringLiteral(R"(
import sys, icalendar
from dateutil.rrule import rrulestr
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
e = [e for e in cal.walk('VEVENT') if 'RRULE' in e][0]
# Wall-clock times in the event's zone: the rule repeats 19:00 local.
rule = rrulestr(e['RRULE'].to_ical().decode(), dtstart=e['DTSTART'].dt.replace(tzinfo=None))
ex = {d.dt.replace(tzinfo=None) for x in ([e['EXDATE']] if not isinstance(e['EXDATE'], list) else e['EXDATE']) for d in x.dts}
print(' '.join(d.isoformat() for d in rule if d not in ex))
)"),
                                 exported(t));
    CHECK(dates.trimmed() == QStringLiteral("2026-10-13T19:00:00 2026-10-20T19:00:00 2026-10-27T19:00:00 "
                                            "2026-11-10T19:00:00 2026-11-17T19:00:00"));
}

TEST_CASE("all-day events book the space from opening to closing, or the whole day where it is always open",
          "[icalendar]")
{
    TempHub t;
    london(t);
    const Space hall = space(t, QStringLiteral("Main hall"), DayHours{9 * 60, 22 * 60});
    const Space desk = space(t, QStringLiteral("Hot desk"));

    CalendarImportReport r = imported(t, sample(QStringLiteral("allday.ics")), hall);
    INFO(describe(r).toStdString());
    REQUIRE(r.ok());
    CHECK(r.written);
    REQUIRE(r.events.size() == 2);
    CHECK(r.events[0].allDay);
    CHECK(r.events[0].bookings == 1);
    CHECK(r.events[0].plan.contains(QStringLiteral("opening hours")));
    CHECK(r.events[1].bookings == 2);
    QList<Booking> all = live(t);
    REQUIRE(all.size() == 3);
    CHECK(all[0].start == local(QDate(2026, 6, 13), QTime(9, 0)));
    CHECK(all[0].end == local(QDate(2026, 6, 13), QTime(22, 0)));
    CHECK(all[0].title == QStringLiteral("Open day"));
    CHECK(all[0].notes == QStringLiteral("Doors open for everyone."));
    CHECK(all[1].start == local(QDate(2026, 7, 4), QTime(9, 0)));
    CHECK(all[2].start == local(QDate(2026, 7, 5), QTime(9, 0)));
    CHECK(all[2].end == local(QDate(2026, 7, 5), QTime(22, 0)));

    r = imported(t, sample(QStringLiteral("allday.ics")), desk);
    INFO(describe(r).toStdString());
    // The same UIDs are already in the hub (in the hall).
    CHECK(r.count(Outcome::AlreadyThere) == 2);
    CHECK(live(t).size() == 3);
}

TEST_CASE("an all-day event over two days books an always-open space as one stretch", "[icalendar]")
{
    TempHub t;
    london(t);
    const Space desk = space(t, QStringLiteral("Hot desk"), std::nullopt, 15, 15);
    const CalendarImportReport r = imported(t, sample(QStringLiteral("allday.ics")), desk);
    INFO(describe(r).toStdString());
    REQUIRE(r.ok());
    const QList<Booking> all = live(t);
    REQUIRE(all.size() == 2);
    CHECK(all[1].start == QDate(2026, 7, 4).startOfDay(London));
    CHECK(all[1].end == QDate(2026, 7, 6).startOfDay(London));
    CHECK(r.events[1].plan.contains(QStringLiteral("open all day")));
}

TEST_CASE("a UTC-only file books the same moments, shown in the hub's local time", "[icalendar]")
{
    TempHub t;
    london(t);
    const Space hall = space(t, QStringLiteral("Main hall"));
    const CalendarImportReport r = imported(t, sample(QStringLiteral("utc.ics")), hall);
    INFO(describe(r).toStdString());
    REQUIRE(r.ok());
    const QList<Booking> all = live(t);
    REQUIRE(all.size() == 2);
    CHECK(all[0].start == local(QDate(2026, 1, 15), QTime(9, 0)));
    CHECK(all[0].end == local(QDate(2026, 1, 15), QTime(11, 0)));
    CHECK(all[1].start == local(QDate(2026, 7, 1), QTime(10, 0)));
    CHECK(all[1].end == local(QDate(2026, 7, 1), QTime(11, 30)));
    CHECK(all[1].uid == QStringLiteral("utc-summer@example.net"));
}

TEST_CASE("an Outlook file with CRLF, folded lines and Windows zone names imports", "[icalendar]")
{
    TempHub t;
    london(t);
    const Space room = space(t, QStringLiteral("Breakout room 1"));
    const CalendarImportReport r = imported(t, sample(QStringLiteral("outlook.ics")), room);
    INFO(describe(r).toStdString());
    REQUIRE(r.ok());
    const QList<Booking> all = live(t);
    REQUIRE(all.size() == 2);
    CHECK(all[0].title == QStringLiteral("Summer planning"));
    CHECK(all[0].start == local(QDate(2026, 7, 15), QTime(14, 0)));
    CHECK(all[0].end == local(QDate(2026, 7, 15), QTime(16, 30)));
    CHECK(all[0].status == BookingStatus::Tentative);
    CHECK(all[1].title == QStringLiteral("Volunteers' meeting"));
    CHECK(all[1].start == local(QDate(2026, 12, 2), QTime(10, 0)));
    CHECK(all[1].end == local(QDate(2026, 12, 2), QTime(12, 0)));
    CHECK(all[1].notes == QStringLiteral("Agenda: welcome and introductions, the repair café rota for the winter, "
                                         "the new tool library and anything else people bring along."));
}

TEST_CASE("a Google Calendar file with its own VTIMEZONE, RRULE, EXDATE and a moved date imports as a series",
          "[icalendar][series]")
{
    TempHub t;
    london(t);
    const Space hall = space(t, QStringLiteral("Main hall"));
    const CalendarImportReport r = imported(t, sample(QStringLiteral("google.ics")), hall);
    INFO(describe(r).toStdString());
    REQUIRE(r.ok());
    REQUIRE(r.events.size() == 4);
    CHECK(r.events[0].plan.contains(QStringLiteral("series")));
    CHECK(r.events[0].bookings == 5);
    CHECK(r.events[1].changesDate == QDate(2026, 10, 27));
    CHECK(r.events[1].plan.contains(QStringLiteral("moves")));
    CHECK(r.events[3].outcome == Outcome::Skipped);
    CHECK(r.events[3].problem.contains(QStringLiteral("CANCELLED")));

    const QList<Booking> all = live(t);
    QStringList seen;
    for (const Booking &b : all)
        seen << QStringLiteral("%1–%2 %3%4%5")
                    .arg(b.start.toTimeZone(London).toString(QStringLiteral("MM-dd HH:mm")),
                         b.end.toTimeZone(London).toString(QStringLiteral("HH:mm")), b.title,
                         b.status == BookingStatus::Tentative ? QStringLiteral(" (tentative)") : QString(),
                         b.exception ? QStringLiteral(" [exception]") : QString());
    CHECK(seen == QStringList{
                      QStringLiteral("10-13 19:00–21:00 Choir rehearsal"),
                      QStringLiteral("10-14 15:00–16:30 Call with the New York choir (tentative)"),
                      QStringLiteral("10-20 19:00–21:00 Choir rehearsal"),
                      QStringLiteral("10-27 20:00–22:00 Choir rehearsal (late start) [exception]"),
                      QStringLiteral("11-10 19:00–21:00 Choir rehearsal"),
                      QStringLiteral("11-17 19:00–21:00 Choir rehearsal"),
                  });
    REQUIRE(all[0].series);
    auto series = t->bookings().series(*all[0].series);
    REQUIRE(series);
    CHECK(series->rrule.contains(QStringLiteral("FREQ=WEEKLY")));

    // Exported again, the series keeps its EXDATE and its moved date.
    const QStringList lines = eventLines(exported(t));
    QString master;
    for (const QString &l : lines)
        if (l.startsWith(QStringLiteral("7kq2choir0rehearsal@google.com|2026-10-13")))
            master = l;
    CHECK(master.section(u'|', 9, 9) == QStringLiteral("2026-11-03T19:00:00+00:00"));
}

TEST_CASE("importing the same file again finds every UID and books nothing twice", "[icalendar]")
{
    TempHub t;
    london(t);
    const Space hall = space(t, QStringLiteral("Main hall"));
    REQUIRE(imported(t, sample(QStringLiteral("outlook.ics")), hall).written);
    const CalendarImportReport again = imported(t, sample(QStringLiteral("outlook.ics")), hall);
    INFO(describe(again).toStdString());
    CHECK(again.ok());
    CHECK(again.count(Outcome::AlreadyThere) == 2);
    CHECK(again.bookings() == 0);
    CHECK(again.events[0].problem.contains(QStringLiteral("Main hall")));
    CHECK(live(t).size() == 2);
}

TEST_CASE("a hub's own export imported back is recognised as already there", "[icalendar]")
{
    TempHub t;
    london(t);
    const Space hall = space(t, QStringLiteral("Main hall"));
    book(t, hall, local(QDate(2026, 5, 1), QTime(9, 0)), local(QDate(2026, 5, 1), QTime(10, 0)), QStringLiteral("A"));
    const CalendarImportReport r = imported(t, exported(t), hall);
    INFO(describe(r).toStdString());
    CHECK(r.ok());
    CHECK(r.count(Outcome::AlreadyThere) == 1);

    // Into another hub the same file books, keeping the UID.
    TempHub other;
    london(other);
    const Space otherHall = space(other, QStringLiteral("Main hall"));
    const CalendarImportReport there = imported(other, exported(t), otherHall);
    REQUIRE(there.written);
    REQUIRE(live(other).size() == 1);
    CHECK(live(other)[0].uid.startsWith(QStringLiteral("booking-")));
    CHECK(live(other)[0].start == local(QDate(2026, 5, 1), QTime(9, 0)));
}

TEST_CASE("a clash refuses the whole import, naming each refused event with its line", "[icalendar]")
{
    TempHub t;
    london(t);
    const Space hall = space(t, QStringLiteral("Main hall"), std::nullopt, 0, 30);
    book(t, hall, local(QDate(2026, 1, 15), QTime(10, 30)), local(QDate(2026, 1, 15), QTime(12, 0)),
         QStringLiteral("Yoga"));
    const CalendarImportReport r = imported(t, sample(QStringLiteral("utc.ics")), hall);
    INFO(describe(r).toStdString());
    CHECK_FALSE(r.ok());
    CHECK_FALSE(r.written);
    CHECK(r.exitCode() == 3);
    REQUIRE(r.events.size() == 2);
    CHECK(r.events[0].outcome == Outcome::Refused);
    CHECK(r.events[0].problem.contains(QStringLiteral("Yoga")));
    CHECK(r.events[0].problemLine == 7);
    CHECK(r.events[1].outcome == Outcome::Book);
    CHECK(r.events[1].booked.isEmpty());
    CHECK(live(t).size() == 1);
}

TEST_CASE("events that clash with each other inside one file are refused too", "[icalendar]")
{
    TempHub t;
    london(t);
    const Space hall = space(t, QStringLiteral("Main hall"));
    const QByteArray ics =
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\n"
        "BEGIN:VEVENT\nUID:a\nDTSTART:20260301T100000Z\nDTEND:20260301T120000Z\nSUMMARY:First\nEND:VEVENT\n"
        "BEGIN:VEVENT\nUID:b\nDTSTART:20260301T110000Z\nDTEND:20260301T130000Z\nSUMMARY:Second\nEND:VEVENT\n"
        "END:VCALENDAR\n";
    const CalendarImportReport r = imported(t, ics, hall);
    CHECK_FALSE(r.ok());
    CHECK(r.events[1].outcome == Outcome::Refused);
    CHECK(r.events[1].problem.contains(QStringLiteral("First")));
    CHECK(r.events[1].problemLine == 12);
    CHECK(live(t).isEmpty());
}

TEST_CASE("a dry run reports what would be booked and writes nothing", "[icalendar]")
{
    TempHub t;
    london(t);
    const Space hall = space(t, QStringLiteral("Main hall"));
    const CalendarImportReport r = imported(t, sample(QStringLiteral("utc.ics")), hall, true);
    CHECK(r.ok());
    CHECK(r.dryRun);
    CHECK_FALSE(r.written);
    CHECK(r.bookings() == 2);
    CHECK(r.events[0].plan.contains(QStringLiteral("Thu 15 Jan 2026 09:00–11:00")));
    CHECK(live(t).isEmpty());
}

TEST_CASE("an event without an end or in an unknown zone is unreadable and named by its line", "[icalendar]")
{
    TempHub t;
    london(t);
    const Space hall = space(t, QStringLiteral("Main hall"));
    const QByteArray ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
                           "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20260301T100000Z\r\nSUMMARY:No end\r\nEND:VEVENT\r\n"
                           "BEGIN:VEVENT\r\nUID:b\r\nDTSTART;TZID=Atlantis/Capital:20260301T110000\r\n"
                           "DTEND;TZID=Atlantis/Capital:20260301T120000\r\nSUMMARY:Nowhere\r\nEND:VEVENT\r\n"
                           "END:VCALENDAR\r\n";
    const CalendarImportReport r = imported(t, ics, hall);
    INFO(describe(r).toStdString());
    CHECK(r.exitCode() == 2);
    CHECK(r.events[0].outcome == Outcome::Unreadable);
    CHECK(r.events[0].problemLine == 6);
    CHECK(r.events[1].outcome == Outcome::Unreadable);
    CHECK(r.events[1].problem.contains(QStringLiteral("Atlantis/Capital")));
    CHECK(r.events[1].problemLine == 11);
    CHECK(live(t).isEmpty());
}

TEST_CASE("what libical cannot read in an event is named by the exact line, not by its text", "[icalendar]")
{
    TempHub t;
    london(t);
    const Space hall = space(t, QStringLiteral("Main hall"));
    // The bad value "abc" is also the title, on an earlier line: libical
    // quotes the value, and only the line it was read from is the right one.
    const QByteArray ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
                           "BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:abc\r\nDTSTART:20260301T100000Z\r\n"
                           "DTEND:20260301T110000Z\r\nGEO:abc\r\nEND:VEVENT\r\n"
                           "END:VCALENDAR\r\n";
    const CalendarImportReport r = imported(t, ics, hall);
    INFO(describe(r).toStdString());
    REQUIRE(r.events.size() == 1);
    CHECK(r.events[0].outcome == Outcome::Unreadable);
    CHECK(r.events[0].problem.contains(QStringLiteral("libical")));
    CHECK(r.events[0].problemLine == 9);
    CHECK(live(t).isEmpty());
}

TEST_CASE("a broken .ics file is refused naming its line and leaves the hub file untouched", "[icalendar]")
{
    TempHub t;
    london(t);
    const Space hall = space(t, QStringLiteral("Main hall"));
    t.close();
    const QByteArray before = hub::test::snapshot(t.path());
    t.reopen();

    struct Case
    {
        QByteArray ics;
        QString where;
        QString says;
    };
    const QByteArray head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\n";
    const QList<Case> cases = {
        {"Name,Email\r\nAnn,ann@example.org\r\n", QStringLiteral("line 1"), QStringLiteral("not an iCalendar file")},
        {"", QStringLiteral("line 1"), QStringLiteral("empty")},
        {head + "DTSTART:20261301T100000\r\nDTEND:20261301T110000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
         QStringLiteral("line 6"), QStringLiteral("DTSTART “20261301T100000” is not a date")},
        {head + "DTSTART;VALUE=DATE:20260230\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", QStringLiteral("line 6"),
         QStringLiteral("is not a date")},
        {head + "DTSTART:20260301T100000Z\r\nThis line has no colon\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
         QStringLiteral("line 7"), QStringLiteral("not an iCalendar content line")},
        {head + "DTSTART:20260301T100000Z\r\nEND:VTODO\r\nEND:VCALENDAR\r\n", QStringLiteral("line 7"),
         QStringLiteral("END:VTODO does not close BEGIN:VEVENT from line 4")},
        {head + "DTSTART:20260301T100000Z\r\nEND:VCALENDAR\r\n", QStringLiteral("line 7"),
         QStringLiteral("does not close BEGIN:VEVENT")},
        {head + "DTSTART:20260301T100000Z\r\nEND:VEVENT\r\n", QStringLiteral("line 1"),
         QStringLiteral("BEGIN:VCALENDAR is never closed")},
        {head + "DTSTART:2026030\r\n 1T100000Z\r\nDTEND:2026-03-01\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
         QStringLiteral("line 8"), QStringLiteral("DTEND “2026-03-01” is not a date")},
        {QByteArray("BEGIN:VCALENDAR\r\nSUMMARY:\xff\xfe\r\nEND:VCALENDAR\r\n"), QStringLiteral("line 2"),
         QStringLiteral("not UTF-8")},
    };
    for (const Case &c : cases) {
        INFO(c.ics.toStdString());
        auto r = ICalendarImporter(t.hub()).run(c.ics, hall.id, false);
        REQUIRE_FALSE(r);
        CHECK(r.error().kind == ErrorKind::Invalid);
        CHECK(r.error().where == c.where);
        CHECK(r.error().message.contains(c.says));
    }
    t.close();
    CHECK(hub::test::snapshot(t.path()) == before);
}

TEST_CASE("importing into a space that does not exist is not-found", "[icalendar]")
{
    TempHub t;
    auto r = ICalendarImporter(t.hub()).run(sample(QStringLiteral("utc.ics")), SpaceId(99), false);
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::NotFound);
}

TEST_CASE("an export of one month of a series that began long before keeps the zone's rules back to the series' "
          "start",
          "[icalendar][series]")
{
    TempHub t;
    london(t);
    const Space hall = space(t, QStringLiteral("Main hall"));
    REQUIRE(t->bookings().bookSeries(weeklyChoir(hall, QDate(2025, 1, 7), 80)));

    CalendarExportOptions july;
    july.from = QDate(2026, 7, 1);
    july.to = QDate(2026, 7, 31);
    const QByteArray ics = exported(t, july);
    // The series' event starts in January 2025, in winter time.
    const QStringList lines = eventLines(ics);
    REQUIRE(lines.size() == 2);
    CHECK(lines[1].section(u'|', 1, 1) == QStringLiteral("2025-01-07T19:00:00+00:00"));
    // The VTIMEZONE reaches back before that start, not only before July 2026.
    const qsizetype begin = ics.indexOf("BEGIN:VTIMEZONE");
    const qsizetype end = ics.indexOf("END:VTIMEZONE");
    REQUIRE(begin >= 0);
    REQUIRE(end > begin);
    const QByteArray zone = ics.mid(begin, end - begin);
    INFO(zone.toStdString());
    CHECK((zone.contains("DTSTART:2023") || zone.contains("DTSTART:2024")));
}
