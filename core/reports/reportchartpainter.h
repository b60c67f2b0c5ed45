// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reports/reportformat.h"
#include "core/reports/reporttable.h"

#include <QCoreApplication>
#include <QFont>
#include <QRectF>

class QPainter;

namespace hub {

/// A table's chart as numbers: for bars, one category per row and one series
/// per value column; for a heat map, one grid row per table row and one grid
/// column per value column. NaN stands for a null value (nothing to show).
struct ReportChartData
{
    ReportChart::Kind kind = ReportChart::Kind::None;
    QString title;
    QStringList categories;      ///< bars: x labels; heat map: row labels
    QStringList series;          ///< bars: legend; heat map: column labels
    QList<QList<double>> values; ///< [category][series]
    QList<QStringList> labels;   ///< values as ReportFormat::display shows them
    ReportType valueType = ReportType::Integer;

    /// Reads `rows` as `header.chart` says; kind None when the chart's keys are
    /// not among the columns or there is nothing to draw.
    static ReportChartData from(const ReportTableHeader &header, const QList<QVariantList> &rows,
                                const ReportFormat &format);
    bool isEmpty() const { return kind == ReportChart::Kind::None || categories.isEmpty(); }
    double maximum() const;
    double minimum() const;
};

/// Draws a report chart with QPainter as vector shapes and real text, so the
/// same drawing serves the PDF (searchable, sharp at any zoom) and the GUI's
/// heat map, which Qt Charts cannot draw.
class ReportChartPainter
{
    Q_DECLARE_TR_FUNCTIONS(hub::ReportChartPainter)
public:
    explicit ReportChartPainter(ReportChartData data) : m_data(std::move(data)) {}

    /// `font` is the labels' font; sizes scale with its height, so one call
    /// fits a 300 dpi PDF and a screen alike.
    void paint(QPainter &painter, const QRectF &rect, const QFont &font) const;
    /// A height that shows the chart readably at `width` with `font`.
    qreal preferredHeight(qreal width, const QFont &font, const QPaintDevice *device) const;

    /// The colour of series `index`, shared with the GUI's bar charts.
    static QColor seriesColor(int index);
    /// The heat map's colour for `share` (0..1) of the largest value.
    static QColor heatColor(double share);

private:
    void paintBars(QPainter &painter, const QRectF &rect, const QFont &font) const;
    void paintHeatMap(QPainter &painter, const QRectF &rect, const QFont &font) const;

    ReportChartData m_data;
};

} // namespace hub
