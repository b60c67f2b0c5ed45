// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/hubctl/challengecommands.h"

#include "app/hubctl/cli.h"
#include "app/hubctl/commandsession.h"
#include "core/gatherings/challengeservice.h"
#include "core/gatherings/gatheringservice.h"

#include <QJsonArray>
#include <QJsonObject>

namespace hub::cli {

namespace {

struct ChallengeCommandsTr
{
    Q_DECLARE_TR_FUNCTIONS(hub::cli::ChallengeCommands)
};

// Core errors name fields; hubctl users know them as options.
Error challengeOption(Error e)
{
    static const QHash<QString, QString> options = {
        {QStringLiteral("organisation"), QStringLiteral("--business")},
        {QStringLiteral("skills"), QStringLiteral("--skill")},
        {QStringLiteral("challenge"), QStringLiteral("CHALLENGE")},
    };
    if (!e.where.isEmpty() && !e.where.startsWith(u'-') && e.where != e.where.toUpper())
        e.where = options.value(e.where, QStringLiteral("--") + e.where);
    return e;
}

/// "12" or "#12"; anything else is invalid input naming CHALLENGE.
Result<ChallengeId> challengeRef(const QString &text)
{
    QString ref = text.trimmed();
    if (ref.startsWith(u'#'))
        ref.remove(0, 1);
    bool ok = false;
    const qint64 id = ref.toLongLong(&ok);
    if (!ok || id <= 0)
        return fail(Error::invalid(ChallengeCommandsTr::tr("“%1” is not a challenge number").arg(text),
                                   QStringLiteral("CHALLENGE")));
    return ChallengeId(id);
}

Result<BusinessChallenge> findChallenge(CommandSession &s, const QString &text)
{
    auto id = challengeRef(text);
    if (!id)
        return fail(id.error());
    auto c = s.hub->challenges().get(*id);
    if (!c)
        return fail(located(c.error(), QStringLiteral("CHALLENGE")));
    return c;
}

QJsonObject challengeJson(const BusinessChallenge &c, const CommandSession &s)
{
    QJsonArray volunteers;
    for (qsizetype i = 0; i < c.volunteers.size(); ++i)
        volunteers.append(QJsonObject{{QStringLiteral("member_id"), c.volunteers[i].value()},
                                      {QStringLiteral("name"), c.volunteerNames.value(i)}});
    return QJsonObject{{QStringLiteral("id"), c.id.value()},
                       {QStringLiteral("business_id"), c.organisation.value()},
                       {QStringLiteral("business"), c.organisationName},
                       {QStringLiteral("gathering_id"), c.gathering ? QJsonValue(c.gathering->value()) : QJsonValue()},
                       {QStringLiteral("title"), c.title},
                       {QStringLiteral("description"), c.description},
                       {QStringLiteral("skills"), QJsonArray::fromStringList(c.skills)},
                       {QStringLiteral("status"), c.open ? QStringLiteral("open") : QStringLiteral("closed")},
                       {QStringLiteral("created_at"), c.createdAt.toTimeZone(s.settings.zone()).toString(Qt::ISODate)},
                       {QStringLiteral("volunteers"), volunteers}};
}

QString challengeLine(const BusinessChallenge &c)
{
    return ChallengeCommandsTr::tr("Challenge #%1 from %2: “%3”%4.")
        .arg(QString::number(c.id.value()), c.organisationName, c.title,
             c.open ? QString() : ChallengeCommandsTr::tr(" (closed)"));
}

int challengeAdd(CommandContext &ctx, CommandSession &s)
{
    ChallengeDraft d;
    auto business = s.member(ctx.value(QStringLiteral("business")), QStringLiteral("--business"));
    if (!business)
        return ctx.fail(business.error());
    d.organisation = *business;
    d.title = ctx.value(QStringLiteral("title"));
    d.description = ctx.value(QStringLiteral("description"));
    for (const QString &skill : ctx.values(QStringLiteral("skill")))
        if (!skill.trimmed().isEmpty())
            d.skills << skill.trimmed();
    if (ctx.isSet(QStringLiteral("gathering"))) {
        auto g = s.gathering(ctx.value(QStringLiteral("gathering")), QStringLiteral("--gathering"));
        if (!g)
            return ctx.fail(g.error());
        d.gathering = g->id;
    }
    auto c = s.hub->challenges().add(d);
    if (!c)
        return ctx.fail(challengeOption(c.error()));
    ctx.out().result(challengeJson(*c, s), challengeLine(*c));
    return 0;
}

int challengeList(CommandContext &ctx, CommandSession &s)
{
    auto list = s.hub->challenges().list(ctx.isSet(QStringLiteral("open")));
    if (!list)
        return ctx.fail(list.error());
    QJsonArray array;
    QList<QStringList> rows;
    for (const BusinessChallenge &c : std::as_const(*list)) {
        array.append(challengeJson(c, s));
        rows << QStringList{QStringLiteral("#%1").arg(c.id.value()),
                            c.organisationName,
                            c.title,
                            c.skills.isEmpty() ? QStringLiteral("-") : c.skills.join(QStringLiteral(", ")),
                            QString::number(c.volunteers.size()),
                            c.open ? ChallengeCommandsTr::tr("open") : ChallengeCommandsTr::tr("closed")};
    }
    if (ctx.json())
        ctx.out().document(array);
    else if (rows.isEmpty())
        ctx.out().text(ChallengeCommandsTr::tr("No business challenges yet."));
    else
        ctx.out().table({ChallengeCommandsTr::tr("Id"), ChallengeCommandsTr::tr("Business"),
                         ChallengeCommandsTr::tr("Title"), ChallengeCommandsTr::tr("Skills"),
                         ChallengeCommandsTr::tr("Volunteers"), ChallengeCommandsTr::tr("Status")},
                        rows);
    return 0;
}

int challengeShow(CommandContext &ctx, CommandSession &s)
{
    auto c = findChallenge(s, ctx.positional().first());
    if (!c)
        return ctx.fail(c.error());
    auto helpers = s.hub->challenges().suggestions(c->id);
    if (!helpers)
        return ctx.fail(helpers.error());
    QJsonObject o = challengeJson(*c, s);
    QStringList text{challengeLine(*c)};
    if (c->gathering)
        if (auto g = s.hub->gatherings().get(*c->gathering))
            text << ChallengeCommandsTr::tr("Presented at “%1”.").arg(g->title);
    if (!c->description.isEmpty())
        text << c->description;
    if (!c->skills.isEmpty())
        text << ChallengeCommandsTr::tr("Skills that would help: %1").arg(c->skills.join(QStringLiteral(", ")));
    text << ChallengeCommandsTr::tr("Volunteers (%1):").arg(c->volunteers.size());
    for (const QString &name : std::as_const(c->volunteerNames))
        text << QStringLiteral("  ") + name;
    QJsonArray h;
    text << ChallengeCommandsTr::tr("Suggested helpers (%1):").arg(helpers->size());
    for (const SuggestedHelper &x : std::as_const(*helpers)) {
        h.append(QJsonObject{{QStringLiteral("member_id"), x.member.value()},
                             {QStringLiteral("name"), x.name},
                             {QStringLiteral("skills"), QJsonArray::fromStringList(x.skills)}});
        text << ChallengeCommandsTr::tr("  #%1 %2 — %3")
                    .arg(QString::number(x.member.value()), x.name, x.skills.join(QStringLiteral(", ")));
    }
    if (helpers->isEmpty())
        text << (c->skills.isEmpty()
                     ? ChallengeCommandsTr::tr("  (name skills with --skill to find helpers)")
                     : ChallengeCommandsTr::tr("  (nobody in the shared directory has these skills yet)"));
    o.insert(QStringLiteral("suggested_helpers"), h);
    ctx.out().result(o, text.join(u'\n'));
    return 0;
}

int challengeVolunteer(CommandContext &ctx, CommandSession &s)
{
    auto c = findChallenge(s, ctx.positional().first());
    if (!c)
        return ctx.fail(c.error());
    auto m = s.member(ctx.value(QStringLiteral("member")), QStringLiteral("--member"));
    if (!m)
        return ctx.fail(m.error());
    const bool withdraw = ctx.isSet(QStringLiteral("withdraw"));
    const Status done = withdraw ? s.hub->challenges().withdraw(c->id, *m) : s.hub->challenges().volunteer(c->id, *m);
    if (!done)
        return ctx.fail(challengeOption(done.error()));
    auto now = s.hub->challenges().get(c->id);
    if (!now)
        return ctx.fail(now.error());
    ctx.out().result(challengeJson(*now, s),
                     (withdraw ? ChallengeCommandsTr::tr("Withdrawn from “%1”; %2 volunteer(s).")
                               : ChallengeCommandsTr::tr("Volunteered for “%1”; %2 volunteer(s)."))
                         .arg(now->title)
                         .arg(now->volunteers.size()));
    return 0;
}

int challengeClose(CommandContext &ctx, CommandSession &s)
{
    auto c = findChallenge(s, ctx.positional().first());
    if (!c)
        return ctx.fail(c.error());
    if (auto done = s.hub->challenges().close(c->id); !done)
        return ctx.fail(challengeOption(done.error()));
    auto now = s.hub->challenges().get(c->id);
    if (!now)
        return ctx.fail(now.error());
    ctx.out().result(challengeJson(*now, s),
                     ChallengeCommandsTr::tr("“%1” is closed; it takes no more volunteers.").arg(now->title));
    return 0;
}

} // namespace

void registerChallengeCommands(Cli &cli)
{
    cli.add({.name = QStringLiteral("challenge add"),
             .synopsis = QStringLiteral("--business MEMBER --title TEXT [--description TEXT] [--skill NAME]... "
                                        "[--gathering GATHERING]"),
             .summary = ChallengeCommandsTr::tr("record a challenge a local business brings"),
             .options =
                 {option(QStringLiteral("business"),
                         ChallengeCommandsTr::tr("The organisation member bringing the challenge."),
                         QStringLiteral("MEMBER")),
                  option(QStringLiteral("title"), ChallengeCommandsTr::tr("The challenge in a few words."),
                         QStringLiteral("TEXT")),
                  option(QStringLiteral("description"),
                         ChallengeCommandsTr::tr("What the business needs, in its words."), QStringLiteral("TEXT")),
                  option(QStringLiteral("skill"), ChallengeCommandsTr::tr("A skill that would help; repeat for more."),
                         QStringLiteral("NAME")),
                  option(QStringLiteral("gathering"), ChallengeCommandsTr::tr("The gathering where it was presented."),
                         QStringLiteral("GATHERING"))},
             .arguments = {0, 0},
             .required = {QStringLiteral("business"), QStringLiteral("title")},
             .run = challengeAdd});
    cli.add({.name = QStringLiteral("challenge list"),
             .synopsis = QStringLiteral("[--open]"),
             .summary = ChallengeCommandsTr::tr("business challenges, newest first"),
             .options = {option(QStringLiteral("open"), ChallengeCommandsTr::tr("Only challenges still open."))},
             .arguments = {0, 0},
             .run = challengeList});
    cli.add({.name = QStringLiteral("challenge show"),
             .synopsis = QStringLiteral("CHALLENGE"),
             .summary = ChallengeCommandsTr::tr("a challenge with its volunteers and members whose skills fit"),
             .arguments = {1, 1},
             .run = challengeShow});
    cli.add({.name = QStringLiteral("challenge volunteer"),
             .synopsis = QStringLiteral("CHALLENGE --member MEMBER [--withdraw]"),
             .summary = ChallengeCommandsTr::tr("sign a member up to help (or take the offer back)"),
             .options = {option(QStringLiteral("member"), ChallengeCommandsTr::tr("Who volunteers."),
                                QStringLiteral("MEMBER")),
                         option(QStringLiteral("withdraw"), ChallengeCommandsTr::tr("Take the offer back instead."))},
             .arguments = {1, 1},
             .required = {QStringLiteral("member")},
             .run = challengeVolunteer});
    cli.add({.name = QStringLiteral("challenge close"),
             .synopsis = QStringLiteral("CHALLENGE"),
             .summary = ChallengeCommandsTr::tr("close a challenge to new volunteers"),
             .arguments = {1, 1},
             .run = challengeClose});
}

} // namespace hub::cli
