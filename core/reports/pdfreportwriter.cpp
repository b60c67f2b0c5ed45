// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/pdfreportwriter.h"

#include "core/reports/reportchartpainter.h"

#include <QAbstractTextDocumentLayout>
#include <QFontMetricsF>
#include <QIODevice>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextTable>

namespace hub {

namespace {

// Rows laid out per pass: a few pages' worth, so memory stays flat however
// long the report, while each pass still fills whole pages.
constexpr int ChunkRows = 600;
// Rows kept for a chart: charts are of small summary tables.
constexpr int ChartRows = 400;
constexpr int Resolution = 300;
// Table text, and the smallest a table too wide for the page may shrink it to.
constexpr qreal TablePoints = 8;
constexpr qreal MinimumTablePoints = 4;

const QString FontFamily = QStringLiteral("DejaVu Sans");

QFont pdfFont(qreal points, bool bold = false, bool italic = false)
{
    QFont font(FontFamily);
    font.setPointSizeF(points);
    font.setBold(bold);
    font.setItalic(italic);
    // No shaping where a script does not need it: Latin text keeps "f" and
    // "i" apart instead of the "ﬁ" ligature, so text copied or extracted from
    // the PDF (pdftotext) reads as typed. Arabic and other scripts that need
    // shaping still get it.
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}

bool numericType(ReportType type)
{
    return type == ReportType::Integer || type == ReportType::Amount || type == ReportType::Percent ||
           type == ReportType::Decimal;
}

// Numbers, dates and instants stay on one line; only text wraps.
bool breakableType(ReportType type)
{
    return type == ReportType::Text;
}

// The widest word, for the narrowest a wrapping column may be.
qreal widestWord(const QFontMetricsF &metrics, const QString &text)
{
    qreal widest = 0;
    for (const QString &word : text.split(u' ', Qt::SkipEmptyParts))
        widest = std::max(widest, metrics.horizontalAdvance(word));
    return widest;
}

} // namespace

PdfReportWriter::PdfReportWriter(QIODevice &out, ReportFormat format) : m_out(out), m_format(std::move(format))
{}

PdfReportWriter::~PdfReportWriter()
{
    if (m_painter.isActive())
        m_painter.end();
}

qreal PdfReportWriter::cellPadding(qreal tablePoints) const
{
    // Smaller type, closer lines: the padding shrinks with a table's type.
    return fromPoints(2.2) * tablePoints / TablePoints;
}

qreal PdfReportWriter::fromPoints(qreal points) const
{
    return points * Resolution / 72.0;
}

Status PdfReportWriter::begin(const ReportHeading &heading)
{
    m_heading = heading;
    m_writer = std::make_unique<QPdfWriter>(&m_out);
    m_writer->setTitle(heading.hubName.isEmpty() ? heading.title
                                                 : heading.title + QStringLiteral(" — ") + heading.hubName);
    m_writer->setCreator(QStringLiteral("Hubkeeper"));
    m_writer->setPageSize(QPageSize(QPageSize::A4));
    m_writer->setPageMargins(QMarginsF(15, 12, 15, 12), QPageLayout::Millimeter);
    m_writer->setResolution(Resolution);
    if (!m_painter.begin(m_writer.get()))
        return fail(Error::storage(tr("The PDF could not be started; is the file writable?")));

    m_pageRect = QRectF(QPointF(0, 0), m_writer->pageLayout().paintRectPixels(Resolution).size());
    const qreal headerHeight = fromPoints(28);
    const qreal footerHeight = fromPoints(22);
    m_body = QRectF(0, headerHeight, m_pageRect.width(), m_pageRect.height() - headerHeight - footerHeight);
    m_font = pdfFont(8);

    // Table lengths (padding, borders) are in screen pixels, which the
    // layout scales to the device.
    m_formatScale = Resolution / 96.0;

    m_page = 0;
    m_tables = 0;
    m_y = 0;
    startPage();

    m_titlePending = true;
    return {};
}

void PdfReportWriter::insertReportTitle(QTextCursor &cursor)
{
    // The report's title opens the first page, in the same layout as the
    // first table, so the table starts right under it.
    QTextCharFormat title;
    title.setFont(pdfFont(15, true));
    cursor.insertText(m_heading.title, title);
    QTextBlockFormat below;
    below.setTopMargin(toFormat(fromPoints(3)));
    below.setBottomMargin(toFormat(fromPoints(8)));
    QTextCharFormat sub;
    sub.setFont(pdfFont(9));
    sub.setForeground(QColor(0x44, 0x44, 0x44));
    QStringList about;
    if (!m_heading.hubName.isEmpty())
        about << m_heading.hubName;
    if (!m_heading.period.isEmpty())
        about << m_heading.period;
    if (!m_heading.unit.isEmpty())
        about << tr("amounts in %1").arg(m_heading.unit);
    cursor.insertBlock(below, sub);
    cursor.insertText(about.join(QStringLiteral(" · ")));
    cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    m_titlePending = false;
}

std::unique_ptr<QTextDocument> PdfReportWriter::newDocument() const
{
    auto doc = std::make_unique<QTextDocument>();
    doc->setUndoRedoEnabled(false);
    // Laid out against the PDF itself, so fonts measure as they will print.
    doc->documentLayout()->setPaintDevice(m_writer.get());
    doc->setDocumentMargin(0);
    doc->setDefaultFont(m_font);
    doc->setPageSize(m_body.size());
    return doc;
}

void PdfReportWriter::startPage()
{
    ++m_page;
    m_y = 0;
    m_painter.save();
    m_painter.setFont(pdfFont(7.5));
    m_painter.setPen(QColor(0x55, 0x55, 0x55));
    const qreal lineY = m_body.top() - fromPoints(8);
    const QRectF header(0, 0, m_pageRect.width(), lineY - fromPoints(2));
    const QString left =
        m_heading.hubName.isEmpty() ? m_heading.title : m_heading.hubName + QStringLiteral(" — ") + m_heading.title;
    m_painter.drawText(header, Qt::AlignLeft | Qt::AlignBottom, left);
    m_painter.drawText(header, Qt::AlignRight | Qt::AlignBottom, m_heading.period);
    m_painter.setPen(QPen(QColor(0xbb, 0xbb, 0xbb), fromPoints(0.5)));
    m_painter.drawLine(QPointF(0, lineY), QPointF(m_pageRect.width(), lineY));
    m_painter.setPen(QColor(0x55, 0x55, 0x55));
    const QRectF footer(0, m_body.bottom() + fromPoints(6), m_pageRect.width(),
                        m_pageRect.height() - m_body.bottom() - fromPoints(6));
    m_painter.drawText(footer, Qt::AlignHCenter | Qt::AlignBottom, tr("Page %1").arg(m_page));
    if (!m_heading.seal.isEmpty())
        m_painter.drawText(footer, Qt::AlignLeft | Qt::AlignBottom, tr("Seal %1").arg(m_heading.seal));
    m_painter.restore();
}

void PdfReportWriter::newPage()
{
    m_writer->newPage();
    startPage();
}

void PdfReportWriter::paintDocument(QTextDocument &doc, int pagesToPaint, qreal shift)
{
    const qreal pageHeight = doc.pageSize().height();
    for (int i = 0; i < pagesToPaint; ++i) {
        if (i > 0)
            newPage();
        m_painter.save();
        m_painter.translate(m_body.left(), m_body.top() - i * pageHeight + (i == 0 ? shift : 0));
        const QRectF clip(0, i * pageHeight, m_body.width(), pageHeight);
        // The layout skips blocks outside the clip but paints one crossing
        // the page end; clip, or it runs into the footer.
        m_painter.setClipRect(clip);
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = clip;
        context.palette.setColor(QPalette::Text, Qt::black);
        doc.documentLayout()->draw(&m_painter, context);
        m_painter.restore();
    }
    if (pagesToPaint > 0 && pagesToPaint == doc.pageCount()) {
        const QRectF last = doc.documentLayout()->blockBoundingRect(doc.lastBlock());
        const int page = std::min(pagesToPaint - 1, int(last.top() / pageHeight));
        m_y = std::max<qreal>(0, last.bottom() - page * pageHeight) + (page == 0 ? shift : 0);
    }
}

Status PdfReportWriter::beginTable(const ReportTableHeader &header)
{
    if (!m_painter.isActive())
        return fail(Error::usage(tr("beginTable() before begin()")));
    if (header.ownPage && m_tables > 0 && m_y > 0)
        newPage();
    ++m_tables;
    m_header = header;
    // One column at most is left out (the title says it); rows drop it in shown().
    m_dropped = -1;
    for (qsizetype c = 0; c < m_header.columns.size() && m_dropped < 0; ++c)
        if (m_header.omittedOnPaper.contains(m_header.columns.at(c).key))
            m_dropped = c;
    if (m_dropped >= 0)
        m_header.columns.removeAt(m_dropped);
    m_pending.clear();
    m_chartRows.clear();
    m_widths.clear();
    m_tablePoints = TablePoints;
    m_rowCount = 0;
    m_tableStarted = false;
    return {};
}

QVariantList PdfReportWriter::shown(const QVariantList &values) const
{
    if (m_dropped < 0 || m_dropped >= values.size())
        return values;
    QVariantList kept = values;
    kept.removeAt(m_dropped);
    return kept;
}

Status PdfReportWriter::row(const QVariantList &values)
{
    if (isCancelled())
        return fail(Error::refused(tr("The PDF was cancelled.")));
    m_pending.append(shown(values));
    if (m_header.chart.kind != ReportChart::Kind::None && m_chartRows.size() < ChartRows)
        m_chartRows.append(m_pending.last());
    ++m_rowCount;
    if (m_pending.size() >= ChunkRows)
        return flushRows(false);
    return {};
}

Status PdfReportWriter::endTable(const QVariantList &totals, const QStringList &notes)
{
    if (auto flushed = flushRows(true, shown(totals), notes); !flushed)
        return flushed;
    paintChart();
    return {};
}

Status PdfReportWriter::end()
{
    if (!m_painter.isActive())
        return fail(Error::usage(tr("end() before begin()")));
    if (m_titlePending) {
        auto doc = newDocument();
        QTextCursor cursor(doc.get());
        insertReportTitle(cursor);
        paintDocument(*doc, doc->pageCount());
    }
    if (!m_painter.end())
        return fail(Error::storage(tr("The PDF could not be finished.")));
    return {};
}

bool PdfReportWriter::isNumeric(int column) const
{
    return column < m_header.columns.size() && numericType(m_header.columns.at(column).type);
}

QString PdfReportWriter::cellText(const QVariant &value, int column) const
{
    if (column >= m_header.columns.size())
        return value.toString();
    return m_format.display(value, m_header.columns.at(column).type);
}

void PdfReportWriter::measureColumns(qreal points, const QVariantList &totals, QList<qreal> &natural,
                                     QList<qreal> &minimum) const
{
    const int columns = int(m_header.columns.size());
    const QFontMetricsF plain(pdfFont(points), m_writer.get());
    const QFontMetricsF bold(pdfFont(points, true), m_writer.get());
    // Padding and a border on both sides, as the table format sets them,
    // and a point to spare for rounding in the layout.
    const qreal padding = 2 * cellPadding(points) + 2 * fromPoints(0.5) + fromPoints(1) * points / TablePoints;
    // No column takes more than this unwrapped: long memos wrap instead.
    const qreal longest = m_body.width() * 0.4;
    natural.clear();
    minimum.clear();
    for (int c = 0; c < columns; ++c) {
        const bool breakable = breakableType(m_header.columns.at(c).type);
        const QString &title = m_header.columns.at(c).title;
        qreal want = bold.horizontalAdvance(title);
        qreal least = widestWord(bold, title);
        const auto measure = [&](const QString &text, const QFontMetricsF &metrics) {
            const qreal width = metrics.horizontalAdvance(text);
            want = std::max(want, width);
            least = std::max(least, breakable ? widestWord(metrics, text) : width);
        };
        for (int r = 0; r < std::min<qsizetype>(m_pending.size(), 200); ++r)
            measure(cellText(m_pending.at(r).value(c), c), plain);
        if (c < totals.size())
            measure(cellText(totals.at(c), c), bold);
        want = std::min(want, longest);
        // A heading of a number may wrap at its spaces; the number may not.
        least = std::min(least, want);
        natural.append(want + padding);
        minimum.append(least + padding);
    }
}

void PdfReportWriter::fixColumns(const QVariantList &totals)
{
    // A table too wide for the page at the usual size (a heat map's 24 hours)
    // gets a smaller type, down to 4 pt, rather than running off the page.
    QList<qreal> natural;
    QList<qreal> minimum;
    m_tablePoints = TablePoints;
    for (int attempt = 0; attempt < 3; ++attempt) {
        measureColumns(m_tablePoints, totals, natural, minimum);
        qreal least = 0;
        for (qreal w : minimum)
            least += w;
        if (least <= m_body.width() || m_tablePoints <= MinimumTablePoints)
            break;
        m_tablePoints = std::max(MinimumTablePoints, m_tablePoints * m_body.width() / least * 0.98);
    }
    m_widths = distributeWidths(natural, minimum);
}

QList<qreal> PdfReportWriter::distributeWidths(const QList<qreal> &natural, const QList<qreal> &minimum) const
{
    // Every column gets at least its minimum (its widest word; numbers and
    // dates whole). What is left goes first to the text columns, in
    // proportion to how wide each would like to be, so a memo and a name wrap
    // into about as many lines each; then to headings of numbers, so they
    // need not wrap; then to every column alike.
    const qsizetype columns = natural.size();
    const qreal width = m_body.width();
    QList<qreal> widths = minimum;
    qreal rest = width;
    for (qreal w : minimum)
        rest -= w;
    if (rest <= 0) {
        for (qreal &w : widths)
            w = w * width / (width - rest);
    } else {
        QList<qsizetype> text;
        QList<qsizetype> numbers;
        qreal textWants = 0;
        qreal numbersWant = 0;
        for (qsizetype c = 0; c < columns; ++c) {
            const bool breakable = breakableType(m_header.columns.at(c).type);
            (breakable ? text : numbers).append(c);
            (breakable ? textWants : numbersWant) += natural.at(c) - minimum.at(c);
        }
        if (textWants >= rest) {
            // A share in proportion to the natural width, or the minimum where
            // that is more; the others share what is left, until every share holds.
            qreal budget = rest;
            for (qsizetype c : text)
                budget += minimum.at(c);
            bool settled = false;
            while (!settled) {
                settled = true;
                qreal wanted = 0;
                for (qsizetype c : text)
                    wanted += natural.at(c);
                for (qsizetype i = 0; i < text.size() && settled; ++i) {
                    const qsizetype c = text.at(i);
                    if (natural.at(c) * budget / wanted < minimum.at(c)) {
                        budget -= minimum.at(c);
                        text.removeAt(i);
                        settled = false;
                    }
                }
                if (settled)
                    for (qsizetype c : text)
                        widths[c] = natural.at(c) * budget / wanted;
            }
            rest = 0;
        } else {
            for (qsizetype c : text)
                widths[c] = natural.at(c);
            rest -= textWants;
            const qreal share = numbersWant > 0 ? std::min<qreal>(1, rest / numbersWant) : 0;
            for (qsizetype c : numbers)
                widths[c] += (natural.at(c) - minimum.at(c)) * share;
            rest -= numbersWant * share;
        }
        if (rest > 0) {
            qreal sum = 0;
            for (qreal w : widths)
                sum += w;
            for (qreal &w : widths)
                w += rest * w / sum;
        }
    }
    QList<qreal> shares;
    for (qreal w : widths)
        shares.append(w / width * 100.0);
    return shares;
}

Status PdfReportWriter::flushRows(bool final, const QVariantList &totals, const QStringList &notes)
{
    const int columns = int(m_header.columns.size());
    if (m_widths.isEmpty() && columns > 0)
        fixColumns(totals);
    // A table starts under what is already on the page (a chart, the table
    // before): the first block's top margin keeps that part of the page free,
    // so the layout paginates from there. Only when not even its first rows
    // fit there does it start on a new page.
    const bool underPrevious = !m_tableStarted && m_y > 0;
    auto doc = newDocument();
    QTextCursor cursor(doc.get());
    // One layout at the end instead of one per cell.
    cursor.beginEditBlock();
    const QTextBlock titleBlock = insertTableTitle(cursor, underPrevious);
    QTextTable *table = nullptr;
    if (m_rowCount == 0 && final)
        insertNothingNote(cursor);
    else if (columns > 0)
        table = insertTable(cursor, totals, final && !totals.isEmpty());
    if (final)
        insertNotes(cursor, notes);
    cursor.endEditBlock();

    if (underPrevious)
        keepTitleWithRows(*doc, table, titleBlock);
    if (final) {
        paintDocument(*doc, doc->pageCount());
        m_pending.clear();
        m_tableStarted = true;
        return {};
    }
    paintFullPages(*doc, table);
    return {};
}

QTextBlock PdfReportWriter::insertTableTitle(QTextCursor &cursor, bool underPrevious)
{
    if (underPrevious) {
        // The layout gives the first block no top margin: an empty block of
        // no height goes first, and the title's margin is the space.
        QTextBlockFormat nothing;
        nothing.setLineHeight(0, QTextBlockFormat::FixedHeight);
        cursor.setBlockFormat(nothing);
        const qreal gap = fromPoints(14);
        QTextBlockFormat spacer;
        spacer.setTopMargin(toFormat(m_y + gap));
        cursor.insertBlock(spacer);
    }
    if (m_titlePending)
        insertReportTitle(cursor);
    QTextCharFormat titleFormat;
    if (m_tableStarted) {
        titleFormat.setFont(pdfFont(7, false, true));
        titleFormat.setForeground(QColor(0x66, 0x66, 0x66));
        cursor.insertText(tr("%1 (continued)").arg(m_header.title), titleFormat);
    } else {
        titleFormat.setFont(pdfFont(10.5, true));
        cursor.insertText(m_header.title, titleFormat);
    }
    return cursor.block();
}

void PdfReportWriter::insertNothingNote(QTextCursor &cursor)
{
    QTextBlockFormat empty;
    empty.setTopMargin(toFormat(fromPoints(3)));
    QTextCharFormat italic;
    italic.setFont(pdfFont(8, false, true));
    cursor.insertBlock(empty, italic);
    cursor.insertText(tr("Nothing in this period."));
}

QTextTableFormat PdfReportWriter::tableFormat() const
{
    QTextTableFormat format;
    format.setHeaderRowCount(1);
    format.setCellSpacing(0);
    format.setCellPadding(toFormat(cellPadding(m_tablePoints)));
    format.setBorder(toFormat(fromPoints(0.5)));
    format.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    format.setBorderBrush(QColor(0x99, 0x99, 0x99));
    format.setBorderCollapse(true);
    format.setTopMargin(toFormat(fromPoints(3)));
    format.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    QList<QTextLength> widths;
    for (qreal w : m_widths)
        widths.append(QTextLength(QTextLength::PercentageLength, w));
    format.setColumnWidthConstraints(widths);
    return format;
}

QTextTableCellFormat PdfReportWriter::gridFormat(const QFont &font) const
{
    // With collapsed borders the grid lines are the cells' own borders
    // (the table's draws only its outline): grey, but dark enough to see
    // on paper and on screen at any zoom.
    QTextTableCellFormat grid;
    grid.setBorder(toFormat(fromPoints(0.5)));
    grid.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    grid.setBorderBrush(QColor(0x99, 0x99, 0x99));
    // Empty cells too are as high as a line of the table's type.
    grid.setFont(font);
    return grid;
}

QTextTable *PdfReportWriter::insertTable(QTextCursor &cursor, const QVariantList &totals, bool withTotals)
{
    const int columns = int(m_header.columns.size());
    const int rows = 1 + int(m_pending.size()) + (withTotals ? 1 : 0);
    QTextTable *table = cursor.insertTable(rows, columns, tableFormat());

    QTextCharFormat headerChars;
    headerChars.setFont(pdfFont(m_tablePoints, true));
    QTextCharFormat plain;
    plain.setFont(pdfFont(m_tablePoints));
    const QTextTableCellFormat grid = gridFormat(plain.font());
    QTextTableCellFormat headerCell = grid;
    headerCell.setBackground(QColor(0xee, 0xee, 0xee));
    for (int c = 0; c < columns; ++c)
        fillCell(*table, 0, c, m_header.columns.at(c).title, headerChars, headerCell);
    for (int r = 0; r < m_pending.size(); ++r) {
        const QVariantList &values = m_pending.at(r);
        for (int c = 0; c < columns; ++c)
            fillCell(*table, r + 1, c, cellText(values.value(c), c), plain, grid);
    }
    if (withTotals)
        fillTotals(*table, totals, headerChars, grid);
    return table;
}

void PdfReportWriter::fillTotals(QTextTable &table, const QVariantList &totals, const QTextCharFormat &totalChars,
                                 const QTextTableCellFormat &grid) const
{
    const int columns = int(m_header.columns.size());
    QTextTableCellFormat totalsCell = grid;
    totalsCell.setBackground(QColor(0xf5, 0xf5, 0xf5));
    // "Total" heads the row unless the report labels it itself.
    bool labelled = false;
    for (int c = 0; c < columns; ++c)
        labelled = labelled || (!isNumeric(c) && !cellText(totals.value(c), c).isEmpty());
    for (int c = 0; c < columns; ++c) {
        QString text = cellText(totals.value(c), c);
        if (c == 0 && text.isEmpty() && !labelled)
            text = tr("Total");
        fillCell(table, table.rows() - 1, c, text, totalChars, totalsCell);
    }
}

void PdfReportWriter::fillCell(QTextTable &table, int r, int c, const QString &text, const QTextCharFormat &chars,
                               const QTextTableCellFormat &format) const
{
    QTextTableCell cell = table.cellAt(r, c);
    cell.setFormat(format);
    QTextCursor in = cell.firstCursorPosition();
    QTextBlockFormat align;
    align.setAlignment(isNumeric(c) ? Qt::AlignRight : Qt::AlignLeft);
    align.setNonBreakableLines(r > 0 && !breakableType(m_header.columns.at(c).type));
    in.setBlockFormat(align);
    in.insertText(text, chars);
}

void PdfReportWriter::insertNotes(QTextCursor &cursor, const QStringList &notes)
{
    cursor.movePosition(QTextCursor::End);
    QTextBlockFormat noteBlock;
    noteBlock.setTopMargin(toFormat(fromPoints(2)));
    QTextCharFormat noteChars;
    noteChars.setFont(pdfFont(7.5));
    noteChars.setForeground(QColor(0x33, 0x33, 0x33));
    for (const QString &note : notes) {
        cursor.insertBlock(noteBlock, noteChars);
        cursor.insertText(note);
    }
}

void PdfReportWriter::keepTitleWithRows(QTextDocument &doc, const QTextTable *table, const QTextBlock &titleBlock)
{
    // The title alone at the foot of the page, its rows on the next: the
    // whole table moves to a new page instead.
    auto *layout = doc.documentLayout();
    const qreal pageHeight = doc.pageSize().height();
    const QTextBlock firstRow =
        table ? table->cellAt(std::min(1, table->rows() - 1), 0).firstCursorPosition().block() : titleBlock.next();
    const QTextBlock below = firstRow.isValid() ? firstRow : titleBlock;
    if (layout->blockBoundingRect(below).bottom() > pageHeight) {
        QTextCursor(titleBlock).setBlockFormat(QTextBlockFormat());
        newPage();
    }
}

void PdfReportWriter::paintFullPages(QTextDocument &doc, const QTextTable *table)
{
    // Not the end of the table: paint every page but the last, whose rows go
    // again with the next ones so the page fills up.
    const int pages = doc.pageCount();
    if (pages < 2 || !table)
        return;
    const qreal lastPageTop = (pages - 1) * doc.pageSize().height();
    int keepFrom = int(m_pending.size());
    auto *layout = doc.documentLayout();
    for (int r = int(m_pending.size()) - 1; r >= 0; --r) {
        const QTextBlock block = table->cellAt(r + 1, 0).firstCursorPosition().block();
        if (layout->blockBoundingRect(block).top() < lastPageTop)
            break;
        keepFrom = r;
    }
    if (keepFrom == 0 || keepFrom == m_pending.size()) {
        // The rows' places could not be told apart: print all of them, and
        // go on on a new page.
        paintDocument(doc, pages);
        newPage();
        m_pending.clear();
        m_tableStarted = true;
        return;
    }
    paintDocument(doc, pages - 1);
    newPage();
    m_pending = m_pending.mid(keepFrom);
    m_tableStarted = true;
}

void PdfReportWriter::paintChart()
{
    if (m_header.chart.kind == ReportChart::Kind::None || m_chartRows.isEmpty())
        return;
    ReportChartData data = ReportChartData::from(m_header, m_chartRows, m_format);
    if (data.isEmpty())
        return;
    if (data.title.isEmpty())
        data.title = m_header.title;
    const ReportChartPainter chart(std::move(data));
    const QFont font = pdfFont(7);
    const qreal gap = fromPoints(10);
    const qreal height = chart.preferredHeight(m_body.width(), font, m_writer.get());
    if (m_y + gap + height > m_body.height())
        newPage();
    const qreal top = m_body.top() + (m_y > 0 ? m_y + gap : 0);
    chart.paint(m_painter, QRectF(m_body.left(), top, m_body.width(), height), font);
    m_y = top - m_body.top() + height;
}

} // namespace hub
