// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/spaces/icalendarcomponents.h"

namespace hub {

namespace {

// libical marks what it could not read with X-LIC-ERROR and goes on.
QString firstError(icalcomponent *c)
{
    icalproperty *p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY);
    return p ? QString::fromUtf8(icalproperty_get_xlicerror(p)) : QString();
}

// A component of the scan and everything nested in it (indexes first to
// last - 1) as iCalendar text again, each property on one unfolded line. Its
// own properties come before its nested components; libical keeps the two
// apart anyway.
QByteArray componentText(const QList<ICalendarLines::Component> &all, qsizetype first, qsizetype last)
{
    QByteArray out;
    // A stack of open components, not recursion: the scan does not bound how
    // deeply BEGINs nest.
    QList<qsizetype> open;
    for (qsizetype i = first; i < last; ++i) {
        const ICalendarLines::Component &c = all.at(i);
        while (!open.isEmpty() && open.last() != c.parent)
            out += "END:" + all.at(open.takeLast()).name.toUtf8() + "\r\n";
        out += "BEGIN:" + c.name.toUtf8() + "\r\n";
        for (const QString &text : c.texts)
            out += text.toUtf8() + "\r\n";
        open << i;
    }
    while (!open.isEmpty())
        out += "END:" + all.at(open.takeLast()).name.toUtf8() + "\r\n";
    return out;
}

// libical says what it could not read but not where: the line is that of the
// first property that gives an error on its own. Only a component with an
// error comes here, and it stops at that property, so a clean file is parsed
// once and a broken one at most twice.
int errorLine(const ICalendarLines::Component &c)
{
    const QByteArray begin = "BEGIN:" + c.name.toUtf8() + "\r\n";
    const QByteArray end = "\r\nEND:" + c.name.toUtf8() + "\r\n";
    for (qsizetype i = 0; i < c.texts.size(); ++i) {
        const IcalComponentPtr alone(icalparser_parse_string((begin + c.texts.at(i).toUtf8() + end).constData()));
        if (alone && !firstError(alone.get()).isEmpty())
            return c.lines.at(i);
    }
    return c.begin;
}

} // namespace

Result<ICalendarComponents> ICalendarComponents::read(const ICalendarLines &lines)
{
    const QList<ICalendarLines::Component> &components = lines.components();
    const ICalendarLines::Component &at = components.first();
    ICalendarComponents calendar;
    // The calendar with its own properties first, then its components one by
    // one, in file order.
    calendar.m_root.reset(icalparser_parse_string(componentText(components, 0, 1).constData()));
    if (!calendar.m_root || icalcomponent_isa(calendar.m_root.get()) != ICAL_VCALENDAR_COMPONENT)
        return fail(Error::invalid(tr("libical could not read this as an iCalendar file"), ICalendarLines::where(1)));
    for (qsizetype first = 1, last = 1; first < components.size(); first = last) {
        last = first + 1;
        while (last < components.size() && components.at(last).parent != 0)
            ++last;
        IcalComponentPtr part(icalparser_parse_string(componentText(components, first, last).constData()));
        if (!part)
            continue;
        calendar.m_parts << Part{part.get(), &components.at(first)};
        // The calendar owns it from here; its VTIMEZONEs must be in it before
        // the ZoneResolver looks for them.
        icalcomponent_add_component(calendar.m_root.get(), part.release());
    }
    // Outside events, what libical could not read is a broken file.
    if (const auto e = unread(Part{calendar.m_root.get(), &at}))
        return fail(
            Error::invalid(tr("libical could not read the calendar: %1").arg(e->what), ICalendarLines::where(e->line)));
    if (auto ok = calendar.checkTimeZones(); !ok)
        return fail(ok.error());
    return calendar;
}

Status ICalendarComponents::checkTimeZones() const
{
    for (const Part &part : m_parts)
        if (icalcomponent_isa(part.ical) == ICAL_VTIMEZONE_COMPONENT)
            if (const auto e = unread(part))
                return fail(Error::invalid(tr("libical could not read a time zone: %1").arg(e->what),
                                           ICalendarLines::where(e->line)));
    return {};
}

std::optional<ICalendarComponents::Unread> ICalendarComponents::unread(const Part &part)
{
    const QString e = firstError(part.ical);
    if (e.isEmpty())
        return std::nullopt;
    return Unread{e, errorLine(*part.lines)};
}

} // namespace hub
