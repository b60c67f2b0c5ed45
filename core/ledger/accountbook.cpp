// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ledger/accountbook.h"

#include "core/access/accesscontrol.h"
#include "core/ledger/accountposition.h"
#include "core/ledger/ledgersqlvalues.h"
#include "core/members/memberservice.h"
#include "core/members/searchterms.h"
#include "core/settings/settingsservice.h"
#include "core/storage/database.h"
#include "core/storage/query.h"

namespace hub {

namespace {

const QString AccountColumns = QStringLiteral(
    "a.id, m.id, m.display_name, a.role, a.status, a.balance_minor, a.limit_min_minor, a.limit_max_minor, "
    "a.warn_min_minor, a.opened_at, a.last_activity_at");

Account accountFrom(const Query &q)
{
    Account a;
    a.id = AccountId(q.value(0).toLongLong());
    a.member = MemberId(q.value(1).toLongLong());
    a.memberName = q.value(2).toString();
    a.isHub = q.value(3).toString() == QStringLiteral("hub");
    a.status = accountStatusFrom(q.value(4).toString()).value_or(AccountStatus::Open);
    a.balance = Amount::fromMinor(q.value(5).toLongLong());
    a.limitMin = Amount::fromMinor(q.value(6).toLongLong());
    a.limitMax = LedgerSqlValues::optionalAmount(q.value(7));
    a.warnMin = LedgerSqlValues::optionalAmount(q.value(8));
    a.openedAt = LedgerSqlValues::fromSecs(q.value(9));
    a.lastActivityAt = LedgerSqlValues::fromSecs(q.value(10));
    return a;
}

QString accountWhere(const AccountFilter &f, Backend backend, QList<std::pair<QString, QVariant>> &binds)
{
    QStringList where{QStringLiteral("(m.forgotten_at IS NULL OR a.id IS NOT NULL)")};
    const SearchTerms terms(f.search, backend);
    if (!terms.isEmpty()) {
        where << QStringLiteral("m.id IN (%1)").arg(terms.ids());
        terms.bindTo(binds);
    }
    if (f.status) {
        where << QStringLiteral("coalesce(a.status, 'open') = :status");
        binds.append({QStringLiteral(":status"), toString(*f.status)});
    }
    if (f.atRiskOnly)
        where << AccountPosition::atRiskSql();
    return QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
}

// Accounts not yet opened show as they would open: zero, default limits.
const QString AccountListColumns =
    QStringLiteral("coalesce(a.id, 0), m.id, m.display_name, coalesce(a.role, 'member'), coalesce(a.status, 'open'), "
                   "coalesce(a.balance_minor, 0), coalesce(a.limit_min_minor, :defmin), "
                   "CASE WHEN a.id IS NULL THEN :defmax ELSE a.limit_max_minor END, a.warn_min_minor, a.opened_at, "
                   "a.last_activity_at");

} // namespace

AccountBook::AccountBook(std::shared_ptr<Database> db, const SettingsService &settings, MemberService &members,
                         const Clock &clock, const QString &actor, const AccessControl &access, AuditTrail &audit)
    : m_db(std::move(db)), m_settings(settings), m_members(members), m_clock(clock), m_actor(actor), m_access(access),
      m_work(m_db, access, audit)
{}

Result<Account> AccountBook::ensureAccount(const QSqlDatabase &db, MemberId member)
{
    Query q(db, QStringLiteral("SELECT ") + AccountColumns +
                    QStringLiteral(" FROM accounts a JOIN members m ON m.id = a.member_id WHERE a.member_id = :m"));
    q.bind(QStringLiteral(":m"), member.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    if (q.next())
        return accountFrom(q);
    auto m = m_members.get(member);
    if (!m)
        return fail(m.error());
    if (m->forgotten)
        return fail(Error::refused(tr("%1 has no account and cannot trade").arg(m->displayName)));
    auto s = m_settings.load();
    if (!s)
        return fail(s.error());
    Query ins(db, QStringLiteral("INSERT INTO accounts(member_id, limit_min_minor, limit_max_minor, opened_at) "
                                 "VALUES (:m, :min, :max, :now)"));
    ins.bind(QStringLiteral(":m"), member.value())
        .bind(QStringLiteral(":min"), s->defaultLimitMin.minor())
        .bind(QStringLiteral(":max"), LedgerSqlValues::nullable(s->defaultLimitMax))
        .bind(QStringLiteral(":now"), m_clock.nowSecs());
    if (auto ok = ins.exec(); !ok)
        return fail(ok.error());
    q.raw().finish();
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    if (!q.next())
        return fail(Error::storage(tr("the account of member #%1 could not be opened").arg(member.value())));
    return accountFrom(q);
}

Result<Account> AccountBook::account(MemberId member)
{
    return m_work.run<Account>(std::nullopt,
                               [&](Write &w) -> Result<Account> { return ensureAccount(w.connection(), member); });
}

Result<Account> AccountBook::hubAccount()
{
    return m_work.run<Account>(std::nullopt, [&](Write &w) -> Result<Account> { return hubAccountIn(w); });
}

Result<Account> AccountBook::hubAccountIn(Write &w)
{
    Query q(w.connection(), QStringLiteral("SELECT member_id FROM accounts WHERE role = 'hub'"));
    auto existing = q.scalar();
    if (!existing)
        return fail(existing.error());
    q.raw().finish();
    MemberId member(existing->toLongLong());
    if (!member.isValid()) {
        auto s = m_settings.load();
        if (!s)
            return fail(s.error());
        MemberDraft d;
        d.kind = MemberKind::Organisation;
        d.displayName = s->name;
        d.notes = tr("The hub's own account: it receives space charges and levies.");
        auto added = m_members.add(d);
        if (!added)
            return fail(added.error());
        member = added->id;
        if (auto a = ensureAccount(w.connection(), member); !a)
            return fail(a.error());
        Query role(w.connection(), QStringLiteral("UPDATE accounts SET role = 'hub' WHERE member_id = :m"));
        role.bind(QStringLiteral(":m"), member.value());
        if (auto ok = role.exec(); !ok)
            return fail(ok.error());
    }
    auto a = ensureAccount(w.connection(), member);
    if (!a)
        return fail(a.error());
    return a;
}

namespace {
/// The order of each sort, the name then the id breaking ties, so the order
/// is total and a page key is exact.
KeysetOrder accountOrder(AccountSort sort, bool descending)
{
    using C = KeysetOrder::Column;
    const C name{QStringLiteral("m.sort_key")};
    const C id{QStringLiteral("m.id")};
    switch (sort) {
    case AccountSort::Name:
        break;
    case AccountSort::Balance:
        return KeysetOrder({{QStringLiteral("coalesce(a.balance_minor, 0)")}, name, id}, descending);
    case AccountSort::LastActivity:
        // Never-used accounts (NULL) sort first, as SQLite sorts NULL.
        return KeysetOrder({{QStringLiteral("coalesce(a.last_activity_at, 0)")}, name, id}, descending);
    }
    return KeysetOrder({name, id}, descending);
}

// How many columns AccountListColumns selects: a page's key is read after them.
constexpr int AccountListColumnCount = 11;
} // namespace

Result<QList<Account>> AccountBook::accounts(const AccountFilter &filter, int limit, AccountSort sort,
                                             bool descending) const
{
    auto first = accountPage(filter, {}, limit, sort, descending);
    if (!first)
        return fail(first.error());
    return std::move(first->rows);
}

Result<Page<Account>> AccountBook::accountPage(const AccountFilter &filter, const PageKey &after, int limit,
                                               AccountSort sort, bool descending) const
{
    auto s = m_settings.load();
    if (!s)
        return fail(s.error());
    QList<std::pair<QString, QVariant>> binds;
    const KeysetOrder order = accountOrder(sort, descending);
    const QString where = order.narrowed(accountWhere(filter, m_db->backend(), binds), after);
    Query q(*m_db, QStringLiteral("SELECT ") + AccountListColumns + order.keyColumns() +
                       QStringLiteral(" FROM members m LEFT JOIN accounts a ON a.member_id = m.id") + where +
                       QStringLiteral(" ORDER BY ") + order.orderBy() + QStringLiteral(" LIMIT :limit"));
    for (const auto &[name, value] : binds)
        q.bind(name, value);
    order.bind(q, after);
    q.bind(QStringLiteral(":defmin"), s->defaultLimitMin.minor())
        .bind(QStringLiteral(":defmax"), LedgerSqlValues::nullable(s->defaultLimitMax))
        .bind(QStringLiteral(":limit"), limit);
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    Page<Account> out;
    while (q.next()) {
        out.rows << accountFrom(q);
        out.next = order.keyOf(q, AccountListColumnCount);
    }
    return out;
}

Result<int> AccountBook::accountCount(const AccountFilter &filter) const
{
    QList<std::pair<QString, QVariant>> binds;
    Query q(*m_db, QStringLiteral("SELECT count(*) FROM members m LEFT JOIN accounts a ON a.member_id = m.id") +
                       accountWhere(filter, m_db->backend(), binds));
    for (const auto &[name, value] : binds)
        q.bind(name, value);
    auto v = q.scalar();
    if (!v)
        return fail(v.error());
    return v->toInt();
}

Status AccountBook::setLimits(MemberId member, const LimitChange &change)
{
    if (auto ok = m_access.require(Permission::ChangeLimits); !ok)
        return ok;
    if (change.override)
        if (auto ok = m_access.require(Permission::Override); !ok)
            return ok;
    auto settings = m_settings.load();
    if (!settings)
        return fail(settings.error());
    if (change.min.minor() > 0)
        return fail(Error::invalid(tr("the lower limit must be zero or below"), QStringLiteral("min")));
    if (change.max && change.max->minor() <= 0)
        return fail(Error::invalid(tr("the upper limit must be above zero"), QStringLiteral("max")));
    if (change.warn && (*change.warn < change.min || change.warn->minor() > 0))
        return fail(
            Error::invalid(tr("the warning level must lie between the lower limit and zero"), QStringLiteral("warn")));
    if (change.override && change.note.trimmed().isEmpty())
        return fail(Error::invalid(tr("an override needs a note saying why"), QStringLiteral("override")));
    return m_work.run(std::nullopt, [&](Write &w) -> Status { return setLimitsIn(w, member, change, *settings); });
}

Status AccountBook::setLimitsIn(Write &w, MemberId member, const LimitChange &change, const HubSettings &settings)
{
    const auto money = [&](Amount a) {
        return settings.formatAmount(a);
    };
    auto a = ensureAccount(w.connection(), member);
    if (!a)
        return fail(a.error());
    if (a->balance < change.min && !change.override)
        return fail(Error::refused(tr("%1's balance is %2, already below the new lower limit of %3; lower the "
                                      "limit to at most %2, or override with a note")
                                       .arg(a->memberName, money(a->balance), money(change.min)),
                                   QStringLiteral("min")));
    if (change.max && a->balance > *change.max && !change.override)
        return fail(Error::refused(tr("%1's balance is %2, already above the new upper limit of %3; override with a "
                                      "note to set it anyway")
                                       .arg(a->memberName, money(a->balance), money(*change.max)),
                                   QStringLiteral("max")));
    Query log(w.connection(), QStringLiteral("INSERT INTO limit_changes(account_id, changed_at, changed_by, old_min, "
                                             "new_min, old_max, new_max, new_warn, override, note) VALUES (:a, :at, "
                                             ":by, :omin, :nmin, :omax, :nmax, :warn, :ov, :note)"));
    log.bind(QStringLiteral(":a"), a->id.value())
        .bind(QStringLiteral(":at"), m_clock.nowSecs())
        .bind(QStringLiteral(":by"), m_actor)
        .bind(QStringLiteral(":omin"), a->limitMin.minor())
        .bind(QStringLiteral(":nmin"), change.min.minor())
        .bind(QStringLiteral(":omax"), LedgerSqlValues::nullable(a->limitMax))
        .bind(QStringLiteral(":nmax"), LedgerSqlValues::nullable(change.max))
        .bind(QStringLiteral(":warn"), LedgerSqlValues::nullable(change.warn))
        .bind(QStringLiteral(":ov"), change.override)
        .bind(QStringLiteral(":note"), change.note.trimmed());
    if (auto ok = log.exec(); !ok)
        return ok;
    Query upd(w.connection(), QStringLiteral("UPDATE accounts SET limit_min_minor = :min, limit_max_minor = :max, "
                                             "warn_min_minor = :warn WHERE id = :id"));
    upd.bind(QStringLiteral(":min"), change.min.minor())
        .bind(QStringLiteral(":max"), LedgerSqlValues::nullable(change.max))
        .bind(QStringLiteral(":warn"), LedgerSqlValues::nullable(change.warn))
        .bind(QStringLiteral(":id"), a->id.value());
    if (auto ok = upd.exec(); !ok)
        return ok;
    w.audit(QStringLiteral("account.limits"), QStringLiteral("account"), a->id.value(),
            tr("lower limit %1 → %2, upper limit %3 → %4%5")
                .arg(money(a->limitMin), money(change.min), a->limitMax ? money(*a->limitMax) : tr("none"),
                     change.max ? money(*change.max) : tr("none"), change.override ? tr("; override") : QString()));
    return {};
}

Status AccountBook::setStatus(MemberId member, AccountStatus status)
{
    return m_work.run(Permission::ChangeLimits, [&](Write &w) -> Status {
        auto a = ensureAccount(w.connection(), member);
        if (!a)
            return fail(a.error());
        if (status == AccountStatus::Closed && !a->balance.isZero()) {
            const auto s = m_settings.load();
            return fail(
                Error::refused(tr("%1's balance is %2; an account closes only at zero")
                                   .arg(a->memberName, s ? s->formatAmount(a->balance) : a->balance.toString(2))));
        }
        Query upd(w.connection(),
                  QStringLiteral("UPDATE accounts SET status = :s, closed_at = :closed WHERE id = :id"));
        upd.bind(QStringLiteral(":s"), toString(status))
            .bind(QStringLiteral(":closed"), status == AccountStatus::Closed ? QVariant(m_clock.nowSecs())
                                                                             : QVariant(QMetaType(QMetaType::LongLong)))
            .bind(QStringLiteral(":id"), a->id.value());
        if (auto ok = upd.exec(); !ok)
            return ok;
        w.audit(QStringLiteral("account.status"), QStringLiteral("account"), a->id.value(),
                tr("%1 → %2").arg(toString(a->status), toString(status)));
        return {};
    });
}

Status AccountBook::storeBalance(const QSqlDatabase &db, AccountId account, Amount balance, const QDateTime &at)
{
    Query upd(db, QStringLiteral("UPDATE accounts SET balance_minor = :b, last_activity_at = :at WHERE id = :id"));
    upd.bind(QStringLiteral(":b"), balance.minor())
        .bind(QStringLiteral(":at"), at.toSecsSinceEpoch())
        .bind(QStringLiteral(":id"), account.value());
    return upd.exec();
}

} // namespace hub
