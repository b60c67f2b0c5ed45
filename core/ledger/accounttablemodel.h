// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/pagedtablemodel.h"
#include "core/ledger/ledgerservice.h"
#include "core/settings/hubsettings.h"

#include <optional>

namespace hub {

class Hub;

/// Every member's credit account as a table: filtered and sorted in SQL by
/// LedgerService, fetched lazily a page at a time so a city-sized hub opens at once.
/// Members whose account has not been opened yet show as it would open
/// (zero, the hub's default limits).
class AccountTableModel final : public PagedTableModel<Account>
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

    /// The model reads through `hub`, which must outlive it.
    explicit AccountTableModel(Hub &hub, QObject *parent = nullptr);
    ~AccountTableModel() override;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    /// Sorts in SQL by member, balance or last activity; other columns are
    /// left as they are (isSortable() tells which).
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    static bool isSortable(int column);

    /// Which accounts are shown; resets the model and fetches the first page.
    void setFilter(const AccountFilter &filter);
    AccountFilter filter() const { return m_filter; }
    bool isFiltered() const;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    /// Re-reads the accounts of `members` in place after a posting, keeping
    /// the view's selection and scroll. When the order or the filter depends
    /// on balances a row could move or leave, so everything is read again.
    void refreshMembers(const QList<MemberId> &members);

    /// The account in `index`'s row, if it is a fetched row.
    std::optional<Account> accountAt(const QModelIndex &index) const;
    /// The row of `member`'s account among the rows fetched so far, or -1.
    int rowOf(MemberId member) const { return rowOfId(member.value()); }
    /// The hub's unit, as amounts in the table are written.
    const HubSettings &settings() const { return m_settings; }

protected:
    int columns() const override { return ColumnCount; }
    QString header(int column) const override;
    /// The hub's unit and default limits, as the rows are read and written.
    Status prepare() override;
    Result<int> countRows() const override;
    Result<Page<Account>> fetchPage(const PageKey &after, int limit) const override;
    /// Rows are keyed by member: an account not opened yet has no id of its own.
    qint64 idOf(const Account &account) const override { return account.member.value(); }

private:
    AccountSort sortKey() const;
    QVariant displayText(const Account &a, int column) const;

    Hub &m_hub;
    HubSettings m_settings;
    AccountFilter m_filter;
    int m_sortColumn = MemberColumn;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace hub
