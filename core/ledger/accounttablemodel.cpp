// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ledger/accounttablemodel.h"

#include "core/common/displayformat.h"
#include "core/hub.h"
#include "core/ledger/ledgerdisplay.h"
#include "core/settings/settingsservice.h"

namespace hub {

AccountTableModel::AccountTableModel(Hub &hub, QObject *parent) : PagedTableModel(parent), m_hub(hub)
{
    reload();
}

AccountTableModel::~AccountTableModel() = default;

QVariant AccountTableModel::displayText(const Account &a, int column) const
{
    switch (Column(column)) {
    case MemberColumn:
        return a.memberName;
    case BalanceColumn:
        return m_settings.formatAmount(a.balance);
    case LowerLimitColumn:
        return m_settings.formatAmount(a.limitMin);
    case UpperLimitColumn:
        return a.limitMax ? m_settings.formatAmount(*a.limitMax) : tr("None");
    case StatusColumn:
        return LedgerDisplay::statusText(a.status);
    case LastActivityColumn:
        return DisplayFormat::dateTime(a.lastActivityAt, LedgerDisplay::zone(m_settings.timeZone));
    case ColumnCount:
        break;
    }
    return {};
}

QVariant AccountTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Account &a = rowData(index.row());
    const int column = index.column();
    const bool amountColumn = column == BalanceColumn || column == LowerLimitColumn || column == UpperLimitColumn;
    switch (role) {
    case Qt::DisplayRole:
        return displayText(a, column);
    case Qt::ToolTipRole:
        if (column == MemberColumn && a.isHub)
            return tr("%1 — the hub's own account").arg(a.memberName);
        if (column == BalanceColumn && a.warnMin)
            return tr("%1; warning below %2")
                .arg(m_settings.formatAmount(a.balance), m_settings.formatAmount(*a.warnMin));
        return displayText(a, column);
    case Qt::TextAlignmentRole:
        if (amountColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case Qt::EditRole:
        // Raw values, for delegates and tests.
        if (column == LastActivityColumn)
            return a.lastActivityAt;
        if (amountColumn)
            return data(index, AmountRole);
        return displayText(a, column);
    case MemberIdRole:
        return a.member.value();
    case AccountIdRole:
        return a.id.value();
    case AmountRole:
        if (column == BalanceColumn)
            return a.balance.minor();
        if (column == LowerLimitColumn)
            return a.limitMin.minor();
        if (column == UpperLimitColumn && a.limitMax)
            return a.limitMax->minor();
        return {};
    case NegativeRole:
        // Only the balance: every lower limit is negative by nature, and
        // marking them all would drown the balances that matter.
        return column == BalanceColumn && a.balance.isNegative();
    case StatusRole:
        return int(a.status);
    case HubAccountRole:
        return a.isHub;
    default:
        return {};
    }
}

QVariant AccountTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole) {
        if (section == BalanceColumn || section == LowerLimitColumn || section == UpperLimitColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    }
    return PagedTableModel::headerData(section, orientation, role);
}

QString AccountTableModel::header(int column) const
{
    switch (Column(column)) {
    case MemberColumn:
        return tr("Member");
    case BalanceColumn:
        return tr("Balance");
    case LowerLimitColumn:
        return tr("Lower limit");
    case UpperLimitColumn:
        return tr("Upper limit");
    case StatusColumn:
        return tr("Status");
    case LastActivityColumn:
        return tr("Last activity");
    case ColumnCount:
        break;
    }
    return {};
}

Status AccountTableModel::prepare()
{
    auto s = m_hub.settings().load();
    if (!s)
        return fail(s.error());
    m_settings = *s;
    return {};
}

Result<int> AccountTableModel::countRows() const
{
    return m_hub.ledger().accountCount(m_filter);
}

Result<Page<Account>> AccountTableModel::fetchPage(const PageKey &after, int limit) const
{
    return m_hub.ledger().accountPage(m_filter, after, limit, sortKey(), m_sortOrder == Qt::DescendingOrder);
}

bool AccountTableModel::isSortable(int column)
{
    return column == MemberColumn || column == BalanceColumn || column == LastActivityColumn;
}

AccountSort AccountTableModel::sortKey() const
{
    switch (m_sortColumn) {
    case BalanceColumn:
        return AccountSort::Balance;
    case LastActivityColumn:
        return AccountSort::LastActivity;
    default:
        return AccountSort::Name;
    }
}

void AccountTableModel::sort(int column, Qt::SortOrder order)
{
    if (!isSortable(column) || (column == m_sortColumn && order == m_sortOrder))
        return;
    // The fetched rows are only a prefix of the new order, so a layout change
    // could not keep them: sorting re-reads from the top.
    m_sortColumn = column;
    m_sortOrder = order;
    reload();
}

void AccountTableModel::setFilter(const AccountFilter &filter)
{
    m_filter = filter;
    reload();
}

bool AccountTableModel::isFiltered() const
{
    return !m_filter.search.trimmed().isEmpty() || m_filter.status || m_filter.atRiskOnly;
}

void AccountTableModel::refreshMembers(const QList<MemberId> &members)
{
    if (m_sortColumn != MemberColumn || m_filter.atRiskOnly || m_filter.status) {
        reload();
        return;
    }
    for (const MemberId member : members) {
        const int row = rowOf(member);
        // Rows not fetched yet are read fresh when the view scrolls to them.
        if (row < 0)
            continue;
        if (auto fresh = m_hub.ledger().account(member))
            replaceRow(*fresh);
    }
}

std::optional<Account> AccountTableModel::accountAt(const QModelIndex &index) const
{
    return rowAt(index);
}

} // namespace hub
