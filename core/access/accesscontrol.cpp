// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/access/accesscontrol.h"

#include "core/access/passphrasehasher.h"
#include "core/audit/audittrail.h"
#include "core/storage/database.h"
#include "core/storage/query.h"
#include "core/storage/transaction.h"

#include <QLocale>
#include <QTimeZone>

namespace hub {

namespace {
constexpr qint64 MaxLockSeconds = 24 * 3600;

thread_local QList<Permission> t_grants;

QString joinedRoles(const QList<Role> &roles)
{
    QStringList titles;
    for (Role r : roles)
        titles << roleTitle(r).toLower();
    if (titles.size() <= 1)
        return titles.value(0);
    const QString last = titles.takeLast();
    return AccessControl::tr("%1 or %2").arg(titles.join(QStringLiteral(", ")), last);
}

// The refusal of a locked-out user, which (unlike the others) says until when.
Error lockedOut(const QString &name, qint64 lockedUntil, qint64 now, bool pin)
{
    const QDateTime until = QDateTime::fromSecsSinceEpoch(lockedUntil, QTimeZone::utc()).toLocalTime();
    const qint64 wait = lockedUntil - now;
    return Error::refused(
        AccessControl::tr("Too many wrong tries: “%1” is locked for %n more second(s), until %2.", nullptr, int(wait))
            .arg(name, QLocale().toString(until.time(), QLocale::ShortFormat)),
        pin ? QStringLiteral("pin") : QStringLiteral("passphrase"));
}
} // namespace

AccessControl::Grant::Grant(Permission permission) : m_permission(permission)
{
    t_grants.append(permission);
}

AccessControl::Grant::~Grant()
{
    t_grants.removeOne(m_permission);
}

bool AccessControl::Grant::active(Permission permission)
{
    return t_grants.contains(permission);
}

AccessControl::AccessControl(std::shared_ptr<Database> db, const Clock &clock, QString &actor)
    : m_db(std::move(db)), m_clock(clock), m_actor(actor)
{}

void AccessControl::attach(UserService &users, AuditTrail &audit)
{
    m_users = &users;
    m_audit = &audit;
    m_systemActor = m_actor;
}

bool AccessControl::isImplicitAdmin() const
{
    return m_users && !m_users->hasUsers();
}

bool AccessControl::hasRole(Role role) const
{
    if (isImplicitAdmin())
        return true;
    return m_current && m_current->roles.contains(role);
}

bool AccessControl::allows(Permission permission) const
{
    if (Grant::active(permission) || isImplicitAdmin())
        return true;
    if (!m_current)
        return false;
    const QList<Role> roles = rolesAllowed(permission);
    for (Role r : m_current->roles)
        if (roles.contains(r))
            return true;
    return false;
}

Status AccessControl::require(Permission permission) const
{
    if (allows(permission))
        return {};
    if (!m_current)
        return fail(Error::refused(tr("Sign in first: this hub has users, and only a signed-in user may %1.")
                                       .arg(permissionTitle(permission))));
    return fail(Error::refused(whoMay(permission)));
}

QString AccessControl::whoMay(Permission permission)
{
    const QString roles = joinedRoles(rolesAllowed(permission));
    const bool vowel = QStringLiteral("aeiou").contains(roles.left(1));
    return (vowel ? tr("Only an %1 may %2.") : tr("Only a %1 may %2.")).arg(roles, permissionTitle(permission));
}

QString AccessControl::actorName() const
{
    return m_actor;
}

void AccessControl::setSystemActor(const QString &name)
{
    m_systemActor = name;
    if (!m_current)
        m_actor = name;
}

void AccessControl::refresh()
{
    if (!m_current || !m_users)
        return;
    auto user = m_users->get(m_current->id);
    if (!user) {
        signOut();
        return;
    }
    m_current->roles = user->roles;
}

Result<CurrentUser> AccessControl::signInAs(const QString &name)
{
    if (!m_users)
        return fail(Error::storage(tr("Users are not available.")));
    auto user = m_users->find(name);
    if (!user)
        return fail(user.error());
    m_current = CurrentUser{user->id, user->name, user->member, user->roles};
    m_actor = user->name;
    return *m_current;
}

Status AccessControl::adopt(const AccessControl &other)
{
    if (!other.m_current) {
        signOut();
        return {};
    }
    if (auto ok = signInAs(other.m_current->name); !ok)
        return fail(ok.error());
    return {};
}

Result<CurrentUser> AccessControl::signIn(const QString &name, const QString &passphrase)
{
    return checkSecret(name, passphrase, false);
}

Result<CurrentUser> AccessControl::signInWithPin(const QString &name, const QString &pin)
{
    return checkSecret(name, pin, true);
}

void AccessControl::signOut()
{
    m_current.reset();
    m_actor = m_systemActor;
}

Result<CurrentUser> AccessControl::checkSecret(const QString &rawName, const QString &secret, bool pin)
{
    if (!m_users || !m_audit)
        return fail(Error::storage(tr("Users are not available.")));
    const QString name = rawName.trimmed();
    const QString how = pin ? tr("PIN") : tr("passphrase");
    const Error wrong =
        Error::refused(pin ? tr("That name and PIN do not match.") : tr("That name and passphrase do not match."),
                       pin ? QStringLiteral("pin") : QStringLiteral("passphrase"));

    auto tx = Transaction::begin(*m_db, Transaction::Mode::Immediate);
    if (!tx)
        return fail(tx.error());
    auto stored = readSecret(*tx, name, pin);
    if (!stored)
        return fail(stored.error());
    if (!*stored) {
        // An unknown name costs as much as a known one, so timing does not tell which names exist.
        static const QString decoy = PassphraseHasher::hash(QStringLiteral("no such user")).value_or(QString());
        PassphraseHasher::verify(decoy, secret);
        if (auto ok = recordFailure(*tx, name, 0, tr("unknown user name (%1)").arg(how)); !ok)
            return fail(ok.error());
        return fail(wrong);
    }
    const StoredSecret &s = **stored;
    const qint64 now = m_clock.nowSecs();

    if (s.lockedUntil > now) {
        if (auto ok = recordFailure(*tx, name, s.id, tr("locked out (%1)").arg(how)); !ok)
            return fail(ok.error());
        return fail(lockedOut(name, s.lockedUntil, now, pin));
    }

    if (pin && s.hash.isEmpty()) {
        if (auto ok = tx->commit(); !ok)
            return fail(ok.error());
        return fail(
            Error::refused(tr("“%1” has no PIN; sign in with the passphrase.").arg(name), QStringLiteral("pin")));
    }

    if (!PassphraseHasher::verify(s.hash, secret)) {
        if (auto ok = countWrongTry(*tx, name, s, how, now); !ok)
            return fail(ok.error());
        return fail(wrong);
    }
    return completeSignIn(*tx, s.id, pin);
}

auto AccessControl::readSecret(Transaction &tx, const QString &name, bool pin) -> Result<std::optional<StoredSecret>>
{
    Query q(tx.connection(), QStringLiteral("SELECT id, passphrase_hash, pin_hash, failed_tries, lock_count, "
                                            "locked_until FROM users WHERE name = :name COLLATE NOCASE AND "
                                            "removed_at IS NULL"));
    q.bind(QStringLiteral(":name"), name);
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    if (!q.next())
        return std::optional<StoredSecret>();
    StoredSecret s;
    s.id = q.value(0).toLongLong();
    s.hash = pin ? q.value(2).toString() : q.value(1).toString();
    s.tries = q.value(3).toInt();
    s.locks = q.value(4).toInt();
    s.lockedUntil = q.value(5).isNull() ? 0 : q.value(5).toLongLong();
    return s;
}

Status AccessControl::recordFailure(Transaction &tx, const QString &name, qint64 id, const QString &summary)
{
    if (auto ok = m_audit->recordAs(name, QStringLiteral("user.sign-in-failed"), QStringLiteral("user"), id, summary);
        !ok)
        return fail(ok.error());
    return tx.commit();
}

Status AccessControl::countWrongTry(Transaction &tx, const QString &name, const StoredSecret &stored,
                                    const QString &how, qint64 now)
{
    int newTries = stored.tries + 1;
    int newLocks = stored.locks;
    QVariant until;
    QString summary = tr("wrong %1").arg(how);
    if (newTries >= MaxTries) {
        // 60 s, then 120 s, 240 s ...: guessing a 4-digit PIN takes days.
        const qint64 seconds = std::min<qint64>(qint64(LockSeconds) << std::min(stored.locks, 20), MaxLockSeconds);
        until = now + seconds;
        newTries = 0;
        ++newLocks;
        summary = tr("wrong %1; locked for %2 s").arg(how).arg(seconds);
    }
    Query upd(tx.connection(), QStringLiteral("UPDATE users SET failed_tries = :tries, lock_count = :locks, "
                                              "locked_until = :until WHERE id = :id"));
    upd.bind(QStringLiteral(":tries"), newTries)
        .bind(QStringLiteral(":locks"), newLocks)
        .bind(QStringLiteral(":until"), until)
        .bind(QStringLiteral(":id"), stored.id);
    if (auto ok = upd.exec(); !ok)
        return fail(ok.error());
    return recordFailure(tx, name, stored.id, summary);
}

Result<CurrentUser> AccessControl::completeSignIn(Transaction &tx, qint64 id, bool pin)
{
    Query upd(tx.connection(), QStringLiteral("UPDATE users SET failed_tries = 0, lock_count = 0, locked_until = NULL "
                                              "WHERE id = :id"));
    upd.bind(QStringLiteral(":id"), id);
    if (auto ok = upd.exec(); !ok)
        return fail(ok.error());
    auto user = m_users->get(UserId(id));
    if (!user)
        return fail(user.error());
    if (auto ok = m_audit->recordAs(user->name, QStringLiteral("user.sign-in"), QStringLiteral("user"), id,
                                    pin ? tr("signed in with PIN") : tr("signed in"));
        !ok)
        return fail(ok.error());
    if (auto ok = tx.commit(); !ok)
        return fail(ok.error());
    m_current = CurrentUser{user->id, user->name, user->member, user->roles};
    m_actor = user->name;
    return *m_current;
}

int AccessControl::idleLockMinutes() const
{
    Query q(*m_db, QStringLiteral("SELECT value FROM settings WHERE key = :k"));
    q.bind(QStringLiteral(":k"), keyIdleLockMinutes());
    auto v = q.scalar();
    if (!v || v->isNull())
        return DefaultIdleLockMinutes;
    bool ok = false;
    const int minutes = v->toString().toInt(&ok);
    return ok && minutes >= 0 ? minutes : DefaultIdleLockMinutes;
}

Status AccessControl::setIdleLockMinutes(int minutes)
{
    if (auto ok = require(Permission::ChangeSettings); !ok)
        return ok;
    if (minutes < 0 || minutes > 24 * 60)
        return fail(Error::invalid(tr("The idle lock is 0 (never) to 1440 minutes."), keyIdleLockMinutes()));
    auto tx = Transaction::begin(*m_db, Transaction::Mode::Immediate);
    if (!tx)
        return fail(tx.error());
    Query q(tx->connection(), QStringLiteral("INSERT INTO settings (key, value) VALUES (:k, :v) "
                                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    q.bind(QStringLiteral(":k"), keyIdleLockMinutes()).bind(QStringLiteral(":v"), QString::number(minutes));
    if (auto ok = q.exec(); !ok)
        return ok;
    if (auto ok = m_audit->record(QStringLiteral("settings.set"), QStringLiteral("settings"), 0,
                                  tr("%1 = %2").arg(keyIdleLockMinutes()).arg(minutes));
        !ok)
        return ok;
    return tx->commit();
}

std::optional<Amount> AccessControl::frontDeskCeiling() const
{
    Query q(*m_db, QStringLiteral("SELECT value FROM settings WHERE key = :k"));
    q.bind(QStringLiteral(":k"), keyFrontDeskCeiling());
    auto v = q.scalar();
    if (!v || v->isNull() || v->toString().isEmpty())
        return std::nullopt;
    return Amount::fromMinor(v->toString().toLongLong());
}

Status AccessControl::setFrontDeskCeiling(std::optional<Amount> ceiling)
{
    if (auto ok = require(Permission::ChangeLimits); !ok)
        return ok;
    if (ceiling && ceiling->minor() <= 0)
        return fail(Error::invalid(tr("The front-desk ceiling must be above zero (or none)."), keyFrontDeskCeiling()));
    auto tx = Transaction::begin(*m_db, Transaction::Mode::Immediate);
    if (!tx)
        return fail(tx.error());
    Query q(tx->connection(), QStringLiteral("INSERT INTO settings (key, value) VALUES (:k, :v) "
                                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    const QString value = ceiling ? QString::number(ceiling->minor()) : QString();
    q.bind(QStringLiteral(":k"), keyFrontDeskCeiling()).bind(QStringLiteral(":v"), value);
    if (auto ok = q.exec(); !ok)
        return ok;
    if (auto ok = m_audit->record(
            QStringLiteral("settings.set"), QStringLiteral("settings"), 0,
            tr("%1 = %2 (minor units)").arg(keyFrontDeskCeiling(), value.isEmpty() ? tr("none") : value));
        !ok)
        return ok;
    return tx->commit();
}

} // namespace hub
