// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class QSqlDatabase;

namespace hub {

/// Where a hub lives: a SQLite file on this PC, or a database on a
/// PostgreSQL hub server (`postgresql://USER@HOST[:PORT]/DBNAME[?sslmode=…]`).
/// The password is never part of the address as written: libpq finds it in
/// PGPASSWORD or ~/.pgpass, or a person types it, and it stays in memory.
class HubAddress
{
    Q_DECLARE_TR_FUNCTIONS(hub::HubAddress)
public:
    static constexpr int DefaultPort = 5432;

    /// A path, or a postgresql:// (or postgres://) URL. Refuses a URL with a
    /// password in it, a missing database name, a bad port or sslmode.
    static Result<HubAddress> parse(const QString &text);
    static HubAddress file(const QString &path);
    static HubAddress server(const QString &user, const QString &host, int port, const QString &database,
                             const QString &sslMode = {});
    /// True when `text` is meant as a server URL (so a file named that is never guessed).
    static bool looksLikeServer(const QString &text);

    bool isServer() const { return m_server; }
    QString path() const { return m_path; }
    QString user() const { return m_user; }
    QString host() const { return m_host; }
    int port() const { return m_port; }
    QString databaseName() const { return m_database; }
    QString sslMode() const { return m_sslMode; }

    /// Only ever held in memory (a typed password, for this process).
    QString password() const { return m_password; }
    void setPassword(const QString &password) { m_password = password; }

    /// The path, or the URL without any password: safe to show, log and remember.
    QString toString() const;
    /// Points a QPSQL connection at this server: host, port, database, user,
    /// the password if one was given, TLS, and libpq's `options` (timeouts).
    void configure(QSqlDatabase &db, QStringList options) const;

    friend bool operator==(const HubAddress &a, const HubAddress &b) { return a.toString() == b.toString(); }

private:
    bool m_server = false;
    QString m_path;
    QString m_user;
    QString m_host;
    int m_port = DefaultPort;
    QString m_database;
    QString m_sslMode;
    QString m_password;
};

} // namespace hub
