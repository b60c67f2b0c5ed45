// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/backupservice.h"

#include "core/access/accesscontrol.h"
#include "core/audit/audittrail.h"
#include "core/common/privatefiles.h"
#include "core/hub.h"
#include "core/storage/database.h"
#include "core/storage/fileinspection.h"
#include "core/storage/hubcopier.h"
#include "core/storage/integritychecker.h"
#include "core/storage/query.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>
#include <QUuid>

#include <sqlite3.h>

namespace hub {

namespace {
QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

QString keptPathFor(const QString &hubPath, const QDateTime &now)
{
    return hubPath + QStringLiteral(".before-restore-") + now.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss"));
}

// Removes a staging file and its companions however the restore ends.
class StagingFile
{
public:
    explicit StagingFile(QString path) : m_path(std::move(path)) {}
    ~StagingFile()
    {
        for (const char *suffix : {"", "-wal", "-shm", "-journal"})
            QFile::remove(m_path + QString::fromLatin1(suffix));
    }
    Q_DISABLE_COPY_MOVE(StagingFile)
    const QString &path() const { return m_path; }

private:
    QString m_path;
};

// A plain SQLite handle, closed on every path.
struct SqliteHandle
{
    sqlite3 *db = nullptr;
    ~SqliteHandle() { sqlite3_close_v2(db); }
};
} // namespace

Status BackupService::backup(const Database &db, const QString &target)
{
    const QString absolute = QFileInfo(target).absoluteFilePath();
    if (QFileInfo::exists(absolute))
        return fail(Error::invalid(tr("%1 already exists; choose a new file name for the backup.").arg(shown(absolute)),
                                   target));
    if (!QFileInfo(QFileInfo(absolute).absolutePath()).isDir())
        return fail(Error::invalid(tr("the folder for %1 does not exist").arg(shown(absolute)), target));
    if (Database::canonicalPath(absolute) == Database::canonicalPath(db.path()))
        return fail(Error::invalid(tr("a backup cannot replace the hub itself"), target));

    // A server hub is backed up as a portable hub file, the same format a
    // desk opens: copied and verified beside the target, then renamed into
    // place, so a failed backup leaves no half file behind.
    if (db.backend() == Backend::PostgreSQL) {
        const QString staging =
            absolute + QStringLiteral(".copying-") + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
        auto copied = HubCopier::copy(db, HubAddress::file(staging));
        if (!copied)
            return fail(Error::storage(tr("The backup to %1 failed: %2").arg(shown(absolute), copied.error().message)));
        if (!QFile::rename(staging, absolute)) {
            QFile::remove(staging);
            return fail(Error::storage(tr("The backup file %1 could not be created.").arg(shown(absolute)), target));
        }
        return {};
    }
    // VACUUM INTO fills an empty file and keeps its owner-only mode.
    if (!PrivateFiles::createEmpty(absolute))
        return fail(Error::storage(tr("The backup file %1 could not be created.").arg(shown(absolute)), target));
    Query q(db, QStringLiteral("VACUUM INTO :target"));
    q.bind(QStringLiteral(":target"), absolute);
    if (auto ok = q.exec(); !ok) {
        QFile::remove(absolute);
        return fail(Error::storage(tr("The backup to %1 failed: %2").arg(shown(absolute), ok.error().message)));
    }
    return {};
}

Status BackupService::backup(const Database &db, const QString &target, const AccessControl &access, AuditTrail &audit)
{
    if (auto ok = access.require(Permission::BackupRestore); !ok)
        return ok;
    if (auto ok = backup(db, target); !ok)
        return ok;
    return audit.record(QStringLiteral("hub.backup"), QStringLiteral("hub"), 0,
                        tr("backed up to %1").arg(QFileInfo(target).fileName()));
}

Status BackupService::mayRestore(const AccessControl &access)
{
    return access.require(Permission::BackupRestore);
}

Result<QString> BackupService::prepareStaging(const QString &hubPath, const QString &source, const QString &by,
                                              const QDateTime &now, const QString &despite)
{
    const QString sourceAbsolute = QFileInfo(source).absoluteFilePath();
    if (!QFileInfo::exists(sourceAbsolute))
        return fail(Error::notFound(tr("There is no file at %1.").arg(shown(sourceAbsolute)), source));
    if (Database::canonicalPath(sourceAbsolute) == Database::canonicalPath(hubPath))
        return fail(Error::invalid(tr("a hub cannot be restored from itself"), source));
    // Inspecting a file this process has open would close a descriptor of it
    // and drop that connection's locks (see Database::open).
    if (Database::alreadyOpen(sourceAbsolute))
        return fail(Error::invalid(
            tr("%1 is open in Hubkeeper; make a backup of it and restore from that.").arg(shown(sourceAbsolute)),
            source));

    // quick_check here; the copy gets every check of the hub below.
    auto inspected = FileInspector::inspect(sourceAbsolute);
    if (!inspected)
        return fail(Error::invalid(inspected.error().message, source));
    if (inspected->emptyDatabase)
        return fail(Error::invalid(tr("%1 is empty, not a hub backup").arg(shown(sourceAbsolute)), source));

    const QString staging =
        hubPath + QStringLiteral(".restoring-") + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
    if (!QFile::copy(sourceAbsolute, staging) || !PrivateFiles::restrict(staging)) {
        QFile::remove(staging);
        return fail(Error::storage(tr("Could not copy %1 beside the hub.").arg(shown(sourceAbsolute))));
    }
    // An older backup is brought to the current schema here, and the restore
    // is written into the copy itself, so the hub is never restored without it.
    {
        auto opened = Hub::open(staging, OpenMode::ExistingOnly);
        if (!opened) {
            QFile::remove(staging);
            return fail(Error::invalid(opened.error().message, source));
        }
        Hub &copy = **opened;
        copy.setClock(Clock::fixed(now));
        // The full check (ledger and audit chains included) before anything is replaced.
        const QList<Finding> findings = copy.integrity().runAll();
        if (!findings.isEmpty() && despite.trimmed().isEmpty()) {
            opened->reset();
            for (const char *suffix : {"", "-wal", "-shm"})
                QFile::remove(staging + QString::fromLatin1(suffix));
            QStringList named;
            for (const Finding &f : findings.mid(0, 5))
                named << (f.where.isEmpty() ? f.area : f.area + u' ' + f.where) + QStringLiteral(": ") + f.message;
            return fail(Error::invalid(
                tr("%1 does not pass the hub's checks, so nothing was restored: %2%3. An admin "
                   "may restore it anyway, giving the reason.")
                    .arg(shown(sourceAbsolute), named.join(QStringLiteral("; ")),
                         findings.size() > 5 ? tr(" (and %n more)", nullptr, int(findings.size() - 5)) : QString()),
                QStringLiteral("check")));
        }
        const QString summary = findings.isEmpty() ? tr("restored from %1").arg(QFileInfo(source).fileName())
                                                   : tr("restored from %1 despite %n problem(s) found by the check: %2",
                                                        nullptr, int(findings.size()))
                                                         .arg(QFileInfo(source).fileName(), despite.simplified());
        if (auto ok = copy.audit().recordAs(by, QStringLiteral("hub.restore"), QStringLiteral("hub"), 0, summary);
            !ok) {
            opened->reset();
            QFile::remove(staging);
            return fail(ok.error());
        }
        Query fold(copy.database(), QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        (void)fold.exec();
    }
    return staging;
}

Result<QString> BackupService::restoreIntoServer(const Database &db, const QString &source, const QString &by,
                                                 const QDateTime &now, const QString &despite)
{
    // A server has no folder of its own: the staging copy and the copy of
    // the hub as it was are made beside the backup being restored.
    const QString base =
        QFileInfo(QFileInfo(source).absoluteFilePath()).absolutePath() + u'/' + db.address().databaseName();
    auto staged = prepareStaging(base, source, by, now, despite);
    if (!staged)
        return staged;
    StagingFile staging(*staged);
    const QString kept = keptPathFor(base, now);
    if (QFileInfo::exists(kept))
        return fail(Error::storage(tr("%1 already exists; try again in a second.").arg(shown(kept))));
    if (auto ok = backup(db, kept); !ok)
        return fail(Error::storage(tr("The current hub could not be kept as %1 (%2); nothing was restored.")
                                       .arg(shown(kept), ok.error().message)));
    Status replaced;
    {
        auto from = Database::open(staging.path(), OpenMode::ExistingOnly);
        if (!from)
            replaced = fail(from.error());
        else if (auto done = HubCopier::replace(**from, db); !done)
            replaced = fail(done.error());
    }
    if (!replaced) {
        // Nothing changed on the server, so the kept copy is only clutter.
        QFile::remove(kept);
        Error e = replaced.error();
        if (e.kind != ErrorKind::Refused)
            e.message = tr("The restore failed (%1); the hub was left as it was.").arg(e.message);
        return fail(e);
    }
    return kept;
}

Result<QString> BackupService::restoreInto(const Database &db, const QString &source, const AccessControl &access,
                                           const QString &by, const QDateTime &now, const QString &despite)
{
    if (auto ok = access.require(Permission::BackupRestore); !ok)
        return fail(ok.error());
    if (!despite.trimmed().isEmpty())
        if (auto ok = access.require(Permission::ManageUsers); !ok) // admins only
            return fail(ok.error());
    if (db.backend() == Backend::PostgreSQL)
        return restoreIntoServer(db, source, by, now, despite);
    const QString hubPath = db.path();
    auto staged = prepareStaging(hubPath, source, by, now, despite);
    if (!staged)
        return staged;
    StagingFile staging(*staged);

    const QString kept = keptPathFor(hubPath, now);
    if (QFileInfo::exists(kept))
        return fail(Error::storage(tr("%1 already exists; try again in a second.").arg(shown(kept))));
    // Under a temporary name first, so a copy cut short is never taken for the kept hub.
    const QString keeping = kept + QStringLiteral(".partial");
    QFile::remove(keeping);
    if (auto ok = backup(db, keeping); !ok || !QFile::rename(keeping, kept)) {
        QFile::remove(keeping);
        return fail(Error::storage(tr("The current hub could not be kept as %1 (%2); nothing was restored.")
                                       .arg(shown(kept), ok ? tr("rename failed") : ok.error().message)));
    }

    // A connection of our own (SQLite shares one set of locks per file within
    // a process, so this is safe beside the hub's): the backup API must not
    // meet a read left open on the destination.
    SqliteHandle dest;
    SqliteHandle src;
    const QByteArray destName = QFile::encodeName(hubPath);
    const QByteArray srcName = QFile::encodeName(staging.path());
    if (sqlite3_open_v2(destName.constData(), &dest.db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK ||
        sqlite3_open_v2(srcName.constData(), &src.db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
        return fail(Error::storage(tr("The hub could not be opened for the restore: %1; nothing was restored.")
                                       .arg(QString::fromUtf8(sqlite3_errmsg(dest.db ? dest.db : src.db)))));
    sqlite3_busy_timeout(dest.db, 5000);
    sqlite3_busy_timeout(src.db, 5000);
    // As durable as every other write to the hub.
    sqlite3_exec(dest.db, "PRAGMA synchronous = FULL", nullptr, nullptr, nullptr);

    // Others may be writing: retry a busy hub for up to half a minute. Each
    // step(-1) is one write transaction on the hub, so a failed or killed
    // attempt leaves it as it was.
    const QDeadlineTimer deadline(30'000);
    int rc = SQLITE_BUSY;
    QString why;
    while (true) {
        sqlite3_backup *b = sqlite3_backup_init(dest.db, "main", src.db, "main");
        if (!b) {
            rc = sqlite3_errcode(dest.db);
            why = QString::fromUtf8(sqlite3_errmsg(dest.db));
        } else {
            rc = sqlite3_backup_step(b, -1);
            const int finished = sqlite3_backup_finish(b);
            if (rc == SQLITE_DONE)
                rc = finished;
            why = QString::fromUtf8(sqlite3_errstr(rc));
        }
        if (rc == SQLITE_OK || rc == SQLITE_DONE)
            break;
        if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || deadline.hasExpired())
            break;
        QThread::msleep(50);
    }
    if (rc != SQLITE_OK && rc != SQLITE_DONE) {
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            return fail(
                Error::storage(tr("The hub stayed busy (other desks kept saving), so nothing was restored. Try again; "
                                  "a copy of the current hub was kept as %1.")
                                   .arg(shown(kept))));
        return fail(Error::storage(tr("The restore failed (%1); the hub was left as it was, and a copy was kept as %2.")
                                       .arg(why, shown(kept))));
    }
    return kept;
}

Result<QString> BackupService::restore(const QString &hubPath, const QString &source, const QString &by,
                                       const QDateTime &now, const QString &despite)
{
    const QString hubAbsolute = QFileInfo(hubPath).absoluteFilePath();
    if (Database::alreadyOpen(hubAbsolute))
        return fail(
            Error::invalid(tr("%1 is open; restore into the open hub instead").arg(shown(hubAbsolute)), source));
    auto staged = prepareStaging(hubAbsolute, source, by, now, despite);
    if (!staged)
        return staged;
    StagingFile staging(*staged);

    QString kept;
    if (QFileInfo::exists(hubAbsolute)) {
        kept = keptPathFor(hubAbsolute, now);
        if (QFileInfo::exists(kept) || !QFile::rename(hubAbsolute, kept))
            return fail(Error::storage(tr("Could not keep the current hub as %1.").arg(shown(kept))));
        // The old file's -wal belongs with it, not with the restored hub.
        for (const char *suffix : {"-wal", "-shm"}) {
            const QString companion = hubAbsolute + QString::fromLatin1(suffix);
            if (QFileInfo::exists(companion))
                QFile::rename(companion, kept + QString::fromLatin1(suffix));
        }
    }
    if (!QFile::rename(staging.path(), hubAbsolute)) {
        if (!kept.isEmpty())
            QFile::rename(kept, hubAbsolute);
        return fail(Error::storage(tr("Could not put the restored hub in place.")));
    }
    return kept;
}

Result<QString> BackupService::restoreMarker(const Database &db)
{
    Query q(db, QStringLiteral("SELECT id, hash FROM audit_log WHERE action = 'hub.restore' "
                               "ORDER BY id DESC LIMIT 1"));
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    QString marker;
    if (q.next())
        marker = q.value(0).toString() + u':' + q.value(1).toString();
    q.raw().finish();
    return marker;
}

} // namespace hub
