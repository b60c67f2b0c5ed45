// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/reportformat.h"

#include "core/common/amount.h"
#include "core/settings/hubsettings.h"

#include <QDate>
#include <QDateTime>

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
}

ReportFormat::ReportFormat(const HubSettings &settings) : ReportFormat(settings.decimals, settings.zone()) {}

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
        return instant(value.toLongLong(), InstantStyle::Iso);
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
        if (const int size = writeInstant(value.toLongLong(), InstantStyle::Iso, scratch.chars); size >= 0)
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
    case ReportType::DateTime:
        return instant(value.toLongLong(), InstantStyle::Minutes);
    default:
        return text(value, type);
    }
}

QString ReportFormat::instant(qint64 utc, InstantStyle style) const
{
    char16_t chars[32];
    if (const int size = writeInstant(utc, style, chars); size >= 0)
        return QStringView(chars, size).toString();
    // The same text as a zoned QDateTime's, which writeInstant() copies:
    // Qt::ISODate carries the offset ("2026-03-30T19:00:00+01:00").
    const QDateTime at = QDateTime::fromSecsSinceEpoch(utc, m_zone);
    return style == InstantStyle::Iso ? at.toString(Qt::ISODate) : at.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

int ReportFormat::writeInstant(qint64 utc, InstantStyle style, char16_t *out) const
{
    // Far outside ±10,000 years the arithmetic below could overflow.
    constexpr qint64 Limit = qint64(1) << 41;
    if (!m_zone.isValid() || utc < -Limit || utc > Limit)
        return -1;
    const int offset = m_offsets.at(utc);
    const qint64 local = utc + offset;
    qint64 days = local / SecondsPerDay;
    qint64 seconds = local % SecondsPerDay;
    if (seconds < 0) {
        seconds += SecondsPerDay;
        --days;
    }
    int year = 0;
    int month = 0;
    int day = 0;
    QDate::fromJulianDay(days + EpochJulianDay).getDate(&year, &month, &day);
    // Qt writes other years its own way (signs, widths).
    if (year < 1 || year > 9999)
        return -1;
    Digits digits(out);
    digits.put(year, 4);
    digits.put(u'-');
    digits.put(month, 2);
    digits.put(u'-');
    digits.put(day, 2);
    digits.put(style == InstantStyle::Iso ? u'T' : u' ');
    digits.put(int(seconds / 3600), 2);
    digits.put(u':');
    digits.put(int(seconds / 60 % 60), 2);
    if (style == InstantStyle::Minutes)
        return digits.size();
    digits.put(u':');
    digits.put(int(seconds % 60), 2);
    // Qt leaves an offset's seconds (old local mean times) out, as ISO 8601 does.
    digits.put(offset < 0 ? u'-' : u'+');
    const int magnitude = offset < 0 ? -offset : offset;
    digits.put(magnitude / 3600, 2);
    digits.put(u':');
    digits.put(magnitude / 60 % 60, 2);
    return digits.size();
}

} // namespace hub
