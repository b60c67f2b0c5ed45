// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/zoneoffsets.h"

#include <QDateTime>

namespace hub {

ZoneOffsets::ZoneOffsets(QTimeZone zone) : m_zone(std::move(zone))
{}

int ZoneOffsets::at(qint64 utc)
{
    if (utc >= m_from && utc < m_to)
        return m_offset;
    const QDateTime instant = QDateTime::fromSecsSinceEpoch(utc, QTimeZone::utc());
    m_offset = m_zone.offsetFromUtc(instant);
    m_from = utc;
    m_to = utc + 1;
    if (!m_zone.hasTransitions())
        return m_offset;
    // previousTransition() is strictly before its argument: one second on, it
    // also finds a transition at this very instant.
    const QTimeZone::OffsetData before = m_zone.previousTransition(instant.addSecs(1));
    const QTimeZone::OffsetData after = m_zone.nextTransition(instant);
    const qint64 from = before.atUtc.isValid() ? before.atUtc.toSecsSinceEpoch() : std::numeric_limits<qint64>::min();
    const qint64 to = after.atUtc.isValid() ? after.atUtc.toSecsSinceEpoch() : std::numeric_limits<qint64>::max();
    // Kept only when the zone's answers agree with each other; otherwise every
    // instant asks again, which is slow but right.
    if (from <= utc && utc < to && (!before.atUtc.isValid() || before.offsetFromUtc == m_offset)) {
        m_from = from;
        m_to = to;
    }
    return m_offset;
}

} // namespace hub
