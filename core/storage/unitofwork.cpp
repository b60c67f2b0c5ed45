// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/unitofwork.h"

#include "core/access/accesscontrol.h"
#include "core/audit/audittrail.h"
#include "core/storage/database.h"

namespace hub {

UnitOfWork::UnitOfWork(std::shared_ptr<Database> db, const AccessControl &access, AuditTrail &audit)
    : m_db(std::move(db)), m_access(access), m_audit(audit)
{}

Status UnitOfWork::run(std::optional<Permission> permission, const std::function<Status(Write &)> &body) const
{
    if (auto ok = allowed(permission); !ok)
        return ok;
    auto tx = begin();
    if (!tx)
        return fail(tx.error());
    Write write(tx->connection());
    if (auto ok = body(write); !ok)
        return ok;
    return finish(*tx, write);
}

Status UnitOfWork::allowed(std::optional<Permission> permission) const
{
    return permission ? m_access.require(*permission) : Status();
}

Result<Transaction> UnitOfWork::begin() const
{
    // Immediate: every rule reads before it writes, and two desks must not
    // both read the old state.
    return Transaction::begin(*m_db, Transaction::Mode::Immediate);
}

Status UnitOfWork::finish(Transaction &tx, const Write &write) const
{
    for (const Write::AuditRow &row : write.m_audit)
        if (auto ok = m_audit.record(row.action, row.entity, row.entityId, row.summary); !ok)
            return ok;
    return tx.commit();
}

} // namespace hub
