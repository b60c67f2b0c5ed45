// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/spaces/icalendarvalues.h"

#include <cstdlib>

namespace hub::ical {

icaltimetype wallClock(const QDateTime &local)
{
    icaltimetype t = icaltime_null_time();
    const QDate d = local.date();
    const QTime time = local.time();
    t.year = d.year();
    t.month = d.month();
    t.day = d.day();
    t.hour = time.hour();
    t.minute = time.minute();
    t.second = time.second();
    t.is_date = 0;
    return t;
}

icaltimetype date(QDate day)
{
    icaltimetype t = icaltime_null_date();
    t.year = day.year();
    t.month = day.month();
    t.day = day.day();
    return t;
}

QDateTime wallClockOf(const icaltimetype &t)
{
    const QDate d(t.year, t.month, t.day);
    const QTime time = t.is_date ? QTime(0, 0) : QTime(t.hour, t.minute, t.second);
    return QDateTime(d, time);
}

QByteArray text(const icalcomponent *component)
{
    // The _r variant hands over a malloc'd copy instead of a ring-buffer string
    // that a later libical call (or another thread) may overwrite.
    char *s = icalcomponent_as_ical_string_r(const_cast<icalcomponent *>(component));
    if (!s)
        return {};
    QByteArray out(s);
    std::free(s);
    return out;
}

QString valueText(const icalproperty *property)
{
    if (!property)
        return {};
    const icalvalue *v = icalproperty_get_value(property);
    if (!v)
        return {};
    if (icalvalue_isa(v) == ICAL_TEXT_VALUE)
        return QString::fromUtf8(icalvalue_get_text(v));
    char *s = icalvalue_as_ical_string_r(v);
    if (!s)
        return {};
    QString out = QString::fromUtf8(s);
    std::free(s);
    return out;
}

QString parameter(icalproperty *property, icalparameter_kind kind)
{
    if (!property)
        return {};
    icalparameter *p = icalproperty_get_first_parameter(property, kind);
    if (!p)
        return {};
    if (kind == ICAL_TZID_PARAMETER) {
        const char *tzid = icalparameter_get_tzid(p);
        return tzid ? QString::fromUtf8(tzid) : QString();
    }
    // "VALUE=DATE" → "DATE": every kind through one serialiser.
    char *s = icalparameter_as_ical_string_r(p);
    if (!s)
        return {};
    QString out = QString::fromUtf8(s);
    std::free(s);
    const qsizetype eq = out.indexOf(u'=');
    out = eq < 0 ? QString() : out.mid(eq + 1);
    if (out.size() >= 2 && out.startsWith(u'"') && out.endsWith(u'"'))
        out = out.mid(1, out.size() - 2);
    return out;
}

} // namespace hub::ical
