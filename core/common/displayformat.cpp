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

QString DisplayFormat::span(const QDateTime &start, const QDateTime &end, const QTimeZone &zone)
{
    const QDateTime s = start.toTimeZone(zone);
    const QDateTime e = end.toTimeZone(zone);
    if (s.date() == e.date())
        return dateTime(start, zone) + QChar(0x2013) + time(e.time());
    return dateTime(start, zone) + QStringLiteral(" – ") + dateTime(end, zone);
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
