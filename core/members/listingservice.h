// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/clock.h"
#include "core/common/error.h"
#include "core/members/member.h"
#include "core/storage/unitofwork.h"

#include <QCoreApplication>

#include <memory>

namespace hub {

class AccessControl;
class AuditTrail;
class Database;
class SkillService;

/// Offers ("can teach guitar") and needs ("need help with accounts").
class ListingService
{
    Q_DECLARE_TR_FUNCTIONS(hub::ListingService)
public:
    static constexpr int MaxDescriptionLength = 1000;

    ListingService(std::shared_ptr<Database> db, SkillService &skills, const Clock &clock, AccessControl &access,
                   AuditTrail &audit);

    /// `skillName` may be empty; a new name joins the taxonomy.
    Result<Offer> addOffer(MemberId member, const QString &skillName, const QString &description,
                           std::optional<Amount> rate = std::nullopt);
    Result<Need> addNeed(MemberId member, const QString &skillName, const QString &description,
                         Urgency urgency = Urgency::Normal);
    Status closeOffer(OfferId id);
    Status closeNeed(NeedId id);

    Result<QList<Offer>> offers(MemberId member, bool openOnly = false) const;
    Result<QList<Need>> needs(MemberId member, bool openOnly = false) const;

private:
    Status validate(MemberId member, const QString &description) const;
    Status close(const QString &table, const QString &searchTable, qint64 id, const QString &notFound);
    // The bodies of the writes above, inside their unit of work.
    Result<Offer> addOfferIn(Write &w, MemberId member, const QString &skillName, const QString &description,
                             std::optional<Amount> rate);
    Result<Need> addNeedIn(Write &w, MemberId member, const QString &skillName, const QString &description,
                           Urgency urgency);

    std::shared_ptr<Database> m_db;
    SkillService &m_skills;
    const Clock &m_clock;
    UnitOfWork m_work;
};

} // namespace hub
