// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"

#include <QCoreApplication>
#include <QDateTime>

#include <memory>

namespace hub {

class AccessControl;
class AuditTrail;
class Database;

/// Consistent copies of a hub and putting one back.
class BackupService
{
    Q_DECLARE_TR_FUNCTIONS(hub::BackupService)
public:
    /// A consistent online copy (VACUUM INTO) while other desks may be writing.
    /// Refuses to overwrite an existing file.
    static Status backup(const Database &db, const QString &target);
    /// The same, for a person at the desk: needs Permission::BackupRestore,
    /// and the backup is recorded in the audit trail. The copy holds the users
    /// and the audit trail too, so a restored hub keeps both.
    static Status backup(const Database &db, const QString &target, const AccessControl &access,
                         AuditTrail &audit);
    /// Refused unless the one at the desk may restore backups (asked of the
    /// hub about to be replaced, while it is still open).
    static Status mayRestore(const AccessControl &access);
    /// Records in the restored hub's audit trail who restored it and from where.
    static Status recordRestore(AuditTrail &audit, const QString &by, const QString &source);

    /// Verifies `source` (a hub, not newer, passes integrity_check) and puts it
    /// in place of `hubPath`. The previous file is kept beside it as
    /// "<hub>.before-restore-<timestamp>", whose path is returned (empty if
    /// there was no previous file). The hub must not be open in this process.
    static Result<QString> restore(const QString &hubPath, const QString &source,
                                   const QDateTime &now = QDateTime::currentDateTimeUtc());
};

} // namespace hub
