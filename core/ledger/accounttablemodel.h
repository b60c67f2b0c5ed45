// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/ledger/ledgerservice.h"
#include "core/settings/hubsettings.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace hub {

class Hub;

/// Every member's credit account as a table: filtered and sorted in SQL by
/// LedgerService, fetched lazily in batches so a city-sized hub opens at once.
/// Members whose account has not been opened yet show as it would open
/// (zero, the hub's default limits).
class AccountTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountTableModel)
public:
    enum Column
    {
        MemberColumn,
        BalanceColumn,
        LowerLimitColumn,
        UpperLimitColumn,
        StatusColumn,
        LastActivityColumn,
        ColumnCount
    };

    enum Role
    {
        MemberIdRole = Qt::UserRole, ///< qint64 id of the member
        AccountIdRole,               ///< qint64 id of the account; 0 while not opened
        AmountRole,                  ///< qint64 minor units of an amount column; null for "none"
        NegativeRole,                ///< bool: the amount in this cell is below zero (views mark it)
        StatusRole,                  ///< AccountStatus as int
        HubAccountRole,              ///< bool: the hub's own account
    };

    static constexpr int BatchSize = 200;

    /// The model reads through `hub`, which must outlive it.
    explicit AccountTableModel(Hub &hub, QObject *parent = nullptr);
    ~AccountTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    /// Sorts in SQL by member, balance or last activity; other columns are
    /// left as they are (isSortable() tells which).
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    static bool isSortable(int column);

    /// Which accounts are shown; resets the model and fetches the first batch.
    void setFilter(const AccountFilter &filter);
    AccountFilter filter() const { return m_filter; }
    bool isFiltered() const;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    /// Reads everything again (after a posting elsewhere, a settings change).
    void reload();
    /// Re-reads the accounts of `members` in place after a posting, keeping
    /// the view's selection and scroll. When the order or the filter depends
    /// on balances a row could move or leave, so everything is read again.
    void refreshMembers(const QList<MemberId> &members);

    /// The account in `index`'s row, if it is a fetched row.
    std::optional<Account> accountAt(const QModelIndex &index) const;
    /// The row of `member`'s account among the rows fetched so far, or -1.
    int rowOf(MemberId member) const;
    /// How many accounts match the filter (fetched or not).
    int matchingCount() const { return m_matching; }
    /// The last storage error, if reading failed; the model is then empty.
    std::optional<Error> lastError() const { return m_error; }
    /// The hub's unit, as amounts in the table are written.
    const HubSettings &settings() const { return m_settings; }

Q_SIGNALS:
    /// Reading from the hub failed; `message` says why, for people.
    void loadFailed(const QString &message);

private:
    QList<Account> fetchBatch(int offset);
    AccountSort sortKey() const;
    QVariant displayText(const Account &a, int column) const;

    Hub &m_hub;
    HubSettings m_settings;
    AccountFilter m_filter;
    int m_sortColumn = MemberColumn;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QList<Account> m_rows;
    int m_matching = 0;
    bool m_exhausted = true;
    std::optional<Error> m_error;
};

} // namespace hub
