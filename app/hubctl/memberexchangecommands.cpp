// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/hubctl/memberexchangecommands.h"

#include "app/hubctl/cli.h"
#include "app/hubctl/commandsession.h"
#include "core/common/privatefiles.h"
#include "core/members/memberexporter.h"
#include "core/members/memberimporter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

#include <cstdio>

namespace hub::cli {

namespace {

struct MemberExchangeCommandsTr
{
    Q_DECLARE_TR_FUNCTIONS(hub::cli::MemberExchangeCommands)
};

int memberImport(CommandContext &ctx, CommandSession &s)
{
    const QString path = ctx.positional().first();
    const bool dry = ctx.isSet(QStringLiteral("dry-run"));

    QFile file(path);
    if (!QFileInfo::exists(path))
        return ctx.fail(Error::notFound(
            MemberExchangeCommandsTr::tr("There is no file at %1.").arg(CliOutput::shownPath(path)), path));
    if (!file.open(QIODevice::ReadOnly))
        return ctx.fail(Error::invalid(
            MemberExchangeCommandsTr::tr("Could not read %1: %2").arg(CliOutput::shownPath(path), file.errorString()),
            path));
    const QByteArray bytes = file.readAll();

    auto report = MemberImporter(*s.hub).run(bytes, dry);
    if (!report)
        return ctx.fail(report.error());

    for (const QString &column : std::as_const(report->ignoredColumns))
        ctx.out().message(
            MemberExchangeCommandsTr::tr("Column “%1” is not a member field and was ignored.").arg(column));

    if (!report->problems.isEmpty()) {
        QJsonArray problems;
        QSet<int> badRows;
        for (const ImportProblem &p : std::as_const(report->problems)) {
            problems << QJsonObject{{QStringLiteral("row"), p.row},
                                    {QStringLiteral("column"), p.column.isEmpty() ? QJsonValue() : p.column},
                                    {QStringLiteral("message"), p.message}};
            badRows.insert(p.row);
            ctx.out().message(p.column.isEmpty()
                                  ? MemberExchangeCommandsTr::tr("%1: row %2: %3").arg(path).arg(p.row).arg(p.message)
                                  : MemberExchangeCommandsTr::tr("%1: row %2, column %3: %4")
                                        .arg(path)
                                        .arg(p.row)
                                        .arg(p.column, p.message));
        }
        ctx.out().message(MemberExchangeCommandsTr::tr("%n problem(s) in %1 of %2 rows; nothing was imported.", nullptr,
                                                       int(report->problems.size()))
                              .arg(badRows.size())
                              .arg(report->rows));
        ctx.out().document(QJsonObject{{QStringLiteral("ok"), false},
                                       {QStringLiteral("dry_run"), dry},
                                       {QStringLiteral("rows"), report->rows},
                                       {QStringLiteral("problems"), problems}});
        return int(ErrorKind::Invalid);
    }

    QJsonArray ids;
    for (const MemberId id : std::as_const(report->created))
        ids << double(id.value());
    const QJsonObject result{{QStringLiteral("ok"), true},
                             {QStringLiteral("dry_run"), dry},
                             {QStringLiteral("rows"), report->rows},
                             {QStringLiteral("created"), int(report->created.size())},
                             {QStringLiteral("ids"), ids},
                             {QStringLiteral("ignored_columns"), QJsonArray::fromStringList(report->ignoredColumns)}};
    ctx.out().result(result, dry ? MemberExchangeCommandsTr::tr(
                                       "All %n row(s) are good; nothing was written (dry run).", nullptr, report->rows)
                                 : MemberExchangeCommandsTr::tr("Imported %n member(s) from %1.", nullptr,
                                                                int(report->created.size()))
                                       .arg(CliOutput::shownPath(path)));
    return 0;
}

int memberExport(CommandContext &ctx, CommandSession &s)
{
    const QString path = ctx.value(QStringLiteral("output"));
    ExportOptions options;
    options.all = ctx.isSet(QStringLiteral("all"));
    options.bom = ctx.isSet(QStringLiteral("bom"));
    if (ctx.isSet(QStringLiteral("format"))) {
        const auto f = MemberExporter::formatFrom(ctx.value(QStringLiteral("format")));
        if (!f)
            return ctx.usage(MemberExchangeCommandsTr::tr("unknown format “%1”; use csv, vcard or json")
                                 .arg(ctx.value(QStringLiteral("format"))),
                             QStringLiteral("--format"));
        options.format = *f;
    } else if (!path.isEmpty()) {
        options.format = MemberExporter::formatFrom(QFileInfo(path).suffix()).value_or(ExportFormat::Csv);
    }
    options.filter.search = ctx.value(QStringLiteral("search"));
    options.filter.skill = ctx.value(QStringLiteral("skill"));
    if (ctx.isSet(QStringLiteral("status"))) {
        const auto status = memberStatusFrom(ctx.value(QStringLiteral("status")));
        if (!status)
            return ctx.usage(MemberExchangeCommandsTr::tr("unknown status “%1”; use active, lapsed or left")
                                 .arg(ctx.value(QStringLiteral("status"))),
                             QStringLiteral("--status"));
        options.filter.status = *status;
    }

    MemberExporter exporter(*s.hub);

    if (path.isEmpty()) {
        // The export is the output: stdout carries the data whatever --json says.
        std::fflush(stdout);
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly))
            return ctx.fail(Error::storage(MemberExchangeCommandsTr::tr("Could not write to standard output.")));
        auto count = exporter.write(out, options);
        out.flush();
        if (!count)
            return ctx.fail(count.error());
        ctx.out().message(MemberExchangeCommandsTr::tr("Exported %n member(s).", nullptr, *count));
        return 0;
    }

    // QSaveFile: a failed export leaves no half-written file behind.
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || !PrivateFiles::restrict(out))
        return ctx.fail(Error::storage(
            MemberExchangeCommandsTr::tr("Could not write %1: %2").arg(CliOutput::shownPath(path), out.errorString()),
            QStringLiteral("-o")));
    auto count = exporter.write(out, options);
    if (!count)
        return ctx.fail(count.error());
    if (!out.commit())
        return ctx.fail(Error::storage(
            MemberExchangeCommandsTr::tr("Could not write %1: %2").arg(CliOutput::shownPath(path), out.errorString()),
            QStringLiteral("-o")));
    ctx.out().result(
        QJsonObject{{QStringLiteral("file"), CliOutput::shownPath(path)},
                    {QStringLiteral("format"), MemberExporter::formatName(options.format)},
                    {QStringLiteral("all"), options.all},
                    {QStringLiteral("count"), *count}},
        MemberExchangeCommandsTr::tr("Exported %n member(s) to %1.", nullptr, *count).arg(CliOutput::shownPath(path)));
    return 0;
}

// The options of `member export`: the format, where it goes and who is in it.
QList<QCommandLineOption> memberExportOptions()
{
    return {
        QCommandLineOption(
            QStringLiteral("format"),
            MemberExchangeCommandsTr::tr("csv, vcard or json (default: from the -o file name, else csv)."),
            QStringLiteral("FORMAT")),
        QCommandLineOption(
            QStringLiteral("all"),
            MemberExchangeCommandsTr::tr("Everyone and every field, whatever their directory consent (admins).")),
        QCommandLineOption(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                           MemberExchangeCommandsTr::tr("Write to FILE instead of standard output."),
                           QStringLiteral("FILE")),
        QCommandLineOption(QStringLiteral("bom"), MemberExchangeCommandsTr::tr(
                                                      "CSV: start with a byte-order mark so spreadsheets read UTF-8.")),
        QCommandLineOption(QStringLiteral("search"), MemberExchangeCommandsTr::tr("Only members matching TEXT."),
                           QStringLiteral("TEXT")),
        QCommandLineOption(QStringLiteral("skill"), MemberExchangeCommandsTr::tr("Only members with this skill."),
                           QStringLiteral("NAME")),
        QCommandLineOption(QStringLiteral("status"),
                           MemberExchangeCommandsTr::tr("Only active, lapsed or left members."),
                           QStringLiteral("STATUS")),
    };
}

} // namespace

void registerMemberExchangeCommands(Cli &cli)
{
    cli.add({.name = QStringLiteral("member import"),
             .synopsis = QStringLiteral("FILE.csv [--dry-run]"),
             .summary = MemberExchangeCommandsTr::tr(
                 "import members from CSV: all rows or none, with a report of every bad row"),
             .options = {QCommandLineOption(
                 QStringLiteral("dry-run"),
                 MemberExchangeCommandsTr::tr("Check every row and report, but write nothing."))},
             .arguments = {1, 1},
             .run = memberImport});
    cli.add(
        {.name = QStringLiteral("member export"),
         .synopsis = QStringLiteral("[--format csv|vcard|json] [--all] [-o FILE] [--search TEXT] [--skill NAME] "
                                    "[--status STATUS] [--bom]"),
         .summary = MemberExchangeCommandsTr::tr("export the directory (or everyone with --all) as CSV, vCard or JSON"),
         .options = memberExportOptions(),
         .arguments = {0, 0},
         .run = memberExport});
}

} // namespace hub::cli
