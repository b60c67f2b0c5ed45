// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/audit/audittrail.h"
#include "core/common/pagedtablemodel.h"

#include <QTimeZone>

#include <memory>
#include <optional>

namespace hub {

class AuditEntityNames;
class Hub;

/// The audit trail, newest first, filtered in SQL and fetched lazily a page
/// at a time, so a trail of years opens at once. Times read in the hub's zone.
class AuditTableModel final : public PagedTableModel<AuditEntry>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditTableModel)
public:
    enum Column
    {
        WhenColumn,
        WhoColumn,
        ActionColumn,
        EntityColumn,
        SummaryColumn,
        ColumnCount
    };

    enum Role
    {
        EntryIdRole = Qt::UserRole, ///< qint64 id of the audit row
        ActionRole,                 ///< the machine action name, e.g. "transfer.reverse"
    };

    /// The model reads through `hub`, which must outlive it.
    explicit AuditTableModel(Hub &hub, QObject *parent = nullptr);
    ~AuditTableModel() override;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    /// Which rows are shown (limit and paging are the model's own); resets
    /// the model and fetches the first page.
    void setFilter(const AuditFilter &filter);
    AuditFilter filter() const { return m_filter; }
    /// The entry in `index`'s row, if it is a fetched row.
    std::optional<AuditEntry> entryAt(const QModelIndex &index) const;
    QTimeZone zone() const { return m_zone; }

    /// "Transfer #12", "Member #3", or empty for an entry about no one row.
    static QString entityText(const AuditEntry &entry);
    /// The entry's instant as a local date and time in `zone`: "2026-11-23 19:04:05".
    static QString whenText(const AuditEntry &entry, const QTimeZone &zone);

protected:
    int columns() const override { return ColumnCount; }
    QString header(int column) const override;
    Result<int> countRows() const override;
    Result<Page<AuditEntry>> fetchPage(const PageKey &after, int limit) const override;
    qint64 idOf(const AuditEntry &entry) const override { return entry.id; }
    /// Names may have changed (a member renamed or forgotten) since the last
    /// look, and so may the hub's zone.
    Status prepare() override;

private:
    QVariant displayText(const AuditEntry &entry, int column) const;

    Hub &m_hub;
    QTimeZone m_zone;
    std::unique_ptr<AuditEntityNames> m_names;
    AuditFilter m_filter;
};

} // namespace hub
