// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/reportformat.h"

#include "core/common/amount.h"
#include "core/common/displayformat.h"
#include "core/settings/hubsettings.h"

#include <QDate>
#include <QDateTime>
#include <QLocale>

#include <iterator>

namespace hub {

namespace {

constexpr qint64 SecondsPerDay = 86400;
constexpr qint64 EpochJulianDay = 2440588; // 1970-01-01

// Writes fixed-width digits forwards into a buffer.
class Digits
{
public:
    explicit Digits(char16_t *out) : m_start(out), m_out(out) {}
    void put(char16_t c) { *m_out++ = c; }
    void put(int value, int width)
    {
        for (int i = width - 1; i >= 0; --i) {
            m_out[i] = char16_t(u'0' + value % 10);
            value /= 10;
        }
        m_out += width;
    }
    int size() const { return int(m_out - m_start); }

private:
    char16_t *m_start;
    char16_t *m_out;
};

QStringView view(const char16_t *start, const char16_t *end)
{
    return QStringView(start, end - start);
}

} // namespace

ReportFormat::ReportFormat(int decimals, QTimeZone zone)
    : m_decimals(decimals), m_zone(std::move(zone)), m_offsets(m_zone)
{
    const QLocale locale;
    if (locale.zeroDigit() == QStringLiteral("0")) {
        for (int d = 1; d <= 7; ++d)
            m_dayNames << locale.dayName(d, QLocale::ShortFormat);
        for (int m = 1; m <= 12; ++m)
            m_monthNames << locale.monthName(m, QLocale::ShortFormat);
    }
}

ReportFormat::ReportFormat(const HubSettings &settings) : ReportFormat(settings.decimals, settings.zone())
{}

QString ReportFormat::text(const QVariant &value, ReportType type) const
{
    if (value.isNull() || !value.isValid())
        return {};
    switch (type) {
    case ReportType::Text:
        return value.toString();
    case ReportType::Integer:
    case ReportType::Amount: {
        Scratch scratch;
        return textView(value, type, scratch).toString();
    }
    case ReportType::Percent:
        return QString::number(value.toDouble(), 'f', 1);
    case ReportType::Decimal:
        return QString::number(value.toDouble(), 'f', 2);
    case ReportType::Date:
        return value.toDate().toString(Qt::ISODate);
    case ReportType::DateTime:
        return isoInstant(value.toLongLong());
    }
    return value.toString();
}

QStringView ReportFormat::textView(const QVariant &value, ReportType type, Scratch &scratch) const
{
    if (value.isNull() || !value.isValid())
        return {};
    char16_t *const end = std::end(scratch.chars);
    switch (type) {
    case ReportType::Text:
        if (value.typeId() == QMetaType::QString)
            return *static_cast<const QString *>(value.constData());
        break;
    case ReportType::Integer:
        // An integer is written as an amount without decimals.
        return view(Amount::fromMinor(value.toLongLong()).writeBackwards(end, 0), end);
    case ReportType::Amount:
        return view(Amount::fromMinor(value.toLongLong()).writeBackwards(end, m_decimals), end);
    case ReportType::DateTime:
        if (const int size = writeIso(value.toLongLong(), scratch.chars); size >= 0)
            return QStringView(scratch.chars, size);
        break;
    default:
        break;
    }
    scratch.text = text(value, type);
    return scratch.text;
}

QString ReportFormat::display(const QVariant &value, ReportType type) const
{
    if (value.isNull() || !value.isValid())
        return {};
    switch (type) {
    case ReportType::Percent:
        return QStringLiteral("%1 %").arg(value.toDouble(), 0, 'f', 1);
    case ReportType::Date:
        return DisplayFormat::date(value.toDate());
    case ReportType::DateTime:
        return displayInstant(value.toLongLong());
    default:
        return text(value, type);
    }
}

QString ReportFormat::isoInstant(qint64 utc) const
{
    char16_t chars[32];
    if (const int size = writeIso(utc, chars); size >= 0)
        return QStringView(chars, size).toString();
    // The same text as a zoned QDateTime's, which writeIso() copies:
    // Qt::ISODate carries the offset ("2026-03-30T19:00:00+01:00").
    return QDateTime::fromSecsSinceEpoch(utc, m_zone).toString(Qt::ISODate);
}

QString ReportFormat::displayInstant(qint64 utc) const
{
    const auto f = m_dayNames.isEmpty() ? std::nullopt : localFields(utc);
    if (!f)
        return DisplayFormat::dateTime(QDateTime::fromSecsSinceEpoch(utc, QTimeZone::utc()), m_zone);
    char16_t time[5];
    Digits digits(time);
    digits.put(f->secondOfDay / 3600, 2);
    digits.put(u':');
    digits.put(f->secondOfDay / 60 % 60, 2);
    QString out;
    out.reserve(32);
    out += m_dayNames.at(f->dayOfWeek - 1);
    out += u' ';
    out += QString::number(f->day);
    out += u' ';
    out += m_monthNames.at(f->month - 1);
    out += u' ';
    out += QString::number(f->year);
    out += u' ';
    out += QStringView(time, 5);
    return out;
}

std::optional<ReportFormat::LocalFields> ReportFormat::localFields(qint64 utc) const
{
    // Far outside ±10,000 years the arithmetic below could overflow.
    constexpr qint64 Limit = qint64(1) << 41;
    if (!m_zone.isValid() || utc < -Limit || utc > Limit)
        return std::nullopt;
    LocalFields f;
    f.offset = m_offsets.at(utc);
    const qint64 local = utc + f.offset;
    qint64 days = local / SecondsPerDay;
    qint64 seconds = local % SecondsPerDay;
    if (seconds < 0) {
        seconds += SecondsPerDay;
        --days;
    }
    const QDate date = QDate::fromJulianDay(days + EpochJulianDay);
    date.getDate(&f.year, &f.month, &f.day);
    // Qt writes other years its own way (signs, widths).
    if (f.year < 1 || f.year > 9999)
        return std::nullopt;
    f.dayOfWeek = date.dayOfWeek();
    f.secondOfDay = int(seconds);
    return f;
}

int ReportFormat::writeIso(qint64 utc, char16_t *out) const
{
    const auto f = localFields(utc);
    if (!f)
        return -1;
    Digits digits(out);
    digits.put(f->year, 4);
    digits.put(u'-');
    digits.put(f->month, 2);
    digits.put(u'-');
    digits.put(f->day, 2);
    digits.put(u'T');
    digits.put(f->secondOfDay / 3600, 2);
    digits.put(u':');
    digits.put(f->secondOfDay / 60 % 60, 2);
    digits.put(u':');
    digits.put(f->secondOfDay % 60, 2);
    // Qt leaves an offset's seconds (old local mean times) out, as ISO 8601 does.
    digits.put(f->offset < 0 ? u'-' : u'+');
    const int magnitude = f->offset < 0 ? -f->offset : f->offset;
    digits.put(magnitude / 3600, 2);
    digits.put(u':');
    digits.put(magnitude / 60 % 60, 2);
    return digits.size();
}

} // namespace hub
