// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/spaces/freespacesearch.h"

#include "core/spaces/bookingrules.h"
#include "core/spaces/spaceservice.h"
#include "core/storage/database.h"
#include "core/storage/query.h"
#include "core/storage/transaction.h"

namespace hub {

FreeSpaceSearch::FreeSpaceSearch(std::shared_ptr<Database> db, const BookingRules &rules)
    : m_db(std::move(db)), m_rules(rules)
{}

Result<QList<Space>> FreeSpaceSearch::freeSpaces(const QDateTime &from, const QDateTime &to, int capacity) const
{
    if (!from.isValid() || !to.isValid() || to <= from)
        return fail(Error::invalid(tr("the end must come after the start"), QStringLiteral("to")));
    if (from.secsTo(to) > qint64(BookingRules::MaxBookingDays) * 86400)
        return fail(Error::invalid(tr("look for at most %1 days at once").arg(BookingRules::MaxBookingDays),
                                   QStringLiteral("to")));
    const QTimeZone hubZone = m_rules.zone();
    auto tx = Transaction::begin(*m_db, Transaction::Mode::Deferred);
    if (!tx)
        return fail(tx.error());
    const QSqlDatabase db = tx->connection();
    Query ids(db, QStringLiteral("SELECT id FROM spaces WHERE active = 1 AND capacity >= :n ORDER BY name"));
    ids.bind(QStringLiteral(":n"), capacity);
    if (auto ok = ids.exec(); !ok)
        return fail(ok.error());
    QList<SpaceId> candidates;
    while (ids.next())
        candidates << SpaceId(ids.value(0).toLongLong());
    QList<Space> out;
    for (SpaceId id : std::as_const(candidates)) {
        auto space = SpaceService::get(db, id);
        if (!space)
            return fail(space.error());
        auto problem =
            BookingRules::problemWith(db, *space, from.toSecsSinceEpoch(), to.toSecsSinceEpoch(), hubZone, false);
        if (!problem)
            return fail(problem.error());
        if (!*problem)
            out << *space;
    }
    return out;
}

} // namespace hub
