// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/hubctl/setupcommands.h"

#include "app/hubctl/cli.h"
#include "app/hubctl/commandsession.h"
#include "core/access/accesscontrol.h"
#include "core/audit/audittrail.h"
#include "core/demo/demogenerator.h"
#include "core/settings/settingsservice.h"
#include "core/spaces/bookingservice.h"
#include "core/storage/backupservice.h"
#include "core/storage/fileinspection.h"
#include "core/storage/hubcopier.h"
#include "core/storage/hubseal.h"
#include "core/storage/integritychecker.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace hub::cli {

namespace {

struct SetupCommandsTr
{
    Q_DECLARE_TR_FUNCTIONS(hub::cli::SetupCommands)
};

// The hub's settings and the two access settings AccessControl keeps.
QJsonObject settingsJson(const HubSettings &s, const Hub &hub)
{
    QJsonObject o;
    o.insert(QStringLiteral("path"), QDir::toNativeSeparators(hub.path()));
    for (const QString &key : SettingsService::keys()) {
        const QString text = SettingsService::textValue(s, key);
        if (key == QStringLiteral("decimals"))
            o.insert(key, s.decimals);
        else
            o.insert(key, text.isEmpty() ? QJsonValue() : QJsonValue(text));
    }
    o.insert(QStringLiteral("default_limit_min_minor"), double(s.defaultLimitMin.minor()));
    o.insert(QStringLiteral("default_limit_max_minor"),
             s.defaultLimitMax ? QJsonValue(double(s.defaultLimitMax->minor())) : QJsonValue());
    o.insert(AccessControl::keyIdleLockMinutes(), hub.access().idleLockMinutes());
    const auto ceiling = hub.access().frontDeskCeiling();
    o.insert(AccessControl::keyFrontDeskCeiling(), ceiling ? QJsonValue(ceiling->toString(s.decimals)) : QJsonValue());
    o.insert(AccessControl::keyFrontDeskCeiling() + QStringLiteral("_minor"),
             ceiling ? QJsonValue(double(ceiling->minor())) : QJsonValue());
    return o;
}

QString settingsText(const HubSettings &s, const Hub &hub)
{
    QString text;
    const auto line = [&text](const QString &key, QString value) {
        if (value.isEmpty())
            value = SetupCommandsTr::tr("(none)");
        text += key.leftJustified(20) + value + u'\n';
    };
    for (const QString &key : SettingsService::keys())
        line(key, SettingsService::textValue(s, key));
    const int idle = hub.access().idleLockMinutes();
    line(AccessControl::keyIdleLockMinutes(), idle > 0 ? QString::number(idle) : SetupCommandsTr::tr("never"));
    const auto ceiling = hub.access().frontDeskCeiling();
    line(AccessControl::keyFrontDeskCeiling(), ceiling ? ceiling->toString(s.decimals) : QString());
    return text;
}

// Options of `init` that map one-to-one onto settings keys.
const QList<std::pair<QString, QString>> &initOptions()
{
    static const QList<std::pair<QString, QString>> options = {
        {QStringLiteral("name"), QStringLiteral("name")},
        {QStringLiteral("timezone"), QStringLiteral("timezone")},
        {QStringLiteral("unit"), QStringLiteral("unit")},
        {QStringLiteral("decimals"), QStringLiteral("decimals")},
    };
    return options;
}

// --keep-local-times / --keep-instants: what a change of time zone does to
// upcoming bookings. Without either, a change that would touch some is refused.
QList<QCommandLineOption> zoneChangeOptions()
{
    return {
        QCommandLineOption(QStringLiteral("keep-local-times"),
                           SetupCommandsTr::tr("On a time zone change, upcoming bookings keep their wall-clock times "
                                               "(19:00 stays 19:00 in the new zone).")),
        QCommandLineOption(QStringLiteral("keep-instants"),
                           SetupCommandsTr::tr("On a time zone change, upcoming bookings keep their moments; their "
                                               "wall-clock times change."))};
}

Result<ZoneChangePolicy> zoneChangePolicy(CommandContext &ctx)
{
    const bool local = ctx.isSet(QStringLiteral("keep-local-times"));
    const bool instants = ctx.isSet(QStringLiteral("keep-instants"));
    if (local && instants)
        return fail(Error::usage(SetupCommandsTr::tr("choose either --keep-local-times or --keep-instants"),
                                 QStringLiteral("--keep-instants")));
    return local ? ZoneChangePolicy::KeepLocalTimes : instants ? ZoneChangePolicy::KeepInstants : ZoneChangePolicy::Ask;
}

// Moves the hub to `zone` through BookingService::changeZone, so upcoming
// bookings are never shifted silently. `where` names the option or argument.
Status changeTimeZone(Hub &hub, const HubSettings &current, const QString &zone, ZoneChangePolicy policy,
                      const QString &where)
{
    HubSettings wanted = current;
    if (auto ok = SettingsService::apply(wanted, SettingsService::keyTimeZone(), zone); !ok)
        return fail(located(ok.error(), where));
    if (wanted.timeZone == current.timeZone)
        return {};
    if (policy == ZoneChangePolicy::Ask) {
        auto upcoming = hub.bookings().upcomingCount();
        if (!upcoming)
            return fail(upcoming.error());
        if (*upcoming > 0)
            return fail(Error::refused(
                SetupCommandsTr::tr(
                    "the hub has %n upcoming booking(s) made in %1; moving it to %2 would change them. Run the "
                    "command again with --keep-local-times (each keeps its wall-clock time, e.g. 19:00, in %2) or "
                    "--keep-instants (each keeps its moment, so its wall-clock time changes)",
                    nullptr, *upcoming)
                    .arg(current.timeZone, wanted.timeZone),
                where));
    }
    return hub.bookings().changeZone(wanted.timeZone, policy);
}

QList<QCommandLineOption> initCommandOptions()
{
    QList<QCommandLineOption> options = zoneChangeOptions();
    for (const auto &[option, key] : initOptions())
        options << QCommandLineOption(option, SettingsService::describe(key), option.toUpper());
    return options;
}

int init(CommandContext &ctx)
{
    auto policy = zoneChangePolicy(ctx);
    if (!policy)
        return ctx.fail(policy.error());

    bool existed = QFileInfo::exists(ctx.dbPath());
    // Validate the options before touching the disk, so bad input creates nothing.
    HubSettings wanted = HubSettings::defaults();
    for (const auto &[option, key] : initOptions())
        if (ctx.isSet(option))
            if (auto ok = SettingsService::apply(wanted, key, ctx.value(option)); !ok)
                return ctx.fail(Error::invalid(ok.error().message, QStringLiteral("--") + option));

    auto hub = ctx.openHub(OpenMode::CreateIfMissing);
    if (!hub)
        return ctx.fail(hub.error());
    if ((*hub)->database().backend() == Backend::PostgreSQL)
        existed = !(*hub)->database().createdOnServer();
    auto settings = (*hub)->settings().load();
    if (!settings)
        return ctx.fail(settings.error());
    // An existing hub's bookings are never shifted silently by a new zone.
    if (existed && ctx.isSet(QStringLiteral("timezone"))) {
        if (auto ok = changeTimeZone(**hub, *settings, ctx.value(QStringLiteral("timezone")), *policy,
                                     QStringLiteral("--timezone"));
            !ok)
            return ctx.fail(ok.error());
        settings = (*hub)->settings().load();
        if (!settings)
            return ctx.fail(settings.error());
    }
    for (const auto &[option, key] : initOptions())
        if (ctx.isSet(option))
            if (auto ok = SettingsService::apply(*settings, key, ctx.value(option)); !ok)
                return ctx.fail(Error::invalid(ok.error().message, QStringLiteral("--") + option));
    if (auto ok = (*hub)->settings().save(*settings); !ok)
        return ctx.fail(ok.error());

    QJsonObject o = settingsJson(*settings, **hub);
    o.insert(QStringLiteral("created"), !existed);
    o.insert(QStringLiteral("schema_version"), Database::latestSchemaVersion());
    ctx.out().result(o, (existed ? SetupCommandsTr::tr("Hub “%1” at %2 is ready (schema level %3).")
                                 : SetupCommandsTr::tr("Created hub “%1” at %2 (schema level %3)."))
                            .arg(settings->name, QDir::toNativeSeparators((*hub)->path()))
                            .arg(Database::latestSchemaVersion()));
    return 0;
}

// `settings set KEY VALUE`: the time zone through changeTimeZone, the two
// access settings through AccessControl, which keeps them.
Status applySetting(CommandSession &s, const QString &key, const QString &value, ZoneChangePolicy policy)
{
    if (key == SettingsService::keyTimeZone())
        return changeTimeZone(*s.hub, s.settings, value, policy, SettingsService::keyTimeZone());
    if (key == AccessControl::keyIdleLockMinutes()) {
        bool number = false;
        const int minutes = value.toInt(&number);
        if (!number)
            return fail(Error::invalid(SetupCommandsTr::tr("“%1” is not a number of minutes").arg(value), key));
        return s.hub->access().setIdleLockMinutes(minutes);
    }
    if (key == AccessControl::keyFrontDeskCeiling()) {
        std::optional<Amount> ceiling;
        if (value != QStringLiteral("none")) {
            auto amount = s.amount(value, key);
            if (!amount)
                return fail(amount.error());
            ceiling = *amount;
        }
        return s.hub->access().setFrontDeskCeiling(ceiling);
    }
    return s.hub->settings().set(key, value);
}

int settings(CommandContext &ctx, CommandSession &s)
{
    const QStringList args = ctx.positional();
    const QString verb = args.first();
    if (verb == QStringLiteral("show") && args.size() != 1)
        return ctx.usage(SetupCommandsTr::tr("“settings show” takes no arguments"));
    if (verb == QStringLiteral("set") && args.size() != 3)
        return ctx.usage(SetupCommandsTr::tr("usage: hubctl settings set KEY VALUE; keys: %1")
                             .arg((SettingsService::keys()
                                   << AccessControl::keyIdleLockMinutes() << AccessControl::keyFrontDeskCeiling())
                                      .join(QStringLiteral(", "))));
    if (verb != QStringLiteral("show") && verb != QStringLiteral("set"))
        return ctx.usage(SetupCommandsTr::tr("unknown settings action “%1”; use show or set").arg(verb));
    auto policy = zoneChangePolicy(ctx);
    if (!policy)
        return ctx.fail(policy.error());
    const bool isZone = verb == QStringLiteral("set") && args[1] == SettingsService::keyTimeZone();
    if (*policy != ZoneChangePolicy::Ask && !isZone)
        return ctx.usage(
            SetupCommandsTr::tr("--keep-local-times and --keep-instants go with “settings set timezone ZONE”"));

    if (verb == QStringLiteral("set"))
        if (auto ok = applySetting(s, args[1], args[2], *policy); !ok)
            return ctx.fail(ok.error());
    auto now = s.hub->settings().load();
    if (!now)
        return ctx.fail(now.error());
    ctx.out().result(settingsJson(*now, *s.hub), settingsText(*now, *s.hub));
    return 0;
}

int demo(CommandContext &ctx)
{
    auto parsedScale = DemoOptions::parseScale(ctx.value(QStringLiteral("scale")));
    if (!parsedScale)
        return ctx.fail(parsedScale.error());
    bool seedOk = false;
    const quint32 seedValue = ctx.value(QStringLiteral("seed")).toUInt(&seedOk);
    if (!seedOk)
        return ctx.usage(SetupCommandsTr::tr("“%1” is not a whole number from 0 to 4294967295")
                             .arg(ctx.value(QStringLiteral("seed"))),
                         QStringLiteral("--seed"));
    const QString path =
        HubAddress::looksLikeServer(ctx.dbPath()) ? ctx.dbPath() : QFileInfo(ctx.dbPath()).absoluteFilePath();
    QString lastPart;
    int lastPercent = -1;
    QElapsedTimer timer;
    timer.start();
    const auto progress = [&](const DemoProgress &p) {
        const int percent = p.total > 0 ? int(p.done * 100 / p.total) : 100;
        if (p.part != lastPart || percent / 10 != lastPercent / 10 || p.done == p.total) {
            if (p.part != lastPart || percent != lastPercent)
                ctx.out().message(SetupCommandsTr::tr("demo: %1 %2/%3").arg(p.part).arg(p.done).arg(p.total));
            lastPart = p.part;
            lastPercent = percent;
        }
        return true;
    };
    const DemoOptions options{*parsedScale, seedValue};
    if (auto ok = DemoGenerator::createDemoHub(path, options, progress); !ok)
        return ctx.fail(ok.error());
    auto hub = ctx.openHub();
    if (!hub)
        return ctx.fail(hub.error());
    auto s = (*hub)->settings().load();
    if (!s)
        return ctx.fail(s.error());
    QJsonObject o = settingsJson(*s, **hub);
    o.insert(QStringLiteral("scale"), DemoOptions::scaleName(options.scale));
    o.insert(QStringLiteral("seed"), double(options.seed));
    o.insert(QStringLiteral("parts"), QJsonArray::fromStringList((*hub)->demo().partNames()));
    ctx.out().result(o, SetupCommandsTr::tr("Created demo hub “%1” (%2, seed %3) at %4 in %5 s.")
                            .arg(s->name, DemoOptions::scaleName(options.scale))
                            .arg(options.seed)
                            .arg(QDir::toNativeSeparators((*hub)->path()))
                            .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1));
    return 0;
}

int check(CommandContext &ctx, CommandSession &s)
{
    std::optional<HubSeal> noted;
    if (ctx.isSet(QStringLiteral("seal"))) {
        auto parsed = HubSeal::parse(ctx.value(QStringLiteral("seal")), QStringLiteral("--seal"));
        if (!parsed)
            return ctx.fail(parsed.error());
        noted = *parsed;
    }
    const bool quick = ctx.isSet(QStringLiteral("quick"));
    QStringList titles = s.hub->integrity().titles();
    QList<Finding> findings = s.hub->integrity().runAll(quick ? CheckDepth::Quick : CheckDepth::Full);
    if (noted) {
        titles << SetupCommandsTr::tr("The hub still holds the seal %1").arg(noted->text());
        findings << HubSeal::verify(s.hub->database(), *noted);
    }

    QJsonArray list;
    QString text;
    for (const Finding &f : findings) {
        list.append(QJsonObject{{QStringLiteral("area"), f.area},
                                {QStringLiteral("message"), f.message},
                                {QStringLiteral("where"), f.where.isEmpty() ? QJsonValue() : QJsonValue(f.where)}});
        text += QStringLiteral("FAIL  %1: %2%3\n")
                    .arg(f.area, f.where.isEmpty() ? QString() : f.where + QStringLiteral(": "), f.message);
    }
    if (findings.isEmpty())
        for (const QString &t : titles)
            text += QStringLiteral("ok    ") + t + u'\n';
    text += findings.isEmpty() ? SetupCommandsTr::tr("All %n check(s) passed.", nullptr, int(titles.size()))
                               : SetupCommandsTr::tr("%n problem(s) found.", nullptr, int(findings.size()));
    if (quick)
        text += u'\n' + SetupCommandsTr::tr("Quick check: SQLite read every page but did not compare the indexes "
                                            "with their tables; run “hubctl check” for that.");
    ctx.out().result(QJsonObject{{QStringLiteral("ok"), findings.isEmpty()},
                                 {QStringLiteral("quick"), quick},
                                 {QStringLiteral("checks"), QJsonArray::fromStringList(titles)},
                                 {QStringLiteral("findings"), list}},
                     text);
    return findings.isEmpty() ? 0 : int(ErrorKind::Storage);
}

int backup(CommandContext &ctx)
{
    auto hub = ctx.openHub();
    if (!hub)
        return ctx.fail(hub.error());
    const QString target = QFileInfo(ctx.positional().first()).absoluteFilePath();
    if (auto ok = BackupService::backup((*hub)->database(), target, (*hub)->access(), (*hub)->audit()); !ok)
        return ctx.fail(ok.error());
    const qint64 bytes = QFileInfo(target).size();
    // The seal of the copy itself: what the backup holds, to note down beside it.
    QString seal;
    if (auto s = HubSeal::ofBackup(target))
        seal = s->text();
    ctx.out().result(QJsonObject{{QStringLiteral("hub"), QDir::toNativeSeparators((*hub)->path())},
                                 {QStringLiteral("backup"), QDir::toNativeSeparators(target)},
                                 {QStringLiteral("bytes"), double(bytes)},
                                 {QStringLiteral("seal"), seal}},
                     SetupCommandsTr::tr("Backed up %1 to %2 (%3 KiB). Its seal: %4")
                         .arg(QDir::toNativeSeparators((*hub)->path()), QDir::toNativeSeparators(target))
                         .arg((bytes + 1023) / 1024)
                         .arg(seal));
    return 0;
}

int copyHub(CommandContext &ctx)
{
    auto hub = ctx.openHub();
    if (!hub)
        return ctx.fail(hub.error());
    const QString to = ctx.value(QStringLiteral("to"));
    auto target = HubAddress::parse(HubAddress::looksLikeServer(to) ? to : QFileInfo(to).absoluteFilePath());
    if (!target)
        return ctx.fail(Error::usage(target.error().message, QStringLiteral("--to")));
    // A copy holds every person and every transfer: the same right as a backup.
    if (auto ok = (*hub)->access().require(Permission::BackupRestore); !ok)
        return ctx.fail(ok.error());
    auto copied = HubCopier::copy((*hub)->database(), *target);
    if (!copied)
        return ctx.fail(copied.error());
    (void)(*hub)->audit().record(QStringLiteral("hub.copy"), QStringLiteral("hub"), 0,
                                 SetupCommandsTr::tr("copied to %1").arg(target->toString()));
    ctx.out().result(
        QJsonObject{{QStringLiteral("hub"), (*hub)->path()},
                    {QStringLiteral("to"), target->toString()},
                    {QStringLiteral("rows"), double(copied->totalRows())},
                    {QStringLiteral("transfer_head"), copied->transferHead},
                    {QStringLiteral("audit_head"), copied->auditHead},
                    {QStringLiteral("verified"), true}},
        SetupCommandsTr::tr("Copied %1 to %2: %n row(s), checked in full, the same counts and chain heads.", "",
                            int(std::min<qint64>(copied->totalRows(), std::numeric_limits<int>::max())))
            .arg((*hub)->path(), target->toString()));
    return 0;
}

int restore(CommandContext &ctx)
{
    const QString reason = ctx.value(QStringLiteral("despite-problems"));
    if (ctx.isSet(QStringLiteral("despite-problems")) && reason.trimmed().isEmpty())
        return ctx.usage(SetupCommandsTr::tr("--despite-problems needs the reason, which the audit trail records"),
                         QStringLiteral("--despite-problems"));
    const bool server = HubAddress::looksLikeServer(ctx.dbPath());
    const QString hubPath = server ? ctx.dbPath() : QFileInfo(ctx.dbPath()).absoluteFilePath();
    // The current hub need not open (restoring a damaged hub is the point), but it must exist.
    if (!server && !QFileInfo::exists(hubPath))
        return ctx.fail(Error::storage(
            SetupCommandsTr::tr("There is no hub file at %1. Create one with “hubctl init” first, or name the hub "
                                "to replace with --db.")
                .arg(QDir::toNativeSeparators(hubPath))));
    const QString source = QFileInfo(ctx.positional().first()).absoluteFilePath();
    Result<QString> kept;
    {
        // Who may restore is asked of the hub being replaced, while it still
        // opens; then it is restored in place, with other desks at work.
        // Opening reads only the header, so the damage a restore is for is
        // looked for here, with SQLite's check of every page.
        const auto inspected =
            server ? Result<FileInspection>(FileInspection{}) : FileInspector::inspect(hubPath, InspectDepth::Quick);
        auto current = inspected ? ctx.openHub() : Result<std::unique_ptr<Hub>>(fail(inspected.error()));
        if (current) {
            kept = BackupService::restoreInto((*current)->database(), source, (*current)->access(), (*current)->actor(),
                                              QDateTime::currentDateTimeUtc(), reason);
        } else if (current.error().damaged && !server) {
            // A damaged hub that no longer opens can only be replaced as a file.
            kept = BackupService::restore(hubPath, source, qEnvironmentVariable("USER", QStringLiteral("hubctl")),
                                          QDateTime::currentDateTimeUtc(), reason);
        } else {
            return ctx.fail(current.error());
        }
    }
    if (!kept)
        return ctx.fail(kept.error());
    ctx.out().result(QJsonObject{{QStringLiteral("hub"), server ? hubPath : QDir::toNativeSeparators(hubPath)},
                                 {QStringLiteral("restored_from"), QDir::toNativeSeparators(source)},
                                 {QStringLiteral("kept"), QDir::toNativeSeparators(*kept)}},
                     SetupCommandsTr::tr("Restored %1 from %2. The previous hub was kept as %3.")
                         .arg(server ? hubPath : QDir::toNativeSeparators(hubPath), QDir::toNativeSeparators(source),
                              QDir::toNativeSeparators(*kept)));
    return 0;
}

int seal(CommandContext &ctx, CommandSession &s)
{
    auto now = HubSeal::of(s.hub->database());
    if (!now)
        return ctx.fail(now.error());
    ctx.out().result(
        QJsonObject{{QStringLiteral("seal"), now->text()},
                    {QStringLiteral("transfer_id"), double(now->transferId)},
                    {QStringLiteral("transfer_hash"), now->transferHash},
                    {QStringLiteral("audit_id"), double(now->auditId)},
                    {QStringLiteral("audit_hash"), now->auditHash}},
        now->text() + u'\n' +
            SetupCommandsTr::tr("Write it down: “hubctl check --seal '%1'” proves later that nothing up to here "
                                "was changed.")
                .arg(now->text()));
    return 0;
}

} // namespace

void registerSetupCommands(Cli &cli)
{
    cli.add({.name = QStringLiteral("init"),
             .synopsis = QStringLiteral("[--name NAME] [--timezone ZONE] [--unit NAME] [--decimals N]"),
             .summary = SetupCommandsTr::tr("create (or migrate) the hub file"),
             .options = initCommandOptions(),
             .arguments = {0, 0},
             .runWithoutHub = init});
    cli.add(
        {.name = QStringLiteral("settings"),
         .synopsis = QStringLiteral("show | set KEY VALUE | set timezone ZONE [--keep-local-times | --keep-instants]"),
         .summary = SetupCommandsTr::tr("show or change hub settings"),
         .options = zoneChangeOptions(),
         .arguments = {1, 3},
         .run = settings});
    cli.add({.name = QStringLiteral("demo"),
             .synopsis = QStringLiteral("[--scale small|town|city] [--seed N]"),
             .summary = SetupCommandsTr::tr("make a new hub file filled with realistic demo data"),
             .options = {QCommandLineOption(QStringLiteral("scale"),
                                            SetupCommandsTr::tr("small, town or city (default small)."),
                                            QStringLiteral("SCALE"), QStringLiteral("small")),
                         QCommandLineOption(QStringLiteral("seed"),
                                            SetupCommandsTr::tr("Random seed; the same seed gives the same data."),
                                            QStringLiteral("N"), QStringLiteral("1"))},
             .arguments = {0, 0},
             .runWithoutHub = demo});
    cli.add({.name = QStringLiteral("check"),
             .synopsis = QStringLiteral("[--seal SEAL] [--quick]"),
             .summary = SetupCommandsTr::tr("full integrity check; exit 5 with a list if anything fails"),
             .options = {QCommandLineOption(
                             QStringLiteral("seal"),
                             SetupCommandsTr::tr("Also prove that the hub still holds this seal (from “hubctl seal”)."),
                             QStringLiteral("SEAL")),
                         QCommandLineOption(QStringLiteral("quick"),
                                            SetupCommandsTr::tr("SQLite's quick check of every page instead of "
                                                                "comparing every index with its table (for daily "
                                                                "use); every other check runs in full."))},
             .arguments = {0, 0},
             .run = check});
    cli.add({.name = QStringLiteral("seal"),
             .synopsis = QString(),
             .summary = SetupCommandsTr::tr("print the hub's seal: the heads of the ledger and audit chains"),
             .arguments = {0, 0},
             .run = seal});
    cli.add({.name = QStringLiteral("backup"),
             .synopsis = QStringLiteral("FILE"),
             .summary = SetupCommandsTr::tr("consistent copy of the hub while others may be using it"),
             .arguments = {1, 1},
             // A copy is most needed when something is wrong: it must not
             // depend on the hub's settings being readable.
             .runWithoutHub = backup});
    cli.add(
        {.name = QStringLiteral("copy"),
         .synopsis = QStringLiteral("--to PATH|URL"),
         .summary = SetupCommandsTr::tr("copy the whole hub into a new file or an empty hub server database, verified"),
         .options = {QCommandLineOption(
             QStringLiteral("to"), SetupCommandsTr::tr("A new hub file, or postgresql://USER@HOST[:PORT]/DATABASE."),
             QStringLiteral("PATH|URL"))},
         .arguments = {0, 0},
         .required = {QStringLiteral("to")},
         .runWithoutHub = copyHub});
    cli.add({.name = QStringLiteral("restore"),
             .synopsis = QStringLiteral("FILE [--despite-problems REASON]"),
             .summary = SetupCommandsTr::tr("verify FILE, then put it in place of the hub (the old one is kept)"),
             .options = {QCommandLineOption(
                 QStringLiteral("despite-problems"),
                 SetupCommandsTr::tr("Restore a backup that fails the check anyway (admins); the reason is recorded."),
                 QStringLiteral("REASON"))},
             .arguments = {1, 1},
             .runWithoutHub = restore});
}

} // namespace hub::cli
