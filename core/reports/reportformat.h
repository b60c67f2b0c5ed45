// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reports/reporttable.h"
#include "core/reports/zoneoffsets.h"

#include <QTimeZone>

namespace hub {

struct HubSettings;

/// Turns typed report values into text, the same way for every format:
/// amounts as plain decimals in the hub's unit ("1250.50", no thousands
/// separators), dates as YYYY-MM-DD, instants as ISO 8601 in the hub's zone
/// with its offset, percentages with one decimal. Null values become "".
/// Instants are written by hand with the zone's offset remembered between
/// transitions (an export formats millions), so one ReportFormat is for one
/// thread at a time; copies are independent.
class ReportFormat
{
public:
    ReportFormat(int decimals, QTimeZone zone);
    explicit ReportFormat(const HubSettings &settings);

    QString text(const QVariant &value, ReportType type) const;
    /// For people (GUI cells, PDF): like text() but "25.0 %" and local
    /// date-times without seconds or offset ("2026-10-01 19:00").
    QString display(const QVariant &value, ReportType type) const;

    /// Room textView() writes into.
    struct Scratch
    {
        char16_t chars[64];
        QString text;
    };
    /// text() for a writer's loop over many rows: numbers, amounts and
    /// instants are written into `scratch` and text is viewed where it is, so
    /// nothing is allocated. The view lasts while `value` does and until the
    /// next call with the same scratch.
    QStringView textView(const QVariant &value, ReportType type, Scratch &scratch) const;

    int decimals() const { return m_decimals; }
    const QTimeZone &zone() const { return m_zone; }

private:
    enum class InstantStyle { Iso, Minutes };
    /// Writes the instant from `out` on and returns its length, or -1 when
    /// Qt must write it (an invalid zone, a year beyond 1..9999).
    int writeInstant(qint64 utc, InstantStyle style, char16_t *out) const;
    QString instant(qint64 utc, InstantStyle style) const;

    int m_decimals;
    QTimeZone m_zone;
    mutable ZoneOffsets m_offsets;
};

} // namespace hub
