// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/testserver.h"

#include "core/hub.h"
#include "core/storage/hubaddress.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <catch2/catch.hpp>

namespace hub::test {

namespace {
QAtomicInt s_counter;
const QString TemplateName = QStringLiteral("hubtest_template");

QString serverFile()
{
    return qEnvironmentVariable("HUB_TEST_SERVER");
}

HubAddress adminAddress()
{
    auto address = HubAddress::parse(TestServer::adminUrl());
    REQUIRE(address);
    return *address;
}

QString urlOf(const QString &database)
{
    const HubAddress a = adminAddress();
    return HubAddress::server(a.user(), a.host(), a.port(), database).toString();
}

// One admin connection per thread and database (the cluster's `postgres` by default).
QString adminConnectionName(const QString &database)
{
    return QStringLiteral("hubtest-admin-%1%2")
        .arg(reinterpret_cast<quintptr>(QThread::currentThreadId()), 0, 16)
        .arg(database);
}

void execAdmin(const QStringList &statements, const QString &database = {})
{
    const QString name = adminConnectionName(database);
    QSqlDatabase db = QSqlDatabase::contains(name) ? QSqlDatabase::database(name)
                                                   : QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    if (!db.isOpen()) {
        const HubAddress a = adminAddress();
        db.setHostName(a.host());
        db.setPort(a.port());
        db.setUserName(a.user());
        db.setDatabaseName(database.isEmpty() ? a.databaseName() : database);
        INFO(db.lastError().text().toStdString());
        REQUIRE(db.open());
        QSqlQuery(db).exec(QStringLiteral("SET client_min_messages = warning"));
    }
    QSqlQuery q(db);
    for (const QString &sql : statements) {
        INFO(sql.toStdString() << ": " << q.lastError().text().toStdString());
        REQUIRE(q.exec(sql));
    }
}

QString freshName()
{
    return QStringLiteral("hubtest_%1_%2").arg(QCoreApplication::applicationPid()).arg(s_counter.fetchAndAddRelaxed(1));
}

void ensureTemplate()
{
    static bool made = false;
    if (made)
        return;
    // Several test processes start at once: the first one makes the
    // template under a cluster-wide lock, the others wait and find it.
    execAdmin({QStringLiteral("SELECT pg_advisory_lock(4242)")});
    QSqlDatabase admin = QSqlDatabase::database(adminConnectionName({}));
    QSqlQuery q(admin);
    REQUIRE(q.exec(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = '%1'").arg(TemplateName)));
    if (!q.next()) {
        const QString building = TemplateName + QStringLiteral("_building");
        execAdmin({QStringLiteral("DROP DATABASE IF EXISTS %1").arg(building),
                   QStringLiteral("CREATE DATABASE %1").arg(building)});
        {
            auto hub = Hub::open(urlOf(building), OpenMode::CreateIfMissing);
            INFO((hub ? QString() : hub.error().text()).toStdString());
            REQUIRE(hub);
        }
        execAdmin({QStringLiteral("ALTER DATABASE %1 RENAME TO %2").arg(building, TemplateName)});
    }
    execAdmin({QStringLiteral("SELECT pg_advisory_unlock(4242)")});
    made = true;
}
} // namespace

bool TestServer::active()
{
    return !serverFile().isEmpty();
}

QString TestServer::adminUrl()
{
    QFile f(serverFile());
    INFO("HUB_TEST_SERVER=" << serverFile().toStdString());
    REQUIRE(f.open(QIODevice::ReadOnly));
    return QString::fromUtf8(f.readAll()).trimmed();
}

QString TestServer::createEmptyDatabase()
{
    const QString name = freshName();
    execAdmin({QStringLiteral("CREATE DATABASE %1").arg(name)});
    return urlOf(name);
}

QString TestServer::createHubDatabase()
{
    ensureTemplate();
    const QString name = freshName();
    execAdmin({QStringLiteral("CREATE DATABASE %1 TEMPLATE %2").arg(name, TemplateName)});
    return urlOf(name);
}

void TestServer::admin(const QStringList &statements, const QString &database)
{
    execAdmin(statements, database);
    if (!database.isEmpty()) {
        // Leave nothing connected to a database a test may drop.
        const QString name = adminConnectionName(database);
        QSqlDatabase::database(name, false).close();
        QSqlDatabase::removeDatabase(name);
    }
}

QString TestServer::urlFor(const QString &user, const QString &database)
{
    const HubAddress a = adminAddress();
    return HubAddress::server(user, a.host(), a.port(), database).toString();
}

void TestServer::dropDatabase(const QString &url)
{
    const auto address = HubAddress::parse(url);
    if (!address || !address->isServer())
        return;
    execAdmin({QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(address->databaseName())});
}

} // namespace hub::test
