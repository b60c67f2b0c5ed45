// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/hubctl/votingcommands.h"

#include "app/hubctl/cli.h"
#include "app/hubctl/commandsession.h"
#include "core/gatherings/ideaservice.h"

#include <QJsonArray>
#include <QJsonObject>

namespace hub::cli {

namespace {

struct VotingCommandsTr
{
    Q_DECLARE_TR_FUNCTIONS(hub::cli::VotingCommands)
};

// Ties share a rank ("1, 2, 2, 4"), as a facilitator reads results out.
QList<int> ranks(const QList<Idea> &ideas)
{
    QList<int> out;
    for (qsizetype i = 0; i < ideas.size(); ++i)
        out << (i > 0 && ideas[i].votes == ideas[i - 1].votes ? out.last() : int(i + 1));
    return out;
}

// Closes or reopens the vote, then shows the gathering's ranked results.
int setVoting(CommandContext &ctx, CommandSession &s, bool close)
{
    auto g = s.gathering(ctx.positional().first());
    if (!g)
        return ctx.fail(g.error());
    const bool already = g->votingClosed == close;
    if (!already)
        if (auto done = s.hub->ideas().closeVoting(g->id, close); !done)
            return ctx.fail(located(done.error(), QStringLiteral("GATHERING")));
    auto ideas = s.hub->ideas().ranked(g->id);
    if (!ideas)
        return ctx.fail(ideas.error());
    const QList<int> rank = ranks(*ideas);
    QJsonArray results;
    QStringList text;
    if (close)
        text << (already ? VotingCommandsTr::tr("Voting at “%1” was already closed.")
                         : VotingCommandsTr::tr("Voting at “%1” is closed."))
                    .arg(g->title);
    else
        text << (already ? VotingCommandsTr::tr("Voting at “%1” was already open.")
                         : VotingCommandsTr::tr("Voting at “%1” is open again; votes can be cast and withdrawn."))
                    .arg(g->title);
    text << VotingCommandsTr::tr("Results (%n idea(s)):", nullptr, int(ideas->size()));
    for (qsizetype i = 0; i < ideas->size(); ++i) {
        const Idea &x = ideas->at(i);
        results.append(QJsonObject{
            {QStringLiteral("rank"), rank[i]},
            {QStringLiteral("id"), x.id.value()},
            {QStringLiteral("title"), x.title},
            {QStringLiteral("author"), x.authorName},
            {QStringLiteral("votes"), x.votes},
            {QStringLiteral("voters"), x.voters},
            {QStringLiteral("promoted_to"), x.promotedTo ? QJsonValue(x.promotedTo->value()) : QJsonValue()}});
        text << VotingCommandsTr::tr("  %1. #%2 %3 — %4 %5")
                    .arg(QString::number(rank[i]), QString::number(x.id.value()), x.title, QString::number(x.votes),
                         g->voting == VotingMode::Dots ? VotingCommandsTr::tr("dot(s)")
                                                       : VotingCommandsTr::tr("vote(s)"));
    }
    const QJsonObject o{{QStringLiteral("id"), g->id.value()},           {QStringLiteral("title"), g->title},
                        {QStringLiteral("voting"), toString(g->voting)}, {QStringLiteral("voting_closed"), close},
                        {QStringLiteral("changed"), !already},           {QStringLiteral("results"), results}};
    ctx.out().result(o, text.join(u'\n'));
    return 0;
}

} // namespace

void registerVotingCommands(Cli &cli)
{
    cli.add({.name = QStringLiteral("gathering close-voting"),
             .synopsis = QStringLiteral("GATHERING"),
             .summary = VotingCommandsTr::tr(
                 "close a gathering's vote (no more votes or withdrawals) and show the ranked results"),
             .arguments = {1, 1},
             .run = [](CommandContext &ctx, CommandSession &s) {
                 return setVoting(ctx, s, true);
             }});
    cli.add({.name = QStringLiteral("gathering reopen-voting"),
             .synopsis = QStringLiteral("GATHERING"),
             .summary = VotingCommandsTr::tr("open a closed vote again"),
             .arguments = {1, 1},
             .run = [](CommandContext &ctx, CommandSession &s) {
                 return setVoting(ctx, s, false);
             }});
}

} // namespace hub::cli
