// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QStringList>

namespace hub {

/// Brings a hub file up to the latest schema with the numbered SQL files in
/// core/schema (compiled in as :/schema/NNNN_name.sql), all in one
/// transaction: a step that fails leaves the file at the version it had.
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

private:
    static QStringList migrationFiles(const QString &folder);
};

} // namespace hub
