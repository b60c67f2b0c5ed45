// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"

#include <QSqlDatabase>

namespace hub {

class Database;

/// Scoped transaction on the calling thread's connection: rolls back unless
/// committed. Nested guards become savepoints, so a service may call another
/// service's write inside its own transaction and both commit or neither.
class Transaction
{
public:
    enum class Mode
    {
        Deferred,  ///< plain BEGIN: for writes that do not read first
        Immediate, ///< BEGIN IMMEDIATE: for rules that read then write
    };

    /// The advisory lock a server hub's writers take (see begin()): "HUBK".
    static constexpr qint64 WriteLockKey = 0x4855424b;
    /// The channel a server hub's writers NOTIFY on commit (HubWatcher listens).
    static constexpr const char *ChangeChannel = "hub_changes";

    static Result<Transaction> begin(const Database &db, Mode mode = Mode::Immediate);
    static Result<Transaction> begin(const QSqlDatabase &connection, Mode mode = Mode::Immediate);

    Transaction(Transaction &&other) noexcept;
    Transaction &operator=(Transaction &&) = delete;
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    ~Transaction();

    Status commit();
    void rollback();
    QSqlDatabase connection() const { return m_db; }

private:
    Transaction(const QSqlDatabase &db, int depth, bool notifies);
    QSqlDatabase m_db;
    int m_depth = 0;
    bool m_active = false;
    bool m_notifies = false; ///< a server hub's writer: tells the other desks at its commit
};

} // namespace hub
