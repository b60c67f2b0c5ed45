// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/hubctl/spacecommands.h"

#include "app/hubctl/cli.h"
#include "app/hubctl/commandsession.h"
#include "core/members/memberservice.h"
#include "core/settings/settingsservice.h"
#include "core/spaces/bookingservice.h"
#include "core/spaces/spaceservice.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>

namespace hub::cli {

namespace {

struct SpaceCommandsTr
{
    Q_DECLARE_TR_FUNCTIONS(hub::cli::SpaceCommands)
};

Result<int> parseMinutes(const QString &text, const QString &where)
{
    static const QRegularExpression form(QStringLiteral("^(\\d{2}):(\\d{2})$"));
    const auto m = form.match(text.trimmed());
    const int minutes = m.hasMatch() ? m.captured(1).toInt() * 60 + m.captured(2).toInt() : -1;
    if (!m.hasMatch() || m.captured(2).toInt() > 59 || minutes > 24 * 60)
        return fail(Error::invalid(SpaceCommandsTr::tr("“%1” is not a time of day; write HH:MM").arg(text), where));
    return minutes;
}

// Core errors name fields; hubctl users know them as options.
Error spaceOption(Error e)
{
    if (!e.where.isEmpty() && !e.where.startsWith(u'-'))
        e.where = QStringLiteral("--") + e.where;
    return e;
}

QJsonObject spaceJson(const Space &s, const HubSettings &settings)
{
    QJsonObject o{{QStringLiteral("id"), s.id.value()},
                  {QStringLiteral("name"), s.name},
                  {QStringLiteral("description"), s.description},
                  {QStringLiteral("capacity"), s.capacity},
                  {QStringLiteral("setup_minutes"), s.setupMinutes},
                  {QStringLiteral("cleanup_minutes"), s.cleanupMinutes},
                  {QStringLiteral("features"), QJsonArray::fromStringList(s.features)},
                  {QStringLiteral("colour"), s.colour},
                  {QStringLiteral("active"), s.active}};
    o.insert(QStringLiteral("rate"), s.rate ? QJsonValue(s.rate->toString(settings.decimals)) : QJsonValue());
    o.insert(QStringLiteral("rate_minor"), s.rate ? QJsonValue(s.rate->minor()) : QJsonValue());
    QJsonArray hours;
    for (int day = 1; day <= 7; ++day)
        if (const auto h = s.hours.on(day))
            hours.append(QJsonObject{{QStringLiteral("weekday"), day},
                                     {QStringLiteral("opens_minute"), h->opens},
                                     {QStringLiteral("closes_minute"), h->closes}});
    o.insert(QStringLiteral("hours"), hours);
    return o;
}

Result<bool> parseSpaceYesNo(const QString &text, const QString &where)
{
    const QString t = text.trimmed().toLower();
    if (t == QStringLiteral("yes") || t == QStringLiteral("true") || t == QStringLiteral("1"))
        return true;
    if (t == QStringLiteral("no") || t == QStringLiteral("false") || t == QStringLiteral("0"))
        return false;
    return fail(Error::invalid(SpaceCommandsTr::tr("“%1” is not yes or no").arg(text), where));
}

// The options `space add` and `space edit` share: each sets one field.
QList<QCommandLineOption> spaceFieldOptions()
{
    return {
        option(QStringLiteral("name"), SpaceCommandsTr::tr("The space's name."), QStringLiteral("NAME")),
        option(QStringLiteral("capacity"), SpaceCommandsTr::tr("How many people it holds."), QStringLiteral("N")),
        option(QStringLiteral("description"), SpaceCommandsTr::tr("A line about the space."), QStringLiteral("TEXT")),
        option(QStringLiteral("rate"), SpaceCommandsTr::tr("Credits per hour."), QStringLiteral("AMOUNT")),
        option(QStringLiteral("no-rate"), SpaceCommandsTr::tr("Free of charge: no hourly rate.")),
        option(QStringLiteral("setup"), SpaceCommandsTr::tr("Minutes kept free before each booking."),
               QStringLiteral("MIN")),
        option(QStringLiteral("cleanup"), SpaceCommandsTr::tr("Minutes kept free after each booking."),
               QStringLiteral("MIN")),
        option(QStringLiteral("feature"),
               SpaceCommandsTr::tr("A feature such as stage or kitchen; repeat for more. Replaces the list."),
               QStringLiteral("TEXT")),
        option(QStringLiteral("no-features"), SpaceCommandsTr::tr("Clear the list of features.")),
        option(QStringLiteral("colour"), SpaceCommandsTr::tr("Calendar colour, #rrggbb."), QStringLiteral("COLOUR")),
        option(QStringLiteral("opens"),
               SpaceCommandsTr::tr("Opening time (HH:MM), every day or on the --weekday days."),
               QStringLiteral("HH:MM")),
        option(QStringLiteral("closes"), SpaceCommandsTr::tr("Closing time (HH:MM; 24:00 for midnight)."),
               QStringLiteral("HH:MM")),
        option(QStringLiteral("weekday"),
               SpaceCommandsTr::tr("The days --opens and --closes are for: mon..sun, mon-fri or sat,sun."),
               QStringLiteral("DAYS")),
        option(QStringLiteral("closed-on"),
               SpaceCommandsTr::tr("Weekdays the space is closed: mon..sun, a range or a list."),
               QStringLiteral("DAYS")),
        option(QStringLiteral("active"), SpaceCommandsTr::tr("Whether it can be booked: yes or no."),
               QStringLiteral("yes|no")),
    };
}

// Options that cannot go together, refused before any field changes.
Status checkSpaceOptionPairs(const CommandContext &ctx)
{
    const auto isSet = [&](const char *name) {
        return ctx.isSet(QString::fromLatin1(name));
    };
    if (isSet("rate") && isSet("no-rate"))
        return fail(
            Error::usage(SpaceCommandsTr::tr("--rate and --no-rate cannot go together"), QStringLiteral("--no-rate")));
    if (isSet("feature") && isSet("no-features"))
        return fail(Error::usage(SpaceCommandsTr::tr("--feature and --no-features cannot go together"),
                                 QStringLiteral("--no-features")));
    if (isSet("opens") != isSet("closes"))
        return fail(Error::usage(SpaceCommandsTr::tr("--opens and --closes go together"), QStringLiteral("--opens")));
    if (isSet("weekday") && !isSet("opens"))
        return fail(
            Error::usage(SpaceCommandsTr::tr("--weekday needs --opens and --closes"), QStringLiteral("--weekday")));
    return {};
}

// --opens and --closes on every day or the --weekday days, then --closed-on.
Status applySpaceHours(const CommandContext &ctx, Space &space)
{
    const auto isSet = [&](const char *name) {
        return ctx.isSet(QString::fromLatin1(name));
    };
    const auto value = [&](const char *name) {
        return ctx.value(QString::fromLatin1(name));
    };
    if (isSet("opens")) {
        auto opens = parseMinutes(value("opens"), QStringLiteral("--opens"));
        if (!opens)
            return fail(opens.error());
        auto closes = parseMinutes(value("closes"), QStringLiteral("--closes"));
        if (!closes)
            return fail(closes.error());
        QList<int> days = {1, 2, 3, 4, 5, 6, 7};
        if (isSet("weekday")) {
            auto chosen = parseWeekdays(value("weekday"), QStringLiteral("--weekday"));
            if (!chosen)
                return fail(chosen.error());
            days = *chosen;
        }
        for (int day : std::as_const(days))
            space.hours.days.at(day - 1) = DayHours{*opens, *closes};
    }
    if (isSet("closed-on")) {
        auto closed = parseWeekdays(value("closed-on"), QStringLiteral("--closed-on"));
        if (!closed)
            return fail(closed.error());
        if (isSet("weekday"))
            if (auto both = parseWeekdays(value("weekday"), QStringLiteral("--weekday")))
                for (int day : std::as_const(*both))
                    if (closed->contains(day))
                        return fail(
                            Error::usage(SpaceCommandsTr::tr("a day cannot be both in --weekday and in --closed-on"),
                                         QStringLiteral("--closed-on")));
        for (int day : std::as_const(*closed))
            space.hours.days.at(day - 1).reset();
    }
    return {};
}

// Sets the fields of `space` that the command line names; every other field
// keeps its value. Errors name the option.
Status applySpaceOptions(CommandContext &ctx, const CommandSession &s, Space &space)
{
    const auto isSet = [&](const char *name) {
        return ctx.isSet(QString::fromLatin1(name));
    };
    const auto value = [&](const char *name) {
        return ctx.value(QString::fromLatin1(name));
    };
    if (auto ok = checkSpaceOptionPairs(ctx); !ok)
        return ok;

    if (isSet("name"))
        space.name = value("name");
    if (isSet("description"))
        space.description = value("description");
    if (isSet("feature"))
        space.features = ctx.values(QStringLiteral("feature"));
    if (isSet("no-features"))
        space.features.clear();
    if (isSet("colour"))
        space.colour = value("colour");
    if (isSet("capacity")) {
        auto capacity = CommandSession::count(value("capacity"), QStringLiteral("--capacity"));
        if (!capacity)
            return fail(capacity.error());
        space.capacity = *capacity;
    }
    for (const auto &[name, field] :
         {std::pair{"setup", &space.setupMinutes}, std::pair{"cleanup", &space.cleanupMinutes}}) {
        if (!isSet(name))
            continue;
        auto n = CommandSession::count(value(name), QStringLiteral("--") + QString::fromLatin1(name));
        if (!n)
            return fail(n.error());
        *field = *n;
    }
    if (isSet("rate")) {
        auto rate = s.amount(value("rate"), QStringLiteral("--rate"));
        if (!rate)
            return fail(rate.error());
        space.rate = *rate;
    }
    if (isSet("no-rate"))
        space.rate.reset();
    if (isSet("active")) {
        auto active = parseSpaceYesNo(value("active"), QStringLiteral("--active"));
        if (!active)
            return fail(active.error());
        space.active = *active;
    }
    return applySpaceHours(ctx, space);
}

// SpaceService names fields; the opening hours come from --opens and --closes.
Error asSpaceOption(Error e)
{
    if (e.where == QStringLiteral("hours"))
        e.where = QStringLiteral("--closes");
    return spaceOption(std::move(e));
}

QString spaceText(const Space &space)
{
    return SpaceCommandsTr::tr("Space #%1: %2, for %3 people.")
        .arg(space.id.value())
        .arg(space.name)
        .arg(space.capacity);
}

int spaceAdd(CommandContext &ctx, CommandSession &s)
{
    Space space;
    if (auto ok = applySpaceOptions(ctx, s, space); !ok)
        return ctx.fail(ok.error());
    auto added = s.hub->spaces().add(space);
    if (!added)
        return ctx.fail(asSpaceOption(added.error()));
    ctx.out().result(spaceJson(*added, s.settings), spaceText(*added));
    return 0;
}

int spaceEdit(CommandContext &ctx, CommandSession &s)
{
    const QList<QCommandLineOption> options = spaceFieldOptions();
    if (std::none_of(options.cbegin(), options.cend(),
                     [&](const QCommandLineOption &o) { return ctx.isSet(o.names().first()); }))
        return ctx.usage(SpaceCommandsTr::tr("nothing to change; give at least one option, e.g. --capacity 40"));
    auto space = s.space(ctx.positional().first(), QStringLiteral("SPACE"));
    if (!space)
        return ctx.fail(space.error());
    if (auto ok = applySpaceOptions(ctx, s, *space); !ok)
        return ctx.fail(ok.error());
    auto edited = s.hub->spaces().edit(*space);
    if (!edited)
        return ctx.fail(asSpaceOption(edited.error()));
    ctx.out().result(spaceJson(*edited, s.settings), spaceText(*edited));
    return 0;
}

QJsonObject closureJson(const Closure &c, const QString &spaceName)
{
    QJsonObject o{{QStringLiteral("id"), c.id.value()},
                  {QStringLiteral("date"), c.day.toString(Qt::ISODate)},
                  {QStringLiteral("reason"), c.reason},
                  {QStringLiteral("whole_hub"), !c.space.has_value()}};
    o.insert(QStringLiteral("space_id"), c.space ? QJsonValue(c.space->value()) : QJsonValue());
    o.insert(QStringLiteral("space"), c.space ? QJsonValue(spaceName) : QJsonValue());
    return o;
}

// SPACE or --all, and --date: what `space close` and `space reopen` are about.
struct ClosureTarget
{
    std::optional<Space> space; ///< none = the whole hub
    QDate day;
    QString label() const { return space ? space->name : SpaceCommandsTr::tr("The whole hub"); }
};

Result<ClosureTarget> closureTarget(CommandContext &ctx, const CommandSession &s)
{
    const bool all = ctx.isSet(QStringLiteral("all"));
    if (all == !ctx.positional().isEmpty())
        return fail(
            Error::usage(SpaceCommandsTr::tr("name a space or give --all for the whole hub"), QStringLiteral("SPACE")));
    if (!ctx.isSet(QStringLiteral("date")))
        return fail(Error::usage(SpaceCommandsTr::tr("--date is required"), QStringLiteral("--date")));
    ClosureTarget t;
    auto day = parseDate(ctx.value(QStringLiteral("date")), QStringLiteral("--date"));
    if (!day)
        return fail(day.error());
    t.day = *day;
    if (!all) {
        auto space = s.space(ctx.positional().first(), QStringLiteral("SPACE"));
        if (!space)
            return fail(space.error());
        t.space = *space;
    }
    return t;
}

int spaceClose(CommandContext &ctx, CommandSession &s)
{
    auto target = closureTarget(ctx, s);
    if (!target)
        return ctx.fail(target.error());
    auto added = s.hub->spaces().addClosure(target->space ? std::optional(target->space->id) : std::nullopt,
                                            target->day, ctx.value(QStringLiteral("reason")));
    if (!added)
        return ctx.fail(spaceOption(added.error()));
    ctx.out().result(closureJson(*added, target->space ? target->space->name : QString()),
                     SpaceCommandsTr::tr("%1 is closed on %2%3.")
                         .arg(target->label(), added->day.toString(Qt::ISODate),
                              added->reason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(added->reason)));
    return 0;
}

int spaceReopen(CommandContext &ctx, CommandSession &s)
{
    auto target = closureTarget(ctx, s);
    if (!target)
        return ctx.fail(target.error());
    const std::optional<SpaceId> scope = target->space ? std::optional(target->space->id) : std::nullopt;
    auto closed = s.hub->spaces().closures(target->day, target->day, scope);
    if (!closed)
        return ctx.fail(closed.error());
    const QList<Closure> days = *closed;
    const auto match = std::find_if(days.cbegin(), days.cend(), [&](const Closure &c) { return c.space == scope; });
    if (match == days.cend()) {
        const bool hubClosed = std::any_of(days.cbegin(), days.cend(), [](const Closure &c) { return !c.space; });
        return ctx.fail(Error::notFound(
            hubClosed
                ? SpaceCommandsTr::tr(
                      "%1 has no closed day of its own on %2; the whole hub is closed then (reopen it with --all)")
                      .arg(target->label(), target->day.toString(Qt::ISODate))
                : SpaceCommandsTr::tr("%1 is not closed on %2").arg(target->label(), target->day.toString(Qt::ISODate)),
            QStringLiteral("--date")));
    }
    if (auto ok = s.hub->spaces().removeClosure(match->id); !ok)
        return ctx.fail(ok.error());
    ctx.out().result(
        closureJson(*match, target->space ? target->space->name : QString()),
        SpaceCommandsTr::tr("%1 is open again on %2.").arg(target->label(), target->day.toString(Qt::ISODate)));
    return 0;
}

int spaceList(CommandContext &ctx, CommandSession &s)
{
    auto spaces = s.hub->spaces().list();
    if (!spaces)
        return ctx.fail(spaces.error());
    QJsonArray array;
    QList<QStringList> rows;
    for (const Space &space : *spaces) {
        array.append(spaceJson(space, s.settings));
        rows << QStringList{QStringLiteral("#%1").arg(space.id.value()),
                            space.name,
                            QString::number(space.capacity),
                            space.rate ? space.rate->toString(s.settings.decimals) : QStringLiteral("-"),
                            SpaceCommandsTr::tr("%1 / %2 min").arg(space.setupMinutes).arg(space.cleanupMinutes),
                            space.features.join(QStringLiteral(", ")),
                            space.active ? SpaceCommandsTr::tr("yes") : SpaceCommandsTr::tr("no")};
    }
    if (ctx.json())
        ctx.out().document(array);
    else if (rows.isEmpty())
        ctx.out().message(SpaceCommandsTr::tr("No spaces yet; add one with hubctl space add."));
    else
        ctx.out().table({SpaceCommandsTr::tr("#"), SpaceCommandsTr::tr("Space"), SpaceCommandsTr::tr("Capacity"),
                         SpaceCommandsTr::tr("Rate"), SpaceCommandsTr::tr("Setup / clean-up"),
                         SpaceCommandsTr::tr("Features"), SpaceCommandsTr::tr("Active")},
                        rows);
    return 0;
}

} // namespace

void registerSpaceCommands(Cli &cli)
{
    cli.add({.name = QStringLiteral("space add"),
             .synopsis = QStringLiteral(
                 "--name NAME --capacity N [--rate AMOUNT] [--setup MIN] [--cleanup MIN] [--feature TEXT]... "
                 "[--colour #RRGGBB] [--opens HH:MM --closes HH:MM [--weekday DAYS]] [--closed-on DAYS]"),
             .summary = SpaceCommandsTr::tr("add a room or area that can be booked"),
             .options = spaceFieldOptions(),
             .arguments = {0, 0},
             .required = {QStringLiteral("name"), QStringLiteral("capacity")},
             .run = spaceAdd});
    cli.add({.name = QStringLiteral("space list"),
             .synopsis = {},
             .summary = SpaceCommandsTr::tr("the hub's spaces"),
             .arguments = {0, 0},
             .run = spaceList});
    cli.add({.name = QStringLiteral("space edit"),
             .synopsis =
                 QStringLiteral("SPACE [--name NAME] [--capacity N] [--rate AMOUNT | --no-rate] [--setup MIN] "
                                "[--cleanup MIN] [--feature TEXT]... [--colour #RRGGBB] [--opens HH:MM --closes HH:MM "
                                "[--weekday DAYS]] [--closed-on DAYS] [--active yes|no] [--description TEXT]"),
             .summary = SpaceCommandsTr::tr("change some fields of a space; the others stay"),
             .options = spaceFieldOptions(),
             .arguments = {1, 1},
             .run = spaceEdit});
    // --date is checked in the body: a missing SPACE or --all is the first mistake to report.
    cli.add({.name = QStringLiteral("space close"),
             .synopsis = QStringLiteral("SPACE | --all --date DATE [--reason TEXT]"),
             .summary = SpaceCommandsTr::tr("close a space, or the whole hub, for a day"),
             .options = {option(QStringLiteral("all"), SpaceCommandsTr::tr("Close the whole hub, every space.")),
                         option(QStringLiteral("date"), SpaceCommandsTr::tr("The closed day (YYYY-MM-DD)."),
                                QStringLiteral("DATE")),
                         option(QStringLiteral("reason"), SpaceCommandsTr::tr("Why, e.g. Christmas Day."),
                                QStringLiteral("TEXT"))},
             .arguments = {0, 1},
             .run = spaceClose});
    cli.add({.name = QStringLiteral("space reopen"),
             .synopsis = QStringLiteral("SPACE | --all --date DATE"),
             .summary = SpaceCommandsTr::tr("take back a closed day"),
             .options = {option(QStringLiteral("all"), SpaceCommandsTr::tr("Reopen a day the whole hub was closed.")),
                         option(QStringLiteral("date"), SpaceCommandsTr::tr("The closed day (YYYY-MM-DD)."),
                                QStringLiteral("DATE"))},
             .arguments = {0, 1},
             .run = spaceReopen});
}

} // namespace hub::cli
