// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/hubaddress.h"

#include <QSqlDatabase>
#include <QUrl>
#include <QUrlQuery>

namespace hub {

namespace {
const QStringList SslModes = {QStringLiteral("disable"), QStringLiteral("allow"),     QStringLiteral("prefer"),
                              QStringLiteral("require"), QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
} // namespace

bool HubAddress::looksLikeServer(const QString &text)
{
    const QString t = text.trimmed();
    return t.startsWith(QStringLiteral("postgresql://"), Qt::CaseInsensitive) ||
           t.startsWith(QStringLiteral("postgres://"), Qt::CaseInsensitive);
}

HubAddress HubAddress::file(const QString &path)
{
    HubAddress a;
    a.m_path = path;
    return a;
}

HubAddress HubAddress::server(const QString &user, const QString &host, int port, const QString &database,
                              const QString &sslMode)
{
    HubAddress a;
    a.m_server = true;
    a.m_user = user;
    a.m_host = host;
    a.m_port = port;
    a.m_database = database;
    a.m_sslMode = sslMode;
    return a;
}

Result<HubAddress> HubAddress::parse(const QString &text)
{
    if (!looksLikeServer(text)) {
        if (text.trimmed().isEmpty())
            return fail(Error::invalid(tr("No hub file or server was given.")));
        return file(text);
    }
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    // The address is echoed as the URL parser read it, without its password;
    // one it cannot read is not echoed at all: a password typed into it,
    // however malformed, is never shown.
    const QString shown = url.isValid() ? url.toString(QUrl::RemovePassword).left(200) : tr("the address");
    const auto refuse = [&](const QString &why) {
        return fail(Error::invalid(tr("“%1” is not a hub server address: %2 Write it as "
                                      "postgresql://USER@HOST[:PORT]/DATABASE[?sslmode=require].")
                                       .arg(shown, why)));
    };
    if (!url.isValid())
        return refuse(tr("it is not a valid URL."));
    if (!url.password().isEmpty())
        return refuse(tr("it holds a password. Keep the password in ~/.pgpass or PGPASSWORD, or type it when asked, "
                         "so that it is never stored or shown."));
    if (url.userName().isEmpty())
        return refuse(tr("the user name is missing."));
    if (url.host().isEmpty())
        return refuse(tr("the host is missing."));
    const int port = url.port(DefaultPort);
    if (port <= 0 || port > 65535)
        return refuse(tr("the port must be between 1 and 65535."));
    const QString database = url.path().mid(1);
    if (database.isEmpty() || database.contains(u'/'))
        return refuse(tr("the database name is missing."));
    QString sslMode;
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key != QStringLiteral("sslmode"))
            return refuse(tr("the option “%1” is not known (only sslmode is).").arg(key));
        if (!SslModes.contains(value))
            return refuse(tr("sslmode must be one of %1.").arg(SslModes.join(QStringLiteral(", "))));
        sslMode = value;
    }
    return server(url.userName(), url.host(), port, database, sslMode);
}

QString HubAddress::toString() const
{
    if (!m_server)
        return m_path;
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setUserName(m_user);
    url.setHost(m_host);
    if (m_port != DefaultPort)
        url.setPort(m_port);
    url.setPath(u'/' + m_database);
    if (!m_sslMode.isEmpty())
        url.setQuery(QStringLiteral("sslmode=") + m_sslMode);
    return url.toString();
}

void HubAddress::configure(QSqlDatabase &db, QStringList options) const
{
    db.setHostName(m_host);
    db.setPort(m_port);
    db.setDatabaseName(m_database);
    db.setUserName(m_user);
    // Empty: libpq looks in PGPASSWORD and ~/.pgpass itself.
    if (!m_password.isEmpty())
        db.setPassword(m_password);
    if (!m_sslMode.isEmpty())
        options << QStringLiteral("sslmode=") + m_sslMode;
    db.setConnectOptions(options.join(u';'));
}

} // namespace hub
