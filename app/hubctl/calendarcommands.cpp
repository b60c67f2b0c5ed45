// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/hubctl/calendarcommands.h"

#include "app/hubctl/cli.h"
#include "app/hubctl/commandsession.h"
#include "core/common/privatefiles.h"
#include "core/spaces/icalendarexporter.h"
#include "core/spaces/icalendarimporter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>
#include <QTimeZone>

#include <cstdio>

namespace hub::cli {

namespace {

struct CalendarCommandsTr
{
    Q_DECLARE_TR_FUNCTIONS(hub::cli::CalendarCommands)
};

// ISO 8601 in the hub's zone with its offset, as CLI.md asks of JSON times.
QJsonValue isoLocal(const QDateTime &utc, const QTimeZone &zone)
{
    if (!utc.isValid())
        return QJsonValue();
    return utc.toTimeZone(zone).toOffsetFromUtc(utc.toTimeZone(zone).offsetFromUtc()).toString(Qt::ISODate);
}

int calendarExport(CommandContext &ctx, CommandSession &s)
{
    CalendarExportOptions exportOptions;
    for (const auto &[name, field] :
         {std::pair{QStringLiteral("from"), &exportOptions.from}, std::pair{QStringLiteral("to"), &exportOptions.to}}) {
        if (!ctx.isSet(name))
            continue;
        auto d = parseDate(ctx.value(name), QStringLiteral("--") + name);
        if (!d)
            return ctx.fail(d.error());
        *field = *d;
    }
    if (exportOptions.from.isValid() && exportOptions.to.isValid() && exportOptions.to < exportOptions.from)
        return ctx.usage(CalendarCommandsTr::tr("--to is before --from"), QStringLiteral("--to"));
    if (ctx.isSet(QStringLiteral("space"))) {
        auto space = s.space(ctx.value(QStringLiteral("space")), QStringLiteral("--space"));
        if (!space)
            return ctx.fail(space.error());
        exportOptions.space = space->id;
    }
    ICalendarExporter exporter(*s.hub);
    const QString path = ctx.value(QStringLiteral("output"));
    if (path.isEmpty()) {
        // The calendar is the output: stdout carries it whatever --json says.
        std::fflush(stdout);
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly))
            return ctx.fail(Error::storage(CalendarCommandsTr::tr("Could not write to standard output.")));
        auto count = exporter.write(out, exportOptions);
        out.flush();
        if (!count)
            return ctx.fail(count.error());
        ctx.out().message(CalendarCommandsTr::tr("Exported %n event(s).", nullptr, *count));
        return 0;
    }
    // QSaveFile: a failed export leaves no half-written file behind.
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || !PrivateFiles::restrict(out))
        return ctx.fail(Error::storage(
            CalendarCommandsTr::tr("Could not write %1: %2").arg(CliOutput::shownPath(path), out.errorString()),
            QStringLiteral("-o")));
    auto count = exporter.write(out, exportOptions);
    if (!count)
        return ctx.fail(count.error());
    if (!out.commit())
        return ctx.fail(Error::storage(
            CalendarCommandsTr::tr("Could not write %1: %2").arg(CliOutput::shownPath(path), out.errorString()),
            QStringLiteral("-o")));
    ctx.out().result(
        QJsonObject{{QStringLiteral("file"), CliOutput::shownPath(path)}, {QStringLiteral("events"), *count}},
        CalendarCommandsTr::tr("Exported %n event(s) to %1.", nullptr, *count).arg(CliOutput::shownPath(path)));
    return 0;
}

QString outcomeText(const CalendarImportEvent &e, bool dryRun)
{
    using Outcome = CalendarImportEvent::Outcome;
    switch (e.outcome) {
    case Outcome::Book:
        return dryRun ? CalendarCommandsTr::tr("would book") : CalendarCommandsTr::tr("booked");
    case Outcome::AlreadyThere:
        return CalendarCommandsTr::tr("already there");
    case Outcome::Skipped:
        return CalendarCommandsTr::tr("skipped");
    case Outcome::Refused:
        return CalendarCommandsTr::tr("refused");
    case Outcome::Unreadable:
        return CalendarCommandsTr::tr("unreadable");
    }
    return {};
}

Result<QByteArray> readCalendar(const QString &path)
{
    if (!QFileInfo::exists(path))
        return fail(
            Error::notFound(CalendarCommandsTr::tr("There is no file at %1.").arg(CliOutput::shownPath(path)), path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::storage(
            CalendarCommandsTr::tr("Could not read %1: %2").arg(CliOutput::shownPath(path), file.errorString()), path));
    return file.readAll();
}

QJsonObject importedEventJson(const CalendarImportEvent &e, const QTimeZone &zone)
{
    QJsonArray ids;
    for (const BookingId id : e.booked)
        ids << double(id.value());
    return QJsonObject{{QStringLiteral("line"), e.line},
                       {QStringLiteral("uid"), e.uid},
                       {QStringLiteral("title"), e.title},
                       {QStringLiteral("start"), isoLocal(e.start, zone)},
                       {QStringLiteral("end"), isoLocal(e.end, zone)},
                       {QStringLiteral("all_day"), e.allDay},
                       {QStringLiteral("outcome"), CalendarImportEvent::outcomeName(e.outcome)},
                       {QStringLiteral("plan"), e.plan},
                       {QStringLiteral("bookings"), e.bookings},
                       {QStringLiteral("problem"), e.problem.isEmpty() ? QJsonValue() : e.problem},
                       {QStringLiteral("problem_line"), e.problemLine ? QJsonValue(e.problemLine) : QJsonValue()},
                       {QStringLiteral("ids"), ids}};
}

QJsonObject importJson(const CalendarImportReport &report, bool dry, const QString &path, const Space &space,
                       const QJsonArray &events)
{
    return QJsonObject{{QStringLiteral("ok"), report.ok()},
                       {QStringLiteral("dry_run"), dry},
                       {QStringLiteral("written"), report.written},
                       {QStringLiteral("file"), CliOutput::shownPath(path)},
                       {QStringLiteral("space_id"), space.id.value()},
                       {QStringLiteral("space"), space.name},
                       {QStringLiteral("bookings"), report.bookings()},
                       {QStringLiteral("already_there"), report.count(CalendarImportEvent::Outcome::AlreadyThere)},
                       {QStringLiteral("skipped"), report.count(CalendarImportEvent::Outcome::Skipped)},
                       {QStringLiteral("refused"), report.count(CalendarImportEvent::Outcome::Refused)},
                       {QStringLiteral("unreadable"), report.count(CalendarImportEvent::Outcome::Unreadable)},
                       {QStringLiteral("events"), events}};
}

// Every event with its outcome, as a document or a table; the problems of
// the events that block the import come first, one message a line.
void showImportedEvents(CommandContext &ctx, const CommandSession &s, const QString &path, const Space &space,
                        const CalendarImportReport &report, bool dry)
{
    const QTimeZone zone = s.settings.zone();
    QJsonArray events;
    QList<QStringList> rows;
    for (const CalendarImportEvent &e : std::as_const(report.events)) {
        events << importedEventJson(e, zone);
        rows << QStringList{QString::number(e.line),
                            e.allDay ? e.start.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd")) +
                                           CalendarCommandsTr::tr(" all day")
                                     : s.local(e.start),
                            e.title, outcomeText(e, dry), e.plan.isEmpty() ? e.problem.section(u'\n', 0, 0) : e.plan};
        if (e.blocks())
            for (const QString &line : e.problem.split(u'\n'))
                ctx.out().message(
                    CalendarCommandsTr::tr("%1: line %2: “%3”: %4").arg(path).arg(e.problemLine).arg(e.title, line));
    }
    if (ctx.json())
        ctx.out().document(importJson(report, dry, path, space, events));
    else if (!rows.isEmpty())
        ctx.out().table({CalendarCommandsTr::tr("Line"), CalendarCommandsTr::tr("When"),
                         CalendarCommandsTr::tr("Event"), CalendarCommandsTr::tr("Outcome"),
                         CalendarCommandsTr::tr("What")},
                        rows);
}

// The closing line of an import, and its exit code.
int concludeImport(CommandContext &ctx, const QString &path, const Space &space, const CalendarImportReport &report,
                   bool dry)
{
    if (report.events.isEmpty()) {
        ctx.out().message(
            CalendarCommandsTr::tr("%1 holds no events; nothing was booked.").arg(CliOutput::shownPath(path)));
        return 0;
    }
    if (!report.ok()) {
        const int refused = report.count(CalendarImportEvent::Outcome::Refused);
        const int unreadable = report.count(CalendarImportEvent::Outcome::Unreadable);
        ctx.out().message(CalendarCommandsTr::tr("%1 refused and %2 unreadable of %n event(s); nothing was imported.",
                                                 nullptr, int(report.events.size()))
                              .arg(refused)
                              .arg(unreadable));
        return report.exitCode();
    }
    const int there = report.count(CalendarImportEvent::Outcome::AlreadyThere);
    QString summary =
        dry ? CalendarCommandsTr::tr("All events can be booked: %n booking(s) in %1; nothing was written (dry run).",
                                     nullptr, report.bookings())
                  .arg(space.name)
            : CalendarCommandsTr::tr("Imported %n booking(s) into %1.", nullptr, report.bookings()).arg(space.name);
    if (there > 0)
        summary +=
            u' ' + CalendarCommandsTr::tr("%n event(s) were already there and were not booked again.", nullptr, there);
    ctx.out().message(summary);
    return 0;
}

int calendarImport(CommandContext &ctx, CommandSession &s)
{
    if (!ctx.isSet(QStringLiteral("space")))
        return ctx.usage(CalendarCommandsTr::tr("--space is required: say which space the events book"),
                         QStringLiteral("--space"));
    const QString path = ctx.positional().first();
    const bool dry = ctx.isSet(QStringLiteral("dry-run"));
    const auto bytes = readCalendar(path);
    if (!bytes)
        return ctx.fail(bytes.error());
    auto space = s.space(ctx.value(QStringLiteral("space")), QStringLiteral("--space"));
    if (!space)
        return ctx.fail(space.error());
    auto report = ICalendarImporter(*s.hub).run(*bytes, space->id, dry);
    if (!report) {
        Error e = report.error();
        if (e.kind == ErrorKind::Invalid)
            e.where = e.where.isEmpty() ? path : CalendarCommandsTr::tr("%1, %2").arg(path, e.where);
        return ctx.fail(e);
    }
    showImportedEvents(ctx, s, path, *space, *report, dry);
    return concludeImport(ctx, path, *space, *report, dry);
}

} // namespace

void registerCalendarCommands(Cli &cli)
{
    cli.add({.name = QStringLiteral("calendar export"),
             .synopsis = QStringLiteral("[--space SPACE] [--from DATE] [--to DATE] [-o FILE.ics]"),
             .summary = CalendarCommandsTr::tr("export bookings as an iCalendar (.ics) file"),
             .options = {option(QStringLiteral("space"), CalendarCommandsTr::tr("Only this space (name or number)."),
                                QStringLiteral("SPACE")),
                         option(QStringLiteral("from"), CalendarCommandsTr::tr("First day (YYYY-MM-DD)."),
                                QStringLiteral("DATE")),
                         option(QStringLiteral("to"), CalendarCommandsTr::tr("Last day, included."),
                                QStringLiteral("DATE")),
                         QCommandLineOption(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                            CalendarCommandsTr::tr("Write to FILE.ics instead of standard output."),
                                            QStringLiteral("FILE"))},
             .arguments = {0, 0},
             .run = calendarExport});
    // --space is checked in the body: its message says what the space is for.
    cli.add({.name = QStringLiteral("calendar import"),
             .synopsis = QStringLiteral("FILE.ics --space SPACE [--dry-run]"),
             .summary = CalendarCommandsTr::tr("book a space for every event of an .ics file: all events or none"),
             .options = {option(QStringLiteral("space"), CalendarCommandsTr::tr("The space to book (name or number)."),
                                QStringLiteral("SPACE")),
                         option(QStringLiteral("dry-run"),
                                CalendarCommandsTr::tr("Check every event and report, but write nothing."))},
             .arguments = {1, 1},
             .run = calendarImport});
}

} // namespace hub::cli
