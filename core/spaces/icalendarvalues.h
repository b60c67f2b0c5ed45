// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <libical/ical.h>
#include <memory>

namespace hub {

/// Frees a libical component tree when it goes out of scope.
struct IcalComponentDeleter
{
    void operator()(icalcomponent *c) const { icalcomponent_free(c); }
};
using IcalComponentPtr = std::unique_ptr<icalcomponent, IcalComponentDeleter>;

/// What the iCalendar exporter and importer share: wall-clock times in and
/// out of libical's values, and text through libical's own serialiser.
namespace ical {

/// The date and time of `local` as a floating libical time (no zone).
icaltimetype wallClock(const QDateTime &local);
/// A libical DATE value.
icaltimetype date(QDate day);
/// The wall-clock date and time of a libical value, ignoring its zone.
QDateTime wallClockOf(const icaltimetype &t);
/// The component as RFC 5545 text (CRLF lines folded at 75 octets).
QByteArray text(const icalcomponent *component);
/// A property's value as UTF-8 text, or empty.
QString valueText(const icalproperty *property);
/// A parameter of a property, or empty.
QString parameter(icalproperty *property, icalparameter_kind kind);

} // namespace ical
} // namespace hub
