// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/hubctl/membercommands.h"

#include "app/hubctl/cli.h"
#include "app/hubctl/commandsession.h"
#include "core/members/listingservice.h"
#include "core/members/matchfinder.h"
#include "core/members/memberenrolment.h"
#include "core/members/memberjson.h"
#include "core/members/memberservice.h"
#include "core/members/skillservice.h"
#include "core/privacy/personaldataregistry.h"
#include "core/privacy/subjectaccessexporter.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace hub::cli {

namespace {

struct MemberCommandsTr
{
    Q_DECLARE_TR_FUNCTIONS(hub::cli::MemberCommands)
};

QCommandLineOption valueOption(const QString &name, const QString &help, const QString &value)
{
    return QCommandLineOption(name, help, value);
}

// "Guitar:expert" -> skill with level; a bad level is an invalid argument.
Result<MemberSkill> parseSkill(const QString &text)
{
    MemberSkill s;
    const qsizetype colon = text.lastIndexOf(u':');
    s.name = colon > 0 ? text.left(colon).simplified() : text.simplified();
    if (colon > 0) {
        const auto level = skillLevelFrom(text.mid(colon + 1));
        if (!level)
            return fail(Error::invalid(MemberCommandsTr::tr("“%1” is not a level; use beginner, intermediate or expert")
                                           .arg(text.mid(colon + 1)),
                                       QStringLiteral("--skill")));
        s.level = *level;
    }
    if (auto ok = SkillService::validateName(s.name); !ok)
        return fail(Error::invalid(ok.error().message, QStringLiteral("--skill")));
    return s;
}

Result<bool> parseYesNo(const QString &text, const QString &option)
{
    const QString t = text.trimmed().toLower();
    if (t == QStringLiteral("yes") || t == QStringLiteral("true") || t == QStringLiteral("1"))
        return true;
    if (t == QStringLiteral("no") || t == QStringLiteral("false") || t == QStringLiteral("0"))
        return false;
    return fail(Error::usage(MemberCommandsTr::tr("“%1” is not yes or no").arg(text), option));
}

// Field errors from core name the field; on the command line, name the option.
Error memberOption(Error e)
{
    static const QHash<QString, QString> options = {
        {QStringLiteral("display_name"), QStringLiteral("--name")},
        {QStringLiteral("email"), QStringLiteral("--email")},
        {QStringLiteral("phone"), QStringLiteral("--phone")},
        {QStringLiteral("postcode"), QStringLiteral("--postcode")},
        {QStringLiteral("website"), QStringLiteral("--website")},
        {QStringLiteral("notes"), QStringLiteral("--notes")},
        {QStringLiteral("address"), QStringLiteral("--address")},
        {QStringLiteral("offer"), QStringLiteral("--offer")},
        {QStringLiteral("need"), QStringLiteral("--need")},
        {QStringLiteral("skill"), QStringLiteral("--skill")},
        {QStringLiteral("interests"), QStringLiteral("--interest")},
    };
    e.where = options.value(e.where, e.where);
    return e;
}

Result<QJsonObject> memberDocument(const CommandSession &s, const Member &m)
{
    QJsonObject o = MemberJson::member(m);
    auto skills = s.hub->skills().memberSkills(m.id);
    auto offers = s.hub->listings().offers(m.id, true);
    auto needs = s.hub->listings().needs(m.id, true);
    if (!skills || !offers || !needs)
        return fail(!skills ? skills.error() : !offers ? offers.error() : needs.error());
    const int decimals = s.settings.decimals;
    QJsonArray a;
    for (const MemberSkill &skill : *skills)
        a.append(MemberJson::skill(skill));
    o.insert(QStringLiteral("skills"), a);
    a = {};
    for (const Offer &x : *offers)
        a.append(MemberJson::offer(x, decimals));
    o.insert(QStringLiteral("offers"), a);
    a = {};
    for (const Need &x : *needs)
        a.append(MemberJson::need(x));
    o.insert(QStringLiteral("needs"), a);
    return o;
}

QString memberText(const QJsonObject &o)
{
    QString text;
    const auto line = [&](const QString &label, const QString &value) {
        if (!value.isEmpty())
            text += label.leftJustified(14) + value + u'\n';
    };
    line(MemberCommandsTr::tr("Member"), QStringLiteral("#%1 %2")
                                             .arg(o[QStringLiteral("id")].toInteger())
                                             .arg(o[QStringLiteral("display_name")].toString()));
    line(MemberCommandsTr::tr("Kind"), o[QStringLiteral("kind")].toString());
    line(MemberCommandsTr::tr("Status"), o[QStringLiteral("status")].toString());
    line(MemberCommandsTr::tr("E-mail"), o[QStringLiteral("email")].toString());
    line(MemberCommandsTr::tr("Phone"), o[QStringLiteral("phone")].toString());
    line(MemberCommandsTr::tr("Postcode"), o[QStringLiteral("postcode")].toString());
    line(MemberCommandsTr::tr("Joined"), o[QStringLiteral("joined_on")].toString());
    line(MemberCommandsTr::tr("Directory"), o[QStringLiteral("directory_visible")].toBool()
                                                ? MemberCommandsTr::tr("shown")
                                                : MemberCommandsTr::tr("not shown"));
    QStringList skills;
    for (const QJsonValue &s : o[QStringLiteral("skills")].toArray()) {
        const QString level = s[QStringLiteral("level")].toString();
        skills << s[QStringLiteral("name")].toString() +
                      (level.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(level));
    }
    line(MemberCommandsTr::tr("Skills"), skills.join(QStringLiteral(", ")));
    for (const QJsonValue &x : o[QStringLiteral("offers")].toArray())
        line(MemberCommandsTr::tr("Offers"), x[QStringLiteral("description")].toString());
    for (const QJsonValue &x : o[QStringLiteral("needs")].toArray())
        line(MemberCommandsTr::tr("Needs"), x[QStringLiteral("description")].toString());
    line(MemberCommandsTr::tr("Notes"), o[QStringLiteral("notes")].toString());
    return text;
}

int printMember(CommandContext &ctx, const CommandSession &s, const Member &m)
{
    auto doc = memberDocument(s, m);
    if (!doc)
        return ctx.fail(doc.error());
    ctx.out().result(*doc, memberText(*doc));
    return 0;
}

// Options shared by `member add` and `member edit`, mapped onto a draft.
QList<QCommandLineOption> fieldOptions()
{
    return {
        valueOption(QStringLiteral("name"), MemberCommandsTr::tr("Display name."), QStringLiteral("NAME")),
        valueOption(QStringLiteral("kind"), MemberCommandsTr::tr("person or organisation."), QStringLiteral("KIND")),
        valueOption(QStringLiteral("given-name"), MemberCommandsTr::tr("Given name."), QStringLiteral("NAME")),
        valueOption(QStringLiteral("family-name"), MemberCommandsTr::tr("Family name."), QStringLiteral("NAME")),
        valueOption(QStringLiteral("email"), MemberCommandsTr::tr("E-mail address (unique)."), QStringLiteral("E")),
        valueOption(QStringLiteral("phone"), MemberCommandsTr::tr("Phone number."), QStringLiteral("P")),
        valueOption(QStringLiteral("postcode"), MemberCommandsTr::tr("Postcode."), QStringLiteral("PC")),
        valueOption(QStringLiteral("address"), MemberCommandsTr::tr("Postal address."), QStringLiteral("TEXT")),
        valueOption(QStringLiteral("website"), MemberCommandsTr::tr("Web address."), QStringLiteral("URL")),
        valueOption(QStringLiteral("notes"), MemberCommandsTr::tr("Notes."), QStringLiteral("TEXT")),
        valueOption(QStringLiteral("status"), MemberCommandsTr::tr("active, lapsed or left."),
                    QStringLiteral("STATUS")),
        valueOption(QStringLiteral("interest"),
                    MemberCommandsTr::tr("A role of interest (volunteer, facilitator, ...); repeatable."),
                    QStringLiteral("ROLE")),
        valueOption(QStringLiteral("directory"), MemberCommandsTr::tr("yes/no: appear in the shared directory."),
                    QStringLiteral("YES|NO")),
        valueOption(QStringLiteral("show-email"), MemberCommandsTr::tr("yes/no: show the e-mail in the directory."),
                    QStringLiteral("YES|NO")),
        valueOption(QStringLiteral("show-phone"), MemberCommandsTr::tr("yes/no: show the phone in the directory."),
                    QStringLiteral("YES|NO")),
    };
}

Status applyFields(CommandContext &ctx, MemberDraft &d)
{
    const QList<std::pair<QString, QString *>> texts = {
        {QStringLiteral("name"), &d.displayName},
        {QStringLiteral("given-name"), &d.givenName},
        {QStringLiteral("family-name"), &d.familyName},
        {QStringLiteral("email"), &d.email},
        {QStringLiteral("phone"), &d.phone},
        {QStringLiteral("postcode"), &d.postcode},
        {QStringLiteral("address"), &d.address},
        {QStringLiteral("website"), &d.website},
        {QStringLiteral("notes"), &d.notes},
    };
    for (const auto &[option, field] : texts)
        if (ctx.isSet(option))
            *field = ctx.value(option);
    if (ctx.isSet(QStringLiteral("kind"))) {
        const auto kind = memberKindFrom(ctx.value(QStringLiteral("kind")));
        if (!kind)
            return fail(Error::usage(MemberCommandsTr::tr("“%1” is not a kind; use person or organisation")
                                         .arg(ctx.value(QStringLiteral("kind"))),
                                     QStringLiteral("--kind")));
        d.kind = *kind;
    }
    if (ctx.isSet(QStringLiteral("status"))) {
        const auto status = memberStatusFrom(ctx.value(QStringLiteral("status")));
        if (!status)
            return fail(Error::usage(MemberCommandsTr::tr("“%1” is not a status; use active, lapsed or left")
                                         .arg(ctx.value(QStringLiteral("status"))),
                                     QStringLiteral("--status")));
        d.status = *status;
    }
    if (ctx.isSet(QStringLiteral("interest")))
        d.interests = ctx.values(QStringLiteral("interest"));
    const QList<std::pair<QString, bool *>> flags = {
        {QStringLiteral("directory"), &d.consent.directoryVisible},
        {QStringLiteral("show-email"), &d.consent.showEmail},
        {QStringLiteral("show-phone"), &d.consent.showPhone},
    };
    for (const auto &[option, field] : flags) {
        if (!ctx.isSet(option))
            continue;
        auto yes = parseYesNo(ctx.value(option), QStringLiteral("--") + option);
        if (!yes)
            return fail(yes.error());
        *field = *yes;
    }
    return {};
}

// `member add` takes the fields and what the member brings and asks for.
QList<QCommandLineOption> memberAddOptions()
{
    QList<QCommandLineOption> options = fieldOptions();
    options << valueOption(QStringLiteral("skill"),
                           MemberCommandsTr::tr("A skill, optionally with a level: \"Guitar:expert\"; repeatable."),
                           QStringLiteral("NAME"))
            << valueOption(QStringLiteral("offer"),
                           MemberCommandsTr::tr("Something offered, optionally \"Skill: text\"; repeatable."),
                           QStringLiteral("TEXT"))
            << valueOption(QStringLiteral("need"),
                           MemberCommandsTr::tr("Something needed, optionally \"Skill: text\"; repeatable."),
                           QStringLiteral("TEXT"));
    return options;
}

int memberAdd(CommandContext &ctx, CommandSession &s)
{
    Enrolment e;
    e.member.consent.directoryVisible = true; // asked in person at the desk; --directory no opts out
    if (auto ok = applyFields(ctx, e.member); !ok)
        return ctx.fail(ok.error());
    for (const QString &text : ctx.values(QStringLiteral("skill"))) {
        auto skill = parseSkill(text);
        if (!skill)
            return ctx.fail(skill.error());
        e.skills << *skill;
    }
    for (const QString &o : ctx.values(QStringLiteral("offer")))
        e.offers << ListingDraft::parse(o);
    for (const QString &n : ctx.values(QStringLiteral("need")))
        e.needs << ListingDraft::parse(n);

    auto member = MemberEnrolment::enrol(*s.hub, e);
    if (!member)
        return ctx.fail(memberOption(member.error()));
    return printMember(ctx, s, *member);
}

int memberShow(CommandContext &ctx, CommandSession &s)
{
    auto member = s.hub->members().find(ctx.positional().first());
    if (!member)
        return ctx.fail(member.error());
    return printMember(ctx, s, *member);
}

int memberList(CommandContext &ctx, CommandSession &s)
{
    MemberFilter f;
    f.search = ctx.value(QStringLiteral("search"));
    f.skill = ctx.value(QStringLiteral("skill"));
    if (ctx.isSet(QStringLiteral("status"))) {
        f.status = memberStatusFrom(ctx.value(QStringLiteral("status")));
        if (!f.status)
            return ctx.usage(MemberCommandsTr::tr("“%1” is not a status; use active, lapsed or left")
                                 .arg(ctx.value(QStringLiteral("status"))),
                             QStringLiteral("--status"));
    }
    if (ctx.isSet(QStringLiteral("kind"))) {
        f.kind = memberKindFrom(ctx.value(QStringLiteral("kind")));
        if (!f.kind)
            return ctx.usage(MemberCommandsTr::tr("“%1” is not a kind; use person or organisation")
                                 .arg(ctx.value(QStringLiteral("kind"))),
                             QStringLiteral("--kind"));
    }
    int limit = -1;
    if (ctx.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        limit = ctx.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 0)
            return ctx.usage(
                MemberCommandsTr::tr("“%1” is not a number of members").arg(ctx.value(QStringLiteral("limit"))),
                QStringLiteral("--limit"));
    }
    auto members = s.hub->members().list(f, limit);
    if (!members)
        return ctx.fail(members.error());
    QJsonArray array;
    QList<QStringList> rows;
    for (const Member &m : *members) {
        array.append(MemberJson::member(m));
        rows << QStringList{
            QString::number(m.id.value()), m.displayName, toString(m.kind), m.email, m.postcode, toString(m.status)};
    }
    if (ctx.json()) {
        ctx.out().document(array);
    } else if (rows.isEmpty()) {
        ctx.out().message(MemberCommandsTr::tr("No members match."));
    } else {
        ctx.out().table({MemberCommandsTr::tr("ID"), MemberCommandsTr::tr("Name"), MemberCommandsTr::tr("Kind"),
                         MemberCommandsTr::tr("E-mail"), MemberCommandsTr::tr("Postcode"),
                         MemberCommandsTr::tr("Status")},
                        rows);
    }
    return 0;
}

int memberEdit(CommandContext &ctx, CommandSession &s)
{
    auto member = s.hub->members().find(ctx.positional().first());
    if (!member)
        return ctx.fail(member.error());
    MemberDraft d = *member;
    if (auto ok = applyFields(ctx, d); !ok)
        return ctx.fail(ok.error());
    // A changed status gets today's date unless the member already had one for it.
    if (d.status != member->status) {
        if (d.status == MemberStatus::Lapsed)
            d.lapsedOn = {};
        if (d.status == MemberStatus::Left)
            d.leftOn = {};
    }
    auto updated = s.hub->members().update(member->id, d);
    if (!updated)
        return ctx.fail(memberOption(updated.error()));
    return printMember(ctx, s, *updated);
}

int memberData(CommandContext &ctx, CommandSession &s)
{
    if (!ctx.isSet(QStringLiteral("output")))
        return ctx.usage(MemberCommandsTr::tr("-o FILE is required: the export holds personal data"),
                         QStringLiteral("-o"));
    auto member = s.hub->members().find(ctx.positional().first());
    if (!member)
        return ctx.fail(member.error());
    const QString path = QFileInfo(ctx.value(QStringLiteral("output"))).absoluteFilePath();
    const SubjectAccessExporter exporter(*s.hub);
    if (auto written = exporter.write(member->id, path); !written) {
        Error e = written.error();
        if (e.where == QStringLiteral("output"))
            e.where = QStringLiteral("-o");
        return ctx.fail(e);
    }
    const QStringList sections = s.hub->personalData().sectionNames();
    ctx.out().result(QJsonObject{{QStringLiteral("id"), double(member->id.value())},
                                 {QStringLiteral("file"), QDir::toNativeSeparators(path)},
                                 {QStringLiteral("sections"), QJsonArray::fromStringList(sections)}},
                     MemberCommandsTr::tr("Wrote everything held about #%1 %2 to %3.")
                         .arg(member->id.value())
                         .arg(member->displayName, QDir::toNativeSeparators(path)));
    return 0;
}

int memberForget(CommandContext &ctx, CommandSession &s)
{
    auto member = s.hub->members().find(ctx.positional().first());
    if (!member)
        return ctx.fail(member.error());
    auto erased = s.hub->members().forget(member->id);
    if (!erased)
        return ctx.fail(erased.error());
    const QString pseudonym = MemberService::pseudonym(member->id);
    QString text =
        MemberCommandsTr::tr("Erased the personal data of member #%1; they now appear as “%2”. Their ledger, booking "
                             "and attendance history stays under that name.")
            .arg(member->id.value())
            .arg(pseudonym);
    const bool server = s.hub->database().backend() == Backend::PostgreSQL;
    if (!erased->complete && server)
        text = MemberCommandsTr::tr(
                   "The erasure of member #%1 is recorded: they now appear as “%2”. The hub server still holds "
                   "the old values in superseded row versions, which only the role owning the hub's tables may "
                   "clear (VACUUM): the next time the hub is opened as its owner (for example “hubctl --db "
                   "postgresql://OWNER@HOST/DB check”), the erasure completes.")
                   .arg(member->id.value())
                   .arg(pseudonym);
    else if (!erased->complete)
        text = MemberCommandsTr::tr(
                   "The erasure of member #%1 is recorded: they now appear as “%2”. Another Hubkeeper window, "
                   "hubctl or backup is reading the hub, so the old values are still in its write-ahead log; "
                   "the erasure completes by itself when those close (every open of the hub finishes it).")
                   .arg(member->id.value())
                   .arg(pseudonym);
    else if (server)
        text += u' ' +
                MemberCommandsTr::tr("The server's own write-ahead log and backups keep older copies until the server "
                                     "recycles them, as its administrator has set it up.");
    ctx.out().result(QJsonObject{{QStringLiteral("id"), double(member->id.value())},
                                 {QStringLiteral("display_name"), pseudonym},
                                 {QStringLiteral("forgotten"), true},
                                 {QStringLiteral("complete"), erased->complete}},
                     text);
    return 0;
}

int match(CommandContext &ctx, CommandSession &s)
{
    bool ok = false;
    const int n = ctx.value(QStringLiteral("per-need")).toInt(&ok);
    if (!ok || n < 1)
        return ctx.usage(
            MemberCommandsTr::tr("“%1” is not a positive number").arg(ctx.value(QStringLiteral("per-need"))),
            QStringLiteral("--per-need"));
    std::optional<MemberId> who;
    if (ctx.isSet(QStringLiteral("member"))) {
        auto m = s.hub->members().find(ctx.value(QStringLiteral("member")));
        if (!m)
            return ctx.fail(m.error());
        who = m->id;
    }
    auto matches = s.hub->matches().find(who, n);
    if (!matches)
        return ctx.fail(matches.error());
    const int decimals = s.settings.decimals;
    QJsonArray array;
    QList<QStringList> rows;
    for (const Match &m : *matches) {
        array.append(MemberJson::match(m, decimals));
        rows << QStringList{m.needMemberName, m.need.description, m.offerMemberName, m.offer.description,
                            m.reasons.join(QStringLiteral("; "))};
    }
    if (ctx.json())
        ctx.out().document(array);
    else if (rows.isEmpty())
        ctx.out().message(
            MemberCommandsTr::tr("No offers meet an open need yet (only members in the directory are matched)."));
    else
        ctx.out().table({MemberCommandsTr::tr("Who needs"), MemberCommandsTr::tr("Need"),
                         MemberCommandsTr::tr("Offered by"), MemberCommandsTr::tr("Offer"),
                         MemberCommandsTr::tr("Why")},
                        rows);
    return 0;
}

int skillList(CommandContext &ctx, CommandSession &s)
{
    auto skills = s.hub->skills().list();
    if (!skills)
        return ctx.fail(skills.error());
    QJsonArray array;
    QList<QStringList> rows;
    for (const Skill &skill : *skills) {
        array.append(QJsonObject{
            {QStringLiteral("id"), double(skill.id.value())},
            {QStringLiteral("name"), skill.name},
            {QStringLiteral("category"), skill.category.isEmpty() ? QJsonValue() : QJsonValue(skill.category)},
            {QStringLiteral("members"), skill.memberCount}});
        rows << QStringList{QString::number(skill.id.value()), skill.name, skill.category,
                            QString::number(skill.memberCount)};
    }
    if (ctx.json())
        ctx.out().document(array);
    else if (rows.isEmpty())
        ctx.out().message(MemberCommandsTr::tr("No skills yet: they are added with members (--skill)."));
    else
        ctx.out().table({MemberCommandsTr::tr("ID"), MemberCommandsTr::tr("Skill"), MemberCommandsTr::tr("Category"),
                         MemberCommandsTr::tr("Members")},
                        rows);
    return 0;
}

int skillMerge(CommandContext &ctx, CommandSession &s)
{
    const QStringList args = ctx.positional();
    if (auto ok = s.hub->skills().merge(args[0], args[1]); !ok)
        return ctx.fail(ok.error());
    auto into = s.hub->skills().findByName(args[1]);
    if (!into || !*into)
        return ctx.fail(into ? Error::notFound(args[1]) : into.error());
    ctx.out().result(
        QJsonObject{{QStringLiteral("id"), double((*into)->id.value())},
                    {QStringLiteral("name"), (*into)->name},
                    {QStringLiteral("members"), (*into)->memberCount},
                    {QStringLiteral("merged"), args[0]}},
        MemberCommandsTr::tr("Merged “%1” into “%2”, which %n member(s) now have.", nullptr, (*into)->memberCount)
            .arg(args[0], (*into)->name));
    return 0;
}

} // namespace

void registerMemberCommands(Cli &cli)
{
    cli.add(
        {.name = QStringLiteral("member add"),
         .synopsis = QStringLiteral("--name NAME [--kind person|organisation] [--email E] [--phone P] [--postcode PC] "
                                    "[--skill NAME[:LEVEL]]... [--offer TEXT]... [--need TEXT]..."),
         .summary = MemberCommandsTr::tr("add a member with their skills, offers and needs"),
         .options = memberAddOptions(),
         .arguments = {0, 0},
         .required = {QStringLiteral("name")},
         .run = memberAdd});
    cli.add({.name = QStringLiteral("member show"),
             .synopsis = QStringLiteral("MEMBER"),
             .summary = MemberCommandsTr::tr("show one member (by id or e-mail)"),
             .arguments = {1, 1},
             .run = memberShow});
    cli.add({.name = QStringLiteral("member list"),
             .synopsis = QStringLiteral(
                 "[--search TEXT] [--skill NAME] [--status active|lapsed|left] [--kind KIND] [--limit N]"),
             .summary = MemberCommandsTr::tr("list and search members"),
             .options = {valueOption(QStringLiteral("search"),
                                     MemberCommandsTr::tr(
                                         "Words to look for (names, e-mail, skills, offers, needs, postcode, notes)."),
                                     QStringLiteral("TEXT")),
                         valueOption(QStringLiteral("skill"), MemberCommandsTr::tr("Only members with this skill."),
                                     QStringLiteral("NAME")),
                         valueOption(QStringLiteral("status"), MemberCommandsTr::tr("active, lapsed or left."),
                                     QStringLiteral("STATUS")),
                         valueOption(QStringLiteral("kind"), MemberCommandsTr::tr("person or organisation."),
                                     QStringLiteral("KIND")),
                         valueOption(QStringLiteral("limit"), MemberCommandsTr::tr("At most N members."),
                                     QStringLiteral("N"))},
             .arguments = {0, 0},
             .run = memberList});
    cli.add({.name = QStringLiteral("member edit"),
             .synopsis = QStringLiteral("MEMBER [--name ...] [--email ...] [--status ...] ..."),
             .summary = MemberCommandsTr::tr("change a member's record or consent"),
             .options = fieldOptions(),
             .arguments = {1, 1},
             .run = memberEdit});
    // -o is checked in the body: its message says why the export needs a file.
    cli.add({.name = QStringLiteral("member data"),
             .synopsis = QStringLiteral("MEMBER -o FILE.json"),
             .summary = MemberCommandsTr::tr("everything held about one member (subject access)"),
             .options = {QCommandLineOption({QStringLiteral("o"), QStringLiteral("output")},
                                            MemberCommandsTr::tr("Write the JSON to FILE."), QStringLiteral("FILE"))},
             .arguments = {1, 1},
             .run = memberData});
    cli.add({.name = QStringLiteral("member forget"),
             .synopsis = QStringLiteral("MEMBER"),
             .summary = MemberCommandsTr::tr("erase a member's personal data, keeping the ledger whole"),
             .arguments = {1, 1},
             .run = memberForget});
    cli.add({.name = QStringLiteral("match"),
             .synopsis = QStringLiteral("[--member MEMBER] [--per-need N]"),
             .summary = MemberCommandsTr::tr("offers that meet needs, with the reasons"),
             .options = {QCommandLineOption(QStringLiteral("member"),
                                            MemberCommandsTr::tr("Only this member's needs and offers."),
                                            QStringLiteral("MEMBER")),
                         QCommandLineOption(QStringLiteral("per-need"),
                                            MemberCommandsTr::tr("At most N offers per need (default 3)."),
                                            QStringLiteral("N"), QStringLiteral("3"))},
             .arguments = {0, 0},
             .run = match});
    cli.add({.name = QStringLiteral("skill list"),
             .synopsis = QString(),
             .summary = MemberCommandsTr::tr("the skill taxonomy with member counts"),
             .arguments = {0, 0},
             .run = skillList});
    cli.add({.name = QStringLiteral("skill merge"),
             .synopsis = QStringLiteral("FROM INTO"),
             .summary = MemberCommandsTr::tr("merge one skill into another"),
             .arguments = {2, 2},
             .run = skillMerge});
}

} // namespace hub::cli
