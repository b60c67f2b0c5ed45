// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/csvwriter.h"
#include "core/reports/reportformat.h"
#include "core/reports/reportsink.h"

#include <functional>

class QIODevice;

namespace hub {

/// A report as RFC 4180 CSV (UTF-8, CRLF): a header row of column keys, then
/// each row as ReportFormat::text gives it (amounts as plain decimals). A table
/// with the same columns as the one before continues its rows (statements make
/// one sheet); a different table follows a blank line with its own header.
/// Totals and notes are left out, so every line below a header is data.
class CsvReportWriter final : public ReportSink
{
public:
    /// `bom`: start with a UTF-8 byte-order mark (--excel), which spreadsheets
    /// need to read accents correctly.
    CsvReportWriter(QIODevice &device, ReportFormat format, bool bom = false, std::function<bool()> cancelled = {});

    Status begin(const ReportHeading &heading) override;
    Status beginTable(const ReportTableHeader &header) override;
    Status row(const QVariantList &values) override;
    Status endTable(const QVariantList &totals, const QStringList &notes) override;
    Status end() override;
    bool isCancelled() const override { return m_cancelled && m_cancelled(); }

private:
    QIODevice &m_device;
    CsvWriter m_csv;
    ReportFormat m_format;
    std::function<bool()> m_cancelled;
    QList<ReportColumn> m_columns;
    QStringList m_keys; ///< the header written last
    bool m_anyTable = false;
    ReportFormat::Scratch m_scratch;
};

} // namespace hub
