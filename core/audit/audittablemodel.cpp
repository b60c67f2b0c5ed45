// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/audit/audittablemodel.h"

#include "core/audit/auditactionnames.h"
#include "core/audit/auditentitynames.h"
#include "core/common/pagedfetch.h"
#include "core/hub.h"
#include "core/ledger/ledgerdisplay.h"
#include "core/settings/settingsservice.h"

namespace hub {

AuditTableModel::AuditTableModel(Hub &hub, QObject *parent)
    : QAbstractTableModel(parent), m_hub(hub), m_zone(QTimeZone::utc()),
      m_names(std::make_unique<AuditEntityNames>(hub.sharedDatabase(), m_zone))
{
    reload();
}

AuditTableModel::~AuditTableModel() = default;

int AuditTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AuditTableModel::entityText(const AuditEntry &entry)
{
    if (entry.entity.isEmpty())
        return {};
    QString kind = entry.entity;
    kind[0] = kind[0].toUpper();
    if (entry.entityId == 0)
        return kind;
    return tr("%1 #%2").arg(kind).arg(entry.entityId);
}

QString AuditTableModel::whenText(const AuditEntry &entry, const QTimeZone &zone)
{
    if (!entry.at.isValid())
        return {};
    // ISO-like and with seconds: the audit trail is read to reconstruct what
    // happened in which order, and it sorts the same way in an exported CSV.
    return entry.at.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QVariant AuditTableModel::displayText(const AuditEntry &e, int column) const
{
    switch (Column(column)) {
    case WhenColumn:
        return whenText(e, m_zone);
    case WhoColumn:
        return e.userName;
    case ActionColumn:
        return AuditActionNames::label(e.action);
    case EntityColumn:
        return m_names->name(e.entity, e.entityId);
    case SummaryColumn:
        return e.summary;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant AuditTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditEntry &e = m_rows.at(index.row());
    switch (role) {
    case Qt::ToolTipRole:
        // The name, and the record's number to look it up by.
        if (index.column() == EntityColumn && e.entityId != 0)
            return tr("%1 (%2)").arg(m_names->name(e.entity, e.entityId), entityText(e));
        // The action's code, as the trail, its exports and hubctl name it.
        if (index.column() == ActionColumn)
            return tr("%1 (%2)").arg(AuditActionNames::label(e.action), e.action);
        return displayText(e, index.column());
    case Qt::DisplayRole:
        return displayText(e, index.column());
    case Qt::EditRole:
        if (index.column() == WhenColumn)
            return e.at;
        return displayText(e, index.column());
    case EntryIdRole:
        return e.id;
    case ActionRole:
        return e.action;
    default:
        return {};
    }
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case WhenColumn:
        return tr("When");
    case WhoColumn:
        return tr("Who");
    case ActionColumn:
        return tr("Action");
    case EntityColumn:
        return tr("Record");
    case SummaryColumn:
        return tr("What changed");
    case ColumnCount:
        break;
    }
    return {};
}

bool AuditTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_exhausted;
}

void AuditTableModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_exhausted)
        return;
    const QList<AuditEntry> batch = fetchBatch(int(m_rows.size()));
    if (batch.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + batch.size()) - 1);
    m_rows.append(batch);
    endInsertRows();
}

QList<AuditEntry> AuditTableModel::fetchBatch(int offset)
{
    AuditFilter page = m_filter;
    page.limit = BatchSize;
    page.offset = offset;
    return takePage(m_hub.audit().list(page), BatchSize, m_exhausted, m_error);
}

void AuditTableModel::setFilter(const AuditFilter &filter)
{
    m_filter = filter;
    m_filter.limit = -1;
    m_filter.offset = 0;
    reload();
}

void AuditTableModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_error.reset();
    m_matching = 0;
    m_exhausted = false;
    if (auto s = m_hub.settings().load())
        m_zone = LedgerDisplay::zone(s->timeZone);
    // Names may have changed (a member renamed or forgotten) since the last look.
    m_names->clear();
    m_names->setZone(m_zone);
    if (auto n = m_hub.audit().count(m_filter)) {
        m_matching = *n;
        m_rows = fetchBatch(0);
    } else {
        m_exhausted = true;
        m_error = n.error();
    }
    endResetModel();
}

std::optional<AuditEntry> AuditTableModel::entryAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_rows.size())
        return std::nullopt;
    return m_rows.at(index.row());
}

} // namespace hub
