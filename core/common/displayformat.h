// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QString>
#include <QTime>
#include <QTimeZone>

namespace hub {

/// Dates and times as every page, dialog and report shows them to people, in
/// the user's language: "Wed 16 Dec 2026", "19:00", "Wed 16 Dec 2026 19:00";
/// a page's heading spells the day out ("Wednesday 16 December 2026").
/// Files for machines (CSV, JSON, iCalendar, journals) and file names keep
/// ISO 8601, which sorts.
class DisplayFormat
{
public:
    static QString date(QDate date);
    /// Without the year, where it is plain: a week's columns, a due date this year.
    static QString dayMonth(QDate date);
    /// A page's or a printed sheet's heading.
    static QString heading(QDate date);
    static QString time(QTime time);
    /// The instant as a local time in `zone`, the hub's.
    static QString dateTime(const QDateTime &at, const QTimeZone &zone);
    /// "Wed 16 Dec 2026 19:00–21:00", or with both dates when it ends on another
    /// day; a span to midnight ends "24:00" on its own day. Every booking's
    /// times read this way: pages, messages, import plans and charge memos.
    /// Text stored for good (a transfer's memo) passes QLocale::c().
    static QString span(const QDateTime &start, const QDateTime &end, const QTimeZone &zone,
                        const QLocale &locale = QLocale());
    /// A period of dates: "Tue 1 Dec 2026 – Thu 31 Dec 2026".
    static QString period(QDate from, QDate to);

    /// What date, time and date-time fields show while they are edited.
    static QString dateEditFormat();
    static QString timeEditFormat();
    static QString dateTimeEditFormat();
};

} // namespace hub
