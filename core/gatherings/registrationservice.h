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

/// Signing up ahead: places up to the gathering's capacity, then a waiting
/// list in order of sign-up. A cancellation gives the place to the first
/// person waiting.
class RegistrationService
{
    Q_DECLARE_TR_FUNCTIONS(hub::RegistrationService)
public:
    RegistrationService(std::shared_ptr<Database> db, const Clock &clock, AccessControl &access, AuditTrail &audit);

    /// Registered while there is room, else waiting. Signing up twice is
    /// refused; after a cancellation a member may sign up again, at the end.
    Result<Registration> add(GatheringId gathering, MemberId member);
    /// Cancels a sign-up; when it held a place, the first person waiting
    /// moves up and is named in the outcome.
    Result<CancellationOutcome> cancel(GatheringId gathering, MemberId member);
    /// Live sign-ups: registered people in order, then the waiting list in order.
    Result<QList<Registration>> list(GatheringId gathering) const;
    Result<std::optional<Registration>> of(GatheringId gathering, MemberId member) const;

    /// "Ana Lopez moved up from the waiting list."
    static QString describe(const CancellationOutcome &outcome);

private:
    // The bodies of the writes above, inside their unit of work.
    Result<Registration> addIn(Write &w, GatheringId gathering, MemberId member);
    Result<CancellationOutcome> cancelIn(Write &w, GatheringId gathering, MemberId member);

    std::shared_ptr<Database> m_db;
    const Clock &m_clock;
    UnitOfWork m_work;
};

} // namespace hub
