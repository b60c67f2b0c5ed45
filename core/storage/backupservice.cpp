// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/backupservice.h"

#include "core/access/accesscontrol.h"
#include "core/audit/audittrail.h"
#include "core/storage/database.h"
#include "core/storage/fileinspection.h"
#include "core/storage/query.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

namespace hub {

namespace {
QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}
} // namespace

Status BackupService::backup(const Database &db, const QString &target)
{
    const QString absolute = QFileInfo(target).absoluteFilePath();
    if (QFileInfo::exists(absolute))
        return fail(Error::invalid(
            tr("%1 already exists; choose a new file name for the backup.").arg(shown(absolute)),
            target));
    if (!QFileInfo(QFileInfo(absolute).absolutePath()).isDir())
        return fail(Error::invalid(tr("the folder for %1 does not exist").arg(shown(absolute)), target));
    if (absolute == db.path())
        return fail(Error::invalid(tr("a backup cannot replace the hub itself"), target));

    Query q(db, QStringLiteral("VACUUM INTO :target"));
    q.bind(QStringLiteral(":target"), absolute);
    if (auto ok = q.exec(); !ok) {
        QFile::remove(absolute);
        return fail(Error::storage(tr("The backup to %1 failed: %2").arg(shown(absolute), ok.error().message)));
    }
    return {};
}

Status BackupService::backup(const Database &db, const QString &target, const AccessControl &access,
                             AuditTrail &audit)
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

Status BackupService::recordRestore(AuditTrail &audit, const QString &by, const QString &source)
{
    return audit.recordAs(by, QStringLiteral("hub.restore"), QStringLiteral("hub"), 0,
                          tr("restored from %1").arg(QFileInfo(source).fileName()));
}

Result<QString> BackupService::restore(const QString &hubPath, const QString &source,
                                       const QDateTime &now)
{
    const QString hubAbsolute = QFileInfo(hubPath).absoluteFilePath();
    const QString sourceAbsolute = QFileInfo(source).absoluteFilePath();
    if (!QFileInfo::exists(sourceAbsolute))
        return fail(Error::notFound(tr("There is no file at %1.").arg(shown(sourceAbsolute)), source));
    if (sourceAbsolute == hubAbsolute)
        return fail(Error::invalid(tr("a hub cannot be restored from itself"), source));

    auto inspected = FileInspector::inspect(sourceAbsolute, /*thorough=*/true);
    if (!inspected)
        return fail(Error::invalid(inspected.error().message, source));
    if (inspected->emptyDatabase)
        return fail(Error::invalid(tr("%1 is empty, not a hub backup").arg(shown(sourceAbsolute)), source));

    // Copy first under a temporary name so a failed copy never leaves the hub missing.
    const QString staging = hubAbsolute + QStringLiteral(".restoring-")
                            + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
    if (!QFile::copy(sourceAbsolute, staging))
        return fail(Error::storage(tr("Could not copy %1 beside the hub.").arg(shown(sourceAbsolute))));

    QString kept;
    if (QFileInfo::exists(hubAbsolute)) {
        // Fold the current hub's WAL into it so the kept file is complete on its own.
        {
            const QString name = QStringLiteral("hub-restore-") + QUuid::createUuid().toString();
            {
                auto conn = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
                conn.setDatabaseName(hubAbsolute);
                if (conn.open()) {
                    QSqlQuery q(conn);
                    q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
                    q.finish();
                    conn.close();
                }
            }
            QSqlDatabase::removeDatabase(name);
        }
        kept = hubAbsolute + QStringLiteral(".before-restore-")
               + now.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        if (QFileInfo::exists(kept) || !QFile::rename(hubAbsolute, kept)) {
            QFile::remove(staging);
            return fail(Error::storage(tr("Could not keep the current hub as %1.").arg(shown(kept))));
        }
        for (const char *suffix : {"-wal", "-shm"})
            QFile::remove(hubAbsolute + QString::fromLatin1(suffix));
    }
    if (!QFile::rename(staging, hubAbsolute)) {
        if (!kept.isEmpty())
            QFile::rename(kept, hubAbsolute);
        QFile::remove(staging);
        return fail(Error::storage(tr("Could not put the restored hub in place.")));
    }
    return kept;
}

} // namespace hub
