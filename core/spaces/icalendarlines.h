// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

namespace hub {

/// A line-by-line reading of an .ics file before libical sees it. libical
/// is lenient: it guesses around broken lines and never says where they
/// were. This scan unfolds continuation lines while counting physical lines,
/// so every problem names the line a person sees in an editor: a file that
/// is not iCalendar, a malformed content line, BEGIN/END that do not pair
/// up, a date that does not exist.
class ICalendarLines
{
    Q_DECLARE_TR_FUNCTIONS(hub::ICalendarLines)
public:
    /// One BEGIN … END block and the lines of its own properties.
    struct Component
    {
        QString name;                                   ///< "VEVENT", upper case
        int begin = 0;                                  ///< line of BEGIN:
        int parent = -1;                                ///< index in components(); -1 for the calendar
        QList<int> lines;                               ///< physical line where each property starts
        QStringList names;                              ///< each property's name, upper case
        QStringList texts;                              ///< each property's unfolded content line
        mutable QHash<QString, QList<int>> linesByName; ///< lineOf()'s index, built on first use

        /// Line of the `nth` property called `property` (upper case); 0 if none.
        /// Indexed on first use, so asking for each of 100,000 EXDATEs stays linear.
        int lineOf(const QString &property, int nth = 0) const;
    };

    /// Reads `bytes`; a problem comes back as an invalid error whose `where`
    /// is "line N".
    static Result<ICalendarLines> scan(const QByteArray &bytes);

    /// Every component in the order of its BEGIN line.
    const QList<Component> &components() const { return m_components; }
    /// Indexes of the calendar's own VEVENTs, in file order.
    QList<int> events() const;
    /// The text to hand to libical: UTF-8 without a byte-order mark.
    const QByteArray &text() const { return m_text; }

    static QString where(int line);

private:
    QList<Component> m_components;
    QByteArray m_text;
};

} // namespace hub
