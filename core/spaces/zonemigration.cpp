// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/spaces/zonemigration.h"

#include "core/access/accesscontrol.h"
#include "core/common/clock.h"
#include "core/common/localtime.h"
#include "core/settings/settingsservice.h"
#include "core/spaces/bookingrows.h"
#include "core/spaces/bookingverifier.h"
#include "core/storage/database.h"
#include "core/storage/query.h"

namespace hub {

ZoneMigration::ZoneMigration(std::shared_ptr<Database> db, SettingsService &settings, const Clock &clock,
                             AccessControl &access, const UnitOfWork &work, const BookingVerifier &verifier)
    : m_db(std::move(db)), m_settings(settings), m_clock(clock), m_access(access), m_work(work), m_verifier(verifier)
{}

Result<int> ZoneMigration::upcomingCount() const
{
    Query q(*m_db, QStringLiteral("SELECT count(*) FROM bookings WHERE end_utc > :now "
                                  "AND status IN ('tentative', 'confirmed')"));
    q.bind(QStringLiteral(":now"), m_clock.nowSecs());
    auto n = q.scalar();
    if (!n)
        return fail(n.error());
    return n->toInt();
}

Status ZoneMigration::guardZoneChange(const QString &from, const QString &to) const
{
    if (m_changingZone || from == to)
        return {};
    auto n = upcomingCount();
    if (!n)
        return fail(n.error());
    if (*n == 0)
        return {};
    return fail(
        Error::refused(tr("%1 upcoming bookings were made in %2. Choose whether they keep their local times in %3 "
                          "(19:00 stays 19:00) or the same moments (their clock times change).")
                           .arg(*n)
                           .arg(from, to),
                       QStringLiteral("timezone")));
}

Status ZoneMigration::changeZone(const QString &zoneId, ZoneChangePolicy policy)
{
    if (auto ok = m_access.require(Permission::ChangeSettings); !ok)
        return ok;
    auto current = m_settings.load();
    if (!current)
        return fail(current.error());
    HubSettings next = *current;
    if (auto ok = SettingsService::apply(next, SettingsService::keyTimeZone(), zoneId); !ok)
        return ok;
    if (next.timeZone == current->timeZone)
        return {};
    // The permission was checked above, before the zone was read and parsed.
    return m_work.run(std::nullopt, [&](Write &w) -> Status { return changeZoneIn(w, *current, next, policy); });
}

Status ZoneMigration::changeZoneIn(Write &w, const HubSettings &current, const HubSettings &next,
                                   ZoneChangePolicy policy)
{
    const QSqlDatabase db = w.connection();
    if (policy == ZoneChangePolicy::Ask)
        if (auto ok = guardZoneChange(current.timeZone, next.timeZone); !ok)
            return ok;
    const QTimeZone to = next.zone();
    if (auto ok = moveBookings(db, to, policy); !ok)
        return ok;
    if (auto ok = moveSeries(db, to, policy); !ok)
        return ok;
    m_changingZone = true;
    auto saved = m_settings.save(next);
    m_changingZone = false;
    if (!saved)
        return saved;
    // Wall clocks of two zones differ across their daylight-saving dates, so
    // moved bookings are checked once more against each other.
    if (const QList<Finding> overlaps = m_verifier.verify(); !overlaps.isEmpty())
        return fail(
            Error::refused(tr("keeping local times would make bookings overlap: %1").arg(overlaps.first().message),
                           QStringLiteral("timezone")));
    return {};
}

Status ZoneMigration::moveBookings(const QSqlDatabase &db, const QTimeZone &to, ZoneChangePolicy policy) const
{
    const QString toId = QString::fromUtf8(to.id());
    Query q(db, QStringLiteral("SELECT id, start_utc, end_utc, zone FROM bookings WHERE end_utc > :now "
                               "AND status IN ('tentative', 'confirmed')"));
    q.bind(QStringLiteral(":now"), m_clock.nowSecs());
    if (auto ok = q.exec(); !ok)
        return ok;
    struct Move
    {
        qint64 id, start, end;
    };
    QList<Move> moves;
    while (q.next()) {
        qint64 start = q.value(1).toLongLong();
        qint64 end = q.value(2).toLongLong();
        if (policy == ZoneChangePolicy::KeepLocalTimes) {
            const QTimeZone from(q.value(3).toString().toUtf8());
            const QDateTime s = QDateTime::fromSecsSinceEpoch(start, from);
            const QDateTime e = QDateTime::fromSecsSinceEpoch(end, from);
            // A wall time the new zone skips moves forward by the gap, never to 1970.
            start = LocalTime::occurrence(s.date(), s.time(), to).at.toSecsSinceEpoch();
            end = LocalTime::occurrence(e.date(), e.time(), to).at.toSecsSinceEpoch();
        }
        moves << Move{q.value(0).toLongLong(), start, end};
    }
    for (const Move &m : std::as_const(moves)) {
        Query u(db, QStringLiteral("UPDATE bookings SET start_utc = :s, end_utc = :e, zone = :zone WHERE id = :id"));
        u.bind(QStringLiteral(":s"), m.start)
            .bind(QStringLiteral(":e"), m.end)
            .bind(QStringLiteral(":zone"), toId)
            .bind(QStringLiteral(":id"), m.id);
        if (auto ok = u.exec(); !ok)
            return ok;
    }
    return {};
}

// A series keeps its wall-clock start under KeepLocalTimes; under
// KeepInstants its first start is read anew on the new wall clock.
Status ZoneMigration::moveSeries(const QSqlDatabase &db, const QTimeZone &to, ZoneChangePolicy policy)
{
    const QString toId = QString::fromUtf8(to.id());
    Query series(db, QStringLiteral("SELECT id, first_start, zone FROM booking_series"));
    if (auto ok = series.exec(); !ok)
        return ok;
    QList<std::pair<qint64, QString>> firsts;
    while (series.next()) {
        const QDateTime local = QDateTime::fromString(series.value(1).toString(), Qt::ISODate);
        const QDateTime then =
            LocalTime::occurrence(local.date(), local.time(), QTimeZone(series.value(2).toString().toUtf8())).at;
        firsts << std::pair{series.value(0).toLongLong(), policy == ZoneChangePolicy::KeepLocalTimes
                                                              ? series.value(1).toString()
                                                              : BookingRows::localText(then, to)};
    }
    for (const auto &[id, first] : std::as_const(firsts)) {
        Query u(db, QStringLiteral("UPDATE booking_series SET first_start = :first, zone = :zone WHERE id = :id"));
        u.bind(QStringLiteral(":first"), first).bind(QStringLiteral(":zone"), toId).bind(QStringLiteral(":id"), id);
        if (auto ok = u.exec(); !ok)
            return ok;
    }
    return {};
}

} // namespace hub
