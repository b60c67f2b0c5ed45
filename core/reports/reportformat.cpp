// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/reportformat.h"

#include "core/common/amount.h"
#include "core/settings/hubsettings.h"

#include <QDate>
#include <QDateTime>

namespace hub {

ReportFormat::ReportFormat(int decimals, QTimeZone zone) : m_decimals(decimals), m_zone(std::move(zone)) {}

ReportFormat::ReportFormat(const HubSettings &settings) : ReportFormat(settings.decimals, settings.zone()) {}

QString ReportFormat::text(const QVariant &value, ReportType type) const
{
    if (value.isNull() || !value.isValid())
        return {};
    switch (type) {
    case ReportType::Text:
        return value.toString();
    case ReportType::Integer:
        return QString::number(value.toLongLong());
    case ReportType::Amount:
        return Amount::fromMinor(value.toLongLong()).toString(m_decimals);
    case ReportType::Percent:
        return QString::number(value.toDouble(), 'f', 1);
    case ReportType::Decimal:
        return QString::number(value.toDouble(), 'f', 2);
    case ReportType::Date:
        return value.toDate().toString(Qt::ISODate);
    case ReportType::DateTime:
        // A zoned QDateTime's ISO form carries its offset ("2026-03-30T19:00:00+01:00").
        return QDateTime::fromSecsSinceEpoch(value.toLongLong(), m_zone).toString(Qt::ISODate);
    }
    return value.toString();
}

QString ReportFormat::display(const QVariant &value, ReportType type) const
{
    if (value.isNull() || !value.isValid())
        return {};
    switch (type) {
    case ReportType::Percent:
        return QStringLiteral("%1 %").arg(value.toDouble(), 0, 'f', 1);
    case ReportType::DateTime:
        return QDateTime::fromSecsSinceEpoch(value.toLongLong(), m_zone).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    default:
        return text(value, type);
    }
}

} // namespace hub
