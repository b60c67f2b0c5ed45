// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ledger/transfertablemodel.h"

#include "core/common/displayformat.h"
#include "core/common/pagedfetch.h"
#include "core/hub.h"
#include "core/ledger/ledgerdisplay.h"
#include "core/settings/settingsservice.h"

namespace hub {

TransferTableModel::TransferTableModel(Hub &hub, QObject *parent)
    : QAbstractTableModel(parent), m_hub(hub), m_zone(QTimeZone::utc())
{
    reload();
}

TransferTableModel::~TransferTableModel() = default;

int TransferTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TransferTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

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
    const Transfer &t = m_rows.at(index.row());
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
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
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

bool TransferTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_exhausted;
}

void TransferTableModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_exhausted)
        return;
    const QList<Transfer> batch = fetchBatch(int(m_rows.size()));
    if (m_error)
        Q_EMIT loadFailed(m_error->text());
    if (batch.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + batch.size()) - 1);
    m_rows.append(batch);
    endInsertRows();
}

QList<Transfer> TransferTableModel::fetchBatch(int offset)
{
    return takePage(m_hub.ledger().transfers(m_filter, BatchSize, offset, true), BatchSize, m_exhausted, m_error);
}

void TransferTableModel::setFilter(const TransferFilter &filter)
{
    m_filter = filter;
    reload();
}

void TransferTableModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_error.reset();
    m_exhausted = false;
    if (auto s = m_hub.settings().load()) {
        m_settings = *s;
        m_zone = LedgerDisplay::zone(s->timeZone);
        m_rows = fetchBatch(0);
    } else {
        m_exhausted = true;
        m_error = s.error();
    }
    endResetModel();
    // Emitted after the reset so a view that shows the message sees the empty model.
    if (m_error)
        Q_EMIT loadFailed(m_error->text());
}

std::optional<Transfer> TransferTableModel::transferAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_rows.size())
        return std::nullopt;
    return m_rows.at(index.row());
}

int TransferTableModel::rowOf(TransferId id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

} // namespace hub
