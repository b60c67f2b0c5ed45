// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reports/reportchartpainter.h"

#include <QWidget>

class QChartView;
class QStackedLayout;

namespace hub {

/// A utilisation grid (rows × columns, e.g. weekdays × hours) painted with
/// the PDF's own ReportChartPainter: Qt Charts has no heat map.
class HeatMapWidget : public QWidget
{
    Q_OBJECT
public:
    explicit HeatMapWidget(QWidget *parent = nullptr);
    void setData(const ReportChartData &data);
    const ReportChartData &data() const { return m_data; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    ReportChartData m_data;
};

/// A report table's chart: bars per category with Qt Charts, or a heat map.
class ReportChartWidget : public QWidget
{
    Q_OBJECT
public:
    explicit ReportChartWidget(QWidget *parent = nullptr);

    /// Shows `data`; an empty chart hides nothing by itself (the page hides the widget).
    void setData(const ReportChartData &data);
    ReportChart::Kind kind() const { return m_kind; }
    /// For tests: the bar chart's view and the heat map.
    QChartView *chartView() const { return m_chartView; }
    HeatMapWidget *heatMap() const { return m_heatMap; }

private:
    void showBars(const ReportChartData &data);

    ReportChart::Kind m_kind = ReportChart::Kind::None;
    QStackedLayout *m_stack = nullptr;
    QChartView *m_chartView = nullptr;
    HeatMapWidget *m_heatMap = nullptr;
};

} // namespace hub
