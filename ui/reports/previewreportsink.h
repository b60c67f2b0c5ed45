// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reports/reportsink.h"

#include <functional>

namespace hub {

/// Collects a report for the screen, but only its first rows: a journal of a
/// million transfers shows its first few thousand and says how many it left
/// out (export for all). Totals and notes are kept whole, since the report
/// computes them in SQL.
class PreviewReportSink final : public ReportSink
{
public:
    /// `rowLimit` rows are kept per report (over all its tables together).
    explicit PreviewReportSink(qint64 rowLimit, std::function<bool()> cancelled = {});

    Status begin(const ReportHeading &heading) override;
    Status beginTable(const ReportTableHeader &header) override;
    Status row(const QVariantList &values) override;
    Status endTable(const QVariantList &totals, const QStringList &notes) override;
    Status end() override { return {}; }
    bool isCancelled() const override { return m_cancelled && m_cancelled(); }

    const ReportHeading &heading() const { return m_heading; }
    const QList<ReportTable> &tables() const { return m_tables; }
    /// Rows the report produced for table `index`, kept or not.
    qint64 rowsProduced(int index) const { return m_produced.value(index); }
    qint64 rowLimit() const { return m_limit; }

private:
    qint64 m_limit;
    qint64 m_kept = 0;
    std::function<bool()> m_cancelled;
    ReportHeading m_heading;
    QList<ReportTable> m_tables;
    QList<qint64> m_produced;
};

} // namespace hub
