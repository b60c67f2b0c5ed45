// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/spaces/icalendarlines.h"

#include <QDate>
#include <QRegularExpression>
#include <QStringDecoder>

namespace hub {

namespace {

// A logical content line: its text after unfolding and its first physical line.
struct Logical
{
    QString text;
    int line = 0;
};

bool isNameChar(QChar c)
{
    return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-';
}

QString shortened(const QString &text)
{
    constexpr int Max = 60;
    return text.size() <= Max ? text : text.left(Max) + QStringLiteral("…");
}

// RFC 5545 3.1: name *(";" param) ":" value, where a parameter is
// name "=" value *("," value) and a value is quoted or free of ";:,".
// Returns the property name, or empty when the line is not of that shape.
QString contentName(const QString &line, QString *params, QString *value)
{
    qsizetype i = 0;
    while (i < line.size() && isNameChar(line.at(i)))
        ++i;
    if (i == 0)
        return {};
    const QString name = line.left(i).toUpper();
    const qsizetype paramsFrom = i;
    while (i < line.size() && line.at(i) == u';') {
        ++i;
        const qsizetype pname = i;
        while (i < line.size() && isNameChar(line.at(i)))
            ++i;
        if (i == pname || i >= line.size() || line.at(i) != u'=')
            return {};
        do {
            ++i; // past '=' or ','
            if (i < line.size() && line.at(i) == u'"') {
                const qsizetype close = line.indexOf(u'"', i + 1);
                if (close < 0)
                    return {};
                i = close + 1;
            } else {
                while (i < line.size() && line.at(i) != u';' && line.at(i) != u':' && line.at(i) != u',' &&
                       line.at(i) != u'"')
                    ++i;
            }
        } while (i < line.size() && line.at(i) == u',');
    }
    if (i >= line.size() || line.at(i) != u':')
        return {};
    *params = line.mid(paramsFrom, i - paramsFrom).toUpper();
    *value = line.mid(i + 1);
    return name;
}

bool isDateProperty(const QString &name)
{
    static const QStringList names = {
        QStringLiteral("DTSTART"),       QStringLiteral("DTEND"),   QStringLiteral("DUE"),
        QStringLiteral("RECURRENCE-ID"), QStringLiteral("EXDATE"),  QStringLiteral("RDATE"),
        QStringLiteral("DTSTAMP"),       QStringLiteral("CREATED"), QStringLiteral("LAST-MODIFIED")};
    return names.contains(name);
}

// Why one DATE or DATE-TIME value is not one, or nothing.
QString badDate(const QString &name, const QString &value, bool dateOnly)
{
    static const QRegularExpression form(QStringLiteral("^(\\d{4})(\\d{2})(\\d{2})(?:T(\\d{2})(\\d{2})(\\d{2})Z?)?$"));
    const auto m = form.match(value);
    bool ok = m.hasMatch();
    const bool hasTime = ok && m.hasCaptured(4);
    if (ok)
        ok = QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()).isValid();
    if (ok && hasTime)
        ok = QTime(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt()).isValid();
    if (ok && dateOnly && hasTime)
        ok = false;
    if (ok)
        return {};
    if (dateOnly || (m.hasMatch() && !hasTime) || (!value.contains(u'T') && value.size() <= 10))
        return ICalendarLines::tr("%1 “%2” is not a date (write YYYYMMDD)").arg(name, shortened(value));
    return ICalendarLines::tr("%1 “%2” is not a date and time (write YYYYMMDDTHHMMSS)").arg(name, shortened(value));
}

// A calendar of years of bookings is a few megabytes; past this, or with a
// content line longer than any property needs, it is not one to import
// (libical would spend seconds on a 10 MB SUMMARY first).
constexpr qsizetype MaxFileBytes = 64 * 1024 * 1024;
constexpr qsizetype MaxLineChars = 256 * 1024;

// Physical lines (CRLF, LF or a lone CR all end one), decoded one by one
// so text that is not UTF-8 is named by its line.
Result<QList<Logical>> logicalLines(const QByteArray &data)
{
    QList<Logical> logical;
    int lineNo = 0;
    qsizetype pos = 0;
    while (pos < data.size()) {
        qsizetype end = pos;
        while (end < data.size() && data.at(end) != '\n' && data.at(end) != '\r')
            ++end;
        const QByteArray raw = data.mid(pos, end - pos);
        if (end + 1 < data.size() && data.at(end) == '\r' && data.at(end + 1) == '\n')
            pos = end + 2;
        else
            pos = std::min(end + 1, data.size());
        ++lineNo;
        QStringDecoder decode(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString text = decode(raw);
        if (decode.hasError() || raw.contains('\0')) {
            if (logical.isEmpty())
                return fail(Error::invalid(ICalendarLines::tr("this is not an iCalendar file: it is not text"),
                                           ICalendarLines::where(lineNo)));
            return fail(
                Error::invalid(ICalendarLines::tr("the line is not UTF-8 text"), ICalendarLines::where(lineNo)));
        }
        // A line starting with a space or tab continues the one before (RFC 5545 3.1).
        if (!text.isEmpty() && (text.at(0) == u' ' || text.at(0) == u'\t') && !logical.isEmpty()) {
            logical.last().text += text.mid(1);
            if (logical.last().text.size() > MaxLineChars)
                return fail(Error::invalid(ICalendarLines::tr("the property starting here is longer than %L1 "
                                                              "characters; no booking needs that much")
                                               .arg(MaxLineChars),
                                           ICalendarLines::where(logical.last().line)));
            continue;
        }
        if (text.size() > MaxLineChars)
            return fail(
                Error::invalid(ICalendarLines::tr("the line is longer than %L1 characters; no booking needs that much")
                                   .arg(MaxLineChars),
                               ICalendarLines::where(lineNo)));
        logical << Logical{text, lineNo};
    }
    return logical;
}

// The dates of a date property (DTSTART, EXDATE …) must exist.
Status checkDates(const QString &name, const QString &params, const QString &value, int line)
{
    const bool dateOnly =
        params.contains(QStringLiteral(";VALUE=DATE")) && !params.contains(QStringLiteral(";VALUE=DATE-TIME"));
    const bool period = params.contains(QStringLiteral(";VALUE=PERIOD"));
    for (const QString &part : value.split(u',')) {
        if (period || part.contains(u'/'))
            continue;
        const QString problem = badDate(name, part.trimmed(), dateOnly);
        if (!problem.isEmpty())
            return fail(Error::invalid(problem, ICalendarLines::where(line)));
    }
    return {};
}

// The components as BEGIN and END lines open and close them, each with the
// lines of its own properties.
struct ComponentTree
{
    QList<ICalendarLines::Component> components;
    QList<int> open; // indexes into components, innermost last
    bool calendarClosed = false;
};

Status beginComponent(ComponentTree &tree, const QString &value, int line)
{
    const QString component = value.trimmed().toUpper();
    if (component.isEmpty())
        return fail(Error::invalid(ICalendarLines::tr("BEGIN needs a component name, such as BEGIN:VEVENT"),
                                   ICalendarLines::where(line)));
    ICalendarLines::Component c;
    c.name = component;
    c.begin = line;
    c.parent = tree.open.isEmpty() ? -1 : tree.open.last();
    tree.components << c;
    tree.open << int(tree.components.size() - 1);
    return {};
}

Status endComponent(ComponentTree &tree, const QString &value, int line)
{
    const QString component = value.trimmed().toUpper();
    if (tree.open.isEmpty())
        return fail(
            Error::invalid(ICalendarLines::tr("END:%1 closes nothing").arg(component), ICalendarLines::where(line)));
    const ICalendarLines::Component &top = tree.components.at(tree.open.last());
    if (component != top.name)
        return fail(Error::invalid(
            ICalendarLines::tr("END:%1 does not close BEGIN:%2 from line %3").arg(component, top.name).arg(top.begin),
            ICalendarLines::where(line)));
    tree.open.removeLast();
    tree.calendarClosed = tree.open.isEmpty();
    return {};
}

// One content line: a BEGIN or END, or a property of the innermost open component.
Status takeLine(ComponentTree &tree, const Logical &l)
{
    if (l.text.trimmed().isEmpty())
        return {};
    if (tree.calendarClosed)
        return fail(
            Error::invalid(ICalendarLines::tr("there is more after END:VCALENDAR"), ICalendarLines::where(l.line)));
    QString params;
    QString value;
    const QString name = contentName(l.text, &params, &value);
    if (tree.components.isEmpty() &&
        (name != QStringLiteral("BEGIN") || value.trimmed().toUpper() != QStringLiteral("VCALENDAR")))
        return fail(Error::invalid(ICalendarLines::tr("this is not an iCalendar file: it should start with "
                                                      "BEGIN:VCALENDAR, not “%1”")
                                       .arg(shortened(l.text)),
                                   ICalendarLines::where(l.line)));
    if (name.isEmpty())
        return fail(Error::invalid(
            ICalendarLines::tr("“%1” is not an iCalendar content line (NAME:value)").arg(shortened(l.text)),
            ICalendarLines::where(l.line)));
    if (name == QStringLiteral("BEGIN"))
        return beginComponent(tree, value, l.line);
    if (name == QStringLiteral("END"))
        return endComponent(tree, value, l.line);
    if (tree.open.isEmpty())
        return fail(Error::invalid(ICalendarLines::tr("“%1” is outside BEGIN:VCALENDAR").arg(shortened(l.text)),
                                   ICalendarLines::where(l.line)));
    if (isDateProperty(name))
        if (auto ok = checkDates(name, params, value, l.line); !ok)
            return ok;
    ICalendarLines::Component &c = tree.components[tree.open.last()];
    c.lines << l.line;
    c.names << name;
    c.texts << l.text;
    return {};
}

} // namespace

int ICalendarLines::Component::lineOf(const QString &property, int nth) const
{
    if (linesByName.isEmpty() && !names.isEmpty())
        for (qsizetype i = 0; i < names.size(); ++i)
            linesByName[names.at(i)].append(lines.at(i));
    const auto it = linesByName.constFind(property);
    return it != linesByName.constEnd() && nth >= 0 && nth < it->size() ? it->at(nth) : 0;
}

QString ICalendarLines::where(int line)
{
    return tr("line %1").arg(line);
}

QList<int> ICalendarLines::events() const
{
    QList<int> out;
    for (qsizetype i = 0; i < m_components.size(); ++i)
        if (m_components.at(i).parent == 0 && m_components.at(i).name == QStringLiteral("VEVENT"))
            out << int(i);
    return out;
}

Result<ICalendarLines> ICalendarLines::scan(const QByteArray &bytes)
{
    if (bytes.size() > MaxFileBytes)
        return fail(Error::invalid(tr("the file is larger than %1 MB, more than any calendar of bookings; nothing "
                                      "was imported")
                                       .arg(MaxFileBytes / (1024 * 1024)),
                                   where(1)));
    QByteArray data = bytes;
    if (data.startsWith("\xEF\xBB\xBF"))
        data.remove(0, 3);

    auto logical = logicalLines(data);
    if (!logical)
        return fail(logical.error());
    ComponentTree tree;
    for (const Logical &l : std::as_const(*logical))
        if (auto ok = takeLine(tree, l); !ok)
            return fail(ok.error());
    if (tree.components.isEmpty())
        return fail(Error::invalid(tr("the file is empty, not an iCalendar file"), where(1)));
    if (!tree.open.isEmpty()) {
        const Component &top = tree.components.at(tree.open.last());
        return fail(Error::invalid(tr("BEGIN:%1 is never closed with END:%1").arg(top.name), where(top.begin)));
    }
    ICalendarLines out;
    out.m_components = std::move(tree.components);
    out.m_text = data;
    return out;
}

} // namespace hub
