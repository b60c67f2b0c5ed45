// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTime>
#include <QTimeZone>

namespace hub {

/// Dates and times as every page and report shows them to people, in the
/// user's language: "Wed 16 Dec 2026", "19:00", "Wed 16 Dec 2026 19:00".
/// (Files for machines — CSV, JSON, iCalendar — keep ISO 8601.)
class DisplayFormat
{
public:
    static QString date(QDate date);
    static QString time(QTime time);
    /// The instant as a local time in `zone`, the hub's.
    static QString dateTime(const QDateTime &at, const QTimeZone &zone);
    /// "Wed 16 Dec 2026 19:00–21:00", or with both dates when it ends on another day.
    static QString span(const QDateTime &start, const QDateTime &end, const QTimeZone &zone);
};

} // namespace hub
