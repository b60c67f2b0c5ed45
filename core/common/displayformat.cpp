// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/displayformat.h"

#include <QLocale>

namespace hub {

namespace {
const QString DateForm = QStringLiteral("ddd d MMM yyyy");
const QString TimeForm = QStringLiteral("HH:mm");
} // namespace

QString DisplayFormat::date(QDate date)
{
    return date.isValid() ? QLocale().toString(date, DateForm) : QString();
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

} // namespace hub
