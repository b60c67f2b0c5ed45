// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/columnwidths.h"

#include "core/common/displayformat.h"

#include <QDate>
#include <QFontMetrics>
#include <QString>

#include <algorithm>

namespace hub {

namespace {

// Room for the cell's margins and the grid line.
constexpr int Padding = 18;

int widest(const QFontMetrics &metrics, bool withTime)
{
    int widest = 0;
    // Any seven days in a row meet every day name; the 22nd to the 28th of
    // each month meet every month name too, always with two-digit days.
    for (int month = 1; month <= 12; ++month) {
        for (int day = 22; day <= 28; ++day) {
            const QDate date(2026, month, day);
            const QString text =
                withTime ? DisplayFormat::date(date) + QStringLiteral(" 23:58") : DisplayFormat::date(date);
            widest = std::max(widest, metrics.horizontalAdvance(text));
        }
    }
    return widest + Padding;
}

} // namespace

int ColumnWidths::date(const QFontMetrics &metrics)
{
    return widest(metrics, false);
}

int ColumnWidths::dateTime(const QFontMetrics &metrics)
{
    return widest(metrics, true);
}

int ColumnWidths::number(const QFontMetrics &metrics, int digits, const QString &title)
{
    return std::max(metrics.horizontalAdvance(QString(std::max(digits, 1), u'8')), metrics.horizontalAdvance(title)) +
           Padding;
}

} // namespace hub
