// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/hubctl/ideacommands.h"

#include "app/hubctl/cli.h"
#include "app/hubctl/commandsession.h"
#include "app/hubctl/gatheringoutput.h"
#include "core/gatherings/checkinservice.h"
#include "core/gatherings/ideaservice.h"
#include "core/gatherings/workinggroupservice.h"

#include <QJsonObject>

namespace hub::cli {

namespace {

struct IdeaCommandsTr
{
    Q_DECLARE_TR_FUNCTIONS(hub::cli::IdeaCommands)
};

int ideaAdd(CommandContext &ctx, CommandSession &s)
{
    if (ctx.isSet(QStringLiteral("by")) && ctx.isSet(QStringLiteral("walk-in")))
        return ctx.usage(IdeaCommandsTr::tr("give --by or --walk-in, not both"), QStringLiteral("--walk-in"));
    auto g = s.gathering(ctx.positional().first());
    if (!g)
        return ctx.fail(g.error());
    IdeaDraft d;
    d.gathering = g->id;
    d.title = ctx.value(QStringLiteral("title"));
    d.story = ctx.value(QStringLiteral("story"));
    d.tags = ctx.values(QStringLiteral("tag"));
    if (ctx.isSet(QStringLiteral("by"))) {
        auto m = s.member(ctx.value(QStringLiteral("by")), QStringLiteral("--by"));
        if (!m)
            return ctx.fail(m.error());
        d.authorMember = *m;
    }
    if (ctx.isSet(QStringLiteral("walk-in"))) {
        auto n = CommandSession::count(ctx.value(QStringLiteral("walk-in")), QStringLiteral("--walk-in"));
        if (!n)
            return ctx.fail(n.error());
        d.authorWalkIn = WalkInId(*n);
    }
    auto i = s.hub->ideas().add(d);
    if (!i) {
        Error e = i.error();
        if (e.where == QStringLiteral("author") && d.authorWalkIn)
            e.where = QStringLiteral("--walk-in");
        return ctx.fail(asGatheringOption(e));
    }
    ctx.out().result(ideaJson(*i), IdeaCommandsTr::tr("Idea #%1: “%2”.").arg(i->id.value()).arg(i->title));
    return 0;
}

// The attendance that votes: --by MEMBER (who must be checked in at the
// idea's gathering) or --attendee ID.
Result<AttendanceId> voterOf(const CommandContext &ctx, const CommandSession &s, const Idea &idea)
{
    if (!ctx.isSet(QStringLiteral("by"))) {
        auto n = CommandSession::count(ctx.value(QStringLiteral("attendee")), QStringLiteral("--attendee"));
        if (!n)
            return fail(n.error());
        return AttendanceId(*n);
    }
    auto m = s.member(ctx.value(QStringLiteral("by")), QStringLiteral("--by"));
    if (!m)
        return fail(m.error());
    auto at = s.hub->checkIns().attendanceOf(idea.gathering, *m);
    if (!at)
        return fail(at.error());
    if (!*at)
        return fail(Error::refused(
            IdeaCommandsTr::tr("Only people checked in at the idea's gathering can vote; member #%1 is not.")
                .arg(m->value()),
            QStringLiteral("--by")));
    return (*at)->id;
}

int ideaVote(CommandContext &ctx, CommandSession &s)
{
    if (ctx.isSet(QStringLiteral("by")) == ctx.isSet(QStringLiteral("attendee")))
        return ctx.usage(IdeaCommandsTr::tr("say who votes: --by MEMBER or --attendee ID"), QStringLiteral("--by"));
    auto idea = s.idea(ctx.positional().first());
    if (!idea)
        return ctx.fail(idea.error());
    int dots = 1;
    if (ctx.isSet(QStringLiteral("dots"))) {
        auto n = CommandSession::count(ctx.value(QStringLiteral("dots")), QStringLiteral("--dots"));
        if (!n)
            return ctx.fail(n.error());
        dots = *n;
    }
    auto voter = voterOf(ctx, s, *idea);
    if (!voter)
        return ctx.fail(voter.error());
    const bool withdraw = ctx.isSet(QStringLiteral("withdraw"));
    const Status done =
        withdraw ? s.hub->ideas().withdraw(idea->id, *voter) : s.hub->ideas().vote(idea->id, *voter, dots);
    if (!done)
        return ctx.fail(asGatheringOption(done.error()));
    auto now = s.hub->ideas().get(idea->id);
    if (!now)
        return ctx.fail(now.error());
    ctx.out().result(ideaJson(*now),
                     withdraw
                         ? IdeaCommandsTr::tr("Vote withdrawn; “%1” has %2 vote(s).").arg(now->title).arg(now->votes)
                         : IdeaCommandsTr::tr("Voted; “%1” has %2 vote(s).").arg(now->title).arg(now->votes));
    return 0;
}

int ideaPromote(CommandContext &ctx, CommandSession &s)
{
    auto idea = s.idea(ctx.positional().first());
    if (!idea)
        return ctx.fail(idea.error());
    std::optional<MemberId> convenor;
    if (ctx.isSet(QStringLiteral("convenor"))) {
        auto m = s.member(ctx.value(QStringLiteral("convenor")), QStringLiteral("--convenor"));
        if (!m)
            return ctx.fail(m.error());
        convenor = *m;
    }
    auto g = s.hub->workingGroups().promote(idea->id, ctx.value(QStringLiteral("group")), convenor,
                                            ctx.isSet(QStringLiteral("new"))
                                                ? WorkingGroupService::GroupChoice::StartNew
                                                : WorkingGroupService::GroupChoice::JoinOrStart);
    if (!g)
        return ctx.fail(asGatheringOption(g.error()));
    ctx.out().result(groupJson(*g), IdeaCommandsTr::tr("“%1” is promoted to the working group #%2 “%3”.")
                                        .arg(idea->title, QString::number(g->id.value()), g->name));
    return 0;
}

} // namespace

void registerIdeaCommands(Cli &cli)
{
    cli.add(
        {.name = QStringLiteral("idea add"),
         .synopsis =
             QStringLiteral("GATHERING --title TEXT [--story TEXT] [--by MEMBER | --walk-in ID] [--tag TEXT]..."),
         .summary = IdeaCommandsTr::tr("record an idea or story, crediting who told it"),
         .options =
             {option(QStringLiteral("title"), IdeaCommandsTr::tr("The idea in a few words."), QStringLiteral("TEXT")),
              option(QStringLiteral("story"), IdeaCommandsTr::tr("The story behind it."), QStringLiteral("TEXT")),
              option(QStringLiteral("by"), IdeaCommandsTr::tr("The member who told it."), QStringLiteral("MEMBER")),
              option(QStringLiteral("walk-in"), IdeaCommandsTr::tr("The walk-in (number) who told it."),
                     QStringLiteral("ID")),
              option(QStringLiteral("tag"), IdeaCommandsTr::tr("A theme word; repeat for more."),
                     QStringLiteral("TEXT"))},
         .arguments = {1, 1},
         .required = {QStringLiteral("title")},
         .run = ideaAdd});
    cli.add(
        {.name = QStringLiteral("idea vote"),
         .synopsis = QStringLiteral("IDEA (--by MEMBER | --attendee ID) [--dots N] [--withdraw]"),
         .summary = IdeaCommandsTr::tr("vote for an idea (only people checked in)"),
         .options = {option(QStringLiteral("by"),
                            IdeaCommandsTr::tr("The member voting (checked in at the idea's gathering)."),
                            QStringLiteral("MEMBER")),
                     option(QStringLiteral("attendee"),
                            IdeaCommandsTr::tr("The attendance number voting (for walk-ins)."), QStringLiteral("ID")),
                     option(QStringLiteral("dots"), IdeaCommandsTr::tr("Dots to give, in dot voting (default 1)."),
                            QStringLiteral("N")),
                     option(QStringLiteral("withdraw"), IdeaCommandsTr::tr("Take the vote back instead."))},
         .arguments = {1, 1},
         .run = ideaVote});
    cli.add({.name = QStringLiteral("idea promote"),
             .synopsis = QStringLiteral("IDEA --group NAME [--new] [--convenor MEMBER]"),
             .summary = IdeaCommandsTr::tr("promote an idea into a new or existing working group"),
             .options = {option(QStringLiteral("group"),
                                IdeaCommandsTr::tr("The working group: an existing name, or a new one."),
                                QStringLiteral("NAME")),
                         option(QStringLiteral("convenor"), IdeaCommandsTr::tr("Who convenes a new group."),
                                QStringLiteral("MEMBER")),
                         option(QStringLiteral("new"),
                                IdeaCommandsTr::tr("Start a new group: refuse a name another group has."))},
             .arguments = {1, 1},
             .required = {QStringLiteral("group")},
             .run = ideaPromote});
}

} // namespace hub::cli
