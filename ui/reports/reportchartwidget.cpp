// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/reportchartwidget.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QPainter>
#include <QStackedLayout>
#include <QValueAxis>

#include <cmath>

namespace hub {

HeatMapWidget::HeatMapWidget(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("reportHeatMap"));
    setAccessibleName(tr("Heat map"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void HeatMapWidget::setData(const ReportChartData &data)
{
    m_data = data;
    setToolTip(data.title);
    updateGeometry();
    update();
}

QSize HeatMapWidget::sizeHint() const
{
    const ReportChartPainter painter(m_data);
    return QSize(640, int(painter.preferredHeight(640, font(), this)) + 16);
}

QSize HeatMapWidget::minimumSizeHint() const
{
    return QSize(320, 160);
}

void HeatMapWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    const ReportChartPainter chart(m_data);
    chart.paint(painter, QRectF(rect()).adjusted(12, 8, -12, -8), font());
}

ReportChartWidget::ReportChartWidget(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("reportChart"));
    m_chartView = new QChartView;
    m_chartView->setObjectName(QStringLiteral("reportBarChart"));
    m_chartView->setAccessibleName(tr("Bar chart"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(180);
    m_heatMap = new HeatMapWidget;
    m_stack = new QStackedLayout(this);
    m_stack->setContentsMargins(0, 0, 0, 0);
    m_stack->addWidget(m_chartView);
    m_stack->addWidget(m_heatMap);
}

void ReportChartWidget::setData(const ReportChartData &chart)
{
    m_kind = chart.isEmpty() ? ReportChart::Kind::None : chart.kind;
    if (m_kind == ReportChart::Kind::HeatMap) {
        m_heatMap->setData(chart);
        m_stack->setCurrentWidget(m_heatMap);
    } else {
        showBars(chart);
        m_stack->setCurrentWidget(m_chartView);
    }
}

void ReportChartWidget::showBars(const ReportChartData &bars)
{
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setTitle(bars.title);
    QFont titleFont = font();
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);

    auto *series = new QBarSeries;
    for (int s = 0; s < bars.series.size(); ++s) {
        auto *set = new QBarSet(bars.series.at(s));
        set->setColor(ReportChartPainter::seriesColor(s));
        set->setBorderColor(ReportChartPainter::seriesColor(s));
        for (int i = 0; i < bars.categories.size(); ++i) {
            const double v = bars.values.at(i).value(s);
            set->append(std::isnan(v) ? 0.0 : v);
        }
        series->append(set);
    }
    chart->addSeries(series);

    auto *categories = new QBarCategoryAxis;
    categories->append(bars.categories);
    chart->addAxis(categories, Qt::AlignBottom);
    series->attachAxis(categories);
    auto *values = new QValueAxis;
    values->setRange(std::min(0.0, bars.minimum()), std::max(1.0, bars.maximum()));
    values->applyNiceNumbers();
    values->setLabelFormat(bars.valueType == ReportType::Percent ? QStringLiteral("%.0f %%") : QStringLiteral("%.0f"));
    chart->addAxis(values, Qt::AlignLeft);
    series->attachAxis(values);
    chart->legend()->setVisible(bars.series.size() > 1);
    chart->legend()->setAlignment(Qt::AlignBottom);

    QChart *old = m_chartView->chart();
    m_chartView->setChart(chart);
    // setChart() hands back ownership of the previous chart.
    delete old;
}

} // namespace hub
