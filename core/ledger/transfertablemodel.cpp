// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ledger/transfertablemodel.h"

#include "core/common/displayformat.h"
#include "core/hub.h"
#include "core/ledger/ledgerdisplay.h"
#include "core/settings/settingsservice.h"

namespace hub {

TransferTableModel::TransferTableModel(Hub &hub, QObject *parent)
    : PagedTableModel(parent), m_hub(hub), m_zone(QTimeZone::utc())
{
    reload();
}

TransferTableModel::~TransferTableModel() = default;

Amount TransferTableModel::shownAmount(const Transfer &t) const
{
    // In one member's view what matters is which way the credit went.
    if (m_filter.member && t.payer == *m_filter.member)
        return -t.amount;
    return t.amount;
}

QVariant TransferTableModel::displayText(const Transfer &t, int column) const
{
    switch (Column(column)) {
    case IdColumn:
        return QString::number(t.id.value());
    case DateColumn:
        return DisplayFormat::dateTime(t.createdAt, m_zone);
    case PayerColumn:
        return t.payerName;
    case PayeeColumn:
        return t.payeeName;
    case AmountColumn:
        return m_settings.formatAmount(shownAmount(t));
    case MemoColumn:
        return t.memo;
    case CategoryColumn:
        return t.category;
    case ReversalColumn:
        return LedgerDisplay::reversalText(t);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant TransferTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Transfer &t = rowData(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayText(t, column);
    case Qt::ToolTipRole:
        if (column == MemoColumn && !t.reference.isEmpty())
            return tr("%1 (reference: %2)").arg(t.memo, t.reference);
        if (column == ReversalColumn && !t.overrideNote.isEmpty())
            return tr("Posted beyond a limit by override: %1").arg(t.overrideNote);
        return displayText(t, column);
    case Qt::TextAlignmentRole:
        if (column == AmountColumn || column == IdColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case Qt::EditRole:
        // Raw values, for delegates and tests.
        if (column == IdColumn)
            return t.id.value();
        if (column == DateColumn)
            return t.createdAt;
        if (column == AmountColumn)
            return shownAmount(t).minor();
        return displayText(t, column);
    case TransferIdRole:
        return t.id.value();
    case AmountRole:
        return shownAmount(t).minor();
    case NegativeRole:
        return column == AmountColumn && shownAmount(t).isNegative();
    case PayerIdRole:
        return t.payer.value();
    case PayeeIdRole:
        return t.payee.value();
    case ReversedRole:
        return t.reversedBy.has_value();
    case ReversalRole:
        return t.reverses.has_value();
    default:
        return {};
    }
}

QVariant TransferTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole) {
        if (section == AmountColumn || section == IdColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    }
    return PagedTableModel::headerData(section, orientation, role);
}

QString TransferTableModel::header(int column) const
{
    switch (Column(column)) {
    case IdColumn:
        return tr("#");
    case DateColumn:
        return tr("Date");
    case PayerColumn:
        return tr("Payer");
    case PayeeColumn:
        return tr("Payee");
    case AmountColumn:
        return tr("Amount");
    case MemoColumn:
        return tr("Memo");
    case CategoryColumn:
        return tr("Category");
    case ReversalColumn:
        return tr("Reversal");
    case ColumnCount:
        break;
    }
    return {};
}

Result<Page<Transfer>> TransferTableModel::fetchPage(const PageKey &after, int limit) const
{
    return m_hub.ledger().transferPage(m_filter, after, limit, true);
}

void TransferTableModel::setFilter(const TransferFilter &filter)
{
    m_filter = filter;
    reload();
}

Status TransferTableModel::prepare()
{
    auto s = m_hub.settings().load();
    if (!s)
        return fail(s.error());
    m_settings = *s;
    m_zone = LedgerDisplay::zone(s->timeZone);
    return {};
}

std::optional<Transfer> TransferTableModel::transferAt(const QModelIndex &index) const
{
    return rowAt(index);
}

} // namespace hub
