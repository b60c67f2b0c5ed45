// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/storage/backend.h"
#include "core/storage/hubaddress.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QSqlDatabase>
#include <QStringList>

#include <memory>

namespace hub {

enum class OpenMode
{
    ExistingOnly,    ///< refuse a missing file (every hubctl command but init/demo)
    CreateIfMissing, ///< create and migrate a new hub file
};

/// One hub: a SQLite file, or a database on a PostgreSQL hub server. Hands
/// out one named connection per thread (QSQLITE with the hub's pragmas, or
/// QPSQL), because a QSqlDatabase must not cross threads.
class Database
{
    Q_DECLARE_TR_FUNCTIONS(hub::Database)
public:
    /// Fixed SQLite application_id that marks a file as a Hubkeeper hub ("HUBK").
    static constexpr qint32 ApplicationId = 0x4855424b;
    /// How long a connection waits for another desk's lock before "busy".
    static constexpr int BusyTimeoutMs = 5000;

    /// Opens (and migrates) a hub. Refuses, leaving the file byte-identical:
    /// not SQLite, SQLite but not a hub, a newer schema, damaged, not writable.
    ///
    /// There is one Database per file per process: a file this process already
    /// has open is handed out again, uninspected. POSIX drops every lock a
    /// process holds on a file when *any* descriptor of it is closed, so a
    /// second inspection (a QFile, another connection) while the first is in
    /// use would silently release the first connection's WAL locks, and
    /// another process would then checkpoint and delete the WAL under it.
    static Result<std::shared_ptr<Database>> open(const QString &path, OpenMode mode);
    /// The same for an address already parsed (a server with a typed password).
    static Result<std::shared_ptr<Database>> open(const HubAddress &address, OpenMode mode);
    /// The Database this process has open for `path`, if any.
    static std::shared_ptr<Database> alreadyOpen(const QString &path);
    /// The key the registry uses: the canonical path, or the absolute path in
    /// the canonical folder for a file that does not exist yet.
    static QString canonicalPath(const QString &path);

    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    /// The file's path, or the server's URL (never with a password).
    QString path() const { return m_path; }
    const HubAddress &address() const { return m_address; }
    Backend backend() const { return m_address.isServer() ? Backend::PostgreSQL : Backend::SQLite; }

    /// The calling thread's connection, opened on first use (and again after
    /// a hub server's connection was lost).
    QSqlDatabase connection() const;
    /// A statement on `connectionName` found the server gone (Query::connectionLost).
    static void noteConnectionLost(const QString &connectionName);
    /// Closes the calling thread's connection; worker threads call this when done.
    void releaseThreadConnection() const;
    /// A Hub on the calling thread uses this Database (Hub's constructor).
    void retainThread() const;
    /// The Hub on the calling thread is gone; the last one there closes the
    /// thread's connection, so a finished worker thread leaves none behind
    /// (its id may be reused by another thread while the file stays open).
    /// Given the thread the Hub was made on; only there is its connection closed.
    void releaseThread(Qt::HANDLE thread) const;

    /// Warnings that do not stop work, e.g. the file is on a network share.
    QStringList warnings() const { return m_warnings; }
    /// True when this open made the hub in an empty server database.
    bool createdOnServer() const { return m_createdOnServer; }

    static int latestSchemaVersion();

private:
    explicit Database(const HubAddress &address);
    static Result<std::shared_ptr<Database>> openFile(const QString &path, OpenMode mode);
    static Result<std::shared_ptr<Database>> openServer(const HubAddress &address, OpenMode mode);
    Result<QSqlDatabase> openConnection(const QString &name) const;
    Result<QSqlDatabase> openFileConnection(const QString &name) const;
    Result<QSqlDatabase> openServerConnection(const QString &name) const;

    HubAddress m_address;
    QString m_path;
    QString m_baseName;
    QStringList m_warnings;
    bool m_createdOnServer = false;
    mutable QMutex m_mutex;
    mutable QStringList m_connectionNames;
    mutable QHash<Qt::HANDLE, int> m_threadUsers;
};

} // namespace hub
