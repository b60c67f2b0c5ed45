// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/audit/audittrail.h"
#include "core/common/error.h"

#include <QAbstractTableModel>
#include <QList>
#include <QTimeZone>

#include <memory>
#include <optional>

namespace hub {

class AuditEntityNames;
class Hub;

/// The audit trail, newest first, filtered in SQL and fetched lazily in
/// batches, so a trail of years opens at once. Times read in the hub's zone.
class AuditTableModel final : public QAbstractTableModel
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

    static constexpr int BatchSize = 200;

    /// The model reads through `hub`, which must outlive it.
    explicit AuditTableModel(Hub &hub, QObject *parent = nullptr);
    ~AuditTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    /// Which rows are shown (limit and offset are the model's own); resets the
    /// model and fetches the first batch.
    void setFilter(const AuditFilter &filter);
    AuditFilter filter() const { return m_filter; }
    /// Reads the first batch again.
    void reload();

    /// The entry in `index`'s row, if it is a fetched row.
    std::optional<AuditEntry> entryAt(const QModelIndex &index) const;
    /// How many rows match the filter, counted in SQL.
    int matchingCount() const { return m_matching; }
    /// The last storage error, if reading failed; the model is then empty.
    std::optional<Error> lastError() const { return m_error; }
    QTimeZone zone() const { return m_zone; }

    /// "Transfer #12", "Member #3", or empty for an entry about no one row.
    static QString entityText(const AuditEntry &entry);
    /// The entry's instant as a local date and time in `zone`: "2026-11-23 19:04:05".
    static QString whenText(const AuditEntry &entry, const QTimeZone &zone);

private:
    QList<AuditEntry> fetchBatch(int offset);
    QVariant displayText(const AuditEntry &entry, int column) const;

    Hub &m_hub;
    QTimeZone m_zone;
    std::unique_ptr<AuditEntityNames> m_names;
    AuditFilter m_filter;
    QList<AuditEntry> m_rows;
    int m_matching = 0;
    bool m_exhausted = true;
    std::optional<Error> m_error;
};

} // namespace hub
