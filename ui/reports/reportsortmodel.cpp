// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/reportsortmodel.h"

#include "core/common/textfold.h"
#include "ui/reports/reporttablemodel.h"

#include <QDateTime>

namespace hub {

ReportSortModel::ReportSortModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    m_collator.setNumericMode(true);
    setSortRole(ReportTableModel::ValueRole);
}

void ReportSortModel::sort(int column, Qt::SortOrder order)
{
    m_order = order;
    QSortFilterProxyModel::sort(column, order);
}

bool ReportSortModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // Qt turns the answer round for a descending sort; the totals row must
    // still come last, so it is "greatest" going up and "least" going down.
    const bool leftTotals = left.data(ReportTableModel::IsTotalsRole).toBool();
    const bool rightTotals = right.data(ReportTableModel::IsTotalsRole).toBool();
    if (leftTotals != rightTotals)
        return m_order == Qt::AscendingOrder ? rightTotals : leftTotals;

    const QVariant a = left.data(ReportTableModel::ValueRole);
    const QVariant b = right.data(ReportTableModel::ValueRole);
    if (a.isNull() != b.isNull())
        return a.isNull(); // empty cells first
    const auto numeric = [](const QVariant &v) {
        switch (v.typeId()) {
        case QMetaType::Int:
        case QMetaType::LongLong:
        case QMetaType::Double:
        case QMetaType::UInt:
        case QMetaType::ULongLong:
            return true;
        default:
            return false;
        }
    };
    if (numeric(a) && numeric(b))
        return a.toDouble() < b.toDouble();
    if (a.typeId() == QMetaType::QDateTime && b.typeId() == QMetaType::QDateTime)
        return a.toDateTime() < b.toDateTime();
    if (a.typeId() == QMetaType::QDate && b.typeId() == QMetaType::QDate)
        return a.toDate() < b.toDate();
    // The order of the members' lists (their SQL sort keys): folded, so
    // "İlker" and "Zoë" sort as "ilker" and "zoe" whatever the system's
    // locale; the collator only breaks ties.
    const QString x = left.data(Qt::DisplayRole).toString();
    const QString y = right.data(Qt::DisplayRole).toString();
    const int folded = m_collator.compare(TextFold::fold(x), TextFold::fold(y));
    return folded != 0 ? folded < 0 : m_collator.compare(x, y) < 0;
}

} // namespace hub
