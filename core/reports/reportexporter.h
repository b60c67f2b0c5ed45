// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/reports/report.h"

#include <QCoreApplication>

#include <functional>

class QIODevice;

namespace hub {

class ReportService;

enum class ReportFileFormat
{
    Csv,
    Json,
    Pdf,
    Ledger,
    Text
};

/// What an export wrote, for the one-line summary people see.
struct ReportExportSummary
{
    QString title; ///< the report's title
    int tables = 0;
    qint64 rows = 0; ///< data rows; for a journal, transfers
};

/// Runs a report into a file of the chosen format: the one place the GUI's
/// export and `hubctl report` share. Files are written through QSaveFile, so a
/// failed or cancelled export leaves neither a file nor half of one.
class ReportExporter
{
    Q_DECLARE_TR_FUNCTIONS(hub::ReportExporter)
public:
    /// "csv", "json", "pdf", "ledger"; anything else is Error::usage naming --format.
    static Result<ReportFileFormat> formatFrom(const QString &text);
    static QString formatName(ReportFileFormat format);
    /// The file name suffix a format's files get ("csv", "json", "pdf", "journal").
    static QString suffix(ReportFileFormat format);
    /// Whether a report can be written as a plain-text accounting journal.
    static bool offersLedger(const QString &reportName);

    /// `excelBom` starts a CSV with a byte-order mark; `cancelled` is polled
    /// between rows and ends the export with an error, leaving no file.
    static Result<ReportExportSummary> exportTo(ReportService &reports, const QString &name, ReportRequest request,
                                                ReportFileFormat format, const QString &path, bool excelBom,
                                                std::function<bool()> cancelled = {});
    /// The same into an open device (standard output); a failure may leave
    /// part written. PDF needs a file and is refused here.
    static Result<ReportExportSummary> write(ReportService &reports, const QString &name, ReportRequest request,
                                             ReportFileFormat format, QIODevice &device, bool excelBom,
                                             std::function<bool()> cancelled = {});
};

} // namespace hub
