// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/access/permission.h"
#include "core/access/userservice.h"
#include "core/common/amount.h"
#include "core/common/clock.h"
#include "core/common/error.h"

#include <QCoreApplication>

#include <memory>
#include <optional>

namespace hub {

class AuditTrail;
class Database;
class Transaction;

/// Who is at the desk now.
struct CurrentUser
{
    UserId id;
    QString name;
    MemberId memberId;
    QList<Role> roles;
};

/// Sign-in and the permission checks every core service makes. While the hub
/// has no users at all, everyone is the implicit admin, so scripts, tests and
/// the demo keep working until the first user exists.
class AccessControl
{
    Q_DECLARE_TR_FUNCTIONS(hub::AccessControl)
public:
    /// Wrong tries in a row before a user is locked out for LockSeconds.
    static constexpr int MaxTries = 5;
    /// The first lock-out; each further one doubles, up to a day.
    static constexpr int LockSeconds = 60;
    static constexpr int DefaultIdleLockMinutes = 10;

    /// `actor` is the hub's "who is making changes" (Hub::actor()): it becomes
    /// the signed-in user's name and falls back to the process's user.
    AccessControl(std::shared_ptr<Database> db, const Clock &clock, QString &actor);
    void attach(UserService &users, AuditTrail &audit);

    /// Signs in with a passphrase. A wrong one, an unknown name or a locked
    /// user is refused (audited as a failed sign-in) with one message that
    /// does not tell which of them it was, except a lock-out, which says until when.
    Result<CurrentUser> signIn(const QString &name, const QString &passphrase);
    /// The quick switch at a shared desk: a user's PIN, rate-limited like passphrases.
    Result<CurrentUser> signInWithPin(const QString &name, const QString &pin);
    /// Back to nobody (or to the implicit admin while the hub has no users).
    void signOut();
    /// Signs in without a secret: for the first admin just created on a new
    /// hub, and for tests. Refused for an unknown user.
    Result<CurrentUser> signInAs(const QString &name);
    /// Whoever is signed in on `other` — another Hub on the same file, such as
    /// the one a worker thread opens for an import — is signed in here too.
    Status adopt(const AccessControl &other);

    std::optional<CurrentUser> currentUser() const { return m_current; }
    bool isSignedIn() const { return m_current.has_value(); }
    /// True while the hub has no users: everything is allowed.
    bool isImplicitAdmin() const;
    /// The current user holds `role` (the implicit admin holds every role).
    bool hasRole(Role role) const;

    bool allows(Permission permission) const;
    /// Refused, naming who may, when the current user may not.
    Status require(Permission permission) const;
    /// "Only a treasurer or admin may reverse transfers." — for tooltips and refusals.
    static QString whoMay(Permission permission);

    /// While one is alive on this thread, `permission` is allowed: a service
    /// that already checked its own permission uses it around a nested call
    /// that is part of the same rule (a cancelled booking refunds its charge
    /// through LedgerService::reverse, which front desks may not call directly).
    class Grant
    {
    public:
        explicit Grant(Permission permission);
        ~Grant();
        Q_DISABLE_COPY_MOVE(Grant)
        static bool active(Permission permission);

    private:
        Permission m_permission;
    };

    /// The name recorded as "who" for changes (signed-in user, else the process's user).
    QString actorName() const;
    /// Who changes are recorded as while no one is signed in (Hub::setActor).
    void setSystemActor(const QString &name);
    /// Re-reads the signed-in user's roles after users changed (signs out a removed user).
    void refresh();

    /// Minutes of no input before the GUI locks (0 = never). A setting.
    int idleLockMinutes() const;
    Status setIdleLockMinutes(int minutes);
    /// The most a front-desk user may transfer at once; nothing = no ceiling.
    std::optional<Amount> frontDeskCeiling() const;
    Status setFrontDeskCeiling(std::optional<Amount> ceiling);

    static QString keyIdleLockMinutes() { return QStringLiteral("idle_lock_minutes"); }
    static QString keyFrontDeskCeiling() { return QStringLiteral("front_desk_ceiling"); }

private:
    /// What a sign-in checks its secret against: the user's row.
    struct StoredSecret
    {
        qint64 id = 0;
        QString hash; ///< of the passphrase or of the PIN, whichever is asked for
        int tries = 0;
        int locks = 0;
        qint64 lockedUntil = 0; ///< seconds since the epoch; 0 when not locked
    };

    Result<CurrentUser> checkSecret(const QString &name, const QString &secret, bool pin);
    /// The user's row, or nothing for an unknown (or removed) name.
    static Result<std::optional<StoredSecret>> readSecret(Transaction &tx, const QString &name, bool pin);
    /// Audits a refused sign-in and commits, so the refusal stays on record.
    Status recordFailure(Transaction &tx, const QString &name, qint64 id, const QString &summary);
    /// Counts a wrong secret, locking the user out after MaxTries.
    Status countWrongTry(Transaction &tx, const QString &name, const StoredSecret &stored, const QString &how,
                         qint64 now);
    /// The secret was right: clears the tries and signs the user in.
    Result<CurrentUser> completeSignIn(Transaction &tx, qint64 id, bool pin);

    std::shared_ptr<Database> m_db;
    const Clock &m_clock;
    QString &m_actor;
    QString m_systemActor;
    UserService *m_users = nullptr;
    AuditTrail *m_audit = nullptr;
    std::optional<CurrentUser> m_current;
};

} // namespace hub
