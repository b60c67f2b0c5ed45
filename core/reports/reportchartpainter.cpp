// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/reportchartpainter.h"

#include <QFontMetricsF>
#include <QLinearGradient>
#include <QPainter>

#include <cmath>
#include <limits>

namespace hub {

namespace {

constexpr double Missing = std::numeric_limits<double>::quiet_NaN();

double number(const QVariant &value, ReportType type, int decimals)
{
    if (value.isNull() || !value.isValid())
        return Missing;
    switch (type) {
    case ReportType::Amount:
        return double(value.toLongLong()) / std::pow(10.0, decimals);
    case ReportType::Integer:
        return double(value.toLongLong());
    case ReportType::Percent:
    case ReportType::Decimal:
        return value.toDouble();
    default:
        return Missing;
    }
}

// A grid cell is small: a share reads as "25", not "25.0 %" (the legend says %).
QString compactLabel(const QVariant &value, ReportType type, const ReportFormat &format)
{
    if (value.isNull() || !value.isValid())
        return {};
    switch (type) {
    case ReportType::Percent:
        return QString::number(qRound(value.toDouble()));
    case ReportType::Decimal:
        return QString::number(value.toDouble(), 'f', 1);
    default:
        return format.display(value, type);
    }
}

QString axisLabel(double value, double step, ReportType type)
{
    const int decimals = step >= 1.0 || step <= 0 ? 0 : int(std::ceil(-std::log10(step)));
    const QString text = QString::number(value, 'f', decimals);
    return type == ReportType::Percent ? QStringLiteral("%1 %").arg(text) : text;
}

double niceStep(double span)
{
    const double raw = span / 5.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double norm = raw / magnitude;
    return (norm <= 1.0 ? 1.0 : norm <= 2.0 ? 2.0 : norm <= 5.0 ? 5.0 : 10.0) * magnitude;
}

QFont scaled(const QFont &font, qreal factor, bool bold = false)
{
    QFont f = font;
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * factor);
    else
        f.setPixelSize(std::max(1, qRound(f.pixelSize() * factor)));
    f.setBold(bold);
    return f;
}

} // namespace

ReportChartData ReportChartData::from(const ReportTableHeader &header, const QList<QVariantList> &rows,
                                      const ReportFormat &format)
{
    ReportChartData data;
    const ReportChart &chart = header.chart;
    if (chart.kind == ReportChart::Kind::None)
        return data;
    const auto columnOf = [&header](const QString &key) {
        for (int c = 0; c < header.columns.size(); ++c)
            if (header.columns.at(c).key == key)
                return c;
        return -1;
    };
    const int category = columnOf(chart.categoryKey);
    QList<int> valueColumns;
    for (const QString &key : chart.valueKeys)
        if (const int c = columnOf(key); c >= 0)
            valueColumns.append(c);
    if (category < 0 || valueColumns.isEmpty())
        return data;

    data.kind = chart.kind;
    data.title = chart.title;
    data.valueType = header.columns.at(valueColumns.first()).type;
    for (const int c : valueColumns)
        data.series.append(header.columns.at(c).title);
    const ReportType categoryType = header.columns.at(category).type;
    for (const QVariantList &row : rows) {
        if (row.size() != header.columns.size())
            continue;
        data.categories.append(format.display(row.at(category), categoryType));
        QList<double> values;
        QStringList labels;
        for (const int c : valueColumns) {
            const ReportType type = header.columns.at(c).type;
            values.append(number(row.at(c), type, format.decimals()));
            labels.append(compactLabel(row.at(c), type, format));
        }
        data.values.append(values);
        data.labels.append(labels);
    }
    if (data.categories.isEmpty())
        data.kind = ReportChart::Kind::None;
    return data;
}

double ReportChartData::maximum() const
{
    double most = 0;
    for (const QList<double> &row : values)
        for (const double v : row)
            if (!std::isnan(v))
                most = std::max(most, v);
    return most;
}

double ReportChartData::minimum() const
{
    double least = 0;
    for (const QList<double> &row : values)
        for (const double v : row)
            if (!std::isnan(v))
                least = std::min(least, v);
    return least;
}

QColor ReportChartPainter::seriesColor(int index)
{
    static const QColor colors[] = {QColor(0x3b, 0x6e, 0xa5), QColor(0xe0, 0x8a, 0x2e), QColor(0x5a, 0x9e, 0x4b),
                                    QColor(0xb0, 0x4a, 0x5a), QColor(0x7a, 0x5a, 0xa5), QColor(0x4a, 0xa5, 0xa0)};
    return colors[index % int(std::size(colors))];
}

QColor ReportChartPainter::heatColor(double share)
{
    // From a pale blue-grey (nothing) to a deep blue (the busiest cell).
    share = std::clamp(share, 0.0, 1.0);
    const QColor low(0xf1, 0xf5, 0xfa), high(0x1d, 0x4f, 0x91);
    return QColor::fromRgbF(float(low.redF() + (high.redF() - low.redF()) * share),
                            float(low.greenF() + (high.greenF() - low.greenF()) * share),
                            float(low.blueF() + (high.blueF() - low.blueF()) * share));
}

qreal ReportChartPainter::preferredHeight(qreal width, const QFont &font, const QPaintDevice *device) const
{
    const qreal line = QFontMetricsF(font, device).height();
    if (m_data.kind == ReportChart::Kind::HeatMap)
        return line * (1.6 + 1.4 + 1.6 * m_data.categories.size() + 2.2);
    return std::clamp(width * 0.36, line * 14, line * 24);
}

void ReportChartPainter::paint(QPainter &painter, const QRectF &rect, const QFont &font) const
{
    if (m_data.isEmpty())
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    if (m_data.kind == ReportChart::Kind::HeatMap)
        paintHeatMap(painter, rect, font);
    else
        paintBars(painter, rect, font);
    painter.restore();
}

void ReportChartPainter::paintBars(QPainter &painter, const QRectF &rect, const QFont &font) const
{
    const QFontMetricsF fm(font, painter.device());
    const qreal line = fm.height();
    const qreal hairline = std::max<qreal>(line * 0.05, 0.5);
    QRectF area = rect;

    if (!m_data.title.isEmpty()) {
        painter.setFont(scaled(font, 1.1, true));
        painter.setPen(Qt::black);
        painter.drawText(QRectF(area.left(), area.top(), area.width(), line * 1.5), Qt::AlignLeft | Qt::AlignVCenter,
                         m_data.title);
        area.setTop(area.top() + line * 1.6);
    }
    painter.setFont(font);
    if (m_data.series.size() > 1) {
        qreal x = area.left();
        for (int s = 0; s < m_data.series.size(); ++s) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(seriesColor(s));
            painter.drawRect(QRectF(x, area.top() + line * 0.25, line * 0.8, line * 0.8));
            painter.setPen(Qt::black);
            const qreal w = fm.horizontalAdvance(m_data.series.at(s));
            painter.drawText(QRectF(x + line, area.top(), w + line, line * 1.3), Qt::AlignLeft | Qt::AlignVCenter,
                             m_data.series.at(s));
            x += line * 2 + w;
        }
        area.setTop(area.top() + line * 1.6);
    }

    double lo = m_data.minimum(), hi = m_data.maximum();
    if (hi - lo <= 0)
        hi = lo + 1;
    const double step = niceStep(hi - lo);
    lo = std::floor(lo / step) * step;
    hi = std::ceil(hi / step) * step;

    qreal labelWidth = 0;
    for (double v = lo; v <= hi + step / 2; v += step)
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(axisLabel(v, step, m_data.valueType)));
    const QRectF plot(area.left() + labelWidth + line * 0.5, area.top() + line * 0.5, area.width() - labelWidth - line,
                      area.height() - line * 2.2);
    if (plot.width() <= 0 || plot.height() <= 0)
        return;
    const auto yOf = [&](double v) {
        return plot.bottom() - (v - lo) / (hi - lo) * plot.height();
    };

    for (double v = lo; v <= hi + step / 2; v += step) {
        const qreal y = yOf(v);
        painter.setPen(QPen(std::abs(v) < step / 2 ? QColor(0x66, 0x66, 0x66) : QColor(0xdd, 0xdd, 0xdd), hairline));
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter.setPen(QColor(0x44, 0x44, 0x44));
        painter.drawText(QRectF(area.left(), y - line / 2, labelWidth, line), Qt::AlignRight | Qt::AlignVCenter,
                         axisLabel(v, step, m_data.valueType));
    }

    const int n = int(m_data.categories.size());
    const int seriesCount = int(m_data.series.size());
    const qreal group = plot.width() / n;
    const qreal bar = group * 0.72 / seriesCount;
    const qreal zero = yOf(std::clamp(0.0, lo, hi));
    painter.setPen(Qt::NoPen);
    for (int i = 0; i < n; ++i) {
        for (int s = 0; s < seriesCount; ++s) {
            const double v = m_data.values.at(i).value(s, Missing);
            if (std::isnan(v))
                continue;
            const qreal x = plot.left() + i * group + group * 0.14 + s * bar;
            const qreal y = yOf(v);
            painter.setBrush(seriesColor(s));
            painter.drawRect(QRectF(QPointF(x, std::min(y, zero)), QPointF(x + bar, std::max(y, zero))));
        }
    }

    // Category labels, thinned out so they never overlap.
    qreal widest = 0;
    for (const QString &c : m_data.categories)
        widest = std::max(widest, fm.horizontalAdvance(c));
    const int every = std::max(1, int(std::ceil((widest + line) / group)));
    painter.setPen(QColor(0x44, 0x44, 0x44));
    for (int i = 0; i < n; i += every) {
        const qreal centre = plot.left() + (i + 0.5) * group;
        painter.drawText(QRectF(centre - (widest + line) / 2, plot.bottom() + line * 0.3, widest + line, line * 1.2),
                         Qt::AlignHCenter | Qt::AlignTop, m_data.categories.at(i));
    }
}

void ReportChartPainter::paintHeatMap(QPainter &painter, const QRectF &rect, const QFont &font) const
{
    const QFontMetricsF fm(font, painter.device());
    const qreal line = fm.height();
    QRectF area = rect;
    if (!m_data.title.isEmpty()) {
        painter.setFont(scaled(font, 1.1, true));
        painter.setPen(Qt::black);
        painter.drawText(QRectF(area.left(), area.top(), area.width(), line * 1.5), Qt::AlignLeft | Qt::AlignVCenter,
                         m_data.title);
        area.setTop(area.top() + line * 1.6);
    }
    painter.setFont(font);

    qreal rowLabelWidth = 0;
    for (const QString &c : m_data.categories)
        rowLabelWidth = std::max(rowLabelWidth, fm.horizontalAdvance(c));
    rowLabelWidth += line * 0.6;
    const int rows = int(m_data.categories.size());
    const int columns = int(m_data.series.size());
    const qreal legendHeight = line * 2.2;
    const qreal headerHeight = line * 1.4;
    const qreal cellWidth = (area.width() - rowLabelWidth) / columns;
    const qreal cellHeight = std::min(line * 1.6, (area.height() - headerHeight - legendHeight) / std::max(1, rows));
    if (cellWidth <= 0 || cellHeight <= 0)
        return;
    const QPointF origin(area.left() + rowLabelWidth, area.top() + headerHeight);

    qreal widestHeader = 0;
    for (const QString &s : m_data.series)
        widestHeader = std::max(widestHeader, fm.horizontalAdvance(s));
    const int every = std::max(1, int(std::ceil((widestHeader + line * 0.3) / cellWidth)));
    painter.setPen(QColor(0x44, 0x44, 0x44));
    for (int c = 0; c < columns; c += every)
        painter.drawText(QRectF(origin.x() + c * cellWidth - cellWidth, area.top(), cellWidth * 3, headerHeight),
                         Qt::AlignHCenter | Qt::AlignVCenter, m_data.series.at(c));
    for (int r = 0; r < rows; ++r)
        painter.drawText(QRectF(area.left(), origin.y() + r * cellHeight, rowLabelWidth - line * 0.4, cellHeight),
                         Qt::AlignRight | Qt::AlignVCenter, m_data.categories.at(r));

    const double most = m_data.maximum();
    const QFont cellFont = scaled(font, 0.85);
    const QFontMetricsF cellMetrics(cellFont, painter.device());
    painter.setFont(cellFont);
    const qreal gap = std::max<qreal>(line * 0.06, 0.5);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c) {
            const QRectF cell(origin.x() + c * cellWidth, origin.y() + r * cellHeight, cellWidth - gap,
                              cellHeight - gap);
            const double v = m_data.values.at(r).value(c, Missing);
            const double share = std::isnan(v) || most <= 0 ? 0.0 : v / most;
            painter.setPen(Qt::NoPen);
            painter.setBrush(std::isnan(v) ? QColor(0xfa, 0xfa, 0xfa) : heatColor(share));
            painter.drawRect(cell);
            const QString label = m_data.labels.at(r).value(c);
            if (!std::isnan(v) && v != 0 && cellMetrics.horizontalAdvance(label) < cell.width() * 0.92) {
                painter.setPen(share > 0.55 ? Qt::white : QColor(0x22, 0x22, 0x22));
                painter.drawText(cell, Qt::AlignCenter, label);
            }
        }
    }

    // The scale: a gradient from nothing to the largest value.
    painter.setFont(font);
    const qreal legendTop = origin.y() + rows * cellHeight + line * 0.6;
    const QString lowText = m_data.valueType == ReportType::Percent ? QStringLiteral("0 %") : QStringLiteral("0");
    const QString highText = axisLabel(most, most >= 10 || most == std::floor(most) ? 1 : 0.1, m_data.valueType);
    const qreal lowWidth = fm.horizontalAdvance(lowText);
    const QRectF bar(origin.x() + lowWidth + line * 0.4, legendTop + line * 0.2,
                     std::min(cellWidth * columns / 3, line * 12), line * 0.8);
    QLinearGradient gradient(bar.topLeft(), bar.topRight());
    gradient.setColorAt(0, heatColor(0));
    gradient.setColorAt(1, heatColor(1));
    painter.setPen(QColor(0x44, 0x44, 0x44));
    painter.drawText(QRectF(origin.x(), legendTop, lowWidth, line * 1.2), Qt::AlignLeft | Qt::AlignVCenter, lowText);
    painter.setPen(Qt::NoPen);
    painter.setBrush(gradient);
    painter.drawRect(bar);
    painter.setPen(QColor(0x44, 0x44, 0x44));
    painter.drawText(QRectF(bar.right() + line * 0.4, legendTop, fm.horizontalAdvance(highText) + line, line * 1.2),
                     Qt::AlignLeft | Qt::AlignVCenter, highText);
}

} // namespace hub
