// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/storage/backend.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QStringList>

namespace hub {

/// Brings a hub up to the latest schema with the numbered SQL files in
/// core/schema (compiled in as :/schema/NNNN_name.sql), all in one
/// transaction: a step that fails leaves the hub at the version it had.
/// A hub server has the same history side by side in core/schema/postgresql
/// (the same numbers, the same tables and constraints in its own dialect);
/// its version is kept in hub_schema, a file's in PRAGMA user_version.
class Migrator
{
    Q_DECLARE_TR_FUNCTIONS(hub::Migrator)
public:
    static int latestVersion();
    static Status migrate(const QSqlDatabase &db);
    /// The same with the NNNN_name.sql files of `folder`, up to version
    /// `upTo` (all when negative): tests build hubs of older versions and
    /// try a migration that fails.
    static Status migrate(const QSqlDatabase &db, const QString &folder, int upTo = -1);
    /// Splits a migration into statements; trigger bodies stay whole.
    static QStringList splitStatements(const QString &script);
    /// The same for PostgreSQL: quotes, comments and $$ bodies stay whole.
    static QStringList splitPostgresStatements(const QString &script);
    /// The built-in migrations for a backend (":/schema" or ":/schema/postgresql").
    static QString builtInFolder(Backend backend);
    static QStringList migrationFiles(const QString &folder);

    struct ServerContents
    {
        bool isHub = false;  ///< hub_schema is there
        int otherTables = 0; ///< tables in the schema that are not the hub's
    };
    /// What a server database holds, before anything is made in it.
    static Result<ServerContents> serverContents(const QSqlDatabase &db);

private:
    static Result<int> currentVersion(const QSqlDatabase &db);
    static Status recordVersion(const QSqlDatabase &db, int version);
};

} // namespace hub
