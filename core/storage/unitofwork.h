// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/access/permission.h"
#include "core/common/error.h"
#include "core/storage/transaction.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace hub {

class AccessControl;
class AuditTrail;
class Database;

/// One write as a service gives it: the connection to write on, and the
/// audit rows to add before the commit.
class Write
{
public:
    explicit Write(QSqlDatabase connection) : m_connection(std::move(connection)) {}
    QSqlDatabase connection() const { return m_connection; }
    /// An audit row, written with the change (so only if it commits).
    void audit(const QString &action, const QString &entity, qint64 entityId, const QString &summary)
    {
        m_audit.append({action, entity, entityId, summary});
    }

private:
    friend class UnitOfWork;
    struct AuditRow
    {
        QString action;
        QString entity;
        qint64 entityId = 0;
        QString summary;
    };
    QSqlDatabase m_connection;
    QList<AuditRow> m_audit;
};

/// The one way a service writes: permission → BEGIN IMMEDIATE → the body →
/// its audit rows → COMMIT, after which the hub's ChangeTracker signals the
/// change. A service supplies only the body; a refusal anywhere leaves the
/// hub as it was. Inside another unit (a service calling another) it is a
/// savepoint, and the change is signalled once, after the outer commit.
/// After KMyMoney's MyMoneyFile transactions, which notify after commit.
class UnitOfWork
{
public:
    UnitOfWork(std::shared_ptr<Database> db, const AccessControl &access, AuditTrail &audit);

    template<typename T> using Body = std::function<Result<T>(Write &)>;

    /// Runs `body` as one change that needs `permission` (none: any one at the desk).
    template<typename T> Result<T> run(std::optional<Permission> permission, const Body<T> &body) const
    {
        if (auto ok = allowed(permission); !ok)
            return fail(ok.error());
        auto tx = begin();
        if (!tx)
            return fail(tx.error());
        Write write(tx->connection());
        Result<T> done = body(write);
        if (!done)
            return done;
        if (auto ok = finish(*tx, write); !ok)
            return fail(ok.error());
        return done;
    }
    /// Runs `body`, which returns what it made (an id), and once that is
    /// committed reads it back with `read`; a read that fails then does not
    /// undo the write.
    template<typename T, typename Read>
    auto runThenRead(std::optional<Permission> permission, const Body<T> &body, Read read) const
        -> decltype(read(std::declval<T>()))
    {
        auto made = run<T>(permission, body);
        if (!made)
            return fail(made.error());
        return read(*made);
    }
    /// The same for a body that returns no value.
    Status run(std::optional<Permission> permission, const std::function<Status(Write &)> &body) const;

private:
    Status allowed(std::optional<Permission> permission) const;
    Result<Transaction> begin() const;
    Status finish(Transaction &tx, const Write &write) const;

    std::shared_ptr<Database> m_db;
    const AccessControl &m_access;
    AuditTrail &m_audit;
};

} // namespace hub
