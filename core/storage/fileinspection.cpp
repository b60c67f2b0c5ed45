// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/fileinspection.h"

#include "core/storage/database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>

#include <sys/vfs.h>

namespace hub {

namespace {

const QByteArray SqliteMagic("SQLite format 3\0", 16);

QString nativePath(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

// A throw-away read-only connection that is always removed again.
class ReadOnlyConnection
{
public:
    explicit ReadOnlyConnection(const QString &path)
        : m_name(QStringLiteral("hub-inspect-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        // Without a -wal file the main file is complete, and opening it as
        // immutable guarantees SQLite creates no -wal/-shm beside a file we
        // may refuse. With one, another desk may be writing: read through it.
        if (QFile::exists(path + QStringLiteral("-wal"))) {
            db.setDatabaseName(path);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        } else {
            QUrl uri = QUrl::fromLocalFile(path);
            uri.setQuery(QStringLiteral("immutable=1"));
            db.setDatabaseName(QString::fromUtf8(uri.toEncoded()));
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
        }
        m_ok = db.open();
        m_error = db.lastError().text();
    }
    ~ReadOnlyConnection()
    {
        {
            auto db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    bool ok() const { return m_ok; }
    QString error() const { return m_error; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
    bool m_ok = false;
    QString m_error;
};

} // namespace

Result<FileInspection> FileInspector::inspect(const QString &path, bool thorough)
{
    FileInspection result;
    const QFileInfo info(path);
    if (!info.exists())
        return result;
    result.exists = true;
    const QString shown = nativePath(path);
    if (info.isDir())
        return fail(Error::storage(tr("%1 is a folder, not a hub file.").arg(shown)));

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::storage(tr("%1 cannot be read: %2").arg(shown, file.errorString())));
    const QByteArray header = file.read(100);
    file.close();
    if (header.isEmpty()) {
        result.emptyDatabase = true;
        return result;
    }
    if (!header.startsWith(SqliteMagic))
        return fail(Error::storage(
            tr("%1 is not a Hubkeeper hub file: it is not an SQLite database. "
               "It was left untouched.")
                .arg(shown)));

    ReadOnlyConnection conn(path);
    if (!conn.ok())
        return fail(Error::storage(tr("%1 cannot be opened: %2").arg(shown, conn.error())));
    QSqlQuery q(conn.db());
    const auto pragmaInt = [&](const QString &pragma, int &out) {
        if (!q.exec(QStringLiteral("PRAGMA ") + pragma) || !q.next())
            return false;
        out = q.value(0).toInt();
        return true;
    };
    int appId = 0;
    int userVersion = 0;
    int tableCount = 0;
    if (!pragmaInt(QStringLiteral("application_id"), appId)
        || !pragmaInt(QStringLiteral("user_version"), userVersion)
        || !q.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema")) || !q.next()) {
        return fail(Error::storage(
            tr("%1 is damaged and cannot be read (%2). Restore it from a backup; the file was left "
               "untouched.")
                .arg(shown, q.lastError().text())));
    }
    tableCount = q.value(0).toInt();
    q.finish();

    if (appId == 0 && userVersion == 0 && tableCount == 0) {
        result.emptyDatabase = true;
        return result;
    }
    if (appId != Database::ApplicationId)
        return fail(Error::storage(
            tr("%1 is an SQLite database but not a Hubkeeper hub. It was left untouched.").arg(shown)));
    if (userVersion > Database::latestSchemaVersion())
        return fail(Error::storage(
            tr("%1 was made by a newer Hubkeeper (schema level %2; this version knows up to %3). "
               "Update Hubkeeper to open it; the file was left untouched.")
                .arg(shown)
                .arg(userVersion)
                .arg(Database::latestSchemaVersion())));

    const QString check = thorough ? QStringLiteral("PRAGMA integrity_check(20)")
                                   : QStringLiteral("PRAGMA quick_check(20)");
    if (!q.exec(check))
        return fail(Error::storage(
            tr("%1 is damaged (%2). Restore it from a backup; the file was left untouched.")
                .arg(shown, q.lastError().text())));
    QStringList problems;
    while (q.next()) {
        const QString line = q.value(0).toString();
        if (line != QStringLiteral("ok"))
            problems << line;
    }
    if (!problems.isEmpty())
        return fail(Error::storage(
            tr("%1 is damaged: %2. Restore it from a backup; the file was left untouched.")
                .arg(shown, problems.first())));
    result.schemaVersion = userVersion;
    return result;
}

Status FileInspector::checkWritable(const QString &path)
{
    const QFileInfo info(path);
    const QString shown = nativePath(path);
    const QFileInfo dir(info.absolutePath());
    if (!dir.exists())
        return fail(Error::storage(tr("The folder %1 does not exist.").arg(nativePath(dir.filePath()))));
    // WAL mode needs to create the -wal and -shm files beside the hub.
    if (!dir.isWritable())
        return fail(Error::storage(
            tr("The folder %1 cannot be written, so the hub cannot be opened for changes.")
                .arg(nativePath(dir.filePath()))));
    if (info.exists()) {
        // Opening for writing (without writing) also catches immutable files,
        // which a permission check misses for an administrator.
        QFile file(path);
        if (!info.isWritable() || !file.open(QIODevice::ReadWrite))
            return fail(Error::storage(
                tr("%1 cannot be opened for writing (%2). Check its permissions; the file was left "
                   "untouched.")
                    .arg(shown, file.errorString())));
    }
    return {};
}

QString FileInspector::networkShareWarning(const QString &path)
{
    struct statfs fs{};
    const QByteArray dir = QFile::encodeName(QFileInfo(path).absolutePath());
    if (statfs(dir.constData(), &fs) != 0)
        return {};
    switch (static_cast<unsigned long>(fs.f_type)) {
    case 0x6969UL:     // NFS
    case 0x517BUL:     // SMB
    case 0xFF534D42UL: // CIFS
    case 0xFE534D42UL: // SMB2
        return tr("%1 is on a network share. SQLite cannot lock files safely there, so two computers "
                  "using it at once can damage it. Keep the hub on this computer, or use the "
                  "PostgreSQL set-up for several PCs.")
            .arg(nativePath(path));
    default:
        return {};
    }
}

} // namespace hub
