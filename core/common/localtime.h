// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

namespace hub {

/// A wall-clock time in the hub's zone turned into an instant, honestly
/// around the clock changes. In spring a stretch of local times does not
/// exist (London skips 01:00–02:00); in autumn one happens twice.
class LocalTime
{
    Q_DECLARE_TR_FUNCTIONS(hub::LocalTime)
public:
    struct Resolved
    {
        QDateTime at;           ///< the instant, in `zone`
        bool moved = false;     ///< the time was in a gap and moved forward by it
        bool ambiguous = false; ///< the time happens twice; the first was taken
        QString note;           ///< what happened, for the person, when moved or ambiguous
    };

    /// For a time a person typed: one in the spring gap is refused, naming
    /// it ("01:30 on Sun 28 Mar 2027 does not exist: the clocks go forward
    /// at 01:00"); a twice-happening autumn time takes the first and says so.
    static Result<Resolved> typed(QDate date, QTime time, const QTimeZone &zone, const QString &where);
    /// For an occurrence of a series (RFC 5545 3.3.5): a time in the gap
    /// moves forward by the length of the gap; a twice-happening one is the first.
    static Resolved occurrence(QDate date, QTime time, const QTimeZone &zone);
};

} // namespace hub
