// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/clock.h"
#include "core/common/error.h"
#include "core/gatherings/gathering.h"
#include "core/storage/unitofwork.h"

#include <QCoreApplication>

#include <memory>

namespace hub {

class AccessControl;
class AuditTrail;
class Database;
class MemberService;

/// Challenges local businesses bring to the network, the members whose
/// skills fit them and the volunteers who take them on.
class ChallengeService
{
    Q_DECLARE_TR_FUNCTIONS(hub::ChallengeService)
public:
    static constexpr int MaxTitleLength = 200;
    static constexpr int MaxDescriptionLength = 5000;

    ChallengeService(std::shared_ptr<Database> db, MemberService &members, const Clock &clock, AccessControl &access,
                     AuditTrail &audit);

    static Status validate(const ChallengeDraft &draft);
    /// Refused unless the business is an organisation member of the hub.
    Result<BusinessChallenge> add(const ChallengeDraft &draft);
    Result<BusinessChallenge> get(ChallengeId id) const;
    Result<QList<BusinessChallenge>> list(bool openOnly = false) const;
    Status volunteer(ChallengeId id, MemberId member);
    /// Takes a volunteer off a challenge (they changed their mind); refused
    /// when they had not volunteered.
    Status withdraw(ChallengeId id, MemberId member);
    Status close(ChallengeId id);

    /// Members with the challenge's skills, as the directory finds them (its
    /// skill filter, which honours consent: only members in the shared
    /// directory), most matching skills first; volunteers and the business
    /// itself left out.
    Result<QList<SuggestedHelper>> suggestions(ChallengeId id, int limit = 20) const;

private:
    // The body of add(), inside its unit of work.
    Result<ChallengeId> addIn(Write &w, const ChallengeDraft &draft);

    std::shared_ptr<Database> m_db;
    MemberService &m_members;
    const Clock &m_clock;
    UnitOfWork m_work;
};

} // namespace hub
