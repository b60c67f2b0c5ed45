// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/database.h"

#include "core/common/privatefiles.h"
#include "core/storage/fileinspection.h"
#include "core/storage/migrator.h"
#include "core/storage/query.h"

#include <QAtomicInt>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QMutexLocker>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace hub {

namespace {
QAtomicInt s_instance;

// The process-wide registry of open hub files (see Database::open).
struct Registry
{
    QMutex mutex;
    QHash<QString, std::weak_ptr<Database>> open;

    /// The Database open for `key`, if any; forgets closed ones on the way.
    /// Called with `mutex` held.
    std::shared_ptr<Database> alreadyOpen(const QString &key)
    {
        if (auto existing = open.value(key).lock())
            return existing;
        for (auto it = open.begin(); it != open.end();)
            it = it->expired() ? open.erase(it) : std::next(it);
        return nullptr;
    }
};

Registry &registry()
{
    static Registry r;
    return r;
}

// Connections a statement found the server gone on (any Database's).
struct LostConnections
{
    QMutex mutex;
    QSet<QString> names;
};

LostConnections &lostConnections()
{
    static LostConnections l;
    return l;
}

QString threadSuffix()
{
    return QString::number(reinterpret_cast<quintptr>(QThread::currentThreadId()), 16);
}
} // namespace

int Database::latestSchemaVersion()
{
    return Migrator::latestVersion();
}

Database::Database(const HubAddress &address)
    : m_address(address), m_path(address.toString()),
      m_baseName(QStringLiteral("hub-%1").arg(s_instance.fetchAndAddRelaxed(1)))
{}

Database::~Database()
{
    QMutexLocker lock(&m_mutex);
    for (const QString &name : std::as_const(m_connectionNames)) {
        Query::dropCache(name);
        {
            auto db = QSqlDatabase::database(name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
}

QString Database::canonicalPath(const QString &path)
{
    if (HubAddress::looksLikeServer(path)) {
        const auto address = HubAddress::parse(path);
        return address ? address->toString() : path;
    }
    const QFileInfo info(path);
    if (info.exists())
        return info.canonicalFilePath();
    const QString dir = QFileInfo(info.absolutePath()).canonicalFilePath();
    return dir.isEmpty() ? info.absoluteFilePath() : QDir(dir).filePath(info.fileName());
}

std::shared_ptr<Database> Database::alreadyOpen(const QString &path)
{
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    return r.open.value(canonicalPath(path)).lock();
}

Result<std::shared_ptr<Database>> Database::open(const QString &path, OpenMode mode)
{
    auto address = HubAddress::parse(path);
    if (!address)
        return fail(address.error());
    return open(*address, mode);
}

Result<std::shared_ptr<Database>> Database::open(const HubAddress &address, OpenMode mode)
{
    return address.isServer() ? openServer(address, mode) : openFile(address.path(), mode);
}

Result<std::shared_ptr<Database>> Database::openServer(const HubAddress &address, OpenMode mode)
{
    Registry &r = registry();
    QMutexLocker registryLock(&r.mutex);
    const QString key = address.toString();
    if (auto existing = r.alreadyOpen(key))
        return existing;

    std::shared_ptr<Database> db(new Database(address));
    const QString name = db->m_baseName + u'-' + threadSuffix();
    auto conn = db->openConnection(name);
    if (!conn)
        return fail(conn.error());
    auto contents = Migrator::serverContents(*conn);
    if (!contents)
        return fail(contents.error());
    if (!contents->isHub && contents->otherTables > 0)
        return fail(Error::storage(
            tr("The database %1 on %2 holds other tables, so it is not a Hubkeeper hub. It was left untouched; "
               "give an empty database, or one made by “hubctl init”.")
                .arg(address.databaseName(), address.host())));
    if (!contents->isHub && mode == OpenMode::ExistingOnly)
        return fail(Error::storage(
            tr("The database %1 on %2 is empty, not a Hubkeeper hub. Create the hub there with “hubctl --db %3 "
               "init”.")
                .arg(address.databaseName(), address.host(), address.toString())));
    if (auto migrated = Migrator::migrate(*conn); !migrated)
        return fail(migrated.error());
    db->m_createdOnServer = !contents->isHub;
    r.open.insert(key, db);
    return db;
}

Result<std::shared_ptr<Database>> Database::openFile(const QString &path, OpenMode mode)
{
    Registry &r = registry();
    // Held through inspection and the first connection, so two threads never
    // inspect a file while one of them already has it open.
    QMutexLocker registryLock(&r.mutex);
    const QString key = canonicalPath(path);
    if (auto existing = r.alreadyOpen(key))
        return existing;

    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (!QFileInfo::exists(absolute) && mode == OpenMode::ExistingOnly)
        return fail(Error::storage(tr("There is no hub file at %1. Create one with “hubctl init” or from the welcome "
                                      "window.")
                                       .arg(QDir::toNativeSeparators(absolute))));
    // Writability first: inspecting a WAL file needs a connection that could
    // leave -wal/-shm behind on a file it cannot write.
    if (auto writable = FileInspector::checkWritable(absolute); !writable)
        return fail(writable.error());
    // A new hub starts as an empty owner-only file, and SQLite gives its
    // -wal and -shm the same mode; an older hub is made owner-only too.
    if (!QFileInfo::exists(absolute)) {
        if (!PrivateFiles::createEmpty(absolute) && !QFileInfo::exists(absolute))
            return fail(Error::storage(tr("%1 could not be created.").arg(QDir::toNativeSeparators(absolute))));
    } else {
        (void)PrivateFiles::restrict(absolute);
    }
    // Only the header and the tables: quick_check reads every page, half a
    // second of every open at city size. Damage further in is found by the
    // read that meets it (Query::storageError), by `hubctl check` and before
    // a restore.
    auto inspection = FileInspector::inspect(absolute, InspectDepth::Header);
    if (!inspection)
        return fail(inspection.error());
    if (inspection->emptyDatabase && mode == OpenMode::ExistingOnly)
        return fail(Error::storage(
            tr("%1 is empty, not a Hubkeeper hub. It was left untouched.").arg(QDir::toNativeSeparators(absolute))));

    std::shared_ptr<Database> db(new Database(HubAddress::file(absolute)));
    if (const QString warning = FileInspector::networkShareWarning(absolute); !warning.isEmpty())
        db->m_warnings << warning;

    // The first connection also runs the migrations.
    const QString name = db->m_baseName + u'-' + threadSuffix();
    auto conn = db->openConnection(name);
    if (!conn)
        return fail(conn.error());
    if (auto migrated = Migrator::migrate(*conn); !migrated)
        return fail(migrated.error());
    // A created file now exists, so its canonical path is known.
    r.open.insert(canonicalPath(absolute), db);
    return db;
}

Result<QSqlDatabase> Database::openConnection(const QString &name) const
{
    return m_address.isServer() ? openServerConnection(name) : openFileConnection(name);
}

Result<QSqlDatabase> Database::openServerConnection(const QString &name) const
{
    QMutexLocker lock(&m_mutex);
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return fail(Error::storage(tr("This computer cannot reach hub servers yet: Qt's PostgreSQL driver is "
                                      "missing (Debian package libqt6sql6-psql).")));
    auto db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    m_connectionNames << name;
    // A network that drops without a word (a cable pulled, Wi-Fi gone) ends
    // a statement within seconds instead of the system's quarter of an hour,
    // so the window says "connection lost" instead of freezing.
    m_address.configure(db, {QStringLiteral("connect_timeout=10"), QStringLiteral("application_name=Hubkeeper"),
                             QStringLiteral("tcp_user_timeout=15000"), QStringLiteral("keepalives_idle=30"),
                             QStringLiteral("keepalives_interval=10"), QStringLiteral("keepalives_count=3")});
    if (!db.open()) {
        // libpq's own words, on one line (it indents its hints with tabs).
        QString why = db.lastError().databaseText().simplified();
        if (why.isEmpty())
            why = db.lastError().text().simplified();
        if (why.contains(QStringLiteral("no password supplied")))
            return fail(Error::storage(tr("The hub server %1 asks for the password of %2. Put it in ~/.pgpass or "
                                          "PGPASSWORD, or type it when asked.")
                                           .arg(m_address.host(), m_address.user()),
                                       QStringLiteral("password")));
        if (why.contains(QStringLiteral("password authentication failed")))
            return fail(Error::storage(tr("The hub server %1 did not accept the password of %2 (%3).")
                                           .arg(m_address.host(), m_address.user(), why),
                                       QStringLiteral("password")));
        return fail(Error::storage(tr("The hub server %1 could not be reached: %2").arg(m_address.toString(), why)));
    }
    QSqlQuery q(db);
    // In one round trip: another desk holding the hub's write lock longer
    // than lock_timeout is "busy", as SQLite's busy timeout says it for a
    // file. Memoize is off: PostgreSQL 15 sizes its cache by the estimated
    // rows of the whole join, so the transfers view's first 200 rows spent
    // 20 ms making and freeing caches for a million (3 ms without).
    if (!q.exec(QStringLiteral("SELECT set_config('lock_timeout', '%1', false), set_config('client_min_messages', "
                               "'warning', false), set_config('enable_memoize', 'off', false)")
                    .arg(BusyTimeoutMs)))
        return fail(Query::storageError(q.lastError()));
    return db;
}

Result<QSqlDatabase> Database::openFileConnection(const QString &name) const
{
    QMutexLocker lock(&m_mutex);
    auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    m_connectionNames << name;
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(BusyTimeoutMs));
    if (!db.open())
        return fail(
            Error::storage(tr("%1 cannot be opened: %2").arg(QDir::toNativeSeparators(m_path), db.lastError().text())));
    QSqlQuery q(db);
    const char *const pragmas[] = {
        "PRAGMA journal_mode = WAL",
        "PRAGMA foreign_keys = ON",
        "PRAGMA synchronous = FULL",
        "PRAGMA secure_delete = ON",
        // 32 MiB of page cache: a big import or demo stays in memory instead
        // of spilling half-written pages to the WAL over and over.
        "PRAGMA cache_size = -32768",
        // Savepoints (nested transactions) journal to temporary files; keep them in memory.
        "PRAGMA temp_store = MEMORY",
    };
    for (const char *pragma : pragmas) {
        if (!q.exec(QString::fromLatin1(pragma)))
            return fail(Query::storageError(q.lastError()));
    }
    if (!q.exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(BusyTimeoutMs)))
        return fail(Query::storageError(q.lastError()));
    return db;
}

void Database::noteConnectionLost(const QString &connectionName)
{
    QMutexLocker lock(&lostConnections().mutex);
    lostConnections().names.insert(connectionName);
}

QSqlDatabase Database::connection() const
{
    const QString name = m_baseName + u'-' + threadSuffix();
    bool lost = false;
    {
        QMutexLocker lock(&lostConnections().mutex);
        lost = lostConnections().names.remove(name);
    }
    // A server that went away and came back: this thread connects afresh;
    // whatever was under way there was rolled back by the server.
    if (lost && QSqlDatabase::contains(name)) {
        Query::dropCache(name);
        {
            auto old = QSqlDatabase::database(name, false);
            old.close();
        }
        QSqlDatabase::removeDatabase(name);
        {
            QMutexLocker lock(&m_mutex);
            m_connectionNames.removeAll(name);
        }
    }
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name, false);
    auto conn = openConnection(name);
    // A second connection to a file we already opened fails only if the file
    // vanished; callers then see the driver's error on their first query.
    return conn ? *conn : QSqlDatabase::database(name, false);
}

void Database::retainThread() const
{
    QMutexLocker lock(&m_mutex);
    ++m_threadUsers[QThread::currentThreadId()];
}

void Database::releaseThread(Qt::HANDLE thread) const
{
    {
        QMutexLocker lock(&m_mutex);
        if (--m_threadUsers[thread] > 0)
            return;
        m_threadUsers.remove(thread);
    }
    // A connection may only be closed by its own thread.
    if (thread == QThread::currentThreadId())
        releaseThreadConnection();
}

void Database::releaseThreadConnection() const
{
    const QString name = m_baseName + u'-' + threadSuffix();
    QMutexLocker lock(&m_mutex);
    if (!m_connectionNames.removeOne(name))
        return;
    Query::dropCache(name);
    {
        auto db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace hub
