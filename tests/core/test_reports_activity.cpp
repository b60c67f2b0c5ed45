// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/gatherings/checkinservice.h"
#include "core/gatherings/gatheringservice.h"
#include "core/gatherings/ideaservice.h"
#include "core/gatherings/workinggroupservice.h"
#include "core/ledger/ledgerservice.h"
#include "core/members/listingservice.h"
#include "core/members/memberservice.h"
#include "core/reports/reportservice.h"
#include "core/settings/settingsservice.h"
#include "core/spaces/bookingservice.h"
#include "core/spaces/spaceservice.h"
#include "tests/support/temphub.h"

#include <QTimeZone>

using namespace hub;
using hub::test::TempHub;

namespace {

void londonInReportsActivity(TempHub &t, QDate today = QDate(2026, 1, 5))
{
    REQUIRE(t->settings().set(QStringLiteral("timezone"), QStringLiteral("Europe/London")));
    t->setClock(Clock::fixed(QDateTime(today, QTime(12, 0), QTimeZone("Europe/London"))));
}

ReportRequest period(QDate from, QDate to)
{
    ReportRequest r;
    r.from = from;
    r.to = to;
    return r;
}

CollectingReportSink run(TempHub &t, const QString &name, QDate from, QDate to)
{
    CollectingReportSink sink;
    auto ok = t->reports().run(name, period(from, to), sink);
    INFO((ok ? QString() : ok.error().message).toStdString());
    REQUIRE(ok);
    return sink;
}

int column(const ReportTable &table, const QString &key)
{
    for (int i = 0; i < table.header.columns.size(); ++i)
        if (table.header.columns.at(i).key == key)
            return i;
    FAIL("no column " << key.toStdString());
    return -1;
}

QVariant cell(const ReportTable &table, int row, const QString &key)
{
    REQUIRE(row < table.rows.size());
    return table.rows.at(row).at(column(table, key));
}

QVariant total(const ReportTable &table, const QString &key)
{
    REQUIRE(table.totals.size() == table.header.columns.size());
    return table.totals.at(column(table, key));
}

// A row whose first cell is `label` (a space, a month, a status, a skill).
int rowOf(const ReportTable &table, const QString &key, const QVariant &label)
{
    for (int i = 0; i < table.rows.size(); ++i)
        if (table.rows.at(i).at(column(table, key)) == label)
            return i;
    return -1;
}

MemberId personInReportsActivity(TempHub &t, const QString &name, QDate joined = {},
                                 MemberStatus status = MemberStatus::Active, QDate statusOn = {},
                                 MemberKind kind = MemberKind::Person)
{
    MemberDraft d;
    d.kind = kind;
    d.displayName = name;
    d.joinedOn = joined;
    d.status = status;
    if (status == MemberStatus::Lapsed)
        d.lapsedOn = statusOn;
    if (status == MemberStatus::Left)
        d.leftOn = statusOn;
    auto m = t->members().add(d);
    REQUIRE(m);
    return m->id;
}

// Monday to Friday 09:00–17:00: 40 open hours a week.
Space studio(TempHub &t, std::optional<Amount> rate = {})
{
    Space s;
    s.name = QStringLiteral("Studio");
    s.capacity = 12;
    s.rate = rate;
    s.hours = {};
    for (int day = 0; day < 5; ++day)
        s.hours.days.at(day) = DayHours{9 * 60, 17 * 60};
    auto added = t->spaces().add(s);
    REQUIRE(added);
    return *added;
}

Booking book(TempHub &t, const Space &s, QDate day, QTime from, QTime to, bool tentative = false,
             std::optional<MemberId> charge = {})
{
    BookingDraft d;
    d.space = s.id;
    d.title = QStringLiteral("Booking");
    d.start = t->bookings().localTime(day, from);
    d.end = t->bookings().localTime(day, to);
    d.tentative = tentative;
    if (charge) {
        d.member = charge;
        d.charge = true;
    }
    auto b = t->bookings().book(d);
    INFO((b ? QString() : b.error().message).toStdString());
    REQUIRE(b);
    return *b;
}

const QDate Monday(2026, 3, 2); // a plain week in London, no clock change

} // namespace

TEST_CASE("occupancy of a space booked 10 of its 40 open hours is 25 percent", "[reports][occupancy]")
{
    TempHub t;
    londonInReportsActivity(t);
    const Space s = studio(t, Amount::fromMinor(500)); // 5.00 an hour
    const MemberId ada = personInReportsActivity(t, QStringLiteral("Ada Lovelace"));
    LimitChange room;
    room.min = Amount::fromMinor(-100000);
    REQUIRE(t->ledger().setLimits(ada, room));

    book(t, s, Monday, QTime(9, 0), QTime(13, 0), false, ada);       // 4 h confirmed, charged 20.00
    book(t, s, Monday.addDays(2), QTime(10, 0), QTime(16, 0), true); // 6 h tentative
    const Booking gone = book(t, s, Monday.addDays(3), QTime(9, 0), QTime(12, 0), false, ada);
    REQUIRE(t->bookings().cancel(gone.id)); // cancelled: neither hours nor charge count

    const CollectingReportSink sink = run(t, QStringLiteral("occupancy"), Monday, Monday.addDays(6));
    CHECK(sink.heading().name == QStringLiteral("occupancy"));
    REQUIRE(sink.tables().size() == 3);

    const ReportTable &perSpace = sink.tables().at(0);
    CHECK(perSpace.header.chart.kind == ReportChart::Kind::Bars);
    REQUIRE(perSpace.rows.size() == 1);
    CHECK(cell(perSpace, 0, QStringLiteral("space")).toString() == QStringLiteral("Studio"));
    CHECK(cell(perSpace, 0, QStringLiteral("open_hours")).toDouble() == Approx(40.0));
    CHECK(cell(perSpace, 0, QStringLiteral("booked_hours")).toDouble() == Approx(10.0));
    CHECK(cell(perSpace, 0, QStringLiteral("occupancy")).toDouble() == Approx(25.0));
    CHECK(cell(perSpace, 0, QStringLiteral("confirmed_hours")).toDouble() == Approx(4.0));
    CHECK(cell(perSpace, 0, QStringLiteral("tentative_hours")).toDouble() == Approx(6.0));
    CHECK(cell(perSpace, 0, QStringLiteral("bookings")).toLongLong() == 2);
    CHECK(cell(perSpace, 0, QStringLiteral("charged")).toLongLong() == 2000);
    CHECK(total(perSpace, QStringLiteral("occupancy")).toDouble() == Approx(25.0));

    const ReportTable &perWeek = sink.tables().at(1);
    REQUIRE(perWeek.rows.size() == 1);
    CHECK(cell(perWeek, 0, QStringLiteral("week")).toDate() == Monday);
    CHECK(cell(perWeek, 0, QStringLiteral("occupancy")).toDouble() == Approx(25.0));

    const ReportTable &busiest = sink.tables().at(2);
    CHECK(busiest.header.chart.kind == ReportChart::Kind::HeatMap);
    CHECK(busiest.header.chart.valueKeys.size() == 24);
    REQUIRE(busiest.rows.size() == 7);
    // Monday 09–13 and Wednesday 10–16, an hour in each cell.
    for (int h = 0; h < 24; ++h) {
        const QString key = QStringLiteral("h%1").arg(h, 2, 10, QLatin1Char('0'));
        INFO("hour " << h);
        CHECK(cell(busiest, 0, key).toDouble() == Approx(h >= 9 && h < 13 ? 1.0 : 0.0));
        CHECK(cell(busiest, 2, key).toDouble() == Approx(h >= 10 && h < 16 ? 1.0 : 0.0));
        CHECK(cell(busiest, 3, key).toDouble() == Approx(0.0)); // Thursday's booking was cancelled
    }
    CHECK(total(busiest, QStringLiteral("total")).toDouble() == Approx(10.0));
}

TEST_CASE("closed days of the space and of the hub take their hours out of the open hours", "[reports][occupancy]")
{
    TempHub t;
    londonInReportsActivity(t);
    const Space s = studio(t);
    REQUIRE(t->spaces().addClosure(s.id, Monday.addDays(1), QStringLiteral("Deep clean")));
    REQUIRE(t->spaces().addClosure(std::nullopt, Monday.addDays(4), QStringLiteral("Hub holiday")));
    book(t, s, Monday, QTime(9, 0), QTime(13, 0));
    book(t, s, Monday.addDays(2), QTime(10, 0), QTime(16, 0), true);

    const CollectingReportSink sink = run(t, QStringLiteral("occupancy"), Monday, Monday.addDays(6));
    const ReportTable &perSpace = sink.tables().at(0);
    CHECK(cell(perSpace, 0, QStringLiteral("open_hours")).toDouble() == Approx(24.0));
    CHECK(cell(perSpace, 0, QStringLiteral("occupancy")).toDouble() == Approx(100.0 * 10.0 / 24.0));
}

TEST_CASE("occupancy in the week the clocks go forward counts real hours", "[reports][occupancy][dst]")
{
    TempHub t;
    londonInReportsActivity(t);
    Space s;
    s.name = QStringLiteral("Hall");
    s.capacity = 50; // open all day, every day
    auto hall = t->spaces().add(s);
    REQUIRE(hall);
    // Sunday 29 March 2026: 01:00 GMT becomes 02:00 BST, the day has 23 hours.
    const QDate sunday(2026, 3, 29);
    book(t, *hall, sunday, QTime(0, 0), QTime(4, 0)); // 3 real hours
    book(t, *hall, sunday.addDays(-1), QTime(19, 0), QTime(21, 0), true);

    const CollectingReportSink sink = run(t, QStringLiteral("occupancy"), QDate(2026, 3, 23), sunday);
    const ReportTable &perSpace = sink.tables().at(0);
    CHECK(cell(perSpace, 0, QStringLiteral("open_hours")).toDouble() == Approx(6 * 24 + 23));
    CHECK(cell(perSpace, 0, QStringLiteral("confirmed_hours")).toDouble() == Approx(3.0));
    CHECK(cell(perSpace, 0, QStringLiteral("tentative_hours")).toDouble() == Approx(2.0));
    CHECK(cell(perSpace, 0, QStringLiteral("occupancy")).toDouble() == Approx(100.0 * 5.0 / 167.0));

    // Local hours: Sunday 00–01, then 02–04 (there is no 01:00 that night); Saturday 19–21.
    const ReportTable &busiest = sink.tables().at(2);
    CHECK(cell(busiest, 6, QStringLiteral("h00")).toDouble() == Approx(1.0));
    CHECK(cell(busiest, 6, QStringLiteral("h01")).toDouble() == Approx(0.0));
    CHECK(cell(busiest, 6, QStringLiteral("h02")).toDouble() == Approx(1.0));
    CHECK(cell(busiest, 6, QStringLiteral("h03")).toDouble() == Approx(1.0));
    CHECK(cell(busiest, 6, QStringLiteral("total")).toDouble() == Approx(3.0));
    CHECK(cell(busiest, 5, QStringLiteral("h19")).toDouble() == Approx(1.0));
    CHECK(cell(busiest, 5, QStringLiteral("h20")).toDouble() == Approx(1.0));
    CHECK(cell(busiest, 5, QStringLiteral("h21")).toDouble() == Approx(0.0));

    // The week after the change: Saturday 19:00 is now 18:00 UTC and still shows at 19.
    book(t, *hall, QDate(2026, 4, 4), QTime(19, 0), QTime(20, 0));
    const CollectingReportSink after = run(t, QStringLiteral("occupancy"), QDate(2026, 3, 30), QDate(2026, 4, 5));
    CHECK(cell(after.tables().at(2), 5, QStringLiteral("h19")).toDouble() == Approx(1.0));
    CHECK(cell(after.tables().at(2), 5, QStringLiteral("h18")).toDouble() == Approx(0.0));
}

TEST_CASE("occupancy counts only the part of a booking inside the period and splits weeks at Monday",
          "[reports][occupancy]")
{
    TempHub t;
    londonInReportsActivity(t);
    Space s;
    s.name = QStringLiteral("Hall");
    s.capacity = 50;
    auto hall = t->spaces().add(s);
    REQUIRE(hall);
    const auto overnight = [&](QDate day, QTime from, QTime to, const char *title) {
        BookingDraft d;
        d.space = hall->id;
        d.title = QString::fromLatin1(title);
        d.start = t->bookings().localTime(day, from);
        d.end = t->bookings().localTime(day.addDays(1), to);
        d.outsideHoursOverride = QStringLiteral("Overnight"); // a day's hours end at midnight
        auto b = t->bookings().book(d);
        INFO((b ? QString() : b.error().message).toStdString());
        REQUIRE(b);
    };
    overnight(QDate(2026, 3, 3), QTime(22, 0), QTime(2, 0), "Before the period"); // 2 h inside, on the 4th
    overnight(QDate(2026, 3, 8), QTime(23, 0), QTime(1, 0), "Late party");        // Sunday into Monday
    overnight(QDate(2026, 3, 10), QTime(22, 0), QTime(2, 0), "Night shift");      // 4 h in the second week
    overnight(QDate(2026, 3, 11), QTime(23, 0), QTime(1, 0), "After the period"); // 1 h inside

    // Wednesday 4 March to Wednesday 11 March: the first week has 5 days, the second 3.
    const CollectingReportSink sink = run(t, QStringLiteral("occupancy"), QDate(2026, 3, 4), QDate(2026, 3, 11));
    const ReportTable &perWeek = sink.tables().at(1);
    REQUIRE(perWeek.rows.size() == 2);
    CHECK(cell(perWeek, 0, QStringLiteral("week")).toDate() == Monday);
    CHECK(cell(perWeek, 0, QStringLiteral("open_hours")).toDouble() == Approx(5 * 24));
    CHECK(cell(perWeek, 0, QStringLiteral("booked_hours")).toDouble() == Approx(2.0 + 1.0));
    CHECK(cell(perWeek, 0, QStringLiteral("bookings")).toLongLong() == 1); // one began before the period
    CHECK(cell(perWeek, 1, QStringLiteral("week")).toDate() == Monday.addDays(7));
    CHECK(cell(perWeek, 1, QStringLiteral("open_hours")).toDouble() == Approx(3 * 24));
    CHECK(cell(perWeek, 1, QStringLiteral("booked_hours")).toDouble() == Approx(1.0 + 4.0 + 1.0));
    CHECK(cell(perWeek, 1, QStringLiteral("bookings")).toLongLong() == 2);
    CHECK(total(perWeek, QStringLiteral("booked_hours")).toDouble() == Approx(9.0));
    CHECK_FALSE(perWeek.notes.isEmpty());
}

TEST_CASE("occupancy of an empty period and of a hub without spaces", "[reports][occupancy]")
{
    TempHub t;
    londonInReportsActivity(t);
    {
        const CollectingReportSink sink = run(t, QStringLiteral("occupancy"), Monday, Monday.addDays(6));
        REQUIRE(sink.tables().size() == 3);
        CHECK(sink.tables().at(0).rows.isEmpty());
        CHECK(sink.tables().at(1).rows.isEmpty());
        CHECK(sink.tables().at(2).rows.size() == 7);
        CHECK(total(sink.tables().at(2), QStringLiteral("total")).toDouble() == Approx(0.0));
    }
    studio(t);
    const CollectingReportSink sink = run(t, QStringLiteral("occupancy"), Monday, Monday.addDays(6));
    REQUIRE(sink.tables().at(0).rows.size() == 1);
    CHECK(cell(sink.tables().at(0), 0, QStringLiteral("occupancy")).toDouble() == Approx(0.0));
    // A week the studio is shut all week has no occupancy to speak of.
    const CollectingReportSink weekend = run(t, QStringLiteral("occupancy"), Monday.addDays(5), Monday.addDays(6));
    CHECK(cell(weekend.tables().at(0), 0, QStringLiteral("open_hours")).toDouble() == Approx(0.0));
    CHECK(cell(weekend.tables().at(0), 0, QStringLiteral("occupancy")).isNull());
}

TEST_CASE("a period that ends before it starts is a usage error naming --from", "[reports][occupancy]")
{
    TempHub t;
    for (const QString &name :
         {QStringLiteral("occupancy"), QStringLiteral("membership"), QStringLiteral("gatherings")}) {
        CollectingReportSink sink;
        auto ok = t->reports().run(name, period(QDate(2026, 3, 10), QDate(2026, 3, 1)), sink);
        REQUIRE_FALSE(ok);
        CHECK(ok.error().kind == ErrorKind::Usage);
        CHECK(ok.error().where == QStringLiteral("--from"));
    }
}

namespace {

// Joins, lapses and leavers of spring 2026; "now" is 15 May 2026.
struct Directory
{
    MemberId ann, ben, cat, dee, eve, fay, gus;
};

Directory directory(TempHub &t)
{
    londonInReportsActivity(t, QDate(2026, 5, 15));
    Directory d;
    d.ann = personInReportsActivity(t, QStringLiteral("Ann"), QDate(2026, 3, 5));
    d.ben =
        personInReportsActivity(t, QStringLiteral("Ben"), QDate(2026, 3, 20), MemberStatus::Lapsed, QDate(2026, 4, 10));
    d.cat =
        personInReportsActivity(t, QStringLiteral("Cat"), QDate(2025, 12, 1), MemberStatus::Left, QDate(2026, 4, 30));
    d.dee = personInReportsActivity(t, QStringLiteral("Dee's Bakery"), QDate(2026, 4, 1), MemberStatus::Active, {},
                                    MemberKind::Organisation);
    d.eve = personInReportsActivity(t, QStringLiteral("Eve"), QDate(2026, 5, 31));
    d.fay = personInReportsActivity(t, QStringLiteral("Fay"), QDate(2026, 2, 28));
    d.gus = personInReportsActivity(t, QStringLiteral("Gus"), QDate(2026, 1, 10));
    REQUIRE(t->members().forget(d.gus)); // leaves today, 15 May

    auto &l = t->listings();
    REQUIRE(l.addOffer(d.ann, QStringLiteral("Carpentry"), QStringLiteral("Shelves and doors")));
    REQUIRE(l.addOffer(d.ben, QStringLiteral("Carpentry"), QStringLiteral("Small repairs")));
    REQUIRE(l.addOffer(d.ann, QStringLiteral("Gardening"), QStringLiteral("Weeding")));
    REQUIRE(l.addNeed(d.eve, QStringLiteral("Plumbing"), QStringLiteral("A dripping tap"), Urgency::High));
    REQUIRE(l.addNeed(d.fay, QStringLiteral("Plumbing"), QStringLiteral("A new radiator")));
    REQUIRE(l.addNeed(d.fay, QStringLiteral("Gardening"), QStringLiteral("Hedge trimming")));
    REQUIRE(l.addNeed(d.dee, QStringLiteral("Accounting"), QStringLiteral("Year-end accounts")));
    REQUIRE(l.addNeed(d.ann, QString(), QStringLiteral("Someone to talk to about bees")));
    return d;
}

} // namespace

TEST_CASE("membership counts joins lapses and leavers in the month of their dates", "[reports][membership]")
{
    TempHub t;
    directory(t);
    const CollectingReportSink sink = run(t, QStringLiteral("membership"), QDate(2026, 3, 1), QDate(2026, 5, 31));
    REQUIRE(sink.tables().size() == 5);
    const ReportTable &months = sink.tables().at(0);
    CHECK(months.header.chart.kind == ReportChart::Kind::Bars);
    REQUIRE(months.rows.size() == 3);
    const auto expect = [&](int row, const char *month, int joins, int lapses, int leavers, int members) {
        INFO(month);
        CHECK(cell(months, row, QStringLiteral("month")).toString() == QLatin1String(month));
        CHECK(cell(months, row, QStringLiteral("joins")).toInt() == joins);
        CHECK(cell(months, row, QStringLiteral("lapses")).toInt() == lapses);
        CHECK(cell(months, row, QStringLiteral("leavers")).toInt() == leavers);
        CHECK(cell(months, row, QStringLiteral("members")).toInt() == members);
    };
    expect(0, "2026-03", 2, 0, 0, 5); // Ann, Ben join; Cat, Fay, Gus were members already
    expect(1, "2026-04", 1, 1, 1, 5); // the bakery joins, Ben lapses, Cat leaves on the 30th
    expect(2, "2026-05", 1, 0, 1, 5); // Eve joins on the 31st, Gus (forgotten) leaves
    CHECK(total(months, QStringLiteral("joins")).toInt() == 4);

    const ReportTable &byStatus = sink.tables().at(1);
    const int active = rowOf(byStatus, QStringLiteral("status"), QStringLiteral("active"));
    const int lapsed = rowOf(byStatus, QStringLiteral("status"), QStringLiteral("lapsed"));
    const int left = rowOf(byStatus, QStringLiteral("status"), QStringLiteral("left"));
    REQUIRE((active >= 0 && lapsed >= 0 && left >= 0));
    CHECK(cell(byStatus, active, QStringLiteral("people")).toInt() == 3);
    CHECK(cell(byStatus, active, QStringLiteral("organisations")).toInt() == 1);
    CHECK(cell(byStatus, lapsed, QStringLiteral("total")).toInt() == 1);
    CHECK(cell(byStatus, left, QStringLiteral("total")).toInt() == 2);
    CHECK(total(byStatus, QStringLiteral("total")).toInt() == 7);

    // The edges of April: the 1st and the 30th both count.
    const CollectingReportSink april = run(t, QStringLiteral("membership"), QDate(2026, 4, 1), QDate(2026, 4, 30));
    REQUIRE(april.tables().at(0).rows.size() == 1);
    CHECK(cell(april.tables().at(0), 0, QStringLiteral("joins")).toInt() == 1);
    CHECK(cell(april.tables().at(0), 0, QStringLiteral("leavers")).toInt() == 1);
    // A period from mid-month shows the part of the month inside it.
    const CollectingReportSink late = run(t, QStringLiteral("membership"), QDate(2026, 3, 10), QDate(2026, 4, 5));
    REQUIRE(late.tables().at(0).rows.size() == 2);
    CHECK(cell(late.tables().at(0), 0, QStringLiteral("joins")).toInt() == 1); // Ben, not Ann
    CHECK(cell(late.tables().at(0), 1, QStringLiteral("joins")).toInt() == 1);
}

TEST_CASE("membership lists the skills most offered and needed and the needs nobody offers", "[reports][membership]")
{
    TempHub t;
    directory(t);
    const CollectingReportSink sink = run(t, QStringLiteral("membership"), QDate(2026, 5, 1), QDate(2026, 5, 31));
    const ReportTable &offered = sink.tables().at(2);
    REQUIRE(offered.rows.size() == 2);
    CHECK(cell(offered, 0, QStringLiteral("skill")).toString() == QStringLiteral("Carpentry"));
    CHECK(cell(offered, 0, QStringLiteral("offers")).toInt() == 2);
    CHECK(cell(offered, 0, QStringLiteral("members")).toInt() == 2);
    CHECK(cell(offered, 1, QStringLiteral("skill")).toString() == QStringLiteral("Gardening"));

    const ReportTable &needed = sink.tables().at(3);
    REQUIRE(needed.rows.size() == 3);
    CHECK(cell(needed, 0, QStringLiteral("skill")).toString() == QStringLiteral("Plumbing"));
    CHECK(cell(needed, 0, QStringLiteral("needs")).toInt() == 2);
    CHECK(cell(needed, 0, QStringLiteral("urgent")).toInt() == 1);

    const ReportTable &unmet = sink.tables().at(4);
    REQUIRE(unmet.rows.size() == 2); // Gardening has an offer
    CHECK(cell(unmet, 0, QStringLiteral("skill")).toString() == QStringLiteral("Plumbing"));
    CHECK(cell(unmet, 0, QStringLiteral("needs")).toInt() == 2);
    CHECK(cell(unmet, 0, QStringLiteral("waiting_since")).toDate() == QDate(2026, 5, 15));
    CHECK(cell(unmet, 1, QStringLiteral("skill")).toString() == QStringLiteral("Accounting"));
    CHECK(total(unmet, QStringLiteral("needs")).toInt() == 3);
    CHECK(unmet.notes.join(u' ').contains(QStringLiteral("1 open need")));

    // Once the gardening offer closes, hedge trimming is a need without an offer too.
    t->setClock(Clock::fixed(QDateTime(QDate(2026, 6, 2), QTime(12, 0), QTimeZone::utc())));
    auto offers = t->listings().offers(t->members().find(QStringLiteral("1"))->id, true);
    REQUIRE(offers);
    for (const Offer &o : *offers)
        if (o.description == QStringLiteral("Weeding"))
            REQUIRE(t->listings().closeOffer(o.id));
    const CollectingReportSink june = run(t, QStringLiteral("membership"), QDate(2026, 6, 1), QDate(2026, 6, 30));
    CHECK(june.tables().at(4).rows.size() == 3);
    // …but May, when the offer was still open, reads as before.
    const CollectingReportSink may = run(t, QStringLiteral("membership"), QDate(2026, 5, 1), QDate(2026, 5, 31));
    CHECK(may.tables().at(4).rows.size() == 2);
}

TEST_CASE("membership of an empty period has zero rows of activity", "[reports][membership]")
{
    TempHub t;
    directory(t);
    const CollectingReportSink sink = run(t, QStringLiteral("membership"), QDate(2025, 1, 1), QDate(2025, 1, 31));
    REQUIRE(sink.tables().at(0).rows.size() == 1);
    CHECK(cell(sink.tables().at(0), 0, QStringLiteral("joins")).toInt() == 0);
    CHECK(cell(sink.tables().at(0), 0, QStringLiteral("members")).toInt() == 0);
    CHECK(sink.tables().at(2).rows.isEmpty());
    CHECK(sink.tables().at(3).rows.isEmpty());
    CHECK(sink.tables().at(4).rows.isEmpty());

    TempHub empty;
    const CollectingReportSink none = run(empty, QStringLiteral("membership"), QDate(2026, 1, 1), QDate(2026, 1, 31));
    CHECK(total(none.tables().at(1), QStringLiteral("total")).toInt() == 0);
}

namespace {

Gathering gathering(TempHub &t, QDate day, GatheringKind kind, const QString &title)
{
    GatheringDraft d;
    d.kind = kind;
    d.title = title;
    d.start = t->bookings().localTime(day, QTime(19, 0));
    d.end = t->bookings().localTime(day, QTime(21, 0));
    auto g = t->gatherings().add(d);
    REQUIRE(g);
    return *g;
}

IdeaId idea(TempHub &t, const Gathering &g, const QString &title)
{
    IdeaDraft d;
    d.gathering = g.id;
    d.title = title;
    auto i = t->ideas().add(d);
    REQUIRE(i);
    return i->id;
}

void actions(TempHub &t, GroupId group, MemberId owner, int done, int open)
{
    for (int i = 0; i < done + open; ++i) {
        ActionDraft a;
        a.group = group;
        a.title = QStringLiteral("Action %1").arg(i + 1);
        a.owner = owner;
        auto added = t->workingGroups().addAction(a);
        REQUIRE(added);
        if (i < done)
            REQUIRE(t->workingGroups().setStatus(added->id, ActionStatus::Done));
    }
}

} // namespace

TEST_CASE("gatherings split attendance into members and walk-ins and count newcomers and the funnel",
          "[reports][gatherings]")
{
    TempHub t;
    londonInReportsActivity(t);
    const MemberId ann = personInReportsActivity(t, QStringLiteral("Ann"));
    const MemberId ben = personInReportsActivity(t, QStringLiteral("Ben"));
    const MemberId cat = personInReportsActivity(t, QStringLiteral("Cat"));

    const Gathering march = gathering(t, QDate(2026, 3, 10), GatheringKind::Friendly, QStringLiteral("Friendly"));
    auto &in = t->checkIns();
    const auto a1 = in.checkIn(march.id, ann);
    REQUIRE(a1);
    const auto b1 = in.checkIn(march.id, ben);
    REQUIRE(b1);
    const auto dee = in.checkInWalkIn(march.id, WalkInDraft{QStringLiteral("Dee"), {}, false});
    REQUIRE(dee);
    const auto eve = in.checkInWalkIn(march.id, WalkInDraft{QStringLiteral("Eve"), {}, false});
    REQUIRE(eve);
    const IdeaId trees = idea(t, march, QStringLiteral("Street trees"));
    const IdeaId planters = idea(t, march, QStringLiteral("Planters on the corner"));
    idea(t, march, QStringLiteral("A book swap"));
    REQUIRE(t->ideas().vote(trees, a1->id));
    REQUIRE(t->ideas().vote(trees, b1->id));
    REQUIRE(t->ideas().vote(planters, dee->id));

    // Eve joins after the evening: at the next gathering she is a member, not a newcomer.
    auto eveMember = in.enrol(*eve->walkIn);
    REQUIRE(eveMember);
    const Gathering april =
        gathering(t, QDate(2026, 4, 14), GatheringKind::Collaboratory, QStringLiteral("Collaboratory"));
    REQUIRE(in.checkIn(april.id, ann));
    REQUIRE(in.checkIn(april.id, cat));
    REQUIRE(in.checkIn(april.id, *eveMember));
    REQUIRE(in.checkInWalkIn(april.id, *dee->walkIn));
    REQUIRE(in.checkInWalkIn(april.id, WalkInDraft{QStringLiteral("Fay"), {}, false}));
    const IdeaId repair = idea(t, april, QStringLiteral("Repair café"));

    auto green = t->workingGroups().promote(trees, QStringLiteral("Greener street"));
    REQUIRE(green);
    REQUIRE(t->workingGroups().promote(planters, QStringLiteral("Greener street")));
    auto cafe = t->workingGroups().promote(repair, QStringLiteral("Repair café"));
    REQUIRE(cafe);
    actions(t, green->id, ann, 2, 1);
    actions(t, cafe->id, cat, 1, 0);

    // A gathering after the period is left out.
    gathering(t, QDate(2026, 5, 12), GatheringKind::Friendly, QStringLiteral("Friendly in May"));

    const CollectingReportSink sink = run(t, QStringLiteral("gatherings"), QDate(2026, 3, 1), QDate(2026, 4, 30));
    REQUIRE(sink.tables().size() == 2);
    const ReportTable &each = sink.tables().at(0);
    CHECK(each.header.chart.kind == ReportChart::Kind::Bars);
    REQUIRE(each.rows.size() == 2);
    CHECK(cell(each, 0, QStringLiteral("title")).toString() == QStringLiteral("Friendly"));
    CHECK(cell(each, 0, QStringLiteral("kind")).toString() == QStringLiteral("friendly"));
    CHECK(cell(each, 0, QStringLiteral("start")).toLongLong() ==
          QDateTime(QDate(2026, 3, 10), QTime(19, 0), QTimeZone("Europe/London")).toSecsSinceEpoch());
    CHECK(cell(each, 0, QStringLiteral("attendance")).toInt() == 4);
    // Enrolling Eve moved her attendance to her member record.
    CHECK(cell(each, 0, QStringLiteral("members")).toInt() == 3);
    CHECK(cell(each, 0, QStringLiteral("walk_ins")).toInt() == 1);
    CHECK(cell(each, 0, QStringLiteral("newcomers")).toInt() == 4);
    CHECK(cell(each, 0, QStringLiteral("ideas")).toInt() == 3);
    CHECK(cell(each, 0, QStringLiteral("votes")).toInt() == 3);

    CHECK(cell(each, 1, QStringLiteral("attendance")).toInt() == 5);
    CHECK(cell(each, 1, QStringLiteral("members")).toInt() == 3);
    CHECK(cell(each, 1, QStringLiteral("walk_ins")).toInt() == 2);
    CHECK(cell(each, 1, QStringLiteral("newcomers")).toInt() == 2); // Cat and Fay
    CHECK(cell(each, 1, QStringLiteral("ideas")).toInt() == 1);
    CHECK(cell(each, 1, QStringLiteral("votes")).toInt() == 0);
    CHECK(total(each, QStringLiteral("attendance")).toInt() == 9);
    CHECK(total(each, QStringLiteral("newcomers")).toInt() == 6);
    CHECK(each.notes.join(u' ').contains(QStringLiteral("6 different people")));

    const ReportTable &funnel = sink.tables().at(1);
    REQUIRE(funnel.rows.size() == 4);
    const auto step = [&](const char *key) {
        const int row = rowOf(funnel, QStringLiteral("step"), QString::fromLatin1(key));
        REQUIRE(row >= 0);
        return cell(funnel, row, QStringLiteral("count")).toInt();
    };
    CHECK(step("ideas") == 4);
    CHECK(step("promoted") == 3);
    CHECK(step("groups") == 2);
    CHECK(step("actions_done") == 3);

    // March alone: the first gathering's ideas went into one group with two actions done.
    const CollectingReportSink marchOnly = run(t, QStringLiteral("gatherings"), QDate(2026, 3, 1), QDate(2026, 3, 31));
    CHECK(marchOnly.tables().at(0).rows.size() == 1);
    const ReportTable &f = marchOnly.tables().at(1);
    CHECK(cell(f, 0, QStringLiteral("count")).toInt() == 3);
    CHECK(cell(f, 1, QStringLiteral("count")).toInt() == 2);
    CHECK(cell(f, 2, QStringLiteral("count")).toInt() == 1);
    CHECK(cell(f, 3, QStringLiteral("count")).toInt() == 2);

    // The period's edges are local days: the 10th alone holds the March evening.
    CHECK(run(t, QStringLiteral("gatherings"), QDate(2026, 3, 10), QDate(2026, 3, 10)).tables().at(0).rows.size() == 1);
    CHECK(run(t, QStringLiteral("gatherings"), QDate(2026, 3, 11), QDate(2026, 4, 13)).tables().at(0).rows.isEmpty());
}

TEST_CASE("gatherings of an empty period", "[reports][gatherings]")
{
    TempHub t;
    londonInReportsActivity(t);
    const CollectingReportSink sink = run(t, QStringLiteral("gatherings"), QDate(2026, 6, 1), QDate(2026, 6, 30));
    REQUIRE(sink.tables().size() == 2);
    CHECK(sink.tables().at(0).rows.isEmpty());
    CHECK(total(sink.tables().at(0), QStringLiteral("attendance")).toInt() == 0);
    CHECK_FALSE(sink.tables().at(0).notes.isEmpty());
    for (const QVariantList &row : sink.tables().at(1).rows)
        CHECK(row.at(2).toInt() == 0);
}
