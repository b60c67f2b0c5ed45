// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/members/member.h"
#include "core/storage/unitofwork.h"

#include <QCoreApplication>

#include <memory>

namespace hub {

class AccessControl;
class AuditTrail;
class Database;

/// The hub's skill taxonomy and the skills each member has. Skill names are
/// unique ignoring case and accents ("Café work" = "cafe work").
class SkillService
{
    Q_DECLARE_TR_FUNCTIONS(hub::SkillService)
public:
    SkillService(std::shared_ptr<Database> db, AccessControl &access, AuditTrail &audit);

    static Status validateName(const QString &name);

    /// Every skill with how many members have it, by name.
    Result<QList<Skill>> list() const;
    Result<std::optional<Skill>> findByName(const QString &name) const;
    /// Finds a skill by name, creating it if new.
    Result<Skill> ensure(const QString &name, const QString &category = {});
    Status setCategory(SkillId id, const QString &category);
    /// Moves every member skill, offer and need from `from` to `into`, then
    /// removes `from`.
    Status merge(const QString &from, const QString &into);

    Result<QList<MemberSkill>> memberSkills(MemberId member) const;
    /// Replaces a member's skills (by name; new names join the taxonomy).
    Status setMemberSkills(MemberId member, const QList<MemberSkill> &skills);

private:
    // The bodies of the writes above, inside their unit of work.
    Status mergeIn(Write &w, const QString &fromName, const QString &intoName);
    Status setMemberSkillsIn(Write &w, MemberId member, const QList<MemberSkill> &skills);

    std::shared_ptr<Database> m_db;
    UnitOfWork m_work;
};

} // namespace hub
