// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reports/reporttable.h"
#include "core/reports/zoneoffsets.h"

#include <QStringList>
#include <QTimeZone>

#include <optional>

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
    /// For people (GUI cells, PDF, hubctl's tables): like text() but "25.0 %",
    /// and dates and local date-times as DisplayFormat writes them
    /// ("Thu 1 Oct 2026 19:00").
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
    struct LocalFields
    {
        int year = 0, month = 0, day = 0, dayOfWeek = 0;
        int secondOfDay = 0, offset = 0;
    };
    /// The instant's local date and time, or nothing when Qt must write it
    /// (an invalid zone, a year beyond 1..9999).
    std::optional<LocalFields> localFields(qint64 utc) const;
    /// Writes the instant as ISO 8601 from `out` on and returns its length, or -1.
    int writeIso(qint64 utc, char16_t *out) const;
    QString isoInstant(qint64 utc) const;
    /// DisplayFormat::dateTime() without a QDateTime per row: the locale's
    /// day and month names are looked up once.
    QString displayInstant(qint64 utc) const;

    int m_decimals;
    QTimeZone m_zone;
    mutable ZoneOffsets m_offsets;
    // Short day names (Monday first) and month names of the locale, when its
    // digits are ASCII; empty otherwise (then DisplayFormat writes each).
    QStringList m_dayNames;
    QStringList m_monthNames;
};

} // namespace hub
