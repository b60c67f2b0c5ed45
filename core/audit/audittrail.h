// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/clock.h"
#include "core/common/error.h"
#include "core/storage/integritychecker.h"

#include <QCoreApplication>
#include <QDateTime>

#include <memory>

namespace hub {

class AccessControl;
class Database;

/// One row of the audit trail.
struct AuditEntry
{
    qint64 id = 0;
    QDateTime at;        ///< UTC
    QString userName;    ///< who (a pseudonym once that person was forgotten)
    QString action;      ///< e.g. "member.add", "transfer.reverse", "user.sign-in-failed"
    QString entity;      ///< e.g. "member", "transfer", "booking"
    qint64 entityId = 0; ///< 0 when the action is about no one row
    QString summary;     ///< what changed, without personal data
    QString prevHash;
    QString hash;
};

/// Which audit rows a list is about.
struct AuditFilter
{
    QDateTime from;   ///< UTC, inclusive; invalid = open
    QDateTime to;     ///< UTC, exclusive; invalid = open
    QString userName; ///< exact, any case; empty = everyone
    QString action;   ///< an action ("member.add") or its prefix ("member"); empty = all
    int limit = -1;
    /// Only rows older than this one (the list runs newest first): the next
    /// page starts after the last row read, never at an OFFSET.
    std::optional<qint64> beforeId;
};

/// The append-only, hash-chained record of every change: who, when, what.
/// Services call record() inside their own transaction, so a change and its
/// audit row are written together or not at all.
class AuditTrail
{
    Q_DECLARE_TR_FUNCTIONS(hub::AuditTrail)
public:
    /// `actor` is read at each record(): the signed-in user or the process's user.
    AuditTrail(std::shared_ptr<Database> db, const Clock &clock, const QString &actor);

    /// Appends one row as the current actor.
    Status record(const QString &action, const QString &entity, qint64 entityId, const QString &summary);
    /// Appends one row naming someone else (a failed sign-in names who was tried).
    Status recordAs(const QString &userName, const QString &action, const QString &entity, qint64 entityId,
                    const QString &summary);

    /// Reading the trail needs ViewAudit once `access` is attached (Hub does it).
    void attach(const AccessControl &access) { m_access = &access; }

    /// Newest first.
    Result<QList<AuditEntry>> list(const AuditFilter &filter = {}) const;
    Result<int> count(const AuditFilter &filter = {}) const;
    /// The distinct action names recorded so far, for a filter list.
    Result<QStringList> actions() const;

    /// The hash chain: each row follows the one before, and its fields match its hash.
    QList<Finding> verify() const;

    /// Erasure: the person's name becomes the pseudonym in every row (and the
    /// chain is re-sealed from the first changed row on).
    Status pseudonymise(const QString &userName, const QString &pseudonym);

    /// SHA-256 over a row's canonical fields and the previous hash.
    static QString hashOf(const AuditEntry &entry);

    /// While one is alive on this thread, record() writes nothing: bulk work
    /// (demo data, an import) records one summary row instead of thousands.
    class Quiet
    {
    public:
        Quiet();
        ~Quiet();
        Q_DISABLE_COPY_MOVE(Quiet)
    };

private:
    Status mayRead() const;

    std::shared_ptr<Database> m_db;
    const AccessControl *m_access = nullptr;
    const Clock &m_clock;
    const QString &m_actor;
};

} // namespace hub
