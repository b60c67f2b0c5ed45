// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reports/reportformat.h"
#include "core/reports/reporttable.h"

#include <QAbstractTableModel>

namespace hub {

/// One report table for a QTableView: cells as ReportFormat::display shows
/// them, numbers right-aligned, negative amounts marked, and the totals (if
/// any) as a bold last row.
class ReportTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportTableModel)
public:
    enum Role
    {
        ValueRole = Qt::UserRole, ///< the typed value, as the report gave it
        IsTotalsRole,             ///< true on the totals row
    };

    ReportTableModel(ReportFormat format, QObject *parent = nullptr);

    /// Values are shown as `format` says (the hub's decimals and zone).
    void setTable(const ReportTable &table, const ReportFormat &format);
    const ReportTable &table() const { return m_table; }
    bool hasTotals() const { return !m_table.totals.isEmpty(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant value(int row, int column) const;

    ReportFormat m_format;
    ReportTable m_table;
};

} // namespace hub
