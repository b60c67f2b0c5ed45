// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCollator>
#include <QSortFilterProxyModel>

namespace hub {

/// Sorts a report table by a clicked column: numbers and amounts by value,
/// dates in time order, text folded as the members' lists sort it (so
/// "İlker" and "Łukasz" fall where a reader expects them, whatever the
/// system's locale). The totals row stays at the bottom.
class ReportSortModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ReportSortModel(QObject *parent = nullptr);

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QCollator m_collator;
    Qt::SortOrder m_order = Qt::AscendingOrder;
};

} // namespace hub
