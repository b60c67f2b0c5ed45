// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/reporttablemodel.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace hub {

namespace {
bool isNumber(ReportType type)
{
    return type == ReportType::Integer || type == ReportType::Amount || type == ReportType::Percent ||
           type == ReportType::Decimal;
}
} // namespace

ReportTableModel::ReportTableModel(ReportFormat format, QObject *parent)
    : QAbstractTableModel(parent), m_format(std::move(format))
{}

void ReportTableModel::setTable(const ReportTable &table, const ReportFormat &format)
{
    beginResetModel();
    m_table = table;
    m_format = format;
    endResetModel();
}

int ReportTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return int(m_table.rows.size()) + (hasTotals() ? 1 : 0);
}

int ReportTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.header.columns.size());
}

QVariant ReportTableModel::value(int row, int column) const
{
    const QVariantList &values = row < m_table.rows.size() ? m_table.rows.at(row) : m_table.totals;
    return values.value(column);
}

QVariant ReportTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const ReportColumn &column = m_table.header.columns.at(index.column());
    const bool totals = index.row() >= m_table.rows.size();
    const QVariant v = value(index.row(), index.column());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole: {
        const QString text = m_format.display(v, column.type);
        if (totals && index.column() == 0 && text.isEmpty() && role == Qt::DisplayRole)
            return tr("Total");
        return text;
    }
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(
            Qt::Alignment((isNumber(column.type) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    case Qt::FontRole:
        if (totals) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ForegroundRole:
        if (column.type == ReportType::Amount && !v.isNull() && v.toLongLong() < 0)
            return QBrush(QColor(0xb0, 0x00, 0x20));
        return {};
    case Qt::BackgroundRole:
        if (totals)
            return QBrush(QColor(0, 0, 0, 18));
        return {};
    case ValueRole:
        return v;
    case IsTotalsRole:
        return totals;
    default:
        return {};
    }
}

QVariant ReportTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_table.header.columns.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    const ReportColumn &column = m_table.header.columns.at(section);
    if (role == Qt::DisplayRole)
        return column.title;
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(
            Qt::Alignment((isNumber(column.type) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    return {};
}

} // namespace hub
