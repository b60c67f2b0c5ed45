// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/transaction.h"

#include "core/storage/backend.h"
#include "core/storage/changetracker.h"
#include "core/storage/database.h"
#include "core/storage/query.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

namespace hub {

namespace {
// Connections are per thread, so the nesting depth of each is too.
thread_local QHash<QString, int> t_depth;

QString savepointName(int depth)
{
    return QStringLiteral("hub_sp_%1").arg(depth);
}

// Through the statement cache: a batch runs SAVEPOINT/RELEASE per row.
// PostgreSQL cannot prepare transaction control, so there it runs as is.
Status run(const QSqlDatabase &db, const QString &sql)
{
    if (backendOf(db) == Backend::PostgreSQL) {
        QSqlQuery q(db);
        if (!q.exec(sql))
            return fail(Query::storageError(q.lastError()));
        return {};
    }
    Query q(db, sql);
    return q.exec();
}
} // namespace

Result<Transaction> Transaction::begin(const Database &db, Mode mode)
{
    return begin(db.connection(), mode);
}

Result<Transaction> Transaction::begin(const QSqlDatabase &connection, Mode mode)
{
    const int depth = t_depth.value(connection.connectionName(), 0);
    Status started;
    if (depth == 0 && backendOf(connection) == Backend::PostgreSQL) {
        // SQLite's BEGIN IMMEDIATE makes one writer at a time for the whole
        // file; a server hub gets the same from one transaction-scoped
        // advisory lock, so every rule that reads then writes (limits, the
        // hash chains, booking conflicts with their buffers) holds between
        // desks exactly as it does between processes on one PC. Readers
        // never wait for it.
        // A deferred transaction is how a report or an export reads one
        // consistent state; on the server that takes a snapshot isolation
        // level (its default gives each statement its own).
        started = run(connection, mode == Mode::Immediate ? QStringLiteral("BEGIN")
                                                          : QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ"));
        if (started && mode == Mode::Immediate)
            started = run(connection, QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(WriteLockKey));
        if (!started)
            (void)run(connection, QStringLiteral("ROLLBACK"));
    } else if (depth == 0) {
        started =
            run(connection, mode == Mode::Immediate ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN"));
    } else
        started = run(connection, QStringLiteral("SAVEPOINT ") + savepointName(depth));
    if (!started)
        return fail(started.error());
    t_depth[connection.connectionName()] = depth + 1;
    ChangeTracker::begun(connection, depth);
    return Transaction(connection, depth,
                       depth == 0 && mode == Mode::Immediate && backendOf(connection) == Backend::PostgreSQL);
}

Transaction::Transaction(const QSqlDatabase &db, int depth, bool notifies)
    : m_db(db), m_depth(depth), m_active(true), m_notifies(notifies)
{}

Transaction::Transaction(Transaction &&other) noexcept
    : m_db(other.m_db), m_depth(other.m_depth), m_active(other.m_active), m_notifies(other.m_notifies)
{
    other.m_active = false;
}

Transaction::~Transaction()
{
    if (m_active)
        rollback();
}

Status Transaction::commit()
{
    Q_ASSERT(m_active);
    // Delivered only if the commit goes through: other desks' windows
    // refresh within a moment, as a file's PRAGMA data_version tells them.
    if (m_notifies)
        (void)run(m_db, QStringLiteral("NOTIFY %1").arg(QLatin1StringView(ChangeChannel)));
    const Status done = m_depth == 0 ? run(m_db, QStringLiteral("COMMIT"))
                                     : run(m_db, QStringLiteral("RELEASE ") + savepointName(m_depth));
    if (!done) {
        rollback();
        return done;
    }
    m_active = false;
    t_depth[m_db.connectionName()] = m_depth;
    ChangeTracker::committed(m_db, m_depth);
    return {};
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    if (m_depth == 0) {
        (void)run(m_db, QStringLiteral("ROLLBACK"));
    } else {
        (void)run(m_db, QStringLiteral("ROLLBACK TO ") + savepointName(m_depth));
        (void)run(m_db, QStringLiteral("RELEASE ") + savepointName(m_depth));
    }
    m_active = false;
    t_depth[m_db.connectionName()] = m_depth;
    ChangeTracker::rolledBack(m_db, m_depth);
}

} // namespace hub
