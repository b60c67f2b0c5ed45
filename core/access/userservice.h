// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/access/role.h"
#include "core/common/clock.h"
#include "core/common/error.h"
#include "core/common/ids.h"
#include "core/storage/keysetorder.h"
#include "core/storage/unitofwork.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QVariant>

#include <memory>

namespace hub {

class AccessControl;
class AuditTrail;
class Database;

using UserId = Id<struct UserTag>;

/// Someone who may sign in at the desk: a member with roles.
struct User
{
    UserId id;
    QString name; ///< the sign-in name, unique regardless of case
    MemberId member;
    QString memberName; ///< the member's display name
    QList<Role> roles;
    bool hasPin = false;
    QDateTime lockedUntil; ///< UTC; invalid when not locked
    QDateTime createdAt;
};

/// The hub's users: adding, roles, passphrases, PINs, removing. Every change
/// needs Permission::ManageUsers (a user may change their own passphrase and
/// PIN) and is audited; the very first user must be an admin, so a hub never
/// locks itself out.
class UserService
{
    Q_DECLARE_TR_FUNCTIONS(hub::UserService)
public:
    static constexpr int MinPassphraseLength = 10;
    static constexpr int MaxPassphraseLength = 1024;
    static constexpr int MaxNameLength = 60;
    /// Six digits at least: a four-digit PIN falls to an offline search of
    /// the file in half an hour even at the PIN's hashing cost.
    static constexpr int PinMinLength = 6;
    /// PINs set before the six-digit rule still sign in until changed.
    static constexpr int LegacyPinMinLength = 4;
    static constexpr int PinMaxLength = 8;

    UserService(std::shared_ptr<Database> db, const Clock &clock, AccessControl &access, AuditTrail &audit);

    /// A passphrase's problem (too short, too long), if any; where = "passphrase".
    static Status checkPassphrase(const QString &passphrase);
    /// A PIN's problem, if any (6 to 8 digits; not all the same digit, not a
    /// straight run up or down such as 123456 or 654321); where = "pin".
    static Status checkPin(const QString &pin);
    /// A sign-in name's problem, if any; where = "name".
    static Status checkName(const QString &name);

    /// With `pin` (optional) the quick-switch PIN is set in the same change:
    /// right after the first user exists, no one is signed in to set it apart.
    Result<User> add(const QString &name, MemberId member, const QList<Role> &roles, const QString &passphrase,
                     const QString &pin = {});
    /// Live users, by name.
    Result<QList<User>> list() const;
    /// The users after `after` by sign-in name (keyset paging), and the key of the page after them.
    Result<Page<User>> page(const PageKey &after, int limit) const;
    Result<int> count() const;
    Result<User> get(UserId id) const;
    /// A live user by sign-in name (any case).
    Result<User> find(const QString &name) const;
    /// True once the hub has a live user; until then everyone is the implicit admin.
    bool hasUsers() const;

    Status setRoles(UserId id, const QList<Role> &roles);
    Status addRole(UserId id, Role role);
    Status removeRole(UserId id, Role role);
    Status changePassphrase(UserId id, const QString &passphrase);
    /// Sets (or with an empty pin, clears) the quick-switch PIN.
    Status setPin(UserId id, const QString &pin);
    /// Removes a user; the last admin cannot be removed while other users remain.
    Status remove(UserId id);

    /// Erasure: the member's users lose their name (pseudonym), hashes and roles.
    Status eraseMember(MemberId member, const QString &pseudonym);

private:
    friend class AccessControl;
    /// The bodies of the writes, run inside m_work.
    Result<UserId> addIn(Write &w, const QString &name, MemberId member, const QList<Role> &roles, const QString &hash,
                         const QVariant &pinHash);
    Status setRolesIn(Write &w, UserId id, const QList<Role> &rawRoles);
    Status removeIn(Write &w, UserId id);

    std::shared_ptr<Database> m_db;
    const Clock &m_clock;
    AccessControl &m_access;
    AuditTrail &m_audit; ///< for eraseMember's pseudonymisation
    UnitOfWork m_work;
};

} // namespace hub
