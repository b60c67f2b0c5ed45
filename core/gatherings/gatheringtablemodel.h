// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/pagedtablemodel.h"
#include "core/gatherings/gathering.h"
#include "core/gatherings/gatheringservice.h"

#include <QTimeZone>

namespace hub {

class Hub;

/// The hub's gatherings as a table, upcoming (soonest first) or past (latest
/// first), read a page at a time so years of weekly gatherings open at once.
class GatheringTableModel final : public PagedTableModel<Gathering>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatheringTableModel)
public:
    enum Column
    {
        WhenColumn,
        KindColumn,
        TitleColumn,
        SpaceColumn,
        SignedUpColumn,
        CameColumn,
        ColumnCount
    };

    enum Role
    {
        GatheringIdRole = Qt::UserRole, ///< qint64 id of the gathering
    };

    /// The model reads through `hub`, which must outlive it.
    explicit GatheringTableModel(Hub &hub, QObject *parent = nullptr);
    ~GatheringTableModel() override;

    /// Upcoming gatherings (still to end) or past ones; reads the first page.
    void setUpcoming(bool upcoming);
    bool isUpcoming() const { return m_upcoming; }
    /// The gathering in `index`'s row, if it is a fetched row.
    std::optional<Gathering> gatheringAt(const QModelIndex &index) const { return rowAt(index); }

protected:
    int columns() const override { return ColumnCount; }
    QString header(int column) const override;
    QString text(const Gathering &row, int column) const override;
    /// The hub's zone, as the times are shown.
    Status prepare() override;
    Result<int> countRows() const override;
    Result<Page<Gathering>> fetchPage(const PageKey &after, int limit) const override;
    qint64 idOf(const Gathering &gathering) const override { return gathering.id.value(); }

private:
    GatheringFilter filter() const;

    Hub &m_hub;
    QTimeZone m_zone;
    bool m_upcoming = true;
};

} // namespace hub
