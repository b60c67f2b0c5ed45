// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/audit/audittablemodel.h"

#include "core/audit/auditactionnames.h"
#include "core/audit/auditentitynames.h"
#include "core/hub.h"
#include "core/ledger/ledgerdisplay.h"
#include "core/settings/settingsservice.h"

namespace hub {

AuditTableModel::AuditTableModel(Hub &hub, QObject *parent)
    : PagedTableModel(parent), m_hub(hub), m_zone(QTimeZone::utc()),
      m_names(std::make_unique<AuditEntityNames>(hub.sharedDatabase(), m_zone))
{
    reload();
}

AuditTableModel::~AuditTableModel() = default;

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
    const AuditEntry &e = rowData(index.row());
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

QString AuditTableModel::header(int column) const
{
    switch (Column(column)) {
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

void AuditTableModel::setFilter(const AuditFilter &filter)
{
    m_filter = filter;
    m_filter.limit = -1;
    m_filter.beforeId.reset();
    reload();
}

Result<int> AuditTableModel::countRows() const
{
    return m_hub.audit().count(m_filter);
}

Result<Page<AuditEntry>> AuditTableModel::fetchPage(const PageKey &after, int limit) const
{
    AuditFilter page = m_filter;
    page.limit = limit;
    if (!after.isFirst())
        page.beforeId = after.values.first().toLongLong();
    auto rows = m_hub.audit().list(page);
    if (!rows)
        return fail(rows.error());
    Page<AuditEntry> out{std::move(*rows), {}};
    if (!out.rows.isEmpty())
        out.next.values = {out.rows.last().id};
    return out;
}

Status AuditTableModel::prepare()
{
    // A hub whose settings cannot be read still shows its trail, in UTC.
    if (auto s = m_hub.settings().load())
        m_zone = LedgerDisplay::zone(s->timeZone);
    m_names->clear();
    m_names->setZone(m_zone);
    return {};
}

std::optional<AuditEntry> AuditTableModel::entryAt(const QModelIndex &index) const
{
    return rowAt(index);
}

} // namespace hub
