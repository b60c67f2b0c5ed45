// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QStringList>

namespace hub {

/// Brings a hub file up to the latest schema with the numbered SQL files in
/// core/schema (compiled in as :/schema/NNNN_name.sql), one transaction each.
class Migrator
{
    Q_DECLARE_TR_FUNCTIONS(hub::Migrator)
public:
    static int latestVersion();
    static Status migrate(const QSqlDatabase &db);
    /// Splits a migration into statements; trigger bodies stay whole.
    static QStringList splitStatements(const QString &script);

private:
    static QStringList migrationFiles();
};

} // namespace hub
