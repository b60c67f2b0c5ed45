// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/members/skillservice.h"

#include "core/common/textfold.h"
#include "core/common/textrules.h"
#include "core/members/memberindex.h"
#include "core/storage/database.h"
#include "core/storage/query.h"
#include "core/storage/unitofwork.h"

namespace hub {

namespace {
Skill skillFrom(const Query &q)
{
    return Skill{SkillId(q.value(0).toLongLong()), q.value(1).toString(), q.value(2).toString(), q.value(3).toInt()};
}
const QString SkillColumns =
    QStringLiteral("s.id, s.name, s.category, (SELECT count(*) FROM member_skills ms WHERE ms.skill_id = s.id)");
} // namespace

SkillService::SkillService(std::shared_ptr<Database> db, AccessControl &access, AuditTrail &audit)
    : m_db(std::move(db)), m_work(m_db, access, audit)
{}

Status SkillService::validateName(const QString &name)
{
    const QString n = name.simplified();
    if (n.isEmpty())
        return fail(Error::invalid(tr("a skill needs a name"), QStringLiteral("skill")));
    if (auto ok = TextRules::name(name, QStringLiteral("skill")); !ok)
        return ok;
    if (n.size() > 60)
        return fail(Error::invalid(tr("“%1” is longer than 60 characters").arg(n), QStringLiteral("skill")));
    if (n.contains(u';') || n.contains(u':') || n.contains(u'\n'))
        return fail(Error::invalid(tr("“%1”: a skill name cannot contain ; or :").arg(n), QStringLiteral("skill")));
    return {};
}

Result<QList<Skill>> SkillService::list() const
{
    Query q(*m_db, QStringLiteral("SELECT ") + SkillColumns + QStringLiteral(" FROM skills s ORDER BY s.name_key"));
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    QList<Skill> out;
    while (q.next())
        out << skillFrom(q);
    return out;
}

Result<std::optional<Skill>> SkillService::findByName(const QString &name) const
{
    Query q(*m_db, QStringLiteral("SELECT ") + SkillColumns + QStringLiteral(" FROM skills s WHERE s.name_key = :k"));
    q.bind(QStringLiteral(":k"), TextFold::fold(name.simplified()));
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    if (!q.next())
        return std::optional<Skill>();
    return std::optional<Skill>(skillFrom(q));
}

Result<Skill> SkillService::ensure(const QString &name, const QString &category)
{
    if (auto ok = validateName(name); !ok)
        return fail(ok.error());
    // Called for every skill of every imported member: look up without the member count.
    Query find(*m_db, QStringLiteral("SELECT id, name, category FROM skills WHERE name_key = :k"));
    find.bind(QStringLiteral(":k"), TextFold::fold(name.simplified()));
    if (auto ok = find.exec(); !ok)
        return fail(ok.error());
    if (find.next())
        return Skill{SkillId(find.value(0).toLongLong()), find.value(1).toString(), find.value(2).toString(), 0};
    Query ins(*m_db, QStringLiteral("INSERT INTO skills(name, name_key, category) VALUES (:n, :k, :c)"));
    ins.bind(QStringLiteral(":n"), name.simplified())
        .bind(QStringLiteral(":k"), TextFold::fold(name.simplified()))
        .bind(QStringLiteral(":c"), category.simplified());
    if (auto ok = ins.exec(); !ok)
        return fail(ok.error());
    return Skill{SkillId(ins.lastInsertId()), name.simplified(), category.simplified(), 0};
}

Status SkillService::setCategory(SkillId id, const QString &category)
{
    return m_work.run(Permission::EditMembers, [&](Write &w) -> Status {
        Query q(w.connection(), QStringLiteral("UPDATE skills SET category = :c WHERE id = :id"));
        q.bind(QStringLiteral(":c"), category.simplified()).bind(QStringLiteral(":id"), id.value());
        if (auto ok = q.exec(); !ok)
            return ok;
        if (q.rowsAffected() == 0)
            return fail(Error::notFound(tr("there is no skill #%1").arg(id.value())));
        w.audit(QStringLiteral("skill.category"), QStringLiteral("skill"), id.value(),
                tr("category “%1”").arg(category.simplified()));
        return {};
    });
}

Status SkillService::merge(const QString &fromName, const QString &intoName)
{
    return m_work.run(Permission::EditMembers, [&](Write &w) -> Status { return mergeIn(w, fromName, intoName); });
}

Status SkillService::mergeIn(Write &w, const QString &fromName, const QString &intoName)
{
    auto from = findByName(fromName);
    if (!from)
        return fail(from.error());
    auto into = findByName(intoName);
    if (!into)
        return fail(into.error());
    if (!*from)
        return fail(Error::notFound(tr("there is no skill “%1”").arg(fromName), QStringLiteral("FROM")));
    if (!*into)
        return fail(Error::notFound(tr("there is no skill “%1”").arg(intoName), QStringLiteral("INTO")));
    if ((*from)->id == (*into)->id)
        return fail(Error::invalid(tr("“%1” and “%2” are the same skill").arg(fromName, intoName)));

    // Members affected must be re-indexed once the skill name they carry changes.
    QList<MemberId> affected;
    {
        Query q(w.connection(), QStringLiteral("SELECT member_id FROM member_skills WHERE skill_id = :f UNION "
                                               "SELECT member_id FROM offers WHERE skill_id = :f UNION "
                                               "SELECT member_id FROM needs WHERE skill_id = :f"));
        q.bind(QStringLiteral(":f"), (*from)->id.value());
        if (auto ok = q.exec(); !ok)
            return ok;
        while (q.next())
            affected << MemberId(q.value(0).toLongLong());
    }
    for (const QString &sql : {
             // A member with both skills keeps their level in `into`, or takes the one from `from`.
             QStringLiteral(
                 "UPDATE member_skills SET level = (SELECT f.level FROM member_skills f WHERE "
                 "f.member_id = member_skills.member_id AND f.skill_id = :f) WHERE skill_id = :i "
                 "AND level = '' AND member_id IN (SELECT member_id FROM member_skills WHERE skill_id = :f)"),
             QStringLiteral("DELETE FROM member_skills WHERE skill_id = :f AND member_id IN (SELECT member_id FROM "
                            "member_skills WHERE skill_id = :i)"),
             QStringLiteral("UPDATE member_skills SET skill_id = :i WHERE skill_id = :f"),
             QStringLiteral("UPDATE offers SET skill_id = :i WHERE skill_id = :f"),
             QStringLiteral("UPDATE needs SET skill_id = :i WHERE skill_id = :f"),
             QStringLiteral("UPDATE skills SET category = (SELECT category FROM skills WHERE id = :f) "
                            "WHERE id = :i AND category = ''"),
             QStringLiteral("DELETE FROM skills WHERE id = :f"),
         }) {
        Query q(w.connection(), sql);
        q.bind(QStringLiteral(":f"), (*from)->id.value()).bind(QStringLiteral(":i"), (*into)->id.value());
        if (auto ok = q.exec(); !ok)
            return ok;
    }
    for (MemberId m : std::as_const(affected))
        if (auto ok = MemberIndex::reindex(w.connection(), m); !ok)
            return ok;
    w.audit(QStringLiteral("skill.merge"), QStringLiteral("skill"), (*into)->id.value(),
            tr("“%1” merged into “%2”").arg((*from)->name, (*into)->name));
    return {};
}

Result<QList<MemberSkill>> SkillService::memberSkills(MemberId member) const
{
    Query q(*m_db, QStringLiteral("SELECT s.id, s.name, ms.level FROM member_skills ms JOIN skills s ON s.id = "
                                  "ms.skill_id WHERE ms.member_id = :m ORDER BY s.name_key"));
    q.bind(QStringLiteral(":m"), member.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    QList<MemberSkill> out;
    while (q.next())
        out << MemberSkill{SkillId(q.value(0).toLongLong()), q.value(1).toString(),
                           skillLevelFrom(q.value(2).toString()).value_or(SkillLevel::Unspecified)};
    return out;
}

Status SkillService::setMemberSkills(MemberId member, const QList<MemberSkill> &skills)
{
    return m_work.run(Permission::EditMembers,
                      [&](Write &w) -> Status { return setMemberSkillsIn(w, member, skills); });
}

Status SkillService::setMemberSkillsIn(Write &w, MemberId member, const QList<MemberSkill> &skills)
{
    Query exists(w.connection(), QStringLiteral("SELECT forgotten_at IS NOT NULL FROM members WHERE id = :m"));
    exists.bind(QStringLiteral(":m"), member.value());
    auto forgotten = exists.scalar();
    if (!forgotten)
        return fail(forgotten.error());
    if (forgotten->isNull())
        return fail(Error::notFound(tr("there is no member #%1").arg(member.value())));
    if (forgotten->toBool())
        return fail(Error::refused(tr("member #%1 was forgotten").arg(member.value())));

    Query del(w.connection(), QStringLiteral("DELETE FROM member_skills WHERE member_id = :m"));
    del.bind(QStringLiteral(":m"), member.value());
    if (auto ok = del.exec(); !ok)
        return ok;
    for (const MemberSkill &s : skills) {
        auto skill = ensure(s.name);
        if (!skill)
            return fail(skill.error());
        Query ins(
            w.connection(),
            QStringLiteral("INSERT INTO member_skills(member_id, skill_id, level) VALUES "
                           "(:m, :s, :l) ON CONFLICT (member_id, skill_id) DO UPDATE SET level = excluded.level"));
        ins.bind(QStringLiteral(":m"), member.value())
            .bind(QStringLiteral(":s"), skill->id.value())
            .bind(QStringLiteral(":l"), toString(s.level).isNull() ? QStringLiteral("") : toString(s.level));
        if (auto ok = ins.exec(); !ok)
            return ok;
    }
    if (auto ok = MemberIndex::reindex(w.connection(), member); !ok)
        return ok;
    w.audit(QStringLiteral("member.skills"), QStringLiteral("member"), member.value(),
            tr("%n skill(s)", nullptr, int(skills.size())));
    return {};
}

} // namespace hub
