// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/gatherings/gatheringtablemodel.h"

#include "core/common/displayformat.h"
#include "core/gatherings/gatheringservice.h"
#include "core/hub.h"
#include "core/spaces/bookingservice.h"

namespace hub {

GatheringTableModel::GatheringTableModel(Hub &hub, QObject *parent)
    : PagedTableModel(parent), m_hub(hub), m_zone(QTimeZone::utc())
{
    reload();
}

GatheringTableModel::~GatheringTableModel() = default;

void GatheringTableModel::setUpcoming(bool upcoming)
{
    m_upcoming = upcoming;
    reload();
}

Status GatheringTableModel::prepare()
{
    m_zone = m_hub.bookings().zone();
    return {};
}

GatheringFilter GatheringTableModel::filter() const
{
    // "Now" is read at each page, so a list open for hours still splits the
    // upcoming from the past where the hub's clock does.
    GatheringFilter f;
    if (m_upcoming)
        f.from = m_hub.clock().now();
    else
        f.endedBy = m_hub.clock().now();
    f.newestFirst = !m_upcoming;
    return f;
}

Result<int> GatheringTableModel::countRows() const
{
    return m_hub.gatherings().count(filter());
}

Result<Page<Gathering>> GatheringTableModel::fetchPage(const PageKey &after, int limit) const
{
    return m_hub.gatherings().page(filter(), after, limit);
}

QString GatheringTableModel::text(const Gathering &g, int column) const
{
    switch (Column(column)) {
    case WhenColumn:
        return DisplayFormat::dateTime(g.start, m_zone);
    case KindColumn:
        return label(g.kind);
    case TitleColumn:
        return g.title;
    case SpaceColumn:
        return g.spaceName.isEmpty() ? tr("elsewhere") : g.spaceName;
    case SignedUpColumn:
        if (!g.capacity)
            return QString::number(g.registered);
        return tr("%1 of %2%3")
            .arg(g.registered)
            .arg(*g.capacity)
            .arg(g.waiting ? tr(", %1 waiting").arg(g.waiting) : QString());
    case CameColumn:
        return QString::number(g.attended);
    case ColumnCount:
        break;
    }
    return {};
}

QString GatheringTableModel::header(int column) const
{
    switch (Column(column)) {
    case WhenColumn:
        return tr("When");
    case KindColumn:
        return tr("Kind");
    case TitleColumn:
        return tr("Title");
    case SpaceColumn:
        return tr("Space");
    case SignedUpColumn:
        return tr("Signed up");
    case CameColumn:
        return tr("Came");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace hub
