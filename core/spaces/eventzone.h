// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include <libical/ical.h>

namespace hub {

/// Where an imported event's wall-clock times are: a zone Qt knows (IANA or
/// Windows name, UTC, or the hub's zone for floating times), or a VTIMEZONE
/// that only the file defines, which libical converts.
struct EventZone
{
    QTimeZone qt;
    icaltimezone *file = nullptr;
    QString name;
    bool floating = false;

    QDateTime toUtc(QDate d, QTime t) const;
    QDateTime toLocal(const QDateTime &utc) const;
    bool sameAs(const QTimeZone &zone) const { return !file && (floating || qt.id() == zone.id()); }
};

/// A DATE or DATE-TIME value of an imported event, with its zone.
struct EventTime
{
    QDate date;
    QTime time;
    bool isDate = false;
    EventZone zone;
    QDateTime utc() const { return zone.toUtc(date, isDate ? QTime(0, 0) : time); }
    // Its local date where the series lives, for EXDATE and RECURRENCE-ID.
    QDate dateIn(const EventZone &other) const { return isDate ? date : other.toLocal(utc()).date(); }
};

} // namespace hub
