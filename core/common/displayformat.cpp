// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/displayformat.h"

#include <QLocale>

namespace hub {

namespace {
const QString DateForm = QStringLiteral("ddd d MMM yyyy");
const QString TimeForm = QStringLiteral("HH:mm");
const QString DayMonthForm = QStringLiteral("ddd d MMM");
const QString HeadingForm = QStringLiteral("dddd d MMMM yyyy");
} // namespace

QString DisplayFormat::date(QDate date)
{
    return date.isValid() ? QLocale().toString(date, DateForm) : QString();
}

QString DisplayFormat::dayMonth(QDate date)
{
    return date.isValid() ? QLocale().toString(date, DayMonthForm) : QString();
}

QString DisplayFormat::heading(QDate date)
{
    return date.isValid() ? QLocale().toString(date, HeadingForm) : QString();
}

QString DisplayFormat::time(QTime time)
{
    return time.isValid() ? QLocale().toString(time, TimeForm) : QString();
}

QString DisplayFormat::dateTime(const QDateTime &at, const QTimeZone &zone)
{
    if (!at.isValid())
        return {};
    const QDateTime local = at.toTimeZone(zone);
    return date(local.date()) + u' ' + time(local.time());
}

QString DisplayFormat::span(const QDateTime &start, const QDateTime &end, const QTimeZone &zone, const QLocale &locale)
{
    const QDateTime s = start.toTimeZone(zone);
    const QDateTime e = end.toTimeZone(zone);
    const auto at = [&locale](const QDateTime &local) {
        return locale.toString(local.date(), DateForm) + u' ' + locale.toString(local.time(), TimeForm);
    };
    // An evening to midnight is "19:00–24:00" that day, not "– Thu … 00:00".
    const bool toMidnight = e.time() == QTime(0, 0) && e.date() == s.date().addDays(1);
    if (s.date() == e.date() || toMidnight)
        return at(s) + QChar(0x2013) + (toMidnight ? QStringLiteral("24:00") : locale.toString(e.time(), TimeForm));
    return at(s) + QStringLiteral(" – ") + at(e);
}

QString DisplayFormat::period(QDate from, QDate to)
{
    if (from == to)
        return date(from);
    return date(from) + QStringLiteral(" – ") + date(to);
}

QString DisplayFormat::dateEditFormat()
{
    return DateForm;
}

QString DisplayFormat::timeEditFormat()
{
    return TimeForm;
}

QString DisplayFormat::dateTimeEditFormat()
{
    return DateForm + u' ' + TimeForm;
}

} // namespace hub
