// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/fileinspection.h"

#include "core/storage/database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <sys/vfs.h>

namespace hub {

namespace {

const QByteArray SqliteMagic("SQLite format 3\0", 16);

QString nativePath(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

// SQLite result codes that Qt passes on as the native error code.
bool isBusy(const QSqlError &e)
{
    const QString code = e.nativeErrorCode();
    return code == QStringLiteral("5") || code == QStringLiteral("6"); // BUSY, LOCKED
}

// A throw-away connection for inspection that is always removed again.
//
// Never immutable=1: another desk may be writing the file at this very moment
// (a missing -wal only means someone just checkpointed), and an immutable
// reader then reads pages as they change and reports false damage. A file in
// WAL mode (header bytes 18/19 = 2) is opened read-write without writing, so
// that, when no one else has it open, closing this connection removes the
// -wal/-shm it had to create and the folder is left as it was; a rollback-mode
// file is opened read-only, which creates nothing.
class InspectionConnection
{
public:
    InspectionConnection(const QString &path, bool walMode)
        : m_name(QStringLiteral("hub-inspect-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(walMode ? QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000")
                                     : QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        m_ok = db.open();
        m_error = db.lastError().text();
    }
    ~InspectionConnection()
    {
        {
            auto db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    Q_DISABLE_COPY_MOVE(InspectionConnection)
    bool ok() const { return m_ok; }
    QString error() const { return m_error; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
    bool m_ok = false;
    QString m_error;
};

// Runs quick_check (or integrity_check) and returns its first problem, or an
// empty string when the file is sound. Busy is an answer of its own.
struct CheckOutcome
{
    bool busy = false;
    QString problem; ///< empty: the check passed
};

CheckOutcome runCheck(const QSqlDatabase &db, bool thorough)
{
    QSqlQuery q(db);
    const QString check =
        thorough ? QStringLiteral("PRAGMA integrity_check(20)") : QStringLiteral("PRAGMA quick_check(20)");
    if (!q.exec(check)) {
        if (isBusy(q.lastError()))
            return {true, {}};
        const QString text = q.lastError().databaseText();
        return {false, text.isEmpty() ? q.lastError().text() : text};
    }
    QStringList problems;
    while (q.next()) {
        const QString line = q.value(0).toString();
        if (line != QStringLiteral("ok"))
            problems << line;
    }
    if (q.lastError().isValid() && isBusy(q.lastError()))
        return {true, {}};
    return {false, problems.isEmpty() ? QString() : problems.first()};
}

const QString BusyMark = QStringLiteral("\x01busy");

// The tables a hub has from each schema level on (the first migrations make
// the ones every page needs), so that a file cut short or edited by hand is
// refused at open, naming what is gone, without reading every page.
QString missingTable(const QSqlDatabase &db, int userVersion)
{
    static const std::pair<int, const char *> Required[] = {
        {1, "settings"}, {2, "members"},  {3, "accounts"}, {3, "transfers"},
        {5, "spaces"},   {5, "bookings"}, {8, "users"},    {8, "audit_log"},
    };
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table'")))
        return isBusy(q.lastError()) ? BusyMark : QStringLiteral("sqlite_schema");
    QSet<QString> tables;
    while (q.next())
        tables.insert(q.value(0).toString());
    for (const auto &[level, name] : Required)
        if (userVersion >= level && !tables.contains(QLatin1String(name)))
            return QLatin1String(name);
    return {};
}

} // namespace

Error FileInspector::damaged(const QString &shown, const QString &problem)
{
    Error e = Error::storage(
        tr("%1 is damaged: %2. Restore it from a backup; the file was left untouched.").arg(shown, problem));
    e.damaged = true;
    return e;
}

Result<FileInspection> FileInspector::inspect(const QString &path, InspectDepth depth)
{
    const bool thorough = depth == InspectDepth::Thorough;
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
        return fail(Error::storage(tr("%1 is not a Hubkeeper hub file: it is not an SQLite database. "
                                      "It was left untouched.")
                                       .arg(shown)));

    const bool walMode = header.size() >= 20 && header.at(18) == 2 && header.at(19) == 2;
    InspectionConnection conn(path, walMode);
    if (!conn.ok())
        return fail(Error::storage(tr("%1 cannot be opened: %2").arg(shown, conn.error())));
    const auto busy = [&] {
        return fail(
            Error::storage(tr("%1 is busy: another Hubkeeper window or hubctl is saving. Try again in a moment; "
                              "nothing was changed.")
                               .arg(shown)));
    };
    QSqlQuery q(conn.db());
    const auto pragmaInt = [&](const QString &pragma, int &out) {
        if (!q.exec(QStringLiteral("PRAGMA ") + pragma) || !q.next())
            return false;
        out = q.value(0).toInt();
        return true;
    };
    int appId = 0;
    int userVersion = 0;
    if (!pragmaInt(QStringLiteral("application_id"), appId) ||
        !pragmaInt(QStringLiteral("user_version"), userVersion) ||
        !q.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema")) || !q.next()) {
        const QSqlError error = q.lastError();
        q.finish();
        if (isBusy(error))
            return busy();
        // A read error is only called damage once SQLite's own check agrees.
        const CheckOutcome checked = runCheck(conn.db(), thorough);
        if (checked.busy)
            return busy();
        if (!checked.problem.isEmpty())
            return fail(damaged(shown, checked.problem));
        return fail(
            Error::storage(tr("%1 could not be read (%2), but SQLite's check finds it sound. Another program may "
                              "be using it; try again. Nothing was changed.")
                               .arg(shown, error.databaseText().isEmpty() ? error.text() : error.databaseText())));
    }
    const int tableCount = q.value(0).toInt();
    q.finish();

    if (appId == 0 && userVersion == 0 && tableCount == 0) {
        result.emptyDatabase = true;
        return result;
    }
    if (appId != Database::ApplicationId)
        return fail(
            Error::storage(tr("%1 is an SQLite database but not a Hubkeeper hub. It was left untouched.").arg(shown)));
    if (userVersion > Database::latestSchemaVersion())
        return fail(
            Error::storage(tr("%1 was made by a newer Hubkeeper (schema level %2; this version knows up to %3). "
                              "Update Hubkeeper to open it; the file was left untouched.")
                               .arg(shown)
                               .arg(userVersion)
                               .arg(Database::latestSchemaVersion())));

    if (const QString missing = missingTable(conn.db(), userVersion); !missing.isEmpty()) {
        if (missing == BusyMark)
            return busy();
        return fail(damaged(shown, tr("the table %1 is missing").arg(missing)));
    }

    if (depth != InspectDepth::Header) {
        const CheckOutcome checked = runCheck(conn.db(), thorough);
        if (checked.busy)
            return busy();
        if (!checked.problem.isEmpty())
            return fail(damaged(shown, checked.problem));
    }
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
        return fail(Error::storage(tr("The folder %1 cannot be written, so the hub cannot be opened for changes.")
                                       .arg(nativePath(dir.filePath()))));
    if (info.exists()) {
        // Opening for writing (without writing) also catches immutable files,
        // which a permission check misses for an administrator.
        QFile file(path);
        if (!info.isWritable() || !file.open(QIODevice::ReadWrite))
            return fail(
                Error::storage(tr("%1 cannot be opened for writing (%2). Check its permissions; the file was left "
                                  "untouched.")
                                   .arg(shown, file.errorString())));
    }
    return {};
}

QString FileInspector::networkShareWarning(const QString &path)
{
    struct statfs fs
    {
    };
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
