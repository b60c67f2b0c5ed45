// SPDX-License-Identifier: GPL-3.0-or-later
// PdfReportWriter on hand-built reports, read back with pdftotext; PNGs of the
// pages (pdftoppm) are left in <build>/shots for a person to look at.
#include "core/reports/pdfreportwriter.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace hub;

namespace {

ReportHeading heading(const QString &name, const QString &title)
{
    ReportHeading h;
    h.name = name;
    h.title = title;
    h.hubName = QStringLiteral("Tŷ Cymunedol Hub");
    h.period = QStringLiteral("1 Oct 2026 – 31 Oct 2026");
    h.from = QDate(2026, 10, 1);
    h.to = QDate(2026, 10, 31);
    h.unit = QStringLiteral("Hours");
    return h;
}

// PDFs are kept in <build>/shots beside their PNGs, for a person to open.
QString shotsPath(const QString &name)
{
    const QString dir = QStringLiteral(HUB_TEST_BUILD_DIR "/shots");
    QDir().mkpath(dir);
    return QDir(dir).filePath(QStringLiteral("report-") + name);
}

ReportFormat format()
{
    return ReportFormat(2, QTimeZone(QByteArrayLiteral("Europe/London")));
}

struct Written
{
    QString path;
    int pages = 0;
};

/// Streams `tables` through a PdfReportWriter into `file`.
Written writePdf(const QString &file, const ReportHeading &h, const QList<ReportTable> &tables)
{
    QFile out(file);
    REQUIRE(out.open(QIODevice::WriteOnly));
    PdfReportWriter writer(out, format());
    REQUIRE(writer.begin(h));
    for (const ReportTable &table : tables) {
        REQUIRE(writer.beginTable(table.header));
        for (const QVariantList &row : table.rows)
            REQUIRE(writer.row(row));
        REQUIRE(writer.endTable(table.totals, table.notes));
    }
    REQUIRE(writer.end());
    out.close();
    return {file, writer.pageCount()};
}

QString pdfTextInPdfReportWriter(const QString &path, int page = 0)
{
    QStringList args;
    if (page > 0)
        args << QStringLiteral("-f") << QString::number(page) << QStringLiteral("-l") << QString::number(page);
    args << QStringLiteral("-layout") << path << QStringLiteral("-");
    QProcess p;
    p.start(QStringLiteral("pdftotext"), args);
    REQUIRE(p.waitForFinished(60000));
    REQUIRE(p.exitCode() == 0);
    return QString::fromUtf8(p.readAllStandardOutput());
}

/// The right edge of the rightmost word on each page, and the page's width, in points.
QList<std::pair<double, double>> rightEdges(const QString &path)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-bbox"), path, QStringLiteral("-")});
    REQUIRE(p.waitForFinished(60000));
    REQUIRE(p.exitCode() == 0);
    QList<std::pair<double, double>> pages;
    static const QRegularExpression page(QStringLiteral("<page width=\"([0-9.]+)\""));
    static const QRegularExpression word(QStringLiteral("<word xMin=\"[0-9.]+\" yMin=\"[0-9.]+\" xMax=\"([0-9.]+)\""));
    for (const QString &line : QString::fromUtf8(p.readAllStandardOutput()).split(u'\n')) {
        if (const auto m = page.match(line); m.hasMatch())
            pages.append({0, m.captured(1).toDouble()});
        else if (const auto w = word.match(line); w.hasMatch() && !pages.isEmpty())
            pages.last().first = std::max(pages.last().first, w.captured(1).toDouble());
    }
    return pages;
}

void toPng(const QString &pdf, const QString &name)
{
    const QString dir = QStringLiteral(HUB_TEST_BUILD_DIR "/shots");
    QDir().mkpath(dir);
    CHECK(QProcess::execute(QStringLiteral("pdftoppm"), {QStringLiteral("-png"), QStringLiteral("-r"),
                                                         QStringLiteral("60"), pdf, QDir(dir).filePath(name)}) == 0);
}

ReportTable trialBalance()
{
    ReportTable t;
    t.header.title = QStringLiteral("Balances at 31 Oct 2026");
    t.header.columns = {{QStringLiteral("account"), QStringLiteral("Account"), ReportType::Text},
                        {QStringLiteral("debit"), QStringLiteral("Debit"), ReportType::Amount},
                        {QStringLiteral("credit"), QStringLiteral("Credit"), ReportType::Amount}};
    t.rows = {{QStringLiteral("Amira Haddad"), qint64(125050), QVariant()},
              {QStringLiteral("Dafydd ap Gwilym"), QVariant(), qint64(100050)},
              {QStringLiteral("Zofia Wójcik"), QVariant(), qint64(25000)}};
    t.totals = {QStringLiteral("Total"), qint64(125050), qint64(125050)};
    t.notes = {QStringLiteral("Debits and credits net to zero: check passed.")};
    return t;
}

ReportTable journal(int rows)
{
    ReportTable t;
    t.header.title = QStringLiteral("Transfers");
    t.header.columns = {{QStringLiteral("id"), QStringLiteral("Transfer"), ReportType::Integer},
                        {QStringLiteral("at"), QStringLiteral("When"), ReportType::DateTime},
                        {QStringLiteral("memo"), QStringLiteral("Memo"), ReportType::Text},
                        {QStringLiteral("amount"), QStringLiteral("Amount"), ReportType::Amount}};
    const qint64 start = QDateTime(QDate(2026, 10, 1), QTime(9, 0), QTimeZone::utc()).toSecsSinceEpoch();
    qint64 total = 0;
    for (int i = 1; i <= rows; ++i) {
        t.rows.append({qint64(i), start + i * 600,
                       QStringLiteral("Row-%1 gardening help").arg(i, 5, 10, QLatin1Char('0')), qint64(100 + i)});
        total += 100 + i;
    }
    t.totals = {QVariant(), QVariant(), QVariant(), total};
    return t;
}

} // namespace

TEST_CASE("a report PDF has the hub name the period the figures and the totals as text", "[reports][pdf]")
{
    const auto pdf =
        writePdf(shotsPath(QStringLiteral("tb.pdf")),
                 heading(QStringLiteral("trial-balance"), QStringLiteral("Trial balance")), {trialBalance()});
    CHECK(pdf.pages == 1);
    const QString text = pdfTextInPdfReportWriter(pdf.path);
    for (const QString &expected :
         {QStringLiteral("Tŷ Cymunedol Hub"), QStringLiteral("Trial balance"),
          QStringLiteral("1 Oct 2026 – 31 Oct 2026"), QStringLiteral("amounts in Hours"),
          QStringLiteral("Balances at 31 Oct 2026"), QStringLiteral("Zofia Wójcik"), QStringLiteral("1250.50"),
          QStringLiteral("1000.50"), QStringLiteral("Debit"), QStringLiteral("Credit"), QStringLiteral("Total"),
          QStringLiteral("check passed"), QStringLiteral("Page 1")}) {
        INFO(expected.toStdString());
        CHECK(text.contains(expected));
    }
    toPng(pdf.path, QStringLiteral("report-trial-balance"));
}

TEST_CASE("a long table runs over pages repeating its header row on each", "[reports][pdf]")
{
    const int rows = 800; // more than one layout pass
    const auto pdf = writePdf(shotsPath(QStringLiteral("journal.pdf")),
                              heading(QStringLiteral("journal"), QStringLiteral("Journal")), {journal(rows)});
    REQUIRE(pdf.pages > 3);
    const QString page2 = pdfTextInPdfReportWriter(pdf.path, 2);
    CHECK(page2.contains(QStringLiteral("Transfer")));
    CHECK(page2.contains(QStringLiteral("Memo")));
    CHECK(page2.contains(QStringLiteral("Amount")));
    CHECK(page2.contains(QStringLiteral("Page 2")));
    CHECK(page2.contains(QStringLiteral("Tŷ Cymunedol Hub — Journal")));
    const QString last = pdfTextInPdfReportWriter(pdf.path, pdf.pages);
    CHECK(last.contains(QStringLiteral("Memo")));
    CHECK(last.contains(QStringLiteral("Page %1").arg(pdf.pages)));

    // Every row once, in order, however the passes split the pages.
    const QString text = pdfTextInPdfReportWriter(pdf.path);
    qsizetype at = 0;
    for (int i = 1; i <= rows; ++i) {
        const QString memo = QStringLiteral("Row-%1").arg(i, 5, 10, QLatin1Char('0'));
        const qsizetype found = text.indexOf(memo, at);
        INFO(memo.toStdString());
        REQUIRE(found >= 0);
        CHECK(text.indexOf(memo, found + 1) < 0);
        at = found;
    }
    // The total: sum of 101..1600 minor units.
    CHECK(text.contains(QStringLiteral("4004.00")));
    toPng(pdf.path, QStringLiteral("report-journal"));
}

TEST_CASE("report charts are drawn in the PDF beside their tables", "[reports][pdf]")
{
    ReportTable months;
    months.header.title = QStringLiteral("Activity per month");
    months.header.columns = {{QStringLiteral("month"), QStringLiteral("Month"), ReportType::Text},
                             {QStringLiteral("transfers"), QStringLiteral("Transfers"), ReportType::Integer},
                             {QStringLiteral("volume"), QStringLiteral("Volume"), ReportType::Amount}};
    months.header.chart = {ReportChart::Kind::Bars,
                           QStringLiteral("month"),
                           {QStringLiteral("transfers"), QStringLiteral("volume")},
                           QStringLiteral("Transfers and volume")};
    for (int m = 1; m <= 12; ++m)
        months.rows.append({QStringLiteral("2026-%1").arg(m, 2, 10, QLatin1Char('0')), qint64(20 + m * 3 % 17),
                            qint64(1000 * (5 + m % 7))});

    ReportTable busy;
    busy.header.title = QStringLiteral("Busiest hours");
    busy.header.columns = {{QStringLiteral("weekday"), QStringLiteral("Day"), ReportType::Text}};
    QStringList hours;
    for (int h = 8; h < 22; ++h) {
        const QString key = QStringLiteral("h%1").arg(h);
        busy.header.columns.append({key, QStringLiteral("%1").arg(h, 2, 10, QLatin1Char('0')), ReportType::Percent});
        hours << key;
    }
    busy.header.chart = {ReportChart::Kind::HeatMap, QStringLiteral("weekday"), hours,
                         QStringLiteral("Booked share per hour")};
    const QStringList days{QStringLiteral("Mon"), QStringLiteral("Tue"), QStringLiteral("Wed"), QStringLiteral("Thu"),
                           QStringLiteral("Fri"), QStringLiteral("Sat"), QStringLiteral("Sun")};
    for (int d = 0; d < 7; ++d) {
        QVariantList row{days.at(d)};
        for (int h = 8; h < 22; ++h)
            row.append(d == 6 ? QVariant() : QVariant(double((d * 13 + h * 7) % 100)));
        busy.rows.append(row);
    }

    const auto pdf =
        writePdf(shotsPath(QStringLiteral("charts.pdf")),
                 heading(QStringLiteral("ledger-activity"), QStringLiteral("Ledger activity")), {months, busy});
    const QString text = pdfTextInPdfReportWriter(pdf.path);
    CHECK(text.contains(QStringLiteral("Transfers and volume")));
    CHECK(text.contains(QStringLiteral("Booked share per hour")));
    CHECK(text.contains(QStringLiteral("2026-12")));
    toPng(pdf.path, QStringLiteral("report-charts"));
}

TEST_CASE("statements put each member on a page of their own", "[reports][pdf]")
{
    const auto statement = [](const QString &member, qint64 closing) {
        ReportTable t;
        t.header.title = QStringLiteral("Statement for %1").arg(member);
        t.header.ownPage = true; // as the statements report asks
        t.header.columns = {{QStringLiteral("date"), QStringLiteral("Date"), ReportType::Date},
                            {QStringLiteral("memo"), QStringLiteral("Memo"), ReportType::Text},
                            {QStringLiteral("balance"), QStringLiteral("Balance"), ReportType::Amount}};
        t.rows = {{QDate(2026, 10, 2), QStringLiteral("Opening balance"), qint64(0)},
                  {QDate(2026, 10, 9), QStringLiteral("Bike repair"), closing}};
        t.totals = {QVariant(), QStringLiteral("Closing balance"), closing};
        return t;
    };
    const auto pdf = writePdf(
        shotsPath(QStringLiteral("statements.pdf")),
        heading(QStringLiteral("statements"), QStringLiteral("Statements")),
        {statement(QStringLiteral("Amira Haddad"), 350), statement(QStringLiteral("Bogdan Nowak"), -350),
         ReportTable{
             {QStringLiteral("Statement for Chidi Okafor"), trialBalance().header.columns, {}, {}, true}, {}, {}, {}}});
    REQUIRE(pdf.pages == 3);
    const QString first = pdfTextInPdfReportWriter(pdf.path, 1), second = pdfTextInPdfReportWriter(pdf.path, 2),
                  third = pdfTextInPdfReportWriter(pdf.path, 3);
    CHECK(first.contains(QStringLiteral("Amira Haddad")));
    CHECK_FALSE(first.contains(QStringLiteral("Bogdan Nowak")));
    CHECK(second.contains(QStringLiteral("Bogdan Nowak")));
    CHECK(second.contains(QStringLiteral("-3.50")));
    CHECK_FALSE(second.contains(QStringLiteral("Amira Haddad")));
    CHECK(third.contains(QStringLiteral("Nothing in this period")));
    toPng(pdf.path, QStringLiteral("report-statements"));
}

TEST_CASE("a cancelled PDF stops at the next row", "[reports][pdf]")
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    PdfReportWriter writer(buffer, format());
    bool cancel = false;
    writer.setCancelCheck([&cancel] { return cancel; });
    REQUIRE(writer.begin(heading(QStringLiteral("journal"), QStringLiteral("Journal"))));
    const ReportTable t = journal(3);
    REQUIRE(writer.beginTable(t.header));
    REQUIRE(writer.row(t.rows.at(0)));
    cancel = true;
    CHECK(writer.isCancelled());
    CHECK_FALSE(writer.row(t.rows.at(1)));
}

TEST_CASE("report PDF text reads as typed with no ligatures", "[reports][pdf]")
{
    ReportTable t = trialBalance();
    t.rows.append({QStringLiteral("Office fittings for Sofia Ffion"), qint64(500), QVariant()});
    const auto pdf = writePdf(shotsPath(QStringLiteral("ligatures.pdf")),
                              heading(QStringLiteral("trial-balance"), QStringLiteral("Trial balance")), {t});
    const QString text = pdfTextInPdfReportWriter(pdf.path);
    CHECK(text.contains(QStringLiteral("Office fittings for Sofia Ffion")));
    CHECK(text.contains(QStringLiteral("Zofia Wójcik")));
    for (char16_t ligature = 0xFB00; ligature <= 0xFB06; ++ligature)
        CHECK_FALSE(text.contains(QChar(ligature)));
}

TEST_CASE("the totals row says Total once when the report labels it itself", "[reports][pdf]")
{
    const auto pdf =
        writePdf(shotsPath(QStringLiteral("tb-total.pdf")),
                 heading(QStringLiteral("trial-balance"), QStringLiteral("Trial balance")), {trialBalance()});
    QString totals;
    for (const QString &line : pdfTextInPdfReportWriter(pdf.path).split(u'\n'))
        if (line.contains(QStringLiteral("1250.50")) && line.contains(QStringLiteral("Total")))
            totals = line;
    CHECK(totals.count(QStringLiteral("Total")) == 1);
}

TEST_CASE("a table after a chart starts under it on the same page", "[reports][pdf]")
{
    ReportTable months;
    months.header.title = QStringLiteral("Activity per month");
    months.header.columns = {{QStringLiteral("month"), QStringLiteral("Month"), ReportType::Text},
                             {QStringLiteral("volume"), QStringLiteral("Volume"), ReportType::Amount}};
    months.header.chart = {ReportChart::Kind::Bars, QStringLiteral("month"), {QStringLiteral("volume")}, {}};
    for (int m = 1; m <= 6; ++m)
        months.rows.append({QStringLiteral("2026-%1").arg(m, 2, 10, QLatin1Char('0')), qint64(1000 * m)});
    ReportTable long_ = journal(120);
    long_.header.title = QStringLiteral("Every transfer of the period");
    const auto pdf =
        writePdf(shotsPath(QStringLiteral("chart-then-table.pdf")),
                 heading(QStringLiteral("ledger-activity"), QStringLiteral("Ledger activity")), {months, long_});
    const QString first = pdfTextInPdfReportWriter(pdf.path, 1);
    // The long table's title and its first rows share the chart's page.
    CHECK(first.contains(QStringLiteral("Every transfer of the period")));
    CHECK(first.contains(QStringLiteral("Row-00001")));
    CHECK(first.indexOf(QStringLiteral("Every transfer of the period")) > first.indexOf(QStringLiteral("2026-06")));
    toPng(pdf.path, QStringLiteral("report-chart-then-table"));
}

TEST_CASE("a table too wide for the page gets smaller type instead of running off it", "[reports][pdf]")
{
    ReportTable wide;
    wide.header.title = QStringLiteral("Booked hours by weekday and hour");
    wide.header.columns = {{QStringLiteral("weekday"), QStringLiteral("Day"), ReportType::Text}};
    for (int h = 0; h < 24; ++h)
        wide.header.columns.append(
            {QStringLiteral("h%1").arg(h), QStringLiteral("%1").arg(h, 2, 10, QLatin1Char('0')), ReportType::Amount});
    wide.header.columns.append({QStringLiteral("total"), QStringLiteral("Total"), ReportType::Amount});
    for (const QString &day : {QStringLiteral("Wednesday"), QStringLiteral("Thursday")}) {
        QVariantList row{day};
        for (int h = 0; h < 24; ++h)
            row.append(qint64(1000 + h * 125));
        row.append(qint64(99999));
        wide.rows.append(row);
    }
    const auto pdf = writePdf(shotsPath(QStringLiteral("wide.pdf")),
                              heading(QStringLiteral("occupancy"), QStringLiteral("Space occupancy")), {wide});
    const QString text = pdfTextInPdfReportWriter(pdf.path);
    CHECK(text.contains(QStringLiteral("Wednesday")));
    CHECK(text.contains(QStringLiteral("999.99")));
    // 15 mm right margin: no word beyond it.
    const double margin = 15 / 25.4 * 72;
    for (const auto &[right, width] : rightEdges(pdf.path))
        CHECK(right <= width - margin + 1);
    toPng(pdf.path, QStringLiteral("report-wide"));
}

TEST_CASE("a statement leaves out the account column its title already names", "[reports][pdf]")
{
    ReportTable t;
    t.header.title = QStringLiteral("Statement — Amira Haddad");
    t.header.omittedOnPaper = {QStringLiteral("account")}; // as the statements report asks
    t.header.columns = {{QStringLiteral("account"), QStringLiteral("Account"), ReportType::Text},
                        {QStringLiteral("memo"), QStringLiteral("Memo"), ReportType::Text},
                        {QStringLiteral("balance"), QStringLiteral("Balance"), ReportType::Amount}};
    t.rows = {{QStringLiteral("Amira Haddad"), QStringLiteral("Opening balance"), qint64(0)},
              {QStringLiteral("Amira Haddad"), QStringLiteral("Bike repair"), qint64(350)}};
    t.totals = {QVariant(), QVariant(), qint64(350)};
    const auto pdf = writePdf(shotsPath(QStringLiteral("statement-columns.pdf")),
                              heading(QStringLiteral("statements"), QStringLiteral("Statements")), {t});
    const QString text = pdfTextInPdfReportWriter(pdf.path);
    CHECK(text.count(QStringLiteral("Amira Haddad")) == 1);
    CHECK_FALSE(text.contains(QStringLiteral("Account")));
    CHECK(text.contains(QStringLiteral("Bike repair")));
    CHECK(text.contains(QStringLiteral("3.50")));
}
