// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QStringLiteral>

namespace hub {

/// The two database engines a hub runs on. Dialect-specific SQL asks this
/// of its connection and stays inside core/storage and the services' one
/// statement that differs.
enum class Backend
{
    SQLite,     ///< a hub file on this PC
    PostgreSQL, ///< a hub server for several PCs
};

inline Backend backendOf(const QSqlDatabase &db)
{
    return db.driverName() == QStringLiteral("QPSQL") ? Backend::PostgreSQL : Backend::SQLite;
}

} // namespace hub
