// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/localtime.h"

#include <QLocale>

namespace hub {

namespace {
// The clock change around `date`, if any: when, and the offsets before and after.
struct Change
{
    QDateTime atUtc;
    int before = 0; ///< seconds east of UTC before the change
    int after = 0;
};

std::optional<Change> changeNear(QDate date, const QTimeZone &zone)
{
    if (!zone.isValid() || !zone.hasTransitions())
        return std::nullopt;
    const QDateTime from(date.addDays(-1), QTime(0, 0), QTimeZone::utc());
    const QTimeZone::OffsetData t = zone.nextTransition(from);
    if (!t.atUtc.isValid() || t.atUtc > from.addDays(3))
        return std::nullopt;
    return Change{t.atUtc, zone.offsetFromUtc(t.atUtc.addSecs(-1)), t.offsetFromUtc};
}

// A wall-clock time as if it were UTC, for plain arithmetic on local times.
QDateTime naive(QDate date, QTime time)
{
    return QDateTime(date, time, QTimeZone::utc());
}

QString clock(const QDateTime &wall)
{
    return wall.time().toString(QStringLiteral("HH:mm"));
}

QString day(QDate date)
{
    return QLocale(QLocale::English).toString(date, QStringLiteral("ddd d MMM yyyy"));
}
} // namespace

LocalTime::Resolved LocalTime::occurrence(QDate date, QTime time, const QTimeZone &zone)
{
    Resolved r;
    const QDateTime wall = naive(date, time);
    if (const auto c = changeNear(date, zone)) {
        const QDateTime changeWall = c->atUtc.addSecs(c->before); // the clock reading as it changes
        if (c->after > c->before) {
            const qint64 gap = c->after - c->before;
            if (wall >= changeWall && wall < changeWall.addSecs(gap)) {
                // Same elapsed time after the change: 01:30 becomes 02:30 in London.
                r.at = QDateTime::fromSecsSinceEpoch(wall.toSecsSinceEpoch() - c->before, zone);
                r.moved = true;
                r.note = tr("%1 on %2 does not exist (the clocks go forward at %3), so it is at %4")
                             .arg(clock(wall), day(date), clock(changeWall), clock(r.at.toTimeZone(zone)));
                return r;
            }
        } else if (c->after < c->before) {
            const QDateTime repeatFrom = c->atUtc.addSecs(c->after);
            if (wall >= repeatFrom && wall < changeWall) {
                r.at = QDateTime::fromSecsSinceEpoch(wall.toSecsSinceEpoch() - c->before, zone);
                r.ambiguous = true;
                r.note = tr("%1 on %2 happens twice (the clocks go back at %3); the first %1 is meant")
                             .arg(clock(wall), day(date), clock(changeWall));
                return r;
            }
        }
    }
    r.at = QDateTime(date, time, zone);
    return r;
}

Result<LocalTime::Resolved> LocalTime::typed(QDate date, QTime time, const QTimeZone &zone, const QString &where)
{
    if (!date.isValid() || !time.isValid())
        return fail(Error::invalid(tr("choose a date and a time"), where));
    Resolved r = occurrence(date, time, zone);
    if (r.moved) {
        const auto c = changeNear(date, zone);
        const QDateTime changeWall = c->atUtc.addSecs(c->before);
        return fail(Error::invalid(tr("%1 on %2 does not exist: the clocks go forward at %3 to %4")
                                       .arg(clock(naive(date, time)), day(date), clock(changeWall),
                                            clock(changeWall.addSecs(c->after - c->before))),
                                   where));
    }
    return r;
}

} // namespace hub
