// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/reportexporter.h"

#include "core/common/privatefiles.h"
#include "core/reports/csvreportwriter.h"
#include "core/reports/jsonreportwriter.h"
#include "core/reports/ledgerreportsupport.h"
#include "core/reports/pdfreportwriter.h"
#include "core/reports/reportservice.h"
#include "core/reports/textreportwriter.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace hub {

namespace {
// Passes everything on and counts what went through, for the summary.
class CountingSink final : public ReportSink
{
public:
    explicit CountingSink(ReportSink &inner) : m_inner(inner) {}
    Status begin(const ReportHeading &heading) override
    {
        summary.title = heading.title;
        return m_inner.begin(heading);
    }
    Status beginTable(const ReportTableHeader &header) override
    {
        ++summary.tables;
        return m_inner.beginTable(header);
    }
    Status row(const QVariantList &values) override
    {
        ++summary.rows;
        return m_inner.row(values);
    }
    Status endTable(const QVariantList &totals, const QStringList &notes) override
    {
        return m_inner.endTable(totals, notes);
    }
    Status end() override { return m_inner.end(); }
    bool isCancelled() const override { return m_inner.isCancelled(); }

    ReportExportSummary summary;

private:
    ReportSink &m_inner;
};

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
}
} // namespace

Result<ReportFileFormat> ReportExporter::formatFrom(const QString &text)
{
    for (ReportFileFormat f : {ReportFileFormat::Csv, ReportFileFormat::Json, ReportFileFormat::Pdf,
                               ReportFileFormat::Ledger, ReportFileFormat::Text})
        if (text == formatName(f))
            return f;
    return fail(Error::usage(tr("“%1” is not a report format; use csv, pdf, json, ledger or text.").arg(text),
                             QStringLiteral("--format")));
}

QString ReportExporter::formatName(ReportFileFormat format)
{
    switch (format) {
    case ReportFileFormat::Csv:
        return QStringLiteral("csv");
    case ReportFileFormat::Json:
        return QStringLiteral("json");
    case ReportFileFormat::Pdf:
        return QStringLiteral("pdf");
    case ReportFileFormat::Ledger:
        return QStringLiteral("ledger");
    case ReportFileFormat::Text:
        return QStringLiteral("text");
    }
    return {};
}

QString ReportExporter::suffix(ReportFileFormat format)
{
    if (format == ReportFileFormat::Ledger)
        return QStringLiteral("journal");
    if (format == ReportFileFormat::Text)
        return QStringLiteral("txt");
    return formatName(format);
}

bool ReportExporter::offersLedger(const QString &reportName)
{
    return reportName == QStringLiteral("journal") || reportName == QStringLiteral("statements") ||
           reportName == QStringLiteral("trial-balance");
}

Result<ReportExportSummary> ReportExporter::write(ReportService &reports, const QString &name, ReportRequest request,
                                                  ReportFileFormat format, QIODevice &device, bool excelBom,
                                                  std::function<bool()> cancelled)
{
    // Before anything is written: every format answers to the same check.
    if (auto ok = reports.authorize(); !ok)
        return fail(ok.error());
    auto report = reports.find(name);
    if (!report)
        return fail(report.error());
    if (format == ReportFileFormat::Ledger && !offersLedger(name))
        return fail(Error::usage(tr("--format ledger writes the transfers as a journal: it is offered for the "
                                    "journal, statements and trial-balance reports, not for %1.")
                                     .arg(name),
                                 QStringLiteral("--format")));
    // A PDF's pages refer back to earlier bytes; a pipe cannot take it.
    if (format == ReportFileFormat::Pdf && device.isSequential())
        return fail(Error::usage(tr("A PDF needs a file: give -o FILE."), QStringLiteral("-o")));
    auto completed = reports.complete(**report, std::move(request));
    if (!completed)
        return fail(completed.error());
    auto settings = reports.settings();
    if (!settings)
        return fail(settings.error());

    if (format == ReportFileFormat::Ledger) {
        auto count = reports.writeJournal(name, *completed, device, cancelled);
        if (!count)
            return fail(count.error());
        return ReportExportSummary{(*report)->title(), 1, *count};
    }
    const ReportFormat text(*settings);
    std::unique_ptr<ReportSink> writer;
    if (format == ReportFileFormat::Csv) {
        writer = std::make_unique<CsvReportWriter>(device, text, excelBom, cancelled);
    } else if (format == ReportFileFormat::Pdf) {
        auto pdf = std::make_unique<PdfReportWriter>(device, text);
        pdf->setCancelCheck(cancelled);
        writer = std::move(pdf);
    } else if (format == ReportFileFormat::Text) {
        writer = std::make_unique<TextReportWriter>(device, text, cancelled);
    } else
        writer = std::make_unique<JsonReportWriter>(device, text, cancelled);
    CountingSink counting(*writer);
    // Through the service, so its checks apply here too.
    if (auto s = reports.run(name, *completed, counting); !s)
        return fail(s.error());
    if (cancelled && cancelled())
        return fail(LedgerReportSupport::cancelled());
    return counting.summary;
}

Result<ReportExportSummary> ReportExporter::exportTo(ReportService &reports, const QString &name, ReportRequest request,
                                                     ReportFileFormat format, const QString &path, bool excelBom,
                                                     std::function<bool()> cancelled)
{
    if (path.isEmpty())
        return fail(Error::usage(tr("Name the file to write."), QStringLiteral("-o")));
    // Checked before the file is opened, so a refused export creates nothing.
    if (auto ok = reports.authorize(); !ok)
        return fail(ok.error());
    auto report = reports.find(name);
    if (!report)
        return fail(report.error());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !PrivateFiles::restrict(file))
        return fail(
            Error::storage(tr("Could not write %1: %2").arg(shown(path), file.errorString()), QStringLiteral("-o")));
    auto summary = write(reports, name, std::move(request), format, file, excelBom, cancelled);
    if (!summary) {
        file.cancelWriting();
        return summary;
    }
    if (!file.commit())
        return fail(
            Error::storage(tr("Could not write %1: %2").arg(shown(path), file.errorString()), QStringLiteral("-o")));
    return summary;
}

} // namespace hub
