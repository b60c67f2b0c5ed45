// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/hubctl/freecommand.h"

#include "app/hubctl/cli.h"
#include "app/hubctl/commandsession.h"
#include "core/spaces/bookingservice.h"

#include <QJsonArray>
#include <QJsonObject>

namespace hub::cli {

namespace {

struct FreeCommandTr
{
    Q_DECLARE_TR_FUNCTIONS(hub::cli::FreeCommand)
};

// Core errors name fields; hubctl users know them as options.
Error freeOption(Error e)
{
    if (e.where == QStringLiteral("start") || e.where == QStringLiteral("from"))
        e.where = QStringLiteral("--from");
    else if (e.where == QStringLiteral("end") || e.where == QStringLiteral("to"))
        e.where = QStringLiteral("--to");
    else if (!e.where.isEmpty() && !e.where.startsWith(u'-'))
        e.where = QStringLiteral("--") + e.where;
    return e;
}

int freeSpaces(CommandContext &ctx, CommandSession &s)
{
    auto from = s.dateTime(ctx.value(QStringLiteral("from")), QStringLiteral("--from"));
    if (!from)
        return ctx.fail(from.error());
    auto to = s.dateTime(ctx.value(QStringLiteral("to")), QStringLiteral("--to"));
    if (!to)
        return ctx.fail(to.error());
    if (*to <= *from)
        return ctx.fail(Error::invalid(FreeCommandTr::tr("the end must be after the start"), QStringLiteral("--to")));
    int capacity = 0;
    if (ctx.isSet(QStringLiteral("capacity"))) {
        auto n = CommandSession::count(ctx.value(QStringLiteral("capacity")), QStringLiteral("--capacity"));
        if (!n)
            return ctx.fail(n.error());
        capacity = *n;
    }

    auto free = s.hub->bookings().freeSpaces(*from, *to, capacity);
    if (!free)
        return ctx.fail(freeOption(free.error()));
    const qint64 seconds = from->secsTo(*to);
    QJsonArray array;
    QList<QStringList> rows;
    for (const Space &space : *free) {
        const auto cost = BookingService::price(space, seconds);
        QJsonObject o{{QStringLiteral("id"), space.id.value()},
                      {QStringLiteral("name"), space.name},
                      {QStringLiteral("description"), space.description},
                      {QStringLiteral("capacity"), space.capacity},
                      {QStringLiteral("setup_minutes"), space.setupMinutes},
                      {QStringLiteral("cleanup_minutes"), space.cleanupMinutes},
                      {QStringLiteral("features"), QJsonArray::fromStringList(space.features)}};
        o.insert(QStringLiteral("rate"),
                 space.rate ? QJsonValue(space.rate->toString(s.settings.decimals)) : QJsonValue());
        o.insert(QStringLiteral("rate_minor"), space.rate ? QJsonValue(space.rate->minor()) : QJsonValue());
        o.insert(QStringLiteral("cost"), cost ? QJsonValue(cost->toString(s.settings.decimals)) : QJsonValue());
        o.insert(QStringLiteral("cost_minor"), cost ? QJsonValue(cost->minor()) : QJsonValue());
        array.append(o);
        rows << QStringList{QStringLiteral("#%1").arg(space.id.value()),
                            space.name,
                            QString::number(space.capacity),
                            space.rate ? space.rate->toString(s.settings.decimals) : QStringLiteral("-"),
                            cost ? cost->toString(s.settings.decimals) : QStringLiteral("-"),
                            space.features.join(QStringLiteral(", "))};
    }
    if (ctx.json())
        ctx.out().document(array);
    else if (rows.isEmpty())
        ctx.out().message(capacity > 0
                              ? FreeCommandTr::tr("No space holding %1 people is free from %2 to %3.")
                                    .arg(capacity)
                                    .arg(s.local(*from), s.local(*to))
                              : FreeCommandTr::tr("No space is free from %1 to %2.").arg(s.local(*from), s.local(*to)));
    else
        ctx.out().table({FreeCommandTr::tr("#"), FreeCommandTr::tr("Space"), FreeCommandTr::tr("Capacity"),
                         FreeCommandTr::tr("Rate"), FreeCommandTr::tr("Cost"), FreeCommandTr::tr("Features")},
                        rows);
    return 0;
}

} // namespace

void registerFreeCommand(Cli &cli)
{
    cli.add({.name = QStringLiteral("free"),
             .synopsis = QStringLiteral("--from DATETIME --to DATETIME [--capacity N]"),
             .summary = FreeCommandTr::tr("spaces free for that time"),
             .options =
                 {option(QStringLiteral("from"), FreeCommandTr::tr("Start, YYYY-MM-DD HH:MM in the hub's time zone."),
                         QStringLiteral("DATETIME")),
                  option(QStringLiteral("to"), FreeCommandTr::tr("End, YYYY-MM-DD HH:MM in the hub's time zone."),
                         QStringLiteral("DATETIME")),
                  option(QStringLiteral("capacity"),
                         FreeCommandTr::tr("Only spaces that hold at least this many people."), QStringLiteral("N"))},
             .arguments = {0, 0},
             .required = {QStringLiteral("from"), QStringLiteral("to")},
             .run = freeSpaces});
}

} // namespace hub::cli
