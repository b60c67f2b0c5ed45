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
    static Status backup(const Database &db, const QString &target, const AccessControl &access, AuditTrail &audit);
    /// Refused unless the one at the desk may restore backups (asked of the
    /// hub about to be replaced, while it is still open).
    static Status mayRestore(const AccessControl &access);

    /// Puts the backup `source` in place of the open hub `db`, while other
    /// windows and hubctl may be using it. Either it completes or nothing
    /// changes:
    ///  1. `source` is verified (a hub, not newer, integrity_check) and copied
    ///     to a staging file beside the hub, brought to the current schema,
    ///     given the "hub.restore" audit row naming `by`, and fully checked;
    ///  2. the current hub is copied (VACUUM INTO) to
    ///     "<hub>.before-restore-<time>", whose path is returned;
    ///  3. the staging copy replaces the hub's pages in one SQLite write
    ///     transaction (the online backup API), so every open connection, in
    ///     any process, sees the old hub or the restored one, never a mix.
    /// Busy for too long, it refuses with nothing changed. Needs BackupRestore.
    /// On a hub server the staging copy and the kept copy are made beside
    /// `source`, and step 3 is one server transaction (HubCopier::replace),
    /// which only the role owning the hub's tables may run.
    /// A candidate that fails the check is refused with its findings, unless
    /// an admin gives `despite`, the reason, which the audit row records.
    static Result<QString> restoreInto(const Database &db, const QString &source, const AccessControl &access,
                                       const QString &by, const QDateTime &now = QDateTime::currentDateTimeUtc(),
                                       const QString &despite = {});

    /// For a hub file that no longer opens (damaged): step 1 as above, then
    /// the file is replaced by renaming, keeping the old one beside it. Only
    /// when no one has it open; returns the kept path (empty if no file was there).
    static Result<QString> restore(const QString &hubPath, const QString &source, const QString &by,
                                   const QDateTime &now = QDateTime::currentDateTimeUtc(), const QString &despite = {});

    /// The newest "hub.restore" audit row as "id:hash" (empty if none): a
    /// window that remembers it notices when another process restored the hub.
    static Result<QString> restoreMarker(const Database &db);
    /// True for the refusal of a candidate that failed the check: the one an
    /// admin may override with a reason.
    static bool failedTheCheck(const Error &e)
    {
        return e.kind == ErrorKind::Invalid && e.where == QStringLiteral("check");
    }

private:
    /// restoreInto for a hub server: the staging copy and the kept copy sit
    /// beside `source`; the rows are replaced in one server transaction.
    static Result<QString> restoreIntoServer(const Database &db, const QString &source, const QString &by,
                                             const QDateTime &now, const QString &despite);
    static Result<QString> prepareStaging(const QString &hubPath, const QString &source, const QString &by,
                                          const QDateTime &now, const QString &despite);
};

} // namespace hub
