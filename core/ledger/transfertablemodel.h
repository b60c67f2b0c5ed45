// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/ledger/ledgerservice.h"
#include "core/settings/hubsettings.h"

#include <QAbstractTableModel>
#include <QList>
#include <QTimeZone>

#include <optional>

namespace hub {

class Hub;

/// Transfers, newest first, for the whole hub or one member, fetched lazily in
/// batches. Opening reads only the first batch — no count over the whole
/// ledger — so a million transfers open at once.
class TransferTableModel final : public QAbstractTableModel
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

    static constexpr int BatchSize = 200;

    /// The model reads through `hub`, which must outlive it.
    explicit TransferTableModel(Hub &hub, QObject *parent = nullptr);
    ~TransferTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    /// Which transfers are shown; resets the model and fetches the first batch.
    /// With a member, amounts are signed from that member's side: − paid, + received.
    void setFilter(const TransferFilter &filter);
    TransferFilter filter() const { return m_filter; }

    /// Reads the first batch again (after a posting or a reversal).
    void reload();

    /// The transfer in `index`'s row, if it is a fetched row.
    std::optional<Transfer> transferAt(const QModelIndex &index) const;
    /// The row of `id` among the rows fetched so far, or -1.
    int rowOf(TransferId id) const;
    /// The last storage error, if reading failed; the model is then empty.
    std::optional<Error> lastError() const { return m_error; }

Q_SIGNALS:
    /// Reading from the hub failed; `message` says why, for people.
    void loadFailed(const QString &message);

private:
    QList<Transfer> fetchBatch(int offset);
    Amount shownAmount(const Transfer &t) const;
    QVariant displayText(const Transfer &t, int column) const;

    Hub &m_hub;
    HubSettings m_settings;
    QTimeZone m_zone;
    TransferFilter m_filter;
    QList<Transfer> m_rows;
    bool m_exhausted = true;
    std::optional<Error> m_error;
};

} // namespace hub
