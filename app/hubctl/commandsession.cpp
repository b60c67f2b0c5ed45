// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/hubctl/commandsession.h"

#include "core/common/localtime.h"
#include "core/gatherings/gatheringservice.h"
#include "core/gatherings/ideaservice.h"
#include "core/gatherings/workinggroupservice.h"
#include "core/members/memberservice.h"
#include "core/settings/settingsservice.h"
#include "core/spaces/spaceservice.h"

#include <QRegularExpression>

#include <cstdio>

namespace hub::cli {

QCommandLineOption option(const QString &name, const QString &help, const QString &value)
{
    return value.isEmpty() ? QCommandLineOption(name, help) : QCommandLineOption(name, help, value);
}

Result<QDate> parseDate(const QString &text, const QString &where)
{
    // Exactly YYYY-MM-DD: Qt's ISO parser would also take 2026/02/03.
    static const QRegularExpression form(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    const QDate d = form.match(text.trimmed()).hasMatch() ? QDate::fromString(text.trimmed(), Qt::ISODate) : QDate();
    if (!d.isValid())
        return fail(Error::usage(CommandSession::tr("“%1” is not a date; write YYYY-MM-DD").arg(text), where));
    return d;
}

Result<CommandSession> CommandSession::open(CommandContext &ctx)
{
    auto hub = ctx.openHub();
    if (!hub)
        return fail(hub.error());
    auto settings = (*hub)->settings().load();
    if (!settings)
        return fail(settings.error());
    return CommandSession{std::move(*hub), *settings};
}

Result<Amount> CommandSession::amount(const QString &text, const QString &where) const
{
    auto a = Amount::parse(text, settings.decimals);
    if (!a)
        return fail(Error::invalid(a.error().message, where));
    return a;
}

namespace {

template<typename T> Result<T> locate(Result<T> found, const QString &where)
{
    if (!found)
        return fail(located(found.error(), where));
    return found;
}

} // namespace

Result<MemberId> CommandSession::member(const QString &ref, const QString &where) const
{
    auto m = locate(hub->members().find(ref), where);
    if (!m)
        return fail(m.error());
    return m->id;
}

Result<Space> CommandSession::space(const QString &ref, const QString &where) const
{
    return locate(hub->spaces().find(ref), where);
}

Result<Gathering> CommandSession::gathering(const QString &ref, const QString &where) const
{
    return locate(hub->gatherings().find(ref), where);
}

Result<Idea> CommandSession::idea(const QString &ref, const QString &where) const
{
    return locate(hub->ideas().find(ref), where);
}

Result<WorkingGroup> CommandSession::group(const QString &ref, const QString &where) const
{
    return locate(hub->workingGroups().find(ref), where);
}

Result<User> CommandSession::user(const QString &name, const QString &where) const
{
    return locate(hub->users().find(name), where);
}

Result<QDateTime> CommandSession::dateTime(const QString &text, const QString &where) const
{
    static const QRegularExpression form(QStringLiteral("^(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2})$"));
    const auto m = form.match(text.trimmed());
    const QDate date = m.hasMatch() ? QDate::fromString(m.captured(1), Qt::ISODate) : QDate();
    const QTime time = m.hasMatch() ? QTime::fromString(m.captured(2), QStringLiteral("HH:mm")) : QTime();
    if (!date.isValid() || !time.isValid())
        return fail(Error::invalid(tr("“%1” is not a date and time; write YYYY-MM-DD HH:MM").arg(text), where));
    auto resolved = LocalTime::typed(date, time, settings.zone(), where);
    if (!resolved)
        return fail(resolved.error());
    if (resolved->ambiguous)
        std::fprintf(stderr, "%s\n", qUtf8Printable(tr("Note: %1.").arg(resolved->note)));
    return resolved->at;
}

Result<int> CommandSession::count(const QString &text, const QString &where)
{
    bool ok = false;
    const int n = text.trimmed().toInt(&ok);
    if (!ok || n < 0)
        return fail(Error::invalid(tr("“%1” is not a whole number of at least zero").arg(text), where));
    return n;
}

QString CommandSession::local(const QDateTime &utc) const
{
    return utc.isValid() ? utc.toTimeZone(settings.zone()).toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

// "mon", "monday", "mon-fri" or a comma-separated list of them, as Qt weekdays.
Result<QList<int>> parseWeekdays(const QString &text, const QString &where)
{
    static const QStringList names = {QStringLiteral("mon"), QStringLiteral("tue"), QStringLiteral("wed"),
                                      QStringLiteral("thu"), QStringLiteral("fri"), QStringLiteral("sat"),
                                      QStringLiteral("sun")};
    static const QStringList fullNames = {
        QStringLiteral("monday"), QStringLiteral("tuesday"),  QStringLiteral("wednesday"), QStringLiteral("thursday"),
        QStringLiteral("friday"), QStringLiteral("saturday"), QStringLiteral("sunday")};
    const auto dayOf = [&](const QString &word) {
        const QString w = word.trimmed().toLower();
        const int day = int(names.indexOf(w)) >= 0 ? int(names.indexOf(w)) : int(fullNames.indexOf(w));
        return day < 0 ? 0 : day + 1;
    };
    QList<int> days;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const QStringList range = part.split(u'-');
        const int first = dayOf(range.first());
        const int last = range.size() == 2 ? dayOf(range.last()) : first;
        if (range.size() > 2 || first == 0 || last == 0 || last < first)
            return fail(Error::invalid(
                CommandSession::tr("“%1” is not a weekday; write mon, tue, wed, thu, fri, sat or sun, a range such as "
                                   "mon-fri, or a list such as sat,sun")
                    .arg(part.trimmed()),
                where));
        for (int day = first; day <= last; ++day)
            if (!days.contains(day))
                days << day;
    }
    if (days.isEmpty())
        return fail(Error::invalid(CommandSession::tr("name at least one weekday"), where));
    return days;
}

} // namespace hub::cli
