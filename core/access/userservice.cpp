// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/access/userservice.h"

#include "core/access/accesscontrol.h"
#include "core/access/passphrasehasher.h"
#include "core/audit/audittrail.h"
#include "core/storage/database.h"
#include "core/storage/keysetorder.h"
#include "core/storage/query.h"
#include "core/storage/unitofwork.h"

#include <QRegularExpression>
#include <QTimeZone>

namespace hub {

namespace {

const QString UserColumns =
    QStringLiteral("u.id, u.name, u.member_id, m.display_name, u.pin_hash IS NOT NULL, u.locked_until, u.created_at");
// How many columns UserColumns selects: a page's key is read after them.
constexpr int UserColumnCount = 7;

User userFrom(const Query &q)
{
    User u;
    u.id = UserId(q.value(0).toLongLong());
    u.name = q.value(1).toString();
    u.member = MemberId(q.value(2).toLongLong());
    u.memberName = q.value(3).toString();
    u.hasPin = q.value(4).toBool();
    if (!q.value(5).isNull())
        u.lockedUntil = QDateTime::fromSecsSinceEpoch(q.value(5).toLongLong(), QTimeZone::utc());
    u.createdAt = QDateTime::fromSecsSinceEpoch(q.value(6).toLongLong(), QTimeZone::utc());
    return u;
}

QString rolesText(const QList<Role> &roles)
{
    QStringList names;
    for (Role r : roles)
        names << roleName(r);
    return names.join(QStringLiteral(", "));
}

QList<Role> normalisedRoles(const QList<Role> &roles)
{
    QList<Role> out;
    for (Role r : allRoles())
        if (roles.contains(r))
            out << r;
    return out;
}

} // namespace

UserService::UserService(std::shared_ptr<Database> db, const Clock &clock, AccessControl &access, AuditTrail &audit)
    : m_db(std::move(db)), m_clock(clock), m_access(access), m_audit(audit), m_work(m_db, access, audit)
{}

Status UserService::checkPassphrase(const QString &passphrase)
{
    if (passphrase.size() < MinPassphraseLength)
        return fail(Error::invalid(
            tr("A passphrase needs at least %1 characters; a few words make a good one.").arg(MinPassphraseLength),
            QStringLiteral("passphrase")));
    if (passphrase.size() > MaxPassphraseLength)
        return fail(Error::invalid(tr("A passphrase may have at most %1 characters.").arg(MaxPassphraseLength),
                                   QStringLiteral("passphrase")));
    if (passphrase.trimmed().isEmpty())
        return fail(Error::invalid(tr("A passphrase cannot be only spaces."), QStringLiteral("passphrase")));
    return {};
}

Status UserService::checkPin(const QString &pin)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
    if (pin.size() < PinMinLength || pin.size() > PinMaxLength || !digits.match(pin).hasMatch())
        return fail(
            Error::invalid(tr("A PIN is %1 to %2 digits.").arg(PinMinLength).arg(PinMaxLength), QStringLiteral("pin")));
    // The PINs tried first by anyone guessing.
    bool same = true;
    bool up = true;
    bool down = true;
    for (qsizetype i = 1; i < pin.size(); ++i) {
        const int step = pin[i].digitValue() - pin[i - 1].digitValue();
        same = same && step == 0;
        up = up && step == 1;
        down = down && step == -1;
    }
    if (same)
        return fail(Error::invalid(tr("A PIN of one digit repeated is guessed first; choose a mix of digits."),
                                   QStringLiteral("pin")));
    if (up || down)
        return fail(Error::invalid(tr("A PIN counting up or down (like 123456) is guessed first; choose a mix of "
                                      "digits."),
                                   QStringLiteral("pin")));
    return {};
}

Status UserService::checkName(const QString &name)
{
    const QString n = name.trimmed();
    if (n.isEmpty())
        return fail(Error::invalid(tr("A user needs a sign-in name."), QStringLiteral("name")));
    if (n.size() > MaxNameLength)
        return fail(Error::invalid(tr("A sign-in name may have at most %1 characters.").arg(MaxNameLength),
                                   QStringLiteral("name")));
    for (QChar c : n)
        if (c.category() == QChar::Other_Control)
            return fail(
                Error::invalid(tr("A sign-in name cannot contain control characters."), QStringLiteral("name")));
    return {};
}

Result<User> UserService::add(const QString &rawName, MemberId member, const QList<Role> &rawRoles,
                              const QString &passphrase, const QString &pin)
{
    if (auto ok = m_access.require(Permission::ManageUsers); !ok)
        return fail(ok.error());
    const QString name = rawName.trimmed();
    if (auto ok = checkName(name); !ok)
        return fail(ok.error());
    const QList<Role> roles = normalisedRoles(rawRoles);
    if (roles.isEmpty())
        return fail(Error::invalid(tr("A user needs at least one role."), QStringLiteral("role")));
    if (auto ok = checkPassphrase(passphrase); !ok)
        return fail(ok.error());
    if (!pin.isEmpty())
        if (auto ok = checkPin(pin); !ok)
            return fail(ok.error());
    // Hashed before the write lock is taken: Argon2 takes a good part of a
    // second, and the other desks should not wait for it.
    auto hash = PassphraseHasher::hash(passphrase);
    if (!hash)
        return fail(hash.error());
    QVariant pinHash; // null: no PIN
    if (!pin.isEmpty()) {
        auto hashed = PassphraseHasher::hash(pin, PassphraseHasher::Purpose::Pin);
        if (!hashed)
            return fail(hashed.error());
        pinHash = *hashed;
    }
    // The permission was checked above, before the hashing, which stays
    // outside the write lock.
    return m_work.runThenRead<UserId>(
        std::nullopt, [&](Write &w) -> Result<UserId> { return addIn(w, name, member, roles, *hash, pinHash); },
        [this](UserId made) { return get(made); });
}

Result<UserId> UserService::addIn(Write &w, const QString &name, MemberId member, const QList<Role> &roles,
                                  const QString &hash, const QVariant &pinHash)
{
    Query anyUser(w.connection(), QStringLiteral("SELECT count(*) FROM users WHERE removed_at IS NULL"));
    auto existing = anyUser.scalar();
    if (!existing)
        return fail(existing.error());
    if (existing->toInt() == 0 && !roles.contains(Role::Admin))
        return fail(Error::refused(tr("The first user must be an admin, or no one could manage users afterwards."),
                                   QStringLiteral("role")));

    Query memberQ(w.connection(), QStringLiteral("SELECT kind, forgotten_at IS NOT NULL FROM members WHERE id = :id"));
    memberQ.bind(QStringLiteral(":id"), member.value());
    if (auto ok = memberQ.exec(); !ok)
        return fail(ok.error());
    if (!memberQ.next())
        return fail(Error::notFound(tr("There is no member #%1.").arg(member.value()), QStringLiteral("member")));
    if (memberQ.value(0).toString() != QStringLiteral("person"))
        return fail(Error::invalid(tr("A user must be a person, not an organisation."), QStringLiteral("member")));
    if (memberQ.value(1).toBool())
        return fail(Error::refused(tr("Member #%1 was forgotten and cannot become a user.").arg(member.value()),
                                   QStringLiteral("member")));

    Query taken(w.connection(),
                QStringLiteral("SELECT 1 FROM users WHERE name = :name COLLATE NOCASE AND removed_at IS NULL"));
    taken.bind(QStringLiteral(":name"), name);
    if (auto ok = taken.exec(); !ok)
        return fail(ok.error());
    if (taken.next())
        return fail(Error::refused(tr("There is already a user called “%1”.").arg(name), QStringLiteral("name")));

    Query insert(w.connection(),
                 QStringLiteral("INSERT INTO users (name, member_id, passphrase_hash, pin_hash, created_at) "
                                "VALUES (:name, :member, :hash, :pin, :now)"));
    insert.bind(QStringLiteral(":name"), name)
        .bind(QStringLiteral(":member"), member.value())
        .bind(QStringLiteral(":hash"), hash)
        .bind(QStringLiteral(":pin"), pinHash)
        .bind(QStringLiteral(":now"), m_clock.nowSecs());
    if (auto ok = insert.exec(); !ok)
        return fail(ok.error());
    const UserId id(insert.lastInsertId());
    Query role(w.connection(), QStringLiteral("INSERT INTO user_roles (user_id, role) VALUES (:id, :role)"));
    for (Role r : roles) {
        role.bind(QStringLiteral(":id"), id.value()).bind(QStringLiteral(":role"), roleName(r));
        if (auto ok = role.exec(); !ok)
            return fail(ok.error());
    }
    w.audit(QStringLiteral("user.add"), QStringLiteral("user"), id.value(),
            (pinHash.isNull() ? tr("user #%1 for member #%2 with roles %3")
                              : tr("user #%1 for member #%2 with roles %3, PIN set"))
                .arg(id.value())
                .arg(member.value())
                .arg(rolesText(roles)));
    return id;
}

Result<QList<User>> UserService::list() const
{
    auto all = page({}, -1);
    if (!all)
        return fail(all.error());
    return std::move(all->rows);
}

Result<Page<User>> UserService::page(const PageKey &after, int limit) const
{
    // By sign-in name as people read it (any case), the id making it total.
    const KeysetOrder order({{QStringLiteral("u.name COLLATE NOCASE")}, {QStringLiteral("u.id")}}, false);
    QString sql = QStringLiteral("SELECT ") + UserColumns + order.keyColumns() +
                  QStringLiteral(" FROM users u JOIN members m ON m.id = u.member_id WHERE u.removed_at IS NULL");
    if (const QString beyond = order.after(after); !beyond.isEmpty())
        sql += QStringLiteral(" AND ") + beyond;
    Query q(*m_db, sql + QStringLiteral(" ORDER BY ") + order.orderBy() + QStringLiteral(" LIMIT :limit"));
    order.bind(q, after);
    q.bind(QStringLiteral(":limit"), limit);
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    Page<User> out;
    while (q.next()) {
        out.rows << userFrom(q);
        out.next = order.keyOf(q, UserColumnCount);
    }
    Query roles(*m_db, QStringLiteral("SELECT role FROM user_roles WHERE user_id = :id"));
    for (User &u : out.rows) {
        roles.bind(QStringLiteral(":id"), u.id.value());
        if (auto ok = roles.exec(); !ok)
            return fail(ok.error());
        QList<Role> found;
        while (roles.next())
            if (auto r = parseRole(roles.value(0).toString()))
                found << *r;
        u.roles = normalisedRoles(found);
    }
    return out;
}

Result<int> UserService::count() const
{
    Query q(*m_db, QStringLiteral("SELECT count(*) FROM users u WHERE u.removed_at IS NULL"));
    auto n = q.scalar();
    if (!n)
        return fail(n.error());
    return n->toInt();
}

Result<User> UserService::get(UserId id) const
{
    auto all = list();
    if (!all)
        return fail(all.error());
    for (const User &u : std::as_const(*all))
        if (u.id == id)
            return u;
    return fail(Error::notFound(tr("There is no user #%1.").arg(id.value())));
}

Result<User> UserService::find(const QString &name) const
{
    auto all = list();
    if (!all)
        return fail(all.error());
    for (const User &u : std::as_const(*all))
        if (u.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return u;
    return fail(Error::notFound(tr("There is no user called “%1”.").arg(name.trimmed()), QStringLiteral("user")));
}

bool UserService::hasUsers() const
{
    Query q(*m_db, QStringLiteral("SELECT EXISTS (SELECT 1 FROM users WHERE removed_at IS NULL)"));
    auto n = q.scalar();
    return n && n->toBool();
}

Status UserService::setRoles(UserId id, const QList<Role> &rawRoles)
{
    if (auto ok = m_work.run(Permission::ManageUsers, [&](Write &w) -> Status { return setRolesIn(w, id, rawRoles); });
        !ok)
        return ok;
    m_access.refresh();
    return {};
}

Status UserService::setRolesIn(Write &w, UserId id, const QList<Role> &rawRoles)
{
    const QList<Role> roles = normalisedRoles(rawRoles);
    if (roles.isEmpty())
        return fail(
            Error::invalid(tr("A user needs at least one role; remove the user instead."), QStringLiteral("role")));
    auto user = get(id);
    if (!user)
        return fail(user.error());
    if (user->roles.contains(Role::Admin) && !roles.contains(Role::Admin)) {
        Query admins(w.connection(),
                     QStringLiteral("SELECT count(*) FROM user_roles r JOIN users u ON u.id = r.user_id "
                                    "WHERE r.role = 'admin' AND u.removed_at IS NULL"));
        auto n = admins.scalar();
        if (!n)
            return fail(n.error());
        if (n->toInt() <= 1)
            return fail(Error::refused(tr("“%1” is the last admin; make someone else an admin first.").arg(user->name),
                                       QStringLiteral("role")));
    }
    Query clear(w.connection(), QStringLiteral("DELETE FROM user_roles WHERE user_id = :id"));
    clear.bind(QStringLiteral(":id"), id.value());
    if (auto ok = clear.exec(); !ok)
        return ok;
    Query role(w.connection(), QStringLiteral("INSERT INTO user_roles (user_id, role) VALUES (:id, :role)"));
    for (Role r : roles) {
        role.bind(QStringLiteral(":id"), id.value()).bind(QStringLiteral(":role"), roleName(r));
        if (auto ok = role.exec(); !ok)
            return ok;
    }
    w.audit(QStringLiteral("user.roles"), QStringLiteral("user"), id.value(),
            tr("roles %1 → %2").arg(rolesText(user->roles), rolesText(roles)));
    return {};
}

Status UserService::addRole(UserId id, Role role)
{
    auto user = get(id);
    if (!user)
        return fail(user.error());
    QList<Role> roles = user->roles;
    if (!roles.contains(role))
        roles << role;
    return setRoles(id, roles);
}

Status UserService::removeRole(UserId id, Role role)
{
    auto user = get(id);
    if (!user)
        return fail(user.error());
    QList<Role> roles = user->roles;
    roles.removeAll(role);
    return setRoles(id, roles);
}

Status UserService::changePassphrase(UserId id, const QString &passphrase)
{
    const auto current = m_access.currentUser();
    const bool self = current && current->id == id;
    if (!self)
        if (auto ok = m_access.require(Permission::ManageUsers); !ok)
            return ok;
    if (auto ok = checkPassphrase(passphrase); !ok)
        return ok;
    auto user = get(id);
    if (!user)
        return fail(user.error());
    auto hash = PassphraseHasher::hash(passphrase);
    if (!hash)
        return fail(hash.error());
    // The permission was decided above: a user may change their own.
    return m_work.run(std::nullopt, [&](Write &w) -> Status {
        // A new passphrase also lifts a lock-out: an admin resetting it is the way back in.
        Query q(w.connection(), QStringLiteral("UPDATE users SET passphrase_hash = :hash, failed_tries = 0, "
                                               "lock_count = 0, locked_until = NULL WHERE id = :id"));
        q.bind(QStringLiteral(":hash"), *hash).bind(QStringLiteral(":id"), id.value());
        if (auto ok = q.exec(); !ok)
            return ok;
        w.audit(QStringLiteral("user.passphrase"), QStringLiteral("user"), id.value(),
                self ? tr("changed their own passphrase") : tr("passphrase reset"));
        return {};
    });
}

Status UserService::setPin(UserId id, const QString &pin)
{
    const auto current = m_access.currentUser();
    const bool self = current && current->id == id;
    if (!self)
        if (auto ok = m_access.require(Permission::ManageUsers); !ok)
            return ok;
    if (!pin.isEmpty())
        if (auto ok = checkPin(pin); !ok)
            return ok;
    auto user = get(id);
    if (!user)
        return fail(user.error());
    QVariant hashValue; // null clears the PIN
    if (!pin.isEmpty()) {
        auto hash = PassphraseHasher::hash(pin, PassphraseHasher::Purpose::Pin);
        if (!hash)
            return fail(hash.error());
        hashValue = *hash;
    }
    // The permission was decided above: a user may set their own.
    return m_work.run(std::nullopt, [&](Write &w) -> Status {
        Query q(w.connection(), QStringLiteral("UPDATE users SET pin_hash = :hash WHERE id = :id"));
        q.bind(QStringLiteral(":hash"), hashValue).bind(QStringLiteral(":id"), id.value());
        if (auto ok = q.exec(); !ok)
            return ok;
        w.audit(QStringLiteral("user.pin"), QStringLiteral("user"), id.value(),
                pin.isEmpty() ? tr("PIN cleared") : tr("PIN set"));
        return {};
    });
}

Status UserService::remove(UserId id)
{
    if (auto ok = m_work.run(Permission::ManageUsers, [&](Write &w) -> Status { return removeIn(w, id); }); !ok)
        return ok;
    m_access.refresh();
    return {};
}

Status UserService::removeIn(Write &w, UserId id)
{
    auto user = get(id);
    if (!user)
        return fail(user.error());
    if (user->roles.contains(Role::Admin)) {
        Query q(w.connection(),
                QStringLiteral("SELECT count(*) FROM users u WHERE u.removed_at IS NULL AND u.id <> :id "
                               "AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND "
                               "r.role = 'admin')"));
        q.bind(QStringLiteral(":id"), id.value());
        auto otherAdmins = q.scalar();
        if (!otherAdmins)
            return fail(otherAdmins.error());
        Query others(w.connection(),
                     QStringLiteral("SELECT count(*) FROM users WHERE removed_at IS NULL AND id <> :id"));
        others.bind(QStringLiteral(":id"), id.value());
        auto otherUsers = others.scalar();
        if (!otherUsers)
            return fail(otherUsers.error());
        if (otherAdmins->toInt() == 0 && otherUsers->toInt() > 0)
            return fail(Error::refused(
                tr("“%1” is the last admin; make someone else an admin before removing them.").arg(user->name)));
    }
    Query q(w.connection(), QStringLiteral("UPDATE users SET removed_at = :now, pin_hash = NULL WHERE id = :id"));
    q.bind(QStringLiteral(":now"), m_clock.nowSecs()).bind(QStringLiteral(":id"), id.value());
    if (auto ok = q.exec(); !ok)
        return ok;
    w.audit(QStringLiteral("user.remove"), QStringLiteral("user"), id.value(), tr("user #%1 removed").arg(id.value()));
    return {};
}

Status UserService::eraseMember(MemberId member, const QString &pseudonym)
{
    Query q(*m_db, QStringLiteral("SELECT id, name FROM users WHERE member_id = :m"));
    q.bind(QStringLiteral(":m"), member.value());
    if (auto ok = q.exec(); !ok)
        return ok;
    QList<std::pair<qint64, QString>> users;
    while (q.next())
        users << std::pair{q.value(0).toLongLong(), q.value(1).toString()};
    for (const auto &[id, name] : std::as_const(users)) {
        if (auto ok = m_audit.pseudonymise(name, pseudonym); !ok)
            return ok;
        // Where else the sign-in name was written as "who". Transfers keep
        // theirs: they are immutable and hash-chained.
        for (const QString &sql : {
                 QStringLiteral("UPDATE limit_changes SET changed_by = :p WHERE changed_by = :n COLLATE NOCASE"),
                 QStringLiteral("UPDATE bookings SET created_by = :p WHERE created_by = :n COLLATE NOCASE"),
                 QStringLiteral("UPDATE booking_series SET created_by = :p WHERE created_by = :n COLLATE NOCASE"),
                 QStringLiteral("UPDATE gatherings SET created_by = :p WHERE created_by = :n COLLATE NOCASE"),
                 QStringLiteral("UPDATE ideas SET entered_by = :p WHERE entered_by = :n COLLATE NOCASE"),
             }) {
            Query rename(*m_db, sql);
            rename.bind(QStringLiteral(":p"), pseudonym).bind(QStringLiteral(":n"), name);
            if (auto ok = rename.exec(); !ok)
                return ok;
        }
        // The name is personal data; the row stays (removed) so ids in the
        // audit trail still point somewhere.
        Query erase(*m_db, QStringLiteral("UPDATE users SET name = :pseudonym, passphrase_hash = '', pin_hash = NULL, "
                                          "removed_at = coalesce(removed_at, :now) WHERE id = :id"));
        erase.bind(QStringLiteral(":pseudonym"), pseudonym)
            .bind(QStringLiteral(":now"), m_clock.nowSecs())
            .bind(QStringLiteral(":id"), id);
        if (auto ok = erase.exec(); !ok)
            return ok;
        Query roles(*m_db, QStringLiteral("DELETE FROM user_roles WHERE user_id = :id"));
        roles.bind(QStringLiteral(":id"), id);
        if (auto ok = roles.exec(); !ok)
            return ok;
    }
    m_access.refresh();
    return {};
}

} // namespace hub
