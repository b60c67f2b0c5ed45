// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/gatherings/challengeservice.h"

#include "core/common/textrules.h"
#include "core/gatherings/gatheringlookup.h"
#include "core/members/memberservice.h"
#include "core/storage/database.h"
#include "core/storage/query.h"

#include <QSet>

#include <algorithm>

namespace hub {

ChallengeService::ChallengeService(std::shared_ptr<Database> db, MemberService &members, const Clock &clock,
                                   AccessControl &access, AuditTrail &audit)
    : m_db(std::move(db)), m_members(members), m_clock(clock), m_work(m_db, access, audit)
{}

Status ChallengeService::validate(const ChallengeDraft &d)
{
    const QString title = d.title.trimmed();
    if (title.isEmpty())
        return fail(Error::invalid(tr("A challenge needs a title."), QStringLiteral("title")));
    if (auto ok = TextRules::name(d.title, QStringLiteral("title")); !ok)
        return ok;
    if (title.size() > MaxTitleLength)
        return fail(
            Error::invalid(tr("The title is longer than %1 characters.").arg(MaxTitleLength), QStringLiteral("title")));
    if (d.description.size() > MaxDescriptionLength)
        return fail(Error::invalid(tr("The description is longer than %1 characters.").arg(MaxDescriptionLength),
                                   QStringLiteral("description")));
    for (const QString &skill : d.skills)
        if (skill.contains(u','))
            return fail(
                Error::invalid(tr("A skill cannot contain a comma: “%1”.").arg(skill), QStringLiteral("skills")));
    return {};
}

Result<BusinessChallenge> ChallengeService::add(const ChallengeDraft &d)
{
    return m_work.runThenRead<ChallengeId>(
        Permission::ManageGatherings, [&](Write &w) -> Result<ChallengeId> { return addIn(w, d); },
        [this](ChallengeId made) { return get(made); });
}

Result<ChallengeId> ChallengeService::addIn(Write &w, const ChallengeDraft &d)
{
    if (auto ok = validate(d); !ok)
        return fail(ok.error());
    auto org = m_members.get(d.organisation);
    if (!org)
        return fail(Error::notFound(org.error().message, QStringLiteral("organisation")));
    if (org->kind != MemberKind::Organisation)
        return fail(
            Error::refused(tr("%1 is a person; a challenge comes from an organisation member.").arg(org->displayName),
                           QStringLiteral("organisation")));
    const QSqlDatabase db = w.connection();
    if (auto name = GatheringLookup::activeMember(db, d.organisation, QStringLiteral("organisation")); !name)
        return fail(name.error());
    if (d.gathering)
        if (auto title = GatheringLookup::gatheringTitle(db, *d.gathering); !title)
            return fail(title.error());
    Query q(db, QStringLiteral("INSERT INTO business_challenges (organisation_id, gathering_id, title, "
                               "description, skills, created_at) VALUES (:org, :g, :title, :text, :skills, :at)"));
    q.bind(QStringLiteral(":org"), d.organisation.value())
        .bind(QStringLiteral(":g"), d.gathering ? QVariant(d.gathering->value()) : QVariant())
        .bind(QStringLiteral(":title"), d.title.trimmed())
        .bind(QStringLiteral(":text"), d.description.trimmed())
        .bind(QStringLiteral(":skills"), GatheringLookup::joinWords(d.skills))
        .bind(QStringLiteral(":at"), m_clock.nowSecs());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    const qint64 id = q.lastInsertId();
    w.audit(QStringLiteral("challenge.add"), QStringLiteral("challenge"), id, tr("“%1”").arg(d.title.simplified()));
    return ChallengeId(id);
}

Result<BusinessChallenge> ChallengeService::get(ChallengeId id) const
{
    Query q(*m_db, QStringLiteral("SELECT c.id, c.organisation_id, m.display_name, c.gathering_id, c.title, "
                                  "c.description, c.skills, c.status, c.created_at FROM business_challenges c "
                                  "JOIN members m ON m.id = c.organisation_id WHERE c.id = :id"));
    q.bind(QStringLiteral(":id"), id.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    if (!q.next())
        return fail(Error::notFound(tr("there is no challenge #%1").arg(id.value()), QStringLiteral("challenge")));
    BusinessChallenge c;
    c.id = id;
    c.organisation = MemberId(q.value(1).toLongLong());
    c.organisationName = q.value(2).toString();
    if (!q.value(3).isNull())
        c.gathering = GatheringId(q.value(3).toLongLong());
    c.title = q.value(4).toString();
    c.description = q.value(5).toString();
    c.skills = GatheringLookup::splitWords(q.value(6).toString());
    c.open = q.value(7).toString() == QStringLiteral("open");
    c.createdAt = GatheringLookup::instant(q.value(8));
    Query v(*m_db, QStringLiteral("SELECT m.display_name, m.id FROM challenge_volunteers v JOIN members m ON m.id = "
                                  "v.member_id WHERE v.challenge_id = :id ORDER BY v.joined_at, m.sort_key"));
    v.bind(QStringLiteral(":id"), id.value());
    if (auto ok = v.exec(); !ok)
        return fail(ok.error());
    while (v.next()) {
        c.volunteerNames << v.value(0).toString();
        c.volunteers << MemberId(v.value(1).toLongLong());
    }
    return c;
}

Result<QList<BusinessChallenge>> ChallengeService::list(bool openOnly) const
{
    Query q(*m_db, QStringLiteral("SELECT id FROM business_challenges WHERE (:open = 0 OR status = 'open') "
                                  "ORDER BY created_at DESC, id DESC"));
    q.bind(QStringLiteral(":open"), openOnly ? 1 : 0);
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    QList<ChallengeId> ids;
    while (q.next())
        ids << ChallengeId(q.value(0).toLongLong());
    QList<BusinessChallenge> out;
    for (ChallengeId id : std::as_const(ids)) {
        auto c = get(id);
        if (!c)
            return fail(c.error());
        out << *c;
    }
    return out;
}

Status ChallengeService::volunteer(ChallengeId id, MemberId member)
{
    return m_work.run(Permission::ManageGatherings, [&](Write &w) -> Status {
        auto c = get(id);
        if (!c)
            return fail(c.error());
        if (!c->open)
            return fail(Error::refused(tr("“%1” is closed.").arg(c->title)));
        auto name = GatheringLookup::activeMember(w.connection(), member, QStringLiteral("member"));
        if (!name)
            return fail(name.error());
        Query q(w.connection(), QStringLiteral("INSERT OR IGNORE INTO challenge_volunteers (challenge_id, member_id, "
                                               "joined_at) VALUES (:c, :m, :at)"));
        q.bind(QStringLiteral(":c"), id.value())
            .bind(QStringLiteral(":m"), member.value())
            .bind(QStringLiteral(":at"), m_clock.nowSecs());
        if (auto ok = q.exec(); !ok)
            return ok;
        if (q.rowsAffected() == 0)
            return fail(Error::refused(tr("%1 already volunteered for “%2”.").arg(*name, c->title)));
        w.audit(QStringLiteral("challenge.volunteer"), QStringLiteral("challenge"), id.value(),
                tr("member #%1 volunteered").arg(member.value()));
        return {};
    });
}

Status ChallengeService::withdraw(ChallengeId id, MemberId member)
{
    return m_work.run(Permission::ManageGatherings, [&](Write &w) -> Status {
        auto c = get(id);
        if (!c)
            return fail(c.error());
        if (!c->volunteers.contains(member))
            return fail(Error::refused(tr("Member #%1 has not volunteered for “%2”.").arg(member.value()).arg(c->title),
                                       QStringLiteral("member")));
        Query q(w.connection(),
                QStringLiteral("DELETE FROM challenge_volunteers WHERE challenge_id = :c AND member_id = :m"));
        q.bind(QStringLiteral(":c"), id.value()).bind(QStringLiteral(":m"), member.value());
        if (auto ok = q.exec(); !ok)
            return ok;
        w.audit(QStringLiteral("challenge.withdraw"), QStringLiteral("challenge"), id.value(),
                tr("member #%1 withdrew").arg(member.value()));
        return {};
    });
}

Status ChallengeService::close(ChallengeId id)
{
    return m_work.run(Permission::ManageGatherings, [&](Write &w) -> Status {
        if (auto c = get(id); !c)
            return fail(c.error());
        Query q(w.connection(), QStringLiteral("UPDATE business_challenges SET status = 'closed' WHERE id = :id"));
        q.bind(QStringLiteral(":id"), id.value());
        if (auto ok = q.exec(); !ok)
            return ok;
        w.audit(QStringLiteral("challenge.close"), QStringLiteral("challenge"), id.value(), tr("closed"));
        return {};
    });
}

Result<QList<SuggestedHelper>> ChallengeService::suggestions(ChallengeId id, int limit) const
{
    auto c = get(id);
    if (!c)
        return fail(c.error());
    Query v(*m_db, QStringLiteral("SELECT member_id FROM challenge_volunteers WHERE challenge_id = :id"));
    v.bind(QStringLiteral(":id"), id.value());
    if (auto ok = v.exec(); !ok)
        return fail(ok.error());
    QSet<MemberId> skip{c->organisation};
    while (v.next())
        skip.insert(MemberId(v.value(0).toLongLong()));

    QList<SuggestedHelper> out;
    QHash<MemberId, qsizetype> at;
    for (const QString &skill : std::as_const(c->skills)) {
        MemberFilter f;
        f.skill = skill;
        f.status = MemberStatus::Active;
        f.directoryOnly = true;
        auto found = m_members.list(f);
        if (!found)
            return fail(found.error());
        for (const Member &m : std::as_const(*found)) {
            if (skip.contains(m.id))
                continue;
            auto it = at.constFind(m.id);
            if (it == at.cend()) {
                at.insert(m.id, out.size());
                out << SuggestedHelper{m.id, m.displayName, {skill}};
            } else {
                out[*it].skills << skill;
            }
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const SuggestedHelper &a, const SuggestedHelper &b) {
        return a.skills.size() > b.skills.size();
    });
    if (limit >= 0 && out.size() > limit)
        out.resize(limit);
    return out;
}

} // namespace hub
