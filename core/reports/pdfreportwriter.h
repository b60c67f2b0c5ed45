// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reports/reportformat.h"
#include "core/reports/reportsink.h"

#include <QCoreApplication>
#include <QFont>
#include <QPainter>
#include <QRectF>

#include <functional>
#include <memory>

class QIODevice;
class QPdfWriter;
class QTextBlock;
class QTextCharFormat;
class QTextCursor;
class QTextDocument;
class QTextTable;
class QTextTableCellFormat;
class QTextTableFormat;

namespace hub {

/// Renders a report as an A4 PDF while it streams in: the hub's name, the
/// report and its period in every page's header, page numbers in the footer,
/// each table with its header row repeated on every page it runs over, a bold
/// totals row, the notes under it and, where the table has a ReportChart, the
/// chart drawn as vector shapes. Text stays text, so pdftotext reads figures.
///
/// Rows are laid out a few pages at a time and painted, so even a journal of
/// a million transfers never sits in memory whole. A table whose header asks
/// for its own page (ReportTableHeader::ownPage) starts on a new one.
class PdfReportWriter final : public ReportSink
{
    Q_DECLARE_TR_FUNCTIONS(hub::PdfReportWriter)
public:
    /// Writes to `out` (opened for writing, e.g. a QSaveFile), which must
    /// outlive the writer. Values are shown with `format.display()`.
    PdfReportWriter(QIODevice &out, ReportFormat format);
    ~PdfReportWriter() override;

    /// Polled between rows; the report stops with a "cancelled" error when it says so.
    void setCancelCheck(std::function<bool()> cancelled) { m_cancelled = std::move(cancelled); }

    Status begin(const ReportHeading &heading) override;
    Status beginTable(const ReportTableHeader &header) override;
    Status row(const QVariantList &values) override;
    Status endTable(const QVariantList &totals, const QStringList &notes) override;
    Status end() override;
    bool isCancelled() const override { return m_cancelled && m_cancelled(); }

    /// Pages written so far.
    int pageCount() const { return m_page; }

private:
    std::unique_ptr<QTextDocument> newDocument() const;
    void insertReportTitle(QTextCursor &cursor);
    void startPage();
    void newPage();
    /// Paints the pages of `doc` from the current position on; `pagesToPaint`
    /// limits how many (the rest is laid out again with later rows).
    /// `shift` moves the first page down, under what is already on it.
    void paintDocument(QTextDocument &doc, int pagesToPaint, qreal shift = 0);
    void paintChart();
    /// Lays out the pending rows; unless `final`, keeps back the rows of the
    /// last page, which later rows may still fill.
    Status flushRows(bool final, const QVariantList &totals = {}, const QStringList &notes = {});
    /// The table's title (or "continued" line), under the report's title while
    /// that is pending; returns its block.
    QTextBlock insertTableTitle(QTextCursor &cursor, bool underPrevious);
    void insertNothingNote(QTextCursor &cursor);
    /// The pending rows as a table: a header row, the rows and, with
    /// `withTotals`, a totals row.
    QTextTable *insertTable(QTextCursor &cursor, const QVariantList &totals, bool withTotals);
    QTextTableFormat tableFormat() const;
    /// A body cell: the grid's borders, and `font` so empty cells keep the line height.
    QTextTableCellFormat gridFormat(const QFont &font) const;
    void fillTotals(QTextTable &table, const QVariantList &totals, const QTextCharFormat &totalChars,
                    const QTextTableCellFormat &grid) const;
    void fillCell(QTextTable &table, int r, int c, const QString &text, const QTextCharFormat &chars,
                  const QTextTableCellFormat &format) const;
    void insertNotes(QTextCursor &cursor, const QStringList &notes);
    /// Starts a new page when the table's title would sit alone at its foot.
    void keepTitleWithRows(QTextDocument &doc, const QTextTable *table, const QTextBlock &titleBlock);
    /// Paints the full pages of a table that goes on, keeping back the rows
    /// of its last page.
    void paintFullPages(QTextDocument &doc, const QTextTable *table);
    /// Each column's width as the header, the first pending rows and the
    /// totals measure in the PDF's fonts at `points`: `natural` unwrapped,
    /// `minimum` its widest word (numbers and dates whole).
    void measureColumns(qreal points, const QVariantList &totals, QList<qreal> &natural, QList<qreal> &minimum) const;
    /// Sets the table's type size and its columns' shares of the width in %,
    /// kept for every page of the table.
    void fixColumns(const QVariantList &totals);
    /// Column shares in % that fill the body's width.
    QList<qreal> distributeWidths(const QList<qreal> &natural, const QList<qreal> &minimum) const;
    QString cellText(const QVariant &value, int column) const;
    /// The values of the columns the PDF shows (all but m_dropped).
    QVariantList shown(const QVariantList &values) const;
    bool isNumeric(int column) const;
    qreal fromPoints(qreal points) const;
    /// A table cell's padding, in device pixels, for the table's type size.
    qreal cellPadding(qreal tablePoints) const;
    /// Lengths in text formats (margins, padding, borders) are scaled by the
    /// layout to the device; this undoes that for a length in device pixels.
    qreal toFormat(qreal pixels) const { return pixels / m_formatScale; }

    QIODevice &m_out;
    ReportFormat m_format;
    std::function<bool()> m_cancelled;
    std::unique_ptr<QPdfWriter> m_writer;
    QPainter m_painter;
    ReportHeading m_heading;
    QRectF m_pageRect;
    QRectF m_body;
    QFont m_font;
    int m_page = 0;
    qreal m_y = 0; ///< used height of the current page's body, in device pixels
    int m_tables = 0;
    qreal m_formatScale = 1;
    bool m_titlePending = false;

    // The table being streamed.
    ReportTableHeader m_header; ///< as shown: without the dropped column
    qsizetype m_dropped = -1;   ///< the report's column left out of the PDF, or -1
    QList<QVariantList> m_pending;
    QList<QVariantList> m_chartRows;
    QList<qreal> m_widths;   ///< column shares in %, fixed by the first rows so every page matches
    qreal m_tablePoints = 8; ///< the table's type size
    qint64 m_rowCount = 0;
    bool m_tableStarted = false; ///< its title (and first rows) are on paper
};

} // namespace hub
