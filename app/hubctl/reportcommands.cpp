// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/hubctl/reportcommands.h"

#include "app/hubctl/cli.h"
#include "app/hubctl/commandsession.h"
#include "core/reports/reportexporter.h"
#include "core/reports/reportservice.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>

#include <cstdio>

namespace hub::cli {

namespace {

struct ReportCommandsTr
{
    Q_DECLARE_TR_FUNCTIONS(hub::cli::ReportCommands)
};

// Writes the report to `path`, or to standard output when it is empty.
Result<ReportExportSummary> writeReport(ReportService &reports, const QString &name, const ReportRequest &request,
                                        ReportFileFormat format, const QString &path, bool excel)
{
    if (!path.isEmpty())
        return ReportExporter::exportTo(reports, name, request, format, path, excel);
    // The report is the output: stdout carries it whatever --json says.
    std::fflush(stdout);
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return fail(Error::storage(ReportCommandsTr::tr("Could not write to standard output.")));
    auto summary = ReportExporter::write(reports, name, request, format, out, excel);
    out.flush();
    return summary;
}

int report(CommandContext &ctx, CommandSession &s)
{
    const QString name = ctx.positional().first();
    // Without --format a person at a terminal reads the report as text (scripts
    // asking --json get the JSON document); a file always names its format.
    if (!ctx.isSet(QStringLiteral("format")) && ctx.isSet(QStringLiteral("output")))
        return ctx.usage(ReportCommandsTr::tr("Say which format to write: --format csv, pdf, json, ledger or text."),
                         QStringLiteral("--format"));
    auto format = ctx.isSet(QStringLiteral("format")) ? ReportExporter::formatFrom(ctx.value(QStringLiteral("format")))
                  : ctx.json()                        ? Result<ReportFileFormat>(ReportFileFormat::Json)
                                                      : Result<ReportFileFormat>(ReportFileFormat::Text);
    if (!format)
        return ctx.fail(format.error());
    const bool excel = ctx.isSet(QStringLiteral("excel"));
    if (excel && *format != ReportFileFormat::Csv)
        return ctx.usage(ReportCommandsTr::tr("--excel is for CSV files only."), QStringLiteral("--excel"));
    const QString path = ctx.value(QStringLiteral("output"));
    if (path.isEmpty() && *format == ReportFileFormat::Pdf)
        return ctx.usage(ReportCommandsTr::tr("A PDF needs a file: give -o FILE.pdf."), QStringLiteral("-o"));
    ReportRequest request;
    for (const auto &[option, field] :
         {std::pair{QStringLiteral("from"), &request.from}, std::pair{QStringLiteral("to"), &request.to},
          std::pair{QStringLiteral("at"), &request.at}}) {
        if (!ctx.isSet(option))
            continue;
        auto date = parseDate(ctx.value(option), QStringLiteral("--") + option);
        if (!date)
            return ctx.fail(date.error());
        *field = *date;
    }

    const auto summary = writeReport(s.hub->reports(), name, request, *format, path, excel);
    if (!summary)
        return ctx.fail(summary.error());
    const QString where = path.isEmpty() ? ReportCommandsTr::tr("standard output") : CliOutput::shownPath(path);
    const QString counted =
        *format == ReportFileFormat::Ledger
            ? ReportCommandsTr::tr("%n transfer(s)", nullptr, int(std::min<qint64>(summary->rows, INT_MAX)))
            : ReportCommandsTr::tr("%n row(s)", nullptr, int(std::min<qint64>(summary->rows, INT_MAX)));
    // Text on the terminal is its own message.
    if (!(path.isEmpty() && *format == ReportFileFormat::Text))
        ctx.out().message(ReportCommandsTr::tr("%1 (%2): %3 written to %4.")
                              .arg(summary->title, ReportExporter::formatName(*format), counted, where));
    if (ctx.json() && !path.isEmpty())
        ctx.out().document(QJsonObject{{QStringLiteral("report"), name},
                                       {QStringLiteral("format"), ReportExporter::formatName(*format)},
                                       {QStringLiteral("file"), CliOutput::shownPath(path)},
                                       {QStringLiteral("tables"), summary->tables},
                                       {QStringLiteral("rows"), double(summary->rows)}});
    return 0;
}

} // namespace

void registerReportCommands(Cli &cli)
{
    cli.add(
        {.name = QStringLiteral("report"),
         .synopsis = QStringLiteral(
             "NAME [--from DATE] [--to DATE] [--at DATE] [--format csv|pdf|json|ledger|text] [-o FILE] [--excel]"),
         .summary = ReportCommandsTr::tr(
             "write a report (trial-balance, statements, journal, ledger-activity, ...) to a file"),
         .options =
             {option(QStringLiteral("from"), ReportCommandsTr::tr("First day of the period (YYYY-MM-DD)."),
                     QStringLiteral("DATE")),
              option(QStringLiteral("to"), ReportCommandsTr::tr("Last day of the period, included."),
                     QStringLiteral("DATE")),
              option(QStringLiteral("at"), ReportCommandsTr::tr("The day a balance report is at (default today)."),
                     QStringLiteral("DATE")),
              option(QStringLiteral("format"),
                     ReportCommandsTr::tr(
                         "csv, pdf, json, ledger (a plain-text accounting journal) or text (aligned columns; "
                         "the default on a terminal)."),
                     QStringLiteral("FORMAT")),
              QCommandLineOption(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                 ReportCommandsTr::tr("Write to FILE instead of standard output (needed for pdf)."),
                                 QStringLiteral("FILE")),
              option(QStringLiteral("excel"),
                     ReportCommandsTr::tr("Start a CSV file with a byte-order mark, so spreadsheets read accents."))},
         .arguments = {1, 1},
         .run = report});
}

} // namespace hub::cli
