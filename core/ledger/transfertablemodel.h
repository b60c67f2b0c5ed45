// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/pagedtablemodel.h"
#include "core/ledger/ledgerservice.h"
#include "core/settings/hubsettings.h"

#include <QTimeZone>

#include <optional>

namespace hub {

class Hub;

/// Transfers, newest first, for the whole hub or one member, fetched lazily a
/// page at a time. Opening reads only the first batch — no count over the whole
/// ledger — so a million transfers open at once.
class TransferTableModel final : public PagedTableModel<Transfer>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransferTableModel)
public:
    enum Column
    {
        IdColumn,
        DateColumn,
        PayerColumn,
        PayeeColumn,
        AmountColumn,
        MemoColumn,
        CategoryColumn,
        ReversalColumn,
        ColumnCount
    };

    enum Role
    {
        TransferIdRole = Qt::UserRole, ///< qint64 id of the transfer
        AmountRole,                    ///< qint64 minor units as shown: signed when one member's view
        NegativeRole,                  ///< bool: the amount in this cell is below zero (views mark it)
        PayerIdRole,                   ///< qint64 member id of the payer
        PayeeIdRole,                   ///< qint64 member id of the payee
        ReversedRole,                  ///< bool: a later transfer reversed this one
        ReversalRole,                  ///< bool: this transfer reverses an earlier one
    };

    /// The model reads through `hub`, which must outlive it.
    explicit TransferTableModel(Hub &hub, QObject *parent = nullptr);
    ~TransferTableModel() override;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Which transfers are shown; resets the model and fetches the first page.
    /// With a member, amounts are signed from that member's side: − paid, + received.
    void setFilter(const TransferFilter &filter);
    TransferFilter filter() const { return m_filter; }

    /// The transfer in `index`'s row, if it is a fetched row.
    std::optional<Transfer> transferAt(const QModelIndex &index) const;
    /// The row of `id` among the rows fetched so far, or -1.
    int rowOf(TransferId id) const { return rowOfId(id.value()); }

protected:
    int columns() const override { return ColumnCount; }
    QString header(int column) const override;
    /// The hub's unit and zone, as amounts and times are shown.
    Status prepare() override;
    /// Not counted: counting a million transfers would cost more than the page.
    Result<int> countRows() const override { return 0; }
    Result<Page<Transfer>> fetchPage(const PageKey &after, int limit) const override;
    qint64 idOf(const Transfer &transfer) const override { return transfer.id.value(); }

private:
    Amount shownAmount(const Transfer &t) const;
    QVariant displayText(const Transfer &t, int column) const;

    Hub &m_hub;
    HubSettings m_settings;
    QTimeZone m_zone;
    TransferFilter m_filter;
};

} // namespace hub
