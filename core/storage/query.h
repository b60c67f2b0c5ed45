// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <memory>

namespace hub {

class Database;

/// A prepared statement with bound values whose failures come back as
/// Error values. All SQL in core goes through it: no string-built SQL.
class Query
{
    Q_DECLARE_TR_FUNCTIONS(hub::Query)
public:
    Query(const QSqlDatabase &db, const QString &sql);
    Query(const Database &db, const QString &sql);
    ~Query();
    Q_DISABLE_COPY_MOVE(Query)

    Query &bind(const QString &placeholder, const QVariant &value);
    Status exec();
    /// Executes and returns the first column of the first row (null if none).
    Result<QVariant> scalar();

    bool next() { return m_query->next(); }
    QVariant value(int column) const { return m_query->value(column); }
    QVariant value(const QString &name) const { return m_query->value(name); }
    qint64 lastInsertId() const { return m_query->lastInsertId().toLongLong(); }
    int rowsAffected() const { return m_query->numRowsAffected(); }
    QSqlQuery &raw() { return *m_query; }

    /// Turns a driver error into a storage error that says what to do.
    static Error storageError(const QSqlError &error);
    /// A hub server's connection went (network, server restart): the next
    /// Database::connection() on that thread connects afresh.
    static bool connectionLost(const QSqlError &error);
    /// Forgets the calling thread's prepared statements for a connection that is closing.
    static void dropCache(const QString &connectionName);

    struct CachedStatement;

private:
    std::unique_ptr<QSqlQuery> m_own; ///< when the statement is not cached
    QSqlQuery *m_query = nullptr;     ///< the statement in use: m_own or a cached one
    bool m_prepared = false;
    QString m_direct;                          ///< PostgreSQL cannot prepare DDL: such a statement runs as written
    std::shared_ptr<CachedStatement> m_cached; ///< shared, so dropCache never frees a live statement
    QString m_connectionName;
};

} // namespace hub
