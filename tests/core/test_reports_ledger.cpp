// SPDX-License-Identifier: GPL-3.0-or-later
// The ledger reports (trial balance, statements, journal, activity) on a
// hand-built hub with known answers, and the CSV, JSON and journal writers'
// exact output.
#include "core/access/accesscontrol.h"
#include "core/access/passphrasehasher.h"
#include "core/access/userservice.h"
#include "core/common/csvwriter.h"
#include "core/common/displayformat.h"
#include "core/ledger/ledgerservice.h"
#include "core/members/memberservice.h"
#include "core/reports/csvreportwriter.h"
#include "core/reports/jsonreportwriter.h"
#include "core/reports/ledgerjournalwriter.h"
#include "core/reports/reportperiodtext.h"
#include "core/reports/reportservice.h"
#include "core/reports/textreportwriter.h"
#include "core/settings/settingsservice.h"
#include "tests/support/hubinlondon.h"
#include "tests/support/temphub.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <limits>

using namespace hub;
using hub::test::London;
using hub::test::TempHub;

namespace {

MemberId memberInReportsLedger(TempHub &t, const QString &name)
{
    MemberDraft d;
    d.displayName = name;
    auto m = t->members().add(d);
    REQUIRE(m);
    return m->id;
}

// A transfer posted at a local wall-clock time in London.
void payAt(TempHub &t, QDateTime local, MemberId payer, MemberId payee, const char *amount, const QString &memo,
           const QString &category = {})
{
    t->setClock(Clock::fixed(local.toUTC()));
    TransferDraft d;
    d.payer = payer;
    d.payee = payee;
    d.amount = *Amount::parse(QString::fromLatin1(amount), 2);
    d.memo = memo;
    d.category = category;
    auto p = t->ledger().pay(d);
    REQUIRE(p);
}

QDateTime london(int month, int day, int hour, int minute)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, minute), London);
}

/// Riverside Hub in London: five transfers around October 2026, Cy forgotten afterwards.
///   30 Sep 23:30  Ada → Bo   10.00  (before October)
///    1 Oct 00:00  Bo  → Zoë   2.50  (October's first instant)
///   15 Oct 12:00  Cy  → Ada   5.00  Food
///   31 Oct 23:59  Zoë → Cy    1.00  (October's last minute, after the clocks went back)
///    1 Nov 00:00  Ada → Bo    3.00  (November)
struct Riverside
{
    TempHub t;
    MemberId ada, bo, zoe, cy;

    Riverside()
    {
        auto s = t->settings().load();
        REQUIRE(s);
        s->name = QStringLiteral("Riverside Hub");
        s->timeZone = QStringLiteral("Europe/London");
        REQUIRE(t->settings().save(*s));
        ada = memberInReportsLedger(t, QStringLiteral("Ada"));
        bo = memberInReportsLedger(t, QStringLiteral("Bo"));
        zoe = memberInReportsLedger(t, QStringLiteral("Zoë: café; two  spaces")); // the directory keeps one space
        cy = memberInReportsLedger(t, QStringLiteral("Cy"));
        payAt(t, london(9, 30, 23, 30), ada, bo, "10", QStringLiteral("September"));
        payAt(t, london(10, 1, 0, 0), bo, zoe, "2.50", QStringLiteral("First of October"));
        payAt(t, london(10, 15, 12, 0), cy, ada, "5", QStringLiteral("Soup, bread"), QStringLiteral("Food"));
        payAt(t, london(10, 31, 23, 59), zoe, cy, "1", QStringLiteral("Last; of \"October\""));
        payAt(t, london(11, 1, 0, 0), ada, bo, "3", QStringLiteral("November"));
        REQUIRE(t->members().forget(cy));
        t->setClock(Clock::fixed(london(12, 1, 12, 0).toUTC()));
    }

    CollectingReportSink run(const QString &name, ReportRequest request)
    {
        CollectingReportSink sink;
        auto s = t->reports().run(name, request, sink);
        if (!s)
            FAIL(s.error().text().toStdString());
        return sink;
    }

    QString pseudonym() const { return MemberService::pseudonym(cy); }
};

ReportRequest at(QDate date)
{
    ReportRequest r;
    r.at = date;
    return r;
}

ReportRequest periodInReportsLedger(QDate from, QDate to)
{
    ReportRequest r;
    r.from = from;
    r.to = to;
    return r;
}

const QDate Oct1(2026, 10, 1);
const QDate Oct31(2026, 10, 31);

// account name → signed balance, from a trial balance table
QMap<QString, qint64> balances(const ReportTable &table)
{
    QMap<QString, qint64> out;
    for (const QVariantList &row : table.rows)
        out.insert(row.at(1).toString(), row.at(4).toLongLong());
    return out;
}

} // namespace

TEST_CASE("the trial balance at a date sums every account's transfers up to that day's end", "[reports][ledger]")
{
    Riverside r;
    const auto sink = r.run(QStringLiteral("trial-balance"), at(Oct31));
    REQUIRE(sink.tables().size() == 1);
    const ReportTable &table = sink.tables().first();
    const auto b = balances(table);
    CHECK(b.value(QStringLiteral("Ada")) == -500);
    CHECK(b.value(QStringLiteral("Bo")) == 750);
    CHECK(b.value(QStringLiteral("Zoë: café; two spaces")) == 150);
    CHECK(b.value(r.pseudonym()) == -400);
    CHECK_FALSE(b.contains(QStringLiteral("Cy")));
    // Debits 7.50 + 1.50, credits 5.00 + 4.00: they net to zero.
    CHECK(table.totals.at(2).toLongLong() == 900);
    CHECK(table.totals.at(3).toLongLong() == 900);
    CHECK(table.totals.at(4).toLongLong() == 0);
    REQUIRE(table.notes.size() == 1);
    CHECK(table.notes.first() == QStringLiteral("Debits equal credits: 9.00 = 9.00 ✓"));
    // Positive balances are debits, negative ones credits, never both.
    for (const QVariantList &row : table.rows)
        CHECK((row.at(2).isNull() || row.at(3).isNull()));
}

TEST_CASE("the trial balance on the day before a transfer leaves it out", "[reports][ledger]")
{
    Riverside r;
    const auto before = balances(r.run(QStringLiteral("trial-balance"), at(QDate(2026, 9, 29))).tables().first());
    CHECK(before.value(QStringLiteral("Ada")) == 0);
    CHECK(before.value(QStringLiteral("Bo")) == 0);
    const auto sep30 = balances(r.run(QStringLiteral("trial-balance"), at(QDate(2026, 9, 30))).tables().first());
    CHECK(sep30.value(QStringLiteral("Ada")) == -1000);
    CHECK(sep30.value(QStringLiteral("Bo")) == 1000);
    const auto nov = balances(r.run(QStringLiteral("trial-balance"), at(QDate(2026, 11, 1))).tables().first());
    CHECK(nov.value(QStringLiteral("Ada")) == -800);
    CHECK(nov.value(QStringLiteral("Bo")) == 1050);
    // Today (1 Dec) equals the stored balances.
    const auto today = balances(r.run(QStringLiteral("trial-balance"), {}).tables().first());
    CHECK(today.value(QStringLiteral("Ada")) == r.t->ledger().account(r.ada)->balance.minor());
    CHECK(today.value(QStringLiteral("Bo")) == r.t->ledger().account(r.bo)->balance.minor());
}

TEST_CASE("the trial balance takes --at only", "[reports][ledger]")
{
    Riverside r;
    CollectingReportSink sink;
    auto s = r.t->reports().run(QStringLiteral("trial-balance"), periodInReportsLedger(Oct1, Oct31), sink);
    REQUIRE_FALSE(s);
    CHECK(s.error().kind == ErrorKind::Usage);
    CHECK(s.error().where == QStringLiteral("--from"));
}

TEST_CASE("the journal holds the period's transfers from its first instant to its last", "[reports][ledger]")
{
    Riverside r;
    const auto sink = r.run(QStringLiteral("journal"), periodInReportsLedger(Oct1, Oct31));
    REQUIRE(sink.tables().size() == 1);
    const ReportTable &table = sink.tables().first();
    REQUIRE(table.rows.size() == 3);
    CHECK(table.rows.at(0).at(5).toString() == QStringLiteral("First of October"));
    CHECK(table.rows.at(0).at(1).toLongLong() == london(10, 1, 0, 0).toSecsSinceEpoch());
    CHECK(table.rows.at(1).at(2).toString() == r.pseudonym());
    CHECK(table.rows.at(1).at(6).toString() == QStringLiteral("Food"));
    CHECK(table.rows.at(2).at(3).toString() == r.pseudonym());
    CHECK(table.rows.at(2).at(4).toLongLong() == 100);
    CHECK(table.rows.at(2).at(6).isNull());
    CHECK(table.totals.at(4).toLongLong() == 850);
    CHECK(table.notes == QStringList{QStringLiteral("3 transfers.")});
}

TEST_CASE("an empty period gives empty tables with their headers", "[reports][ledger]")
{
    Riverside r;
    const ReportRequest empty = periodInReportsLedger(QDate(2025, 1, 1), QDate(2025, 1, 31));
    const auto journal = r.run(QStringLiteral("journal"), empty);
    REQUIRE(journal.tables().size() == 1);
    CHECK(journal.tables().first().rows.isEmpty());
    CHECK(journal.tables().first().totals.at(4).toLongLong() == 0);
    const auto statements = r.run(QStringLiteral("statements"), empty);
    REQUIRE(statements.tables().size() == 1);
    CHECK(statements.tables().first().rows.isEmpty());
    const auto activity = r.run(QStringLiteral("ledger-activity"), empty);
    REQUIRE(activity.tables().first().rows.size() == 1);
    CHECK(activity.tables().first().rows.first().at(1).toLongLong() == 0);
    CHECK(activity.tables().first().rows.first().at(4).isNull()); // no positive balance: no velocity
}

TEST_CASE("statements give each account its opening, running and closing balance", "[reports][ledger]")
{
    Riverside r;
    const auto sink = r.run(QStringLiteral("statements"), periodInReportsLedger(Oct1, Oct31));
    QStringList titles;
    for (const ReportTable &table : sink.tables())
        titles << table.header.title;
    // Ordered by name; the forgotten member under the pseudonym, never the old name.
    CHECK(titles == QStringList{QStringLiteral("Statement — Ada"), QStringLiteral("Statement — Bo"),
                                QStringLiteral("Statement — %1").arg(r.pseudonym()),
                                QStringLiteral("Statement — Zoë: café; two spaces")});
    // On paper each is a document of its own, without the column its title says.
    for (const ReportTable &table : sink.tables()) {
        CHECK(table.header.ownPage);
        CHECK(table.header.omittedOnPaper == QStringList{QStringLiteral("account")});
    }
    const ReportTable &ada = sink.tables().first();
    REQUIRE(ada.rows.size() == 2);
    CHECK(ada.rows.at(0).at(3).toString() == QStringLiteral("Opening balance"));
    CHECK(ada.rows.at(0).at(8).toLongLong() == -1000);
    CHECK(ada.rows.at(1).at(4).toString() == r.pseudonym());
    CHECK(ada.rows.at(1).at(6).toLongLong() == 500);
    CHECK(ada.rows.at(1).at(8).toLongLong() == -500);
    CHECK(ada.totals.at(8).toLongLong() == -500);
    const ReportTable &bo = sink.tables().at(1);
    REQUIRE(bo.rows.size() == 2);
    CHECK(bo.rows.at(1).at(7).toLongLong() == 250);
    CHECK(bo.rows.at(1).at(8).toLongLong() == 750);
    CHECK(bo.notes.first().contains(QStringLiteral("closing balance 7.50 Hours")));
}

TEST_CASE("ledger activity counts each month's transfers traders and velocity", "[reports][ledger]")
{
    Riverside r;
    const auto sink =
        r.run(QStringLiteral("ledger-activity"), periodInReportsLedger(QDate(2026, 9, 1), QDate(2026, 11, 30)));
    const ReportTable &table = sink.tables().first();
    CHECK(table.header.chart.kind == ReportChart::Kind::Bars);
    CHECK(table.header.chart.categoryKey == QStringLiteral("month"));
    REQUIRE(table.rows.size() == 3);
    const QVariantList &sep = table.rows.at(0);
    CHECK(sep.at(0).toString() == QStringLiteral("2026-09"));
    CHECK(sep.at(1).toLongLong() == 1);
    CHECK(sep.at(2).toLongLong() == 1000);
    CHECK(sep.at(3).toLongLong() == 2);
    CHECK(sep.at(4).toDouble() == Approx(1.0)); // 10.00 over Bo's 10.00
    const QVariantList &oct = table.rows.at(1);
    CHECK(oct.at(1).toLongLong() == 3);
    CHECK(oct.at(2).toLongLong() == 850);
    CHECK(oct.at(3).toLongLong() == 4);
    CHECK(oct.at(4).toDouble() == Approx(850.0 / 900.0)); // Bo 7.50 + Zoë 1.50
    CHECK(oct.at(7).toString() == QStringLiteral("Food 5.00"));
    const QVariantList &nov = table.rows.at(2);
    CHECK(nov.at(1).toLongLong() == 1);
    CHECK(table.totals.at(1).toLongLong() == 5);
    CHECK(table.totals.at(2).toLongLong() == 2150);
}

TEST_CASE("ledger activity counts accounts at and near their lower limit", "[reports][ledger]")
{
    Riverside r;
    // Ada is at -5.00 after October: a limit of -5.00 puts her at it, -5.50 near it.
    LimitChange at;
    at.min = Amount::fromMinor(-500);
    at.override = true;
    at.note = QStringLiteral("test");
    REQUIRE(r.t->ledger().setLimits(r.ada, at));
    LimitChange near;
    near.min = Amount::fromMinor(-440);
    near.override = true;
    near.note = QStringLiteral("test");
    REQUIRE(r.t->ledger().setLimits(r.cy, near)); // -4.00 within 10% of -4.40
    const auto sink = r.run(QStringLiteral("ledger-activity"), periodInReportsLedger(Oct1, Oct31));
    const QVariantList &oct = sink.tables().first().rows.first();
    CHECK(oct.at(5).toLongLong() == 1);
    CHECK(oct.at(6).toLongLong() == 1);
}

TEST_CASE("the CSV writer writes a header of keys and plain decimals", "[reports][csv]")
{
    Riverside r;
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    auto settings = r.t->settings().load();
    CsvReportWriter csv(buffer, ReportFormat(*settings), true);
    REQUIRE(r.t->reports().run(QStringLiteral("journal"), periodInReportsLedger(Oct1, Oct31), csv));
    const QString expected =
        QStringLiteral("id,at,payer,payee,amount,memo,category,reference,reverses\r\n"
                       "2,2026-10-01T00:00:00+01:00,Bo,Zoë: café; two spaces,2.50,First of October,,,\r\n"
                       "3,2026-10-15T12:00:00+01:00,%1,Ada,5.00,\"Soup, bread\",Food,,\r\n"
                       "4,2026-10-31T23:59:00+00:00,Zoë: café; two spaces,%1,1.00,\"Last; of \"\"October\"\"\",,,\r\n")
            .arg(r.pseudonym());
    CHECK(buffer.data().startsWith("\xEF\xBB\xBF"));
    CHECK(QString::fromUtf8(buffer.data().mid(3)) == expected);
}

TEST_CASE("the CSV writer continues tables with the same columns and separates others", "[reports][csv]")
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvReportWriter csv(buffer, ReportFormat(2, QTimeZone::utc()));
    const QList<ReportColumn> ab = {{QStringLiteral("a"), QStringLiteral("A"), ReportType::Text},
                                    {QStringLiteral("b"), QStringLiteral("B"), ReportType::Amount}};
    REQUIRE(csv.begin({}));
    REQUIRE(csv.beginTable({QStringLiteral("one"), ab, {}}));
    REQUIRE(csv.row({QStringLiteral("x"), 1250}));
    REQUIRE(csv.endTable({QStringLiteral("Total"), 1250}, {QStringLiteral("note")}));
    REQUIRE(csv.beginTable({QStringLiteral("two"), ab, {}}));
    REQUIRE(csv.row({QStringLiteral(" y "), -5}));
    REQUIRE(csv.endTable({}, {}));
    REQUIRE(csv.beginTable(
        {QStringLiteral("three"), {{QStringLiteral("n"), QStringLiteral("N"), ReportType::Integer}}, {}}));
    REQUIRE(csv.row({QVariant()}));
    REQUIRE(csv.endTable({}, {}));
    REQUIRE(csv.end());
    CHECK(buffer.data() == QByteArray("a,b\r\nx,12.50\r\n\" y \",-0.05\r\n\r\nn\r\n\r\n"));
}

TEST_CASE("the text writer aligns columns numbers to the right and streams past its sample", "[reports][text]")
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    TextReportWriter text(buffer, ReportFormat(2, QTimeZone::utc()));
    const QList<ReportColumn> columns = {{QStringLiteral("name"), QStringLiteral("Name"), ReportType::Text},
                                         {QStringLiteral("balance"), QStringLiteral("Balance"), ReportType::Amount}};
    ReportHeading heading;
    heading.title = QStringLiteral("Balances");
    heading.hubName = QStringLiteral("Riverside");
    heading.period = QStringLiteral("at the end of 30 Nov 2026");
    REQUIRE(text.begin(heading));
    REQUIRE(text.beginTable({QStringLiteral("Accounts"), columns, {}}));
    REQUIRE(text.row({QStringLiteral("Zoë"), 1250}));
    REQUIRE(text.row({QStringLiteral("Bo"), -5}));
    REQUIRE(text.endTable({QStringLiteral("Total"), 1245}, {QStringLiteral("Checked.")}));
    REQUIRE(text.beginTable({QStringLiteral("Nobody"), columns, {}}));
    REQUIRE(text.endTable({}, {}));
    REQUIRE(text.end());
    CHECK(QString::fromUtf8(buffer.data()) == QStringLiteral("Balances — Riverside — at the end of 30 Nov 2026\n"
                                                             "\nAccounts\n"
                                                             "Name   Balance\n"
                                                             "-----  -------\n"
                                                             "Zoë      12.50\n"
                                                             "Bo       -0.05\n"
                                                             "-----  -------\n"
                                                             "Total    12.45\n"
                                                             "Checked.\n"
                                                             "\nNobody\n"
                                                             "Name  Balance\n"
                                                             "----  -------\n"
                                                             "(nothing in this period)\n"));

    // Past the sample the widths are kept and a longer value widens only its own line.
    QBuffer many;
    many.open(QIODevice::WriteOnly);
    TextReportWriter stream(many, ReportFormat(2, QTimeZone::utc()));
    REQUIRE(stream.begin({}));
    REQUIRE(stream.beginTable({QStringLiteral("Many"), columns, {}}));
    for (int i = 0; i < TextReportWriter::SampleRows; ++i)
        REQUIRE(stream.row({QStringLiteral("Al"), 100}));
    REQUIRE(stream.row({QStringLiteral("Bartholomew"), 100}));
    REQUIRE(stream.endTable({}, {}));
    const QStringList lines = QString::fromUtf8(many.data()).split(u'\n');
    CHECK(lines.contains(QStringLiteral("Al       1.00")));
    CHECK(lines.contains(QStringLiteral("Bartholomew     1.00")));
}

TEST_CASE("report instants read as Qt writes them in zones with odd offsets and across clock changes", "[reports][csv]")
{
    // Every 37 minutes over four years, through every change of the clocks,
    // in zones an hour, half an hour and three quarters off, and in UTC.
    for (const char *id :
         {"Europe/London", "America/St_Johns", "Asia/Kathmandu", "Australia/Lord_Howe", "Pacific/Chatham", "UTC"}) {
        const QTimeZone zone(id);
        REQUIRE(zone.isValid());
        const ReportFormat format(2, zone);
        const qint64 start = QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
        const qint64 end = QDateTime(QDate(2029, 1, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
        int mismatches = 0;
        for (qint64 utc = start; utc < end; utc += 37 * 60 + 11) {
            const QDateTime at = QDateTime::fromSecsSinceEpoch(utc, zone);
            if (format.text(utc, ReportType::DateTime) != at.toString(Qt::ISODate) ||
                format.display(utc, ReportType::DateTime) != DisplayFormat::dateTime(at, zone))
                ++mismatches;
        }
        INFO(id);
        CHECK(mismatches == 0);
    }
    // Day and month names come from the locale, as DisplayFormat's do; a
    // locale with other digits (Arabic) is written by DisplayFormat itself.
    const QLocale before;
    for (const char *name : {"de_DE", "pl_PL", "cy_GB", "ar_EG"}) {
        QLocale::setDefault(QLocale(QString::fromLatin1(name)));
        const ReportFormat format(2, London);
        const qint64 start = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
        for (qint64 utc = start; utc < start + 86400 * 366; utc += 86400 * 9 + 3671) {
            INFO(name << " " << utc);
            CHECK(format.display(utc, ReportType::DateTime) ==
                  DisplayFormat::dateTime(QDateTime::fromSecsSinceEpoch(utc, QTimeZone::utc()), London));
        }
    }
    QLocale::setDefault(before);
    // The instant a clock change happens, the second before it, and going back in time.
    const ReportFormat london(2, London);
    const qint64 spring = QDateTime(QDate(2026, 3, 29), QTime(1, 0), Qt::UTC).toSecsSinceEpoch();
    CHECK(london.text(spring, ReportType::DateTime) == QStringLiteral("2026-03-29T02:00:00+01:00"));
    CHECK(london.text(spring - 1, ReportType::DateTime) == QStringLiteral("2026-03-29T00:59:59+00:00"));
    CHECK(london.text(spring - 86400 * 365, ReportType::DateTime) == QStringLiteral("2025-03-29T01:00:00+00:00"));
    CHECK(london.text(qint64(0), ReportType::DateTime) == QStringLiteral("1970-01-01T01:00:00+01:00"));
    CHECK(london.text(qint64(-1), ReportType::DateTime) ==
          QDateTime::fromSecsSinceEpoch(-1, London).toString(Qt::ISODate));
}

TEST_CASE("report amounts and integers read the same through the allocation-free view", "[reports][csv]")
{
    for (int decimals : {0, 2, 6}) {
        const ReportFormat format(decimals, QTimeZone::utc());
        ReportFormat::Scratch scratch;
        for (qint64 minor : {qint64(0), qint64(5), qint64(-5), qint64(1250), qint64(-1250), qint64(1000000),
                             std::numeric_limits<qint64>::max(), std::numeric_limits<qint64>::min()}) {
            INFO(decimals << " " << minor);
            CHECK(format.textView(minor, ReportType::Amount, scratch) == format.text(minor, ReportType::Amount));
            CHECK(format.text(minor, ReportType::Integer) == QString::number(minor));
            CHECK(format.textView(minor, ReportType::Integer, scratch) == QString::number(minor));
        }
    }
    CHECK(Amount::fromMinor(5).toString(2) == QStringLiteral("0.05"));
    CHECK(Amount::fromMinor(-1250).toString(2) == QStringLiteral("-12.50"));
    CHECK(Amount::fromMinor(std::numeric_limits<qint64>::min()).toString(6) == QStringLiteral("-9223372036854.775808"));
    const ReportFormat format(2, QTimeZone::utc());
    ReportFormat::Scratch scratch;
    CHECK(format.textView(QVariant(), ReportType::Amount, scratch).isEmpty());
    CHECK(format.textView(42, ReportType::Text, scratch) == QStringLiteral("42"));
    CHECK(format.textView(25.0, ReportType::Percent, scratch) == QStringLiteral("25.0"));
    CHECK(format.textView(QDate(2026, 10, 1), ReportType::Date, scratch) == QStringLiteral("2026-10-01"));
}

TEST_CASE("the CSV writer quotes and encodes accents emoji and quotes field by field", "[reports][csv]")
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter csv(buffer, CsvWriter::Options{u',', true});
    const QStringList fields = {QStringLiteral("plain"),
                                QStringLiteral("Zoë, “café”"),
                                QStringLiteral("say \"hi\" 🙂"),
                                QStringLiteral("🙂\"🙂"),
                                QString(),
                                QStringLiteral(" Dai "),
                                QStringLiteral("a\nb"),
                                QStringLiteral("Łódź")};
    for (const QString &field : fields)
        csv.addField(field);
    REQUIRE(csv.endRow());
    // Nothing reaches the device before a block is full or flush() is asked for.
    CHECK(buffer.data().isEmpty());
    REQUIRE(csv.flush());
    REQUIRE(csv.writeRow({QStringLiteral("x")}));
    CHECK(buffer.data() == QByteArray("\xEF\xBB\xBF") + CsvWriter::formatRow(fields).toUtf8() + "x\r\n");
    CHECK(csv.rowsWritten() == 2);
}

TEST_CASE("the JSON writer streams one document with amounts also in minor units", "[reports][json]")
{
    Riverside r;
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    auto settings = r.t->settings().load();
    JsonReportWriter json(buffer, ReportFormat(*settings));
    REQUIRE(r.t->reports().run(QStringLiteral("trial-balance"), at(Oct31), json));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(buffer.data(), &error);
    INFO(buffer.data().toStdString());
    REQUIRE(error.error == QJsonParseError::NoError);
    const QJsonObject o = doc.object();
    CHECK(o.value(QStringLiteral("report")).toString() == QStringLiteral("trial-balance"));
    CHECK(o.value(QStringLiteral("hub")).toString() == QStringLiteral("Riverside Hub"));
    CHECK(o.value(QStringLiteral("at")).toString() == QStringLiteral("2026-10-31"));
    CHECK_FALSE(o.contains(QStringLiteral("from")));
    CHECK(o.value(QStringLiteral("unit")).toString() == QStringLiteral("Hours"));
    const QJsonObject table = o.value(QStringLiteral("tables")).toArray().first().toObject();
    CHECK(table.value(QStringLiteral("columns")).toArray().at(2).toObject().value(QStringLiteral("type")).toString() ==
          QStringLiteral("amount"));
    const QJsonArray rows = table.value(QStringLiteral("rows")).toArray();
    REQUIRE(rows.size() == 4);
    const QJsonObject ada = rows.at(0).toObject();
    CHECK(ada.value(QStringLiteral("account")).toString() == QStringLiteral("Ada"));
    CHECK(ada.value(QStringLiteral("member_id")).toInt() == int(r.ada.value()));
    CHECK(ada.value(QStringLiteral("debit")).isNull());
    CHECK(ada.value(QStringLiteral("credit")).toString() == QStringLiteral("5.00"));
    CHECK(ada.value(QStringLiteral("credit_minor")).toInt() == 500);
    CHECK(ada.value(QStringLiteral("balance_minor")).toInt() == -500);
    const QJsonObject totals = table.value(QStringLiteral("totals")).toObject();
    CHECK(totals.value(QStringLiteral("debit_minor")).toInt() == 900);
    CHECK(table.value(QStringLiteral("notes")).toArray().first().toString().endsWith(QStringLiteral("✓")));
}

TEST_CASE("the JSON writer's exact text for a small table", "[reports][json]")
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    JsonReportWriter json(buffer, ReportFormat(2, QTimeZone::utc()));
    ReportHeading heading{QStringLiteral("x"),
                          QStringLiteral("X"),
                          QStringLiteral("Hub \"A\""),
                          QStringLiteral("p"),
                          QDate(2026, 1, 1),
                          QDate(2026, 1, 31),
                          {},
                          QStringLiteral("Hours"),
                          2,
                          {}};
    REQUIRE(json.begin(heading));
    REQUIRE(json.beginTable({QStringLiteral("t"),
                             {{QStringLiteral("n"), QStringLiteral("N"), ReportType::Integer},
                              {QStringLiteral("v"), QStringLiteral("V"), ReportType::Amount}},
                             {}}));
    REQUIRE(json.row({3, 1250}));
    REQUIRE(json.endTable({QVariant(), 1250}, {QStringLiteral("ok")}));
    REQUIRE(json.end());
    CHECK(QString::fromUtf8(buffer.data()) ==
          QStringLiteral("{\"report\": \"x\",\n \"title\": \"X\",\n \"hub\": \"Hub \\\"A\\\"\",\n \"period\": \"p\",\n"
                         " \"from\": \"2026-01-01\",\n \"to\": \"2026-01-31\",\n \"unit\": \"Hours\",\n"
                         " \"decimals\": 2,\n \"tables\": [\n"
                         "  {\"title\": \"t\",\n"
                         "   \"columns\": [{\"key\": \"n\", \"title\": \"N\", \"type\": \"integer\"}, "
                         "{\"key\": \"v\", \"title\": \"V\", \"type\": \"amount\"}],\n"
                         "   \"rows\": [\n    {\"n\": 3, \"v\": \"12.50\", \"v_minor\": 1250}],\n"
                         "   \"totals\": {\"n\": null, \"v\": \"12.50\", \"v_minor\": 1250},\n"
                         "   \"notes\": [\"ok\"]}\n ]}\n"));
}

TEST_CASE("journal account names escape what hledger and ledger treat specially", "[reports][journal]")
{
    CHECK(LedgerJournalWriter::accountSegment(QStringLiteral("Zoë: café; two  spaces")) ==
          QStringLiteral("Zoë- café, two spaces"));
    CHECK(LedgerJournalWriter::accountSegment(QStringLiteral("  [Bo]\t(plumber) {x} ")) ==
          QStringLiteral("<Bo> <plumber> <x>"));
    CHECK(LedgerJournalWriter::accountSegment(QStringLiteral("   ")) == QStringLiteral("-"));
    CHECK(LedgerJournalWriter::description(QStringLiteral(" a;b\n c  d ")) == QStringLiteral("a,b c d"));
    CHECK(LedgerJournalWriter::commodity(QStringLiteral("Hours")) == QStringLiteral("Hours"));
    CHECK(LedgerJournalWriter::commodity(QStringLiteral("Time credits")) == QStringLiteral("\"Time credits\""));
    CHECK(LedgerJournalWriter::commodity(QStringLiteral("H2")) == QStringLiteral("\"H2\""));
}

TEST_CASE("the journal of a period opens with the balances of the day before", "[reports][journal]")
{
    Riverside r;
    auto settings = r.t->settings().load();
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    auto count = LedgerJournalWriter(r.t->database(), *settings).write(buffer, Oct1, Oct31);
    REQUIRE(count);
    CHECK(*count == 3);
    const QString text = QString::fromUtf8(buffer.data());
    INFO(text.toStdString());
    CHECK(text.contains(QStringLiteral("2026-09-30 Opening balances\n"
                                       "    assets:members:Ada  -10.00 Hours\n"
                                       "    assets:members:Bo  10.00 Hours\n")));
    CHECK(text.contains(QStringLiteral("2026-10-31 (4) Last, of \"October\"\n"
                                       "    ; id:4\n"
                                       "    assets:members:%1  1.00 Hours\n"
                                       "    assets:members:Zoë- café, two spaces  -1.00 Hours\n")
                            .arg(r.pseudonym())));
    CHECK_FALSE(text.contains(QStringLiteral("November")));
    CHECK_FALSE(text.contains(QStringLiteral("Cy")));
}

TEST_CASE("a front-desk user may neither run a report nor write the journal and a treasurer may",
          "[reports][journal][access]")
{
    PassphraseHasher::setCost(PassphraseHasher::Cost::Minimum);
    Riverside r;
    const QString phrase = QStringLiteral("a long enough passphrase");
    REQUIRE(r.t->users().add(QStringLiteral("ada"), r.ada, {Role::Admin}, phrase));
    REQUIRE(r.t->access().signIn(QStringLiteral("ada"), phrase));
    REQUIRE(r.t->users().add(QStringLiteral("bo"), r.bo, {Role::FrontDesk}, phrase));
    REQUIRE(r.t->users().add(QStringLiteral("zoe"), r.zoe, {Role::Treasurer}, phrase));
    r.t->access().signOut();

    REQUIRE(r.t->access().signIn(QStringLiteral("bo"), phrase));
    CHECK(r.t->reports().authorize().error().kind == ErrorKind::Refused);
    CollectingReportSink sink;
    CHECK(r.t->reports().run(QStringLiteral("journal"), periodInReportsLedger(Oct1, Oct31), sink).error().kind ==
          ErrorKind::Refused);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    auto refused = r.t->reports().writeJournal(QStringLiteral("journal"), periodInReportsLedger(Oct1, Oct31), buffer);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().kind == ErrorKind::Refused);
    CHECK(refused.error().text().contains(QStringLiteral("treasurer")));
    CHECK(buffer.data().isEmpty());
    r.t->access().signOut();

    REQUIRE(r.t->access().signIn(QStringLiteral("zoe"), phrase));
    auto written = r.t->reports().writeJournal(QStringLiteral("journal"), periodInReportsLedger(Oct1, Oct31), buffer);
    REQUIRE(written);
    CHECK(*written == 3);
    // An "at" report's journal runs from the beginning up to that day's end.
    QBuffer all;
    all.open(QIODevice::WriteOnly);
    auto upToOct31 = r.t->reports().writeJournal(QStringLiteral("trial-balance"), at(Oct31), all);
    REQUIRE(upToOct31);
    CHECK(*upToOct31 == 4);
}

TEST_CASE("every report names its period in the same short form", "[reports]")
{
    Riverside r;
    const QLocale locale;
    const QString expected = DisplayFormat::period(Oct1, Oct31);
    for (const Report *report : r.t->reports().reports()) {
        INFO(report->name().toStdString());
        const bool at = report->periodKind() == Report::PeriodKind::At;
        const CollectingReportSink sink = r.run(report->name(), at ? ::at(Oct31) : periodInReportsLedger(Oct1, Oct31));
        CHECK(sink.heading().period ==
              (at ? QStringLiteral("at the end of %1").arg(DisplayFormat::date(Oct31)) : expected));
    }
    CHECK(ReportPeriodText::range(Oct1, Oct1) == ReportPeriodText::date(Oct1));
}

TEST_CASE("the trial balance at every day of two months equals the sum of the transfers up to it, whether it "
          "counts forwards from nothing or back from today's balances",
          "[reports][ledger]")
{
    TempHub t;
    REQUIRE(t->settings().set(QStringLiteral("timezone"), QStringLiteral("Europe/London")));
    REQUIRE(t->settings().set(QStringLiteral("default_limit_min"), QStringLiteral("-1000")));
    QList<MemberId> people;
    for (const char *name : {"Ada", "Bo", "Cy", "Dee", "Eve", "Fin"})
        people << memberInReportsLedger(t, QString::fromLatin1(name));
    // 120 transfers, a few a day from 1 September, some days none.
    QList<std::tuple<QDateTime, MemberId, MemberId, qint64>> posted;
    quint32 seed = 7;
    const auto next = [&seed](quint32 below) {
        seed = seed * 1103515245u + 12345u;
        return (seed >> 16) % below;
    };
    for (int i = 0; i < 120; ++i) {
        const QDateTime when(QDate(2026, 9, 1).addDays(int(next(61))), QTime(int(next(24)), int(next(60))), London);
        const MemberId payer = people[qsizetype(next(6))];
        MemberId payee = people[qsizetype(next(6))];
        if (payee == payer)
            payee = people[(people.indexOf(payer) + 1) % people.size()];
        posted.append({when, payer, payee, 25 * qint64(1 + next(40))});
    }
    std::sort(posted.begin(), posted.end(),
              [](const auto &a, const auto &b) { return std::get<0>(a) < std::get<0>(b); });
    for (const auto &[when, payer, payee, minor] : posted)
        payAt(t, when, payer, payee, qPrintable(Amount::fromMinor(minor).toString(2)), QStringLiteral("work"));
    t->setClock(Clock::fixed(QDateTime(QDate(2026, 12, 1), QTime(12, 0), London).toUTC()));
    QMap<QString, MemberId> byName;
    for (const MemberId id : people)
        byName.insert(t->members().get(id)->displayName, id);

    for (QDate day(2026, 8, 31); day <= QDate(2026, 11, 2); day = day.addDays(1)) {
        QMap<qint64, qint64> expected; // member id -> balance at the day's end
        const QDateTime end(day.addDays(1), QTime(0, 0), London);
        for (const auto &[when, payer, payee, minor] : posted) {
            if (when >= end)
                continue;
            expected[payer.value()] -= minor;
            expected[payee.value()] += minor;
        }
        CollectingReportSink sink;
        REQUIRE(t->reports().run(QStringLiteral("trial-balance"), at(day), sink));
        const auto got = balances(sink.tables().first());
        INFO(day.toString(Qt::ISODate).toStdString());
        for (auto it = byName.cbegin(); it != byName.cend(); ++it)
            CHECK(got.value(it.key()) == expected.value(it.value().value()));
        CHECK(sink.tables().first().totals.at(4).toLongLong() == 0);
    }
}
