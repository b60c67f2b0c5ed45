// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/changeevent.h"

#include <QHash>

namespace hub {

ChangeAreas ChangeEvent::everything()
{
    return ChangeArea::Members | ChangeArea::Skills | ChangeArea::Ledger | ChangeArea::Spaces | ChangeArea::Bookings |
           ChangeArea::Gatherings | ChangeArea::Settings | ChangeArea::Users;
}

void ChangeEvent::merge(const ChangeEvent &other)
{
    // Records known for both, or for neither: an empty list with areas means
    // "not known in detail" and stays so.
    const bool known = (areas == ChangeAreas() || !records.isEmpty()) && !other.records.isEmpty();
    if (known && records.size() + other.records.size() <= RecordLimit) {
        for (const ChangedRecord &r : other.records)
            if (!records.contains(r))
                records.append(r);
    } else {
        records.clear();
    }
    areas |= other.areas;
    elsewhere = elsewhere || other.elsewhere;
}

ChangeAreas ChangeEvent::areaOf(const QString &entity)
{
    // The entity names the services give the audit trail (AuditEntityNames).
    static const QHash<QString, ChangeAreas> areas = {
        {QStringLiteral("member"), ChangeArea::Members | ChangeArea::Ledger},
        {QStringLiteral("walk-in"), ChangeArea::Members | ChangeArea::Gatherings},
        {QStringLiteral("offer"), ChangeArea::Members},
        {QStringLiteral("need"), ChangeArea::Members},
        {QStringLiteral("skill"), ChangeArea::Skills | ChangeArea::Members},
        {QStringLiteral("category"), ChangeArea::Ledger},
        {QStringLiteral("account"), ChangeArea::Ledger},
        {QStringLiteral("transfer"), ChangeArea::Ledger},
        {QStringLiteral("space"), ChangeArea::Spaces | ChangeArea::Bookings},
        {QStringLiteral("closure"), ChangeArea::Spaces | ChangeArea::Bookings},
        {QStringLiteral("booking"), ChangeArea::Bookings},
        {QStringLiteral("series"), ChangeArea::Bookings},
        {QStringLiteral("gathering"), ChangeArea::Gatherings | ChangeArea::Bookings},
        {QStringLiteral("idea"), ChangeArea::Gatherings},
        {QStringLiteral("group"), ChangeArea::Gatherings},
        {QStringLiteral("action"), ChangeArea::Gatherings},
        {QStringLiteral("challenge"), ChangeArea::Gatherings},
        {QStringLiteral("settings"), ChangeArea::Settings},
        {QStringLiteral("hub"), ChangeArea::Settings},
        {QStringLiteral("user"), ChangeArea::Users},
    };
    return areas.value(entity, everything());
}

} // namespace hub
