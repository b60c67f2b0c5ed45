// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/spaces/recurrence.h"

#include <QLocale>
#include <QTimeZone>

#include <cstdlib>
#include <libical/ical.h>
#include <memory>

namespace hub {

namespace {

// libical counts weekdays from Sunday = 1; Qt from Monday = 1.
int icalWeekday(int qtWeekday)
{
    return qtWeekday % 7 + 1;
}

int qtWeekday(int icalDay)
{
    return icalDay == 1 ? 7 : icalDay - 1;
}

// BYDAY values carry their position in the month: libical keeps them as
// (|position| * 8 + weekday) with the sign of the position.
short byDay(int qtDay, int position)
{
    const int value = std::abs(position) * 8 + icalWeekday(qtDay);
    return short(position < 0 ? -value : value);
}

// Which "second Tuesday" a date is; the fifth is read as "the last".
int weekdayPosition(QDate date)
{
    const int n = (date.day() - 1) / 7 + 1;
    return n == 5 ? -1 : n;
}

icaltimetype floating(const QDateTime &local)
{
    icaltimetype t = icaltime_null_time();
    t.year = local.date().year();
    t.month = local.date().month();
    t.day = local.date().day();
    t.hour = local.time().hour();
    t.minute = local.time().minute();
    t.second = local.time().second();
    t.is_date = 0;
    return t;
}

struct IteratorFree
{
    void operator()(icalrecur_iterator *it) const { icalrecur_iterator_free(it); }
};

QString ordinal(int position)
{
    switch (position) {
    case 1:
        return Recurrence::tr("first");
    case 2:
        return Recurrence::tr("second");
    case 3:
        return Recurrence::tr("third");
    case 4:
        return Recurrence::tr("fourth");
    default:
        return Recurrence::tr("last");
    }
}

QString dateSuffix(int day)
{
    if (day >= 11 && day <= 13)
        return QStringLiteral("th");
    switch (day % 10) {
    case 1:
        return QStringLiteral("st");
    case 2:
        return QStringLiteral("nd");
    case 3:
        return QStringLiteral("rd");
    default:
        return QStringLiteral("th");
    }
}

QString dayList(const QList<int> &days)
{
    QStringList names;
    for (int d : days)
        names << QLocale().dayName(d);
    if (names.size() <= 1)
        return names.join(QString());
    const QString last = names.takeLast();
    return Recurrence::tr("%1 and %2").arg(names.join(QStringLiteral(", ")), last);
}

// What libical made of a rule string, or why it could not read it.
Result<icalrecurrencetype> parseRule(const QString &rrule)
{
    QString text = rrule.trimmed();
    if (text.startsWith(QStringLiteral("RRULE:"), Qt::CaseInsensitive))
        text = text.mid(6);
    icalerror_clear_errno();
    const icalrecurrencetype r = icalrecurrencetype_from_string(text.toUtf8().constData());
    if (r.freq == ICAL_NO_RECURRENCE || icalerrno != ICAL_NO_ERROR) {
        icalerror_clear_errno();
        return fail(
            Error::invalid(Recurrence::tr("“%1” is not a recurrence rule").arg(rrule), QStringLiteral("repeat")));
    }
    return r;
}

} // namespace

Status Recurrence::validate(QDate firstDate) const
{
    if (interval < 1 || interval > 99)
        return fail(Error::invalid(tr("repeat every 1 to 99 days, weeks or months"), QStringLiteral("repeat")));
    if (count < 0)
        return fail(Error::invalid(tr("the number of times cannot be negative"), QStringLiteral("count")));
    if (count == 0 && !until.isValid())
        return fail(
            Error::invalid(tr("say how many times, or until when, the booking repeats"), QStringLiteral("count")));
    if (count > MaxOccurrences)
        return fail(Error::invalid(tr("a series has at most %1 dates").arg(MaxOccurrences), QStringLiteral("count")));
    if (count == 0 && firstDate.isValid() && until < firstDate)
        return fail(Error::invalid(tr("the last date %1 is before the first %2")
                                       .arg(QLocale().toString(until, QLocale::ShortFormat),
                                            QLocale().toString(firstDate, QLocale::ShortFormat)),
                                   QStringLiteral("until")));
    for (int d : weekdays)
        if (d < 1 || d > 7)
            return fail(Error::invalid(tr("weekdays are 1 (Monday) to 7 (Sunday)"), QStringLiteral("weekdays")));
    if (frequency != Frequency::Weekly && !weekdays.isEmpty())
        return fail(Error::invalid(tr("weekdays can be chosen only for a weekly series"), QStringLiteral("weekdays")));
    return {};
}

QString Recurrence::toRRule(const QDateTime &firstLocalStart) const
{
    icalrecurrencetype r;
    icalrecurrencetype_clear(&r);
    r.interval = short(interval);
    const QDate first = firstLocalStart.date();
    switch (frequency) {
    case Frequency::Daily:
        r.freq = ICAL_DAILY_RECURRENCE;
        break;
    case Frequency::Weekly: {
        r.freq = ICAL_WEEKLY_RECURRENCE;
        QList<int> days = weekdays.isEmpty() ? QList<int>{first.dayOfWeek()} : weekdays;
        std::sort(days.begin(), days.end());
        days.erase(std::unique(days.begin(), days.end()), days.end());
        for (qsizetype i = 0; i < days.size(); ++i)
            r.by_day[i] = byDay(days.at(i), 0);
        r.by_day[days.size()] = ICAL_RECURRENCE_ARRAY_MAX;
        break;
    }
    case Frequency::Monthly:
        r.freq = ICAL_MONTHLY_RECURRENCE;
        if (monthlyBy == MonthlyBy::Weekday) {
            r.by_day[0] = byDay(first.dayOfWeek(), weekdayPosition(first));
            r.by_day[1] = ICAL_RECURRENCE_ARRAY_MAX;
        } else {
            r.by_month_day[0] = short(first.day());
            r.by_month_day[1] = ICAL_RECURRENCE_ARRAY_MAX;
        }
        break;
    }
    if (count > 0) {
        r.count = count;
    } else if (until.isValid()) {
        // The last moment of the last local day, in UTC (RFC 5545 3.3.10).
        const QTimeZone zone = firstLocalStart.timeZone();
        const QDateTime last = QDateTime(until, QTime(23, 59, 59), zone).toUTC();
        r.until = icaltime_from_timet_with_zone(last.toSecsSinceEpoch(), 0, icaltimezone_get_utc_timezone());
    }
    char *text = icalrecurrencetype_as_string_r(&r);
    const QString rule = QString::fromUtf8(text);
    icalmemory_free_buffer(text);
    return rule;
}

Result<Recurrence> Recurrence::fromRRule(const QString &rrule)
{
    auto parsed = parseRule(rrule);
    if (!parsed)
        return fail(parsed.error());
    const icalrecurrencetype &r = *parsed;
    const auto cannot = [&](const QString &part) {
        return Error::invalid(tr("“%1” repeats %2, which Hubkeeper can keep but not edit").arg(rrule, part),
                              QStringLiteral("repeat"));
    };
    Recurrence rec;
    rec.interval = r.interval;
    rec.count = r.count;
    if (!icaltime_is_null_time(r.until))
        rec.until = QDate(r.until.year, r.until.month, r.until.day);
    if (r.by_set_pos[0] != ICAL_RECURRENCE_ARRAY_MAX || r.by_month[0] != ICAL_RECURRENCE_ARRAY_MAX ||
        r.by_year_day[0] != ICAL_RECURRENCE_ARRAY_MAX || r.by_week_no[0] != ICAL_RECURRENCE_ARRAY_MAX ||
        r.by_hour[0] != ICAL_RECURRENCE_ARRAY_MAX || r.by_minute[0] != ICAL_RECURRENCE_ARRAY_MAX)
        return fail(cannot(tr("with BYSETPOS, BYMONTH, BYYEARDAY, BYWEEKNO, BYHOUR or BYMINUTE")));
    switch (r.freq) {
    case ICAL_DAILY_RECURRENCE:
        rec.frequency = Frequency::Daily;
        if (r.by_day[0] != ICAL_RECURRENCE_ARRAY_MAX || r.by_month_day[0] != ICAL_RECURRENCE_ARRAY_MAX)
            return fail(cannot(tr("daily on chosen days")));
        break;
    case ICAL_WEEKLY_RECURRENCE:
        rec.frequency = Frequency::Weekly;
        for (int i = 0; i < ICAL_BY_DAY_SIZE && r.by_day[i] != ICAL_RECURRENCE_ARRAY_MAX; ++i) {
            if (icalrecurrencetype_day_position(r.by_day[i]) != 0)
                return fail(cannot(tr("weekly on numbered weekdays")));
            rec.weekdays << qtWeekday(int(icalrecurrencetype_day_day_of_week(r.by_day[i])));
        }
        break;
    case ICAL_MONTHLY_RECURRENCE:
        rec.frequency = Frequency::Monthly;
        if (r.by_day[0] != ICAL_RECURRENCE_ARRAY_MAX) {
            if (r.by_day[1] != ICAL_RECURRENCE_ARRAY_MAX || icalrecurrencetype_day_position(r.by_day[0]) == 0)
                return fail(cannot(tr("monthly on several weekdays")));
            rec.monthlyBy = MonthlyBy::Weekday;
        } else if (r.by_month_day[0] != ICAL_RECURRENCE_ARRAY_MAX && r.by_month_day[1] != ICAL_RECURRENCE_ARRAY_MAX) {
            return fail(cannot(tr("monthly on several dates")));
        }
        break;
    default:
        return fail(cannot(tr("hourly, yearly or more often than daily")));
    }
    return rec;
}

QString Recurrence::describe(const QDateTime &firstLocalStart) const
{
    const QDate first = firstLocalStart.date();
    const QString time = firstLocalStart.time().toString(QStringLiteral("HH:mm"));
    QString what;
    switch (frequency) {
    case Frequency::Daily:
        what = interval == 1 ? tr("Every day at %1").arg(time) : tr("Every %1 days at %2").arg(interval).arg(time);
        break;
    case Frequency::Weekly: {
        const QList<int> chosen = weekdays.isEmpty() && first.isValid() ? QList<int>{first.dayOfWeek()} : weekdays;
        const QString days = chosen.isEmpty() ? tr("week") : dayList(chosen);
        what = interval == 1 ? tr("Every %1 at %2").arg(days, time)
                             : tr("Every %1 weeks on %2 at %3").arg(interval).arg(days, time);
        break;
    }
    case Frequency::Monthly: {
        QString on = tr("on the same date");
        if (first.isValid())
            on = monthlyBy == MonthlyBy::Weekday
                     ? tr("on the %1 %2").arg(ordinal(weekdayPosition(first)), QLocale().dayName(first.dayOfWeek()))
                     : tr("on the %1").arg(QLocale().toString(first, QStringLiteral("d")) + dateSuffix(first.day()));
        what = interval == 1 ? tr("Every month %1 at %2").arg(on, time)
                             : tr("Every %1 months %2 at %3").arg(interval).arg(on, time);
        break;
    }
    }
    if (count == 1)
        return tr("%1, once").arg(what);
    if (count > 0)
        return tr("%1, %2 times").arg(what).arg(count);
    if (until.isValid())
        return tr("%1, until %2").arg(what, QLocale().toString(until, QStringLiteral("d MMM yyyy")));
    return what;
}

Result<QList<QDate>> Recurrence::dates(const QDateTime &firstLocalStart) const
{
    if (auto ok = validate(firstLocalStart.date()); !ok)
        return fail(ok.error());
    return expand(toRRule(firstLocalStart), firstLocalStart);
}

Result<QList<QDate>> Recurrence::expand(const QString &rrule, const QDateTime &firstLocalStart, QDate from, QDate to,
                                        int limit)
{
    auto parsed = parseRule(rrule);
    if (!parsed)
        return fail(parsed.error());
    icalrecurrencetype r = *parsed;
    // The series is walked in wall-clock time, so 19:00 stays 19:00 through
    // daylight-saving changes; a UTC UNTIL is brought to the same wall clock.
    if (!icaltime_is_null_time(r.until) && r.until.is_date == 0) {
        const QDateTime untilUtc(QDate(r.until.year, r.until.month, r.until.day),
                                 QTime(r.until.hour, r.until.minute, r.until.second), QTimeZone::utc());
        const bool isUtc = icaltime_is_utc(r.until);
        const QDateTime local = isUtc ? untilUtc.toTimeZone(firstLocalStart.timeZone()) : untilUtc;
        r.until = floating(isUtc ? QDateTime(local.date(), local.time()) : local);
        r.until.zone = nullptr;
    }
    std::unique_ptr<icalrecur_iterator, IteratorFree> it(icalrecur_iterator_new(r, floating(firstLocalStart)));
    if (!it)
        return fail(Error::invalid(tr("“%1” cannot be expanded from %2")
                                       .arg(rrule, firstLocalStart.toString(QStringLiteral("yyyy-MM-dd HH:mm"))),
                                   QStringLiteral("repeat")));
    QList<QDate> out;
    for (icaltimetype t = icalrecur_iterator_next(it.get()); !icaltime_is_null_time(t);
         t = icalrecur_iterator_next(it.get())) {
        const QDate d(t.year, t.month, t.day);
        if (to.isValid() && d > to)
            break;
        if (from.isValid() && d < from)
            continue;
        out << d;
        if (out.size() >= limit)
            break;
    }
    return out;
}

} // namespace hub
