// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"

#include <QCoreApplication>
#include <QMutex>
#include <QSqlDatabase>
#include <QStringList>

#include <memory>

namespace hub {

enum class OpenMode {
    ExistingOnly,    ///< refuse a missing file (every hubctl command but init/demo)
    CreateIfMissing, ///< create and migrate a new hub file
};

/// One hub file. Hands out one named QSQLITE connection per thread, each with
/// the hub's pragmas, because a QSqlDatabase must not cross threads.
class Database
{
    Q_DECLARE_TR_FUNCTIONS(hub::Database)
public:
    /// Fixed SQLite application_id that marks a file as a Hubkeeper hub ("HUBK").
    static constexpr qint32 ApplicationId = 0x4855424b;

    /// Opens (and migrates) a hub. Refuses, leaving the file byte-identical:
    /// not SQLite, SQLite but not a hub, a newer schema, damaged, not writable.
    static Result<std::shared_ptr<Database>> open(const QString &path, OpenMode mode);

    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    QString path() const { return m_path; }

    /// The calling thread's connection, opened on first use.
    QSqlDatabase connection() const;
    /// Closes the calling thread's connection; worker threads call this when done.
    void releaseThreadConnection() const;

    /// Warnings that do not stop work, e.g. the file is on a network share.
    QStringList warnings() const { return m_warnings; }

    static int latestSchemaVersion();

private:
    explicit Database(const QString &path);
    Result<QSqlDatabase> openConnection(const QString &name) const;

    QString m_path;
    QString m_baseName;
    QStringList m_warnings;
    mutable QMutex m_mutex;
    mutable QStringList m_connectionNames;
};

} // namespace hub
