// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTimeZone>

#include <limits>

namespace hub {

/// A zone's offset from UTC at an instant, remembered for the whole span
/// between the zone's transitions around it. Exports format instants in time
/// order, so a million transfers ask the zone a few dozen times instead of a
/// million. Not for sharing between threads: asking may update the span.
class ZoneOffsets
{
public:
    explicit ZoneOffsets(QTimeZone zone);

    /// Seconds east of UTC at `utc` (seconds since the epoch).
    int at(qint64 utc);
    const QTimeZone &zone() const { return m_zone; }

private:
    QTimeZone m_zone;
    // [m_from, m_to) in UTC seconds, where the offset is m_offset; empty at first.
    qint64 m_from = std::numeric_limits<qint64>::max();
    qint64 m_to = std::numeric_limits<qint64>::min();
    int m_offset = 0;
};

} // namespace hub
