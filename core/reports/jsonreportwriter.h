// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reports/reportformat.h"
#include "core/reports/reportsink.h"

#include <functional>

class QIODevice;

namespace hub {

/// A report as one JSON document, written as it streams (never built in memory):
///
///     {"report": "journal", "title": "Journal", "hub": "…", "from": "2026-10-01", "to": "2026-10-31",
///      "unit": "Hours", "decimals": 2,
///      "tables": [{"title": "…", "columns": [{"key", "title", "type"}…],
///                  "rows": [{"id": 12, "amount": "12.50", "amount_minor": 1250, …}…],
///                  "totals": {…} | null, "notes": ["…"]}]}
///
/// A report "at" a date has "at" instead of "from"/"to". Values are ReportFormat
/// text; counts, percentages and decimals are numbers; amounts are text plus
/// integer minor units under KEY_minor; a missing value is null.
class JsonReportWriter final : public ReportSink
{
public:
    JsonReportWriter(QIODevice &device, ReportFormat format, std::function<bool()> cancelled = {});

    Status begin(const ReportHeading &heading) override;
    Status beginTable(const ReportTableHeader &header) override;
    Status row(const QVariantList &values) override;
    Status endTable(const QVariantList &totals, const QStringList &notes) override;
    Status end() override;
    bool isCancelled() const override { return m_cancelled && m_cancelled(); }

    /// A JSON string literal, quotes included.
    static QString quoted(const QString &text);

private:
    Status write(const QString &text);
    QString object(const QVariantList &values) const;

    QIODevice &m_device;
    ReportFormat m_format;
    std::function<bool()> m_cancelled;
    QList<ReportColumn> m_columns;
    QList<QString> m_keys; ///< each column's key, already quoted
    int m_tables = 0;
    qint64 m_rows = 0;
};

} // namespace hub
