// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reports/reporttable.h"

#include <QTimeZone>

namespace hub {

struct HubSettings;

/// Turns typed report values into text, the same way for every format:
/// amounts as plain decimals in the hub's unit ("1250.50", no thousands
/// separators), dates as YYYY-MM-DD, instants as ISO 8601 in the hub's zone
/// with its offset, percentages with one decimal. Null values become "".
class ReportFormat
{
public:
    ReportFormat(int decimals, QTimeZone zone);
    explicit ReportFormat(const HubSettings &settings);

    QString text(const QVariant &value, ReportType type) const;
    /// For people (GUI cells, PDF): like text() but "25.0 %" and local
    /// date-times without seconds or offset ("2026-10-01 19:00").
    QString display(const QVariant &value, ReportType type) const;

    int decimals() const { return m_decimals; }
    const QTimeZone &zone() const { return m_zone; }

private:
    int m_decimals;
    QTimeZone m_zone;
};

} // namespace hub
