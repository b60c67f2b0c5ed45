// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reports/reportformat.h"
#include "core/reports/reportsink.h"

#include <functional>

class QIODevice;

namespace hub {

/// A report as aligned plain-text columns, for a person at a terminal
/// (`hubctl report NAME` without --format). Column widths come from the header
/// and the first rows; later rows stream out at those widths (a longer value
/// pushes its line wider rather than being cut), so a long journal is never
/// held in memory. Numbers are right-aligned; totals and notes follow a rule.
class TextReportWriter final : public ReportSink
{
public:
    TextReportWriter(QIODevice &device, ReportFormat format, std::function<bool()> cancelled = {});

    Status begin(const ReportHeading &heading) override;
    Status beginTable(const ReportTableHeader &header) override;
    Status row(const QVariantList &values) override;
    Status endTable(const QVariantList &totals, const QStringList &notes) override;
    Status end() override;
    bool isCancelled() const override { return m_cancelled && m_cancelled(); }

    /// Rows looked at before the widths are fixed.
    static constexpr int SampleRows = 200;

private:
    QStringList cells(const QVariantList &values) const;
    Status flushSample();
    Status writeLine(const QStringList &cells);
    Status write(const QString &text);

    QIODevice &m_device;
    ReportFormat m_format;
    std::function<bool()> m_cancelled;
    QList<ReportColumn> m_columns;
    QList<qsizetype> m_widths;
    QList<QStringList> m_sample;
    bool m_widthsFixed = false;
    qint64 m_rows = 0;
};

} // namespace hub
