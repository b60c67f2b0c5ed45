// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/ids.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace hub {

/// How a report value is stored in a row and therefore how each format shows it.
enum class ReportType
{
    Text,     ///< QString
    Integer,  ///< qint64 (counts)
    Amount,   ///< qint64 minor units of the hub's unit; CSV plain decimals, JSON also *_minor
    Percent,  ///< double, 0..100 (a share, e.g. 25.0 for 25 %); may be null when undefined
    Decimal,  ///< double, shown with two decimals (e.g. velocity)
    Date,     ///< QDate, the hub's local date
    DateTime, ///< qint64 UTC seconds; shown in the hub's zone
};

struct ReportColumn
{
    QString key;   ///< stable machine name, used as the JSON key and CSV header
    QString title; ///< for people (GUI header, PDF header)
    ReportType type = ReportType::Text;
};

/// A chart a table lends itself to; the GUI (Qt Charts) and the PDF draw it.
struct ReportChart
{
    enum class Kind
    {
        None,
        Bars,
        HeatMap
    };
    Kind kind = Kind::None;
    /// Bars: the category column (e.g. "month") and the value columns drawn as bars.
    /// HeatMap: the row-label column, then the value columns form the grid
    /// (e.g. rows = weekdays, value columns = hours of the day).
    QString categoryKey;
    QStringList valueKeys;
    QString title;
};

/// The head of one table of a report. A report streams one or more tables
/// (statements: one per account; membership: months, totals, skills).
struct ReportTableHeader
{
    QString title;
    QList<ReportColumn> columns;
    ReportChart chart;
    /// The member a per-account table is about (statements), so a page
    /// showing that one table exports that one member's; invalid otherwise.
    MemberId member = {};
    /// On paper: the table starts a page of its own (one member's statement),
    /// and these columns (by key) are left out because the title says them.
    bool ownPage = false;
    QStringList omittedOnPaper = {};
};

/// One table collected in memory, for the GUI and for tests. Exports stream
/// instead (see ReportSink), so a million transfers never sit in memory.
struct ReportTable
{
    ReportTableHeader header;
    QList<QVariantList> rows;
    /// Empty, or one value per column (null where a total makes no sense).
    QVariantList totals;
    /// Lines printed under the table, e.g. the trial balance's check line.
    QStringList notes;
};

} // namespace hub
