// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/spaces/space.h"
#include "core/storage/unitofwork.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <memory>

namespace hub {

class AccessControl;
class AuditTrail;
class Database;

/// The hub's spaces and their opening hours. Every field rule lives here, so
/// the Calendar page and `hubctl space` accept and refuse the same things.
class SpaceService
{
    Q_DECLARE_TR_FUNCTIONS(hub::SpaceService)
public:
    static constexpr int MaxNameLength = 80;
    static constexpr int MaxDescriptionLength = 1000;
    static constexpr int MaxBufferMinutes = 24 * 60;

    SpaceService(std::shared_ptr<Database> db, AccessControl &access, AuditTrail &audit);

    /// The field checks of a space; the error's `where` names the field.
    static Status validate(const Space &space);

    Result<Space> add(const Space &space);
    /// Replaces every field of the space `space.id`, opening hours included.
    Result<Space> edit(const Space &space);
    Status setHours(SpaceId id, const OpeningHours &hours);

    Result<Space> get(SpaceId id) const;
    /// By id ("3") or by name, case-insensitively.
    Result<Space> find(const QString &idOrName) const;
    Result<QList<Space>> list(bool activeOnly = false) const;

    /// Closes a space (or with none, the whole hub) on a local date.
    Result<Closure> addClosure(std::optional<SpaceId> space, QDate day, const QString &reason);
    Status removeClosure(ClosureId id);
    /// Closed days between two local dates (inclusive), by date.
    Result<QList<Closure>> closures(QDate from, QDate to, std::optional<SpaceId> space = {}) const;
    /// The closure that keeps `space` shut on `day`, if any (its own or the hub's).
    static Result<std::optional<Closure>> closureOn(const QSqlDatabase &db, SpaceId space, QDate day);

    /// Reads a space inside the caller's transaction.
    static Result<Space> get(const QSqlDatabase &db, SpaceId id);

private:
    // The bodies of the writes above, inside their unit of work.
    Result<Space> addIn(Write &w, const Space &space);
    Result<Space> editIn(Write &w, const Space &space);
    Result<Closure> addClosureIn(Write &w, std::optional<SpaceId> space, QDate day, const QString &reason);
    static Status writeHours(const QSqlDatabase &db, SpaceId id, const OpeningHours &hours);
    static Status nameIsFree(const QSqlDatabase &db, const QString &name, SpaceId except);

    std::shared_ptr<Database> m_db;
    AccessControl &m_access;
    UnitOfWork m_work;
};

} // namespace hub
