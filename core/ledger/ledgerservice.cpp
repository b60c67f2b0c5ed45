// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ledger/ledgerservice.h"

#include "core/access/accesscontrol.h"
#include "core/audit/audittrail.h"
#include "core/common/textrules.h"
#include "core/ledger/accountposition.h"
#include "core/members/memberindex.h"
#include "core/members/memberservice.h"
#include "core/settings/settingsservice.h"
#include "core/storage/database.h"
#include "core/storage/query.h"
#include "core/storage/transaction.h"

#include <QCryptographicHash>
#include <QHash>
#include <QTimeZone>

#include <unordered_map>

namespace hub {

QString toString(AccountStatus status)
{
    switch (status) {
    case AccountStatus::Open:
        return QStringLiteral("open");
    case AccountStatus::Frozen:
        return QStringLiteral("frozen");
    case AccountStatus::Closed:
        return QStringLiteral("closed");
    }
    return QStringLiteral("open");
}

std::optional<AccountStatus> accountStatusFrom(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QStringLiteral("open"))
        return AccountStatus::Open;
    if (t == QStringLiteral("frozen"))
        return AccountStatus::Frozen;
    if (t == QStringLiteral("closed"))
        return AccountStatus::Closed;
    return std::nullopt;
}

namespace {

const QString GenesisHash = QString(64, u'0');

const QString AccountColumns = QStringLiteral(
    "a.id, m.id, m.display_name, a.role, a.status, a.balance_minor, a.limit_min_minor, a.limit_max_minor, "
    "a.warn_min_minor, a.opened_at, a.last_activity_at");

const QString TransferColumns = QStringLiteral(
    "t.id, t.payer_account, t.payee_account, pa.member_id, pe.member_id, pm.display_name, em.display_name, "
    "t.amount_minor, t.memo, coalesce(c.name, ''), t.reference, t.reverses_id, "
    "(SELECT r.id FROM transfers r WHERE r.reverses_id = t.id), t.override_note, t.entered_by, t.created_at, "
    "t.prev_hash, t.hash");
const QString TransferJoins = QStringLiteral(
    " FROM transfers t JOIN accounts pa ON pa.id = t.payer_account JOIN accounts pe ON pe.id = t.payee_account "
    "JOIN members pm ON pm.id = pa.member_id JOIN members em ON em.id = pe.member_id "
    "LEFT JOIN transfer_categories c ON c.id = t.category_id");

std::optional<Amount> optionalAmount(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional(Amount::fromMinor(v.toLongLong()));
}

QVariant nullable(const std::optional<Amount> &a)
{
    return a ? QVariant(a->minor()) : QVariant(QMetaType(QMetaType::LongLong));
}

QDateTime fromSecs(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

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
    a.limitMax = optionalAmount(q.value(7));
    a.warnMin = optionalAmount(q.value(8));
    a.openedAt = fromSecs(q.value(9));
    a.lastActivityAt = fromSecs(q.value(10));
    return a;
}

Transfer transferFrom(const Query &q)
{
    Transfer t;
    t.id = TransferId(q.value(0).toLongLong());
    t.payerAccount = AccountId(q.value(1).toLongLong());
    t.payeeAccount = AccountId(q.value(2).toLongLong());
    t.payer = MemberId(q.value(3).toLongLong());
    t.payee = MemberId(q.value(4).toLongLong());
    t.payerName = q.value(5).toString();
    t.payeeName = q.value(6).toString();
    t.amount = Amount::fromMinor(q.value(7).toLongLong());
    t.memo = q.value(8).toString();
    t.category = q.value(9).toString();
    t.reference = q.value(10).toString();
    if (!q.value(11).isNull())
        t.reverses = TransferId(q.value(11).toLongLong());
    if (!q.value(12).isNull())
        t.reversedBy = TransferId(q.value(12).toLongLong());
    t.overrideNote = q.value(13).toString();
    t.enteredBy = q.value(14).toString();
    t.createdAt = fromSecs(q.value(15));
    t.prevHash = q.value(16).toString();
    t.hash = q.value(17).toString();
    return t;
}

// Constant fragments only; values are bound.
QString transferWhere(const TransferFilter &f, QList<std::pair<QString, QVariant>> &binds)
{
    QStringList where;
    if (f.member) {
        // Two index lookups instead of an OR that would scan every transfer
        // newest-first looking for a rarely trading member's few.
        where << QStringLiteral("t.id IN (SELECT x.id FROM transfers x WHERE x.payer_account = (SELECT id FROM "
                                "accounts WHERE member_id = :member) UNION ALL SELECT x.id FROM transfers x WHERE "
                                "x.payee_account = (SELECT id FROM accounts WHERE member_id = :member))");
        binds.append({QStringLiteral(":member"), f.member->value()});
    }
    if (f.from.isValid()) {
        where << QStringLiteral("t.created_at >= :from");
        binds.append({QStringLiteral(":from"), f.from.toSecsSinceEpoch()});
    }
    if (f.to.isValid()) {
        where << QStringLiteral("t.created_at < :to");
        binds.append({QStringLiteral(":to"), f.to.toSecsSinceEpoch()});
    }
    if (!f.category.isEmpty()) {
        where << QStringLiteral("c.name = :category");
        binds.append({QStringLiteral(":category"), f.category.simplified()});
    }
    return where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
}

QString accountWhere(const AccountFilter &f, QList<std::pair<QString, QVariant>> &binds)
{
    QStringList where{QStringLiteral("(m.forgotten_at IS NULL OR a.id IS NOT NULL)")};
    const QString match = MemberIndex::matchQuery(f.search);
    if (!match.isEmpty()) {
        where << QStringLiteral("m.id IN (SELECT rowid FROM member_search WHERE member_search MATCH :match)");
        binds.append({QStringLiteral(":match"), match});
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

LedgerService::LedgerService(std::shared_ptr<Database> db, SettingsService &settings, MemberService &members,
                             const Clock &clock, const QString &actor, AccessControl &access, AuditTrail &audit)
    : m_db(std::move(db)), m_settings(settings), m_members(members), m_clock(clock), m_actor(actor), m_access(access),
      m_audit(audit), m_work(m_db, access, audit)
{}

Status LedgerService::guardTransfer(const TransferDraft &d) const
{
    const bool granted = AccessControl::Grant::active(Permission::RecordTransfer);
    if (auto ok = m_access.require(Permission::RecordTransfer); !ok)
        return ok;
    if (d.overrideLimits)
        if (auto ok = m_access.require(Permission::Override); !ok)
            return ok;
    // The ceiling is for people who hold only the front-desk role: a
    // treasurer's transfer, a booking's own charge and the implicit admin pass.
    if (granted || m_access.isImplicitAdmin() || m_access.hasRole(Role::Treasurer))
        return {};
    const auto ceiling = m_access.frontDeskCeiling();
    if (ceiling && d.amount > *ceiling) {
        const auto s = m_settings.load();
        const auto money = [&](Amount a) {
            return s ? s->formatAmount(a) : a.toString(2);
        };
        return fail(Error::refused(tr("The front desk may record transfers of at most %1; %2 needs a treasurer.")
                                       .arg(money(*ceiling), money(d.amount)),
                                   QStringLiteral("amount")));
    }
    return {};
}

QString LedgerService::hashOf(const Transfer &t, qint64 categoryId)
{
    // Each field is length-prefixed so no choice of memo can make two
    // different transfers hash alike.
    QByteArray canonical("hubkeeper-transfer-v1");
    const auto add = [&](const QString &field) {
        const QByteArray utf8 = field.toUtf8();
        canonical += '|' + QByteArray::number(utf8.size()) + ':' + utf8;
    };
    add(QString::number(t.id.value()));
    add(QString::number(t.payerAccount.value()));
    add(QString::number(t.payeeAccount.value()));
    add(QString::number(t.amount.minor()));
    add(t.memo);
    add(QString::number(categoryId));
    add(t.reference);
    add(t.reverses ? QString::number(t.reverses->value()) : QString());
    add(t.overrideNote);
    add(t.enteredBy);
    add(QString::number(t.createdAt.toSecsSinceEpoch()));
    add(t.prevHash);
    return QString::fromLatin1(QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex());
}

QDateTime LedgerService::startOfDay(QDate date) const
{
    const auto s = m_settings.load();
    return date.startOfDay(s ? s->zone() : QTimeZone::utc()).toUTC();
}

Result<Account> LedgerService::ensureAccount(const QSqlDatabase &db, MemberId member)
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
        .bind(QStringLiteral(":max"), nullable(s->defaultLimitMax))
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

Result<Account> LedgerService::account(MemberId member)
{
    return m_work.run<Account>(std::nullopt,
                               [&](Write &w) -> Result<Account> { return ensureAccount(w.connection(), member); });
}

Result<Account> LedgerService::hubAccount()
{
    return m_work.run<Account>(std::nullopt, [&](Write &w) -> Result<Account> { return hubAccountIn(w); });
}

Result<Account> LedgerService::hubAccountIn(Write &w)
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

Result<QList<Account>> LedgerService::accounts(const AccountFilter &filter, int limit, int offset, AccountSort sort,
                                               bool descending) const
{
    auto s = m_settings.load();
    if (!s)
        return fail(s.error());
    QList<std::pair<QString, QVariant>> binds;
    QString order;
    switch (sort) {
    case AccountSort::Name:
        order = QStringLiteral("m.sort_key %1, m.id");
        break;
    case AccountSort::Balance:
        order = QStringLiteral("coalesce(a.balance_minor, 0) %1, m.sort_key, m.id");
        break;
    case AccountSort::LastActivity:
        order = QStringLiteral("a.last_activity_at %1, m.sort_key, m.id");
        break;
    }
    Query q(*m_db, QStringLiteral("SELECT ") + AccountListColumns +
                       QStringLiteral(" FROM members m LEFT JOIN accounts a ON a.member_id = m.id") +
                       accountWhere(filter, binds) + QStringLiteral(" ORDER BY ") +
                       order.arg(descending ? QStringLiteral("DESC") : QStringLiteral("ASC")) +
                       QStringLiteral(" LIMIT :limit OFFSET :offset"));
    for (const auto &[name, value] : binds)
        q.bind(name, value);
    q.bind(QStringLiteral(":defmin"), s->defaultLimitMin.minor())
        .bind(QStringLiteral(":defmax"), nullable(s->defaultLimitMax))
        .bind(QStringLiteral(":limit"), limit)
        .bind(QStringLiteral(":offset"), offset);
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    QList<Account> out;
    while (q.next())
        out << accountFrom(q);
    return out;
}

Result<int> LedgerService::accountCount(const AccountFilter &filter) const
{
    QList<std::pair<QString, QVariant>> binds;
    Query q(*m_db, QStringLiteral("SELECT count(*) FROM members m LEFT JOIN accounts a ON a.member_id = m.id") +
                       accountWhere(filter, binds));
    for (const auto &[name, value] : binds)
        q.bind(name, value);
    auto v = q.scalar();
    if (!v)
        return fail(v.error());
    return v->toInt();
}

Status LedgerService::validate(const TransferDraft &d)
{
    if (QList<Error> found = problems(d); !found.isEmpty())
        return fail(found.takeFirst());
    return {};
}

QList<Error> LedgerService::problems(const TransferDraft &d)
{
    QList<Error> found;
    const QString memo = d.memo.trimmed();
    if (!d.payer.isValid())
        found << Error::invalid(tr("choose who pays"), QStringLiteral("payer"));
    if (!d.payee.isValid())
        found << Error::invalid(tr("choose who receives"), QStringLiteral("payee"));
    else if (d.payer.isValid() && d.payer == d.payee)
        found << Error::invalid(tr("the payer and the payee are the same member"), QStringLiteral("payee"));
    if (d.amount.minor() <= 0)
        found << Error::invalid(tr("the amount must be more than zero"), QStringLiteral("amount"));
    if (memo.isEmpty())
        found << Error::invalid(tr("a memo is required: say what the credit is for"), QStringLiteral("memo"));
    else if (memo.size() > MaxMemoLength)
        found << Error::invalid(tr("the memo is longer than %1 characters").arg(MaxMemoLength), QStringLiteral("memo"));
    else if (auto ok = TextRules::name(d.memo, QStringLiteral("memo")); !ok)
        found << ok.error();
    for (const auto &[text, field] :
         {std::pair{d.category, QStringLiteral("category")}, std::pair{d.reference, QStringLiteral("reference")}})
        if (auto ok = TextRules::oneLine(text, field); !ok)
            found << ok.error();
    if (d.category.simplified().size() > MaxCategoryLength)
        found << Error::invalid(tr("the category is longer than %1 characters").arg(MaxCategoryLength),
                                QStringLiteral("category"));
    if (d.reference.size() > MaxReferenceLength)
        found << Error::invalid(tr("the reference is longer than %1 characters").arg(MaxReferenceLength),
                                QStringLiteral("reference"));
    if (d.overrideLimits && d.overrideNote.trimmed().isEmpty())
        found << Error::invalid(tr("an override needs a note saying why"), QStringLiteral("override"));
    return found;
}

QString LedgerService::reversalMemo(const Transfer &original)
{
    return tr("Reversal of #%1: %2").arg(original.id.value()).arg(original.memo);
}

Result<std::pair<Amount, Amount>> LedgerService::checkRules(const TransferDraft &d, const Account &payer,
                                                            const Account &payee, const HubSettings &settings)
{
    const auto money = [&](Amount a) {
        return settings.formatAmount(a);
    };
    if (payer.status != AccountStatus::Open)
        return fail(
            Error::refused(tr("%1's account is %2 and cannot pay").arg(payer.memberName, toString(payer.status))));
    if (payee.status == AccountStatus::Closed)
        return fail(Error::refused(tr("%1's account is closed and cannot receive").arg(payee.memberName)));
    const auto payerAfter = payer.balance.checkedSub(d.amount);
    const auto payeeAfter = payee.balance.checkedAdd(d.amount);
    if (!payerAfter || !payeeAfter)
        return fail(Error::invalid(tr("%1 is too large to post").arg(money(d.amount)), QStringLiteral("amount")));
    if (*payerAfter < payer.limitMin && !d.overrideLimits)
        return fail(Error::refused(
            tr("%1's balance is %2 and their lower limit is %3: paying %4 would take it to %5, %6 beyond the limit.")
                .arg(payer.memberName, money(payer.balance), money(payer.limitMin), money(d.amount), money(*payerAfter),
                     money(Amount::fromMinor(payer.limitMin.minor() - payerAfter->minor()))),
            QStringLiteral("amount")));
    if (payee.limitMax && *payeeAfter > *payee.limitMax && !d.overrideLimits)
        return fail(Error::refused(
            tr("%1's balance is %2 and their upper limit is %3: receiving %4 would take it to %5, %6 beyond the "
               "limit.")
                .arg(payee.memberName, money(payee.balance), money(*payee.limitMax), money(d.amount),
                     money(*payeeAfter), money(Amount::fromMinor(payeeAfter->minor() - payee.limitMax->minor()))),
            QStringLiteral("amount")));
    return std::pair{*payerAfter, *payeeAfter};
}

QStringList LedgerService::warningsFor(const Transfer &t, const Account &payer, const Account &payee, Amount payerAfter,
                                       Amount payeeAfter, const HubSettings &settings)
{
    QStringList warnings;
    if (payer.warnMin && payer.balance >= *payer.warnMin && payerAfter < *payer.warnMin)
        warnings << tr("%1's balance is now %2, below their warning level of %3.")
                        .arg(payer.memberName, settings.formatAmount(payerAfter),
                             settings.formatAmount(*payer.warnMin));
    if (!t.overrideNote.isEmpty() && (payerAfter < payer.limitMin || (payee.limitMax && payeeAfter > *payee.limitMax)))
        warnings << tr("Posted beyond a limit by override: %1").arg(t.overrideNote);
    return warnings;
}

Result<qint64> LedgerService::categoryId(const QSqlDatabase &db, const QString &category)
{
    const QString name = category.simplified();
    if (name.isEmpty())
        return 0;
    // Look up first: most transfers use a known category, and an upsert
    // would rewrite its row every time.
    Query find(db, QStringLiteral("SELECT id FROM transfer_categories WHERE name = :n"));
    find.bind(QStringLiteral(":n"), name);
    auto id = find.scalar();
    if (!id)
        return fail(id.error());
    if (id->isNull()) {
        Query ins(db, QStringLiteral("INSERT INTO transfer_categories(name) VALUES (:n) RETURNING id"));
        ins.bind(QStringLiteral(":n"), name);
        id = ins.scalar();
        if (!id)
            return fail(id.error());
    }
    return id->toLongLong();
}

Transfer LedgerService::build(const TransferDraft &d, const Account &payer, const Account &payee,
                              std::optional<TransferId> reverses, TransferId id, const QString &prevHash,
                              qint64 categoryId) const
{
    Transfer t;
    t.id = id;
    t.prevHash = prevHash;
    t.payerAccount = payer.id;
    t.payeeAccount = payee.id;
    t.payer = d.payer;
    t.payee = d.payee;
    t.payerName = payer.memberName;
    t.payeeName = payee.memberName;
    t.amount = d.amount;
    t.memo = d.memo.trimmed();
    t.category = d.category.simplified();
    t.reference = d.reference.trimmed();
    t.reverses = reverses;
    t.overrideNote = d.overrideLimits ? d.overrideNote.trimmed() : QString();
    // A transfer is immutable and sealed in the chain, so it names a signed-in
    // user by number: erasing that person later leaves no name behind here
    // (the audit trail, which names them, is pseudonymised instead).
    if (const auto user = m_access.currentUser())
        t.enteredBy = QStringLiteral("user #%1").arg(user->id.value());
    else
        t.enteredBy = m_actor;
    t.createdAt = QDateTime::fromSecsSinceEpoch(m_clock.nowSecs(), Qt::UTC);
    t.hash = hashOf(t, categoryId);
    return t;
}

Status LedgerService::insert(const QSqlDatabase &db, const Transfer &t, qint64 categoryId)
{
    Query ins(db, QStringLiteral("INSERT INTO transfers(id, payer_account, payee_account, amount_minor, memo, "
                                 "category_id, reference, reverses_id, override_note, entered_by, created_at, "
                                 "prev_hash, hash) VALUES (:id, :payer, :payee, :amount, :memo, :cat, :ref, :rev, "
                                 ":override, :by, :at, :prev, :hash)"));
    ins.bind(QStringLiteral(":id"), t.id.value())
        .bind(QStringLiteral(":payer"), t.payerAccount.value())
        .bind(QStringLiteral(":payee"), t.payeeAccount.value())
        .bind(QStringLiteral(":amount"), t.amount.minor())
        .bind(QStringLiteral(":memo"), t.memo)
        .bind(QStringLiteral(":cat"), categoryId ? QVariant(categoryId) : QVariant(QMetaType(QMetaType::LongLong)))
        .bind(QStringLiteral(":ref"), t.reference)
        .bind(QStringLiteral(":rev"),
              t.reverses ? QVariant(t.reverses->value()) : QVariant(QMetaType(QMetaType::LongLong)))
        .bind(QStringLiteral(":override"), t.overrideNote)
        .bind(QStringLiteral(":by"), t.enteredBy)
        .bind(QStringLiteral(":at"), t.createdAt.toSecsSinceEpoch())
        .bind(QStringLiteral(":prev"), t.prevHash)
        .bind(QStringLiteral(":hash"), t.hash);
    if (auto ok = ins.exec(); !ok) {
        if (t.reverses && ok.error().message.contains(QStringLiteral("reverses_id")))
            return fail(Error::refused(tr("transfer #%1 has already been reversed").arg(t.reverses->value())));
        return ok;
    }
    return {};
}

Status LedgerService::storeBalance(const QSqlDatabase &db, AccountId account, Amount balance, const QDateTime &at)
{
    Query upd(db, QStringLiteral("UPDATE accounts SET balance_minor = :b, last_activity_at = :at WHERE id = :id"));
    upd.bind(QStringLiteral(":b"), balance.minor())
        .bind(QStringLiteral(":at"), at.toSecsSinceEpoch())
        .bind(QStringLiteral(":id"), account.value());
    return upd.exec();
}

Result<std::pair<TransferId, QString>> LedgerService::chainEnd(const QSqlDatabase &db)
{
    Query last(db, QStringLiteral("SELECT id, hash FROM transfers ORDER BY id DESC LIMIT 1"));
    if (auto ok = last.exec(); !ok)
        return fail(ok.error());
    if (!last.next())
        return std::pair{TransferId(0), GenesisHash};
    return std::pair{TransferId(last.value(0).toLongLong()), last.value(1).toString()};
}

Result<Posting> LedgerService::post(const QSqlDatabase &db, const TransferDraft &d, std::optional<TransferId> reverses)
{
    auto settings = m_settings.load();
    if (!settings)
        return fail(settings.error());
    if (auto ok = validate(d); !ok)
        return fail(ok.error());
    auto payer = ensureAccount(db, d.payer);
    if (!payer)
        return fail(payer.error());
    auto payee = ensureAccount(db, d.payee);
    if (!payee)
        return fail(payee.error());
    auto after = checkRules(d, *payer, *payee, *settings);
    if (!after)
        return fail(after.error());
    auto category = categoryId(db, d.category);
    if (!category)
        return fail(category.error());
    auto end = chainEnd(db);
    if (!end)
        return fail(end.error());
    const Transfer t = build(d, *payer, *payee, reverses, TransferId(end->first.value() + 1), end->second, *category);
    if (auto ok = insert(db, t, *category); !ok)
        return fail(ok.error());
    if (auto ok = storeBalance(db, payer->id, after->first, t.createdAt); !ok)
        return fail(ok.error());
    if (auto ok = storeBalance(db, payee->id, after->second, t.createdAt); !ok)
        return fail(ok.error());
    const QString what = reverses ? QStringLiteral("transfer.reverse") : QStringLiteral("transfer.post");
    QString summary = reverses ? tr("%1 from account #%2 to #%3, reversing #%4")
                                     .arg(settings->formatAmount(t.amount))
                                     .arg(payer->id.value())
                                     .arg(payee->id.value())
                                     .arg(reverses->value())
                               : tr("%1 from account #%2 to #%3")
                                     .arg(settings->formatAmount(t.amount))
                                     .arg(payer->id.value())
                                     .arg(payee->id.value());
    if (d.overrideLimits)
        summary += tr("; limit override");
    if (auto ok = m_audit.record(what, QStringLiteral("transfer"), t.id.value(), summary); !ok)
        return fail(ok.error());
    return Posting{t, warningsFor(t, *payer, *payee, after->first, after->second, *settings)};
}

Result<QList<BatchOutcome>> LedgerService::payAll(const QList<TransferDraft> &drafts, bool write)
{
    if (auto ok = m_access.require(Permission::Levy); !ok)
        return fail(ok.error());
    for (const TransferDraft &d : drafts)
        if (d.overrideLimits)
            if (auto ok = m_access.require(Permission::Override); !ok)
                return fail(ok.error());
    auto settings = m_settings.load();
    if (!settings)
        return fail(settings.error());
    auto tx = Transaction::begin(*m_db, Transaction::Mode::Immediate);
    if (!tx)
        return fail(tx.error());
    const QSqlDatabase db = tx->connection();
    // The same rules as pay(), against balances kept here: each account is
    // read once and written once, and the chain is extended in memory.
    // A node-based map: the payer's Account * must stay valid while the
    // payee's entry is inserted (a QHash moves its entries when it grows).
    std::unordered_map<qint64, Account> accounts;
    QHash<qint64, QDateTime> touched;
    QHash<QString, qint64> categories;
    const auto accountOf = [&](MemberId m) -> Result<Account *> {
        auto it = accounts.find(m.value());
        if (it == accounts.end()) {
            auto a = ensureAccount(db, m);
            if (!a)
                return fail(a.error());
            it = accounts.emplace(m.value(), *a).first;
        }
        return &it->second;
    };
    auto end = chainEnd(db);
    if (!end)
        return fail(end.error());
    TransferId lastId = end->first;
    QString lastHash = end->second;
    bool allGood = true;
    QList<BatchOutcome> out;
    for (const TransferDraft &d : drafts) {
        BatchOutcome outcome;
        auto row = [&]() -> Result<Posting> {
            if (auto ok = validate(d); !ok)
                return fail(ok.error());
            auto payer = accountOf(d.payer);
            if (!payer)
                return fail(payer.error());
            auto payee = accountOf(d.payee);
            if (!payee)
                return fail(payee.error());
            auto after = checkRules(d, **payer, **payee, *settings);
            if (!after)
                return fail(after.error());
            const QString name = d.category.simplified();
            if (!categories.contains(name)) {
                auto id = categoryId(db, name);
                if (!id)
                    return fail(id.error());
                categories.insert(name, *id);
            }
            const Transfer t = build(d, **payer, **payee, std::nullopt, TransferId(lastId.value() + 1), lastHash,
                                     categories.value(name));
            if (auto ok = insert(db, t, categories.value(name)); !ok)
                return fail(ok.error());
            Posting p{t, warningsFor(t, **payer, **payee, after->first, after->second, *settings)};
            (*payer)->balance = after->first;
            (*payee)->balance = after->second;
            touched.insert((*payer)->id.value(), t.createdAt);
            touched.insert((*payee)->id.value(), t.createdAt);
            lastId = t.id;
            lastHash = t.hash;
            return p;
        }();
        if (row)
            outcome.posting = *row;
        else
            outcome.error = row.error();
        allGood = allGood && row.has_value();
        out << outcome;
    }
    if (!allGood || !write)
        return out; // the guard rolls everything back
    for (const auto &entry : accounts) {
        const Account &a = entry.second;
        if (touched.contains(a.id.value()))
            if (auto ok = storeBalance(db, a.id, a.balance, touched.value(a.id.value())); !ok)
                return fail(ok.error());
    }
    if (!out.isEmpty())
        if (auto ok = m_audit.record(QStringLiteral("transfer.batch"), QStringLiteral("transfer"),
                                     out.first().posting->transfer.id.value(),
                                     tr("%n transfer(s), #%1 to #%2", nullptr, int(out.size()))
                                         .arg(out.first().posting->transfer.id.value())
                                         .arg(out.last().posting->transfer.id.value()));
            !ok)
            return fail(ok.error());
    if (auto ok = tx->commit(); !ok)
        return fail(ok.error());
    return out;
}

Result<Posting> LedgerService::pay(const TransferDraft &draft)
{
    // The permission depends on the draft (an override, the front-desk ceiling).
    if (auto ok = guardTransfer(draft); !ok)
        return fail(ok.error());
    // post() records its own audit row: it is also the body of reverse().
    return m_work.run<Posting>(std::nullopt,
                               [&](Write &w) -> Result<Posting> { return post(w.connection(), draft, std::nullopt); });
}

Result<Posting> LedgerService::reverse(TransferId original, const QString &memo, bool overrideLimits,
                                       const QString &overrideNote)
{
    if (auto ok = m_access.require(Permission::ReverseTransfer); !ok)
        return fail(ok.error());
    if (overrideLimits)
        if (auto ok = m_access.require(Permission::Override); !ok)
            return fail(ok.error());
    return m_work.run<Posting>(std::nullopt, [&](Write &w) -> Result<Posting> {
        return reverseIn(w, original, memo, overrideLimits, overrideNote);
    });
}

Result<Posting> LedgerService::reverseIn(Write &w, TransferId original, const QString &memo, bool overrideLimits,
                                         const QString &overrideNote)
{
    auto t = transfer(original);
    if (!t)
        return fail(t.error());
    if (t->reverses)
        return fail(Error::refused(tr("transfer #%1 is itself the reversal of #%2; post a new transfer instead")
                                       .arg(original.value())
                                       .arg(t->reverses->value())));
    if (t->reversedBy)
        return fail(Error::refused(
            tr("transfer #%1 was already reversed by #%2").arg(original.value()).arg(t->reversedBy->value())));
    TransferDraft d;
    d.payer = t->payee;
    d.payee = t->payer;
    d.amount = t->amount;
    d.memo = memo.trimmed().isEmpty() ? reversalMemo(*t) : memo;
    d.category = t->category;
    d.reference = tr("reverses #%1").arg(original.value());
    d.overrideLimits = overrideLimits;
    d.overrideNote = overrideNote;
    return post(w.connection(), d, original);
}

Status LedgerService::setLimits(MemberId member, const LimitChange &change)
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

Status LedgerService::setLimitsIn(Write &w, MemberId member, const LimitChange &change, const HubSettings &settings)
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
        .bind(QStringLiteral(":omax"), nullable(a->limitMax))
        .bind(QStringLiteral(":nmax"), nullable(change.max))
        .bind(QStringLiteral(":warn"), nullable(change.warn))
        .bind(QStringLiteral(":ov"), change.override)
        .bind(QStringLiteral(":note"), change.note.trimmed());
    if (auto ok = log.exec(); !ok)
        return ok;
    Query upd(w.connection(), QStringLiteral("UPDATE accounts SET limit_min_minor = :min, limit_max_minor = :max, "
                                             "warn_min_minor = :warn WHERE id = :id"));
    upd.bind(QStringLiteral(":min"), change.min.minor())
        .bind(QStringLiteral(":max"), nullable(change.max))
        .bind(QStringLiteral(":warn"), nullable(change.warn))
        .bind(QStringLiteral(":id"), a->id.value());
    if (auto ok = upd.exec(); !ok)
        return ok;
    w.audit(QStringLiteral("account.limits"), QStringLiteral("account"), a->id.value(),
            tr("lower limit %1 → %2, upper limit %3 → %4%5")
                .arg(money(a->limitMin), money(change.min), a->limitMax ? money(*a->limitMax) : tr("none"),
                     change.max ? money(*change.max) : tr("none"), change.override ? tr("; override") : QString()));
    return {};
}

Status LedgerService::setStatus(MemberId member, AccountStatus status)
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

Result<Transfer> LedgerService::transfer(TransferId id) const
{
    Query q(*m_db, QStringLiteral("SELECT ") + TransferColumns + TransferJoins + QStringLiteral(" WHERE t.id = :id"));
    q.bind(QStringLiteral(":id"), id.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    if (!q.next())
        return fail(Error::notFound(tr("there is no transfer #%1").arg(id.value())));
    return transferFrom(q);
}

Result<QList<Transfer>> LedgerService::transfers(const TransferFilter &filter, int limit, int offset,
                                                 bool newestFirst) const
{
    QList<std::pair<QString, QVariant>> binds;
    Query q(*m_db, QStringLiteral("SELECT ") + TransferColumns + TransferJoins + transferWhere(filter, binds) +
                       (newestFirst ? QStringLiteral(" ORDER BY t.id DESC") : QStringLiteral(" ORDER BY t.id")) +
                       QStringLiteral(" LIMIT :limit OFFSET :offset"));
    for (const auto &[name, value] : binds)
        q.bind(name, value);
    q.bind(QStringLiteral(":limit"), limit).bind(QStringLiteral(":offset"), offset);
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    QList<Transfer> out;
    while (q.next())
        out << transferFrom(q);
    return out;
}

Result<int> LedgerService::transferCount(const TransferFilter &filter) const
{
    QList<std::pair<QString, QVariant>> binds;
    Query q(*m_db, QStringLiteral("SELECT count(*)") + TransferJoins + transferWhere(filter, binds));
    for (const auto &[name, value] : binds)
        q.bind(name, value);
    auto v = q.scalar();
    if (!v)
        return fail(v.error());
    return v->toInt();
}

Result<Statement> LedgerService::statement(MemberId member, QDate from, QDate to)
{
    if (from.isValid() && to.isValid() && to < from)
        return fail(Error::invalid(tr("the period ends before it starts"), QStringLiteral("to")));
    auto a = account(member);
    if (!a)
        return fail(a.error());
    Statement st;
    st.account = *a;
    st.from = from;
    st.to = to;
    const QDateTime fromUtc = from.isValid() ? startOfDay(from) : QDateTime();
    const QDateTime toUtc = to.isValid() ? startOfDay(to.addDays(1)) : QDateTime();

    // The opening balance is an aggregate, never a walk over every earlier transfer.
    Query opening(*m_db, QStringLiteral("SELECT coalesce(sum(CASE WHEN payee_account = :a THEN amount_minor ELSE "
                                        "-amount_minor END), 0) FROM transfers WHERE (payer_account = :a OR "
                                        "payee_account = :a) AND created_at < :from"));
    opening.bind(QStringLiteral(":a"), a->id.value())
        .bind(QStringLiteral(":from"),
              fromUtc.isValid() ? fromUtc.toSecsSinceEpoch() : std::numeric_limits<qint64>::min());
    auto open = opening.scalar();
    if (!open)
        return fail(open.error());
    st.opening = Amount::fromMinor(open->toLongLong());

    TransferFilter f;
    f.member = member;
    f.from = fromUtc;
    f.to = toUtc;
    auto lines = transfers(f, -1, 0, false);
    if (!lines)
        return fail(lines.error());
    Amount running = st.opening;
    for (const Transfer &t : *lines) {
        const bool in = t.payeeAccount == a->id;
        const Amount change = in ? t.amount : -t.amount;
        running = running.checkedAdd(change).value_or(running);
        (in ? st.totalIn : st.totalOut) = (in ? st.totalIn : st.totalOut).checkedAdd(t.amount).value_or(Amount());
        st.lines << StatementLine{t, change, running};
    }
    st.closing = running;
    return st;
}

Result<QStringList> LedgerService::categories() const
{
    Query q(*m_db, QStringLiteral("SELECT name FROM transfer_categories ORDER BY name"));
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

Status LedgerService::addCategory(const QString &name)
{
    return m_work.run(Permission::RecordTransfer, [&](Write &w) -> Status {
        const QString n = name.simplified();
        if (n.isEmpty() || n.size() > 40)
            return fail(
                Error::invalid(tr("a category needs a name of at most 40 characters"), QStringLiteral("category")));
        Query q(w.connection(),
                QStringLiteral("INSERT INTO transfer_categories(name) VALUES (:n) ON CONFLICT(name) DO NOTHING"));
        q.bind(QStringLiteral(":n"), n);
        if (auto ok = q.exec(); !ok)
            return ok;
        if (q.rowsAffected() > 0)
            w.audit(QStringLiteral("ledger.category"), QStringLiteral("category"), q.lastInsertId(),
                    tr("category “%1” added").arg(n));
        return {};
    });
}

QList<Finding> LedgerService::verify() const
{
    QList<Finding> found;
    const auto finding = [&](const QString &message, const QString &where) {
        found << Finding{QStringLiteral("ledger"), message, where};
    };
    Query q(*m_db,
            QStringLiteral("SELECT id, payer_account, payee_account, amount_minor, memo, coalesce(category_id, 0), "
                           "reference, reverses_id, override_note, entered_by, created_at, prev_hash, hash "
                           "FROM transfers ORDER BY id"));
    if (auto ok = q.exec(); !ok) {
        finding(ok.error().message, {});
        return found;
    }
    QHash<qint64, qint64> sums;
    QString previous = GenesisHash;
    while (q.next()) {
        Transfer t;
        t.id = TransferId(q.value(0).toLongLong());
        t.payerAccount = AccountId(q.value(1).toLongLong());
        t.payeeAccount = AccountId(q.value(2).toLongLong());
        t.amount = Amount::fromMinor(q.value(3).toLongLong());
        t.memo = q.value(4).toString();
        const qint64 category = q.value(5).toLongLong();
        t.reference = q.value(6).toString();
        if (!q.value(7).isNull())
            t.reverses = TransferId(q.value(7).toLongLong());
        t.overrideNote = q.value(8).toString();
        t.enteredBy = q.value(9).toString();
        t.createdAt = QDateTime::fromSecsSinceEpoch(q.value(10).toLongLong(), Qt::UTC);
        t.prevHash = q.value(11).toString();
        const QString stored = q.value(12).toString();
        const QString where = tr("transfer #%1").arg(t.id.value());
        if (t.prevHash != previous)
            finding(tr("does not follow the previous transfer in the hash chain (rows were removed or reordered)"),
                    where);
        if (hashOf(t, category) != stored)
            finding(tr("its contents do not match its hash: the row was changed outside Hubkeeper"), where);
        if (t.amount.minor() <= 0 || t.payerAccount == t.payeeAccount)
            finding(tr("is not a valid transfer (amount must be above zero and payer differ from payee)"), where);
        previous = stored;
        sums[t.payerAccount.value()] -= t.amount.minor();
        sums[t.payeeAccount.value()] += t.amount.minor();
    }

    Query accounts(*m_db,
                   QStringLiteral("SELECT a.id, m.display_name, a.balance_minor, a.limit_min_minor, a.limit_max_minor, "
                                  "EXISTS (SELECT 1 FROM limit_changes l WHERE l.account_id = a.id AND l.override) OR "
                                  "EXISTS (SELECT 1 FROM transfers t WHERE (t.payer_account = a.id OR "
                                  "t.payee_account = a.id) AND t.override_note <> '') "
                                  "FROM accounts a JOIN members m ON m.id = a.member_id ORDER BY a.id"));
    if (auto ok = accounts.exec(); !ok) {
        finding(ok.error().message, {});
        return found;
    }
    qint64 total = 0;
    while (accounts.next()) {
        const qint64 id = accounts.value(0).toLongLong();
        const qint64 balance = accounts.value(2).toLongLong();
        const QString where = tr("account #%1 (%2)").arg(id).arg(accounts.value(1).toString());
        total += balance;
        if (balance != sums.value(id))
            finding(tr("stored balance %1 differs from the sum of its transfers %2 (minor units)")
                        .arg(balance)
                        .arg(sums.value(id)),
                    where);
        const bool overridden = accounts.value(5).toBool();
        if (!overridden && balance < accounts.value(3).toLongLong())
            finding(tr("balance is below its lower limit without a recorded override"), where);
        if (!overridden && !accounts.value(4).isNull() && balance > accounts.value(4).toLongLong())
            finding(tr("balance is above its upper limit without a recorded override"), where);
    }
    if (total != 0)
        finding(tr("the balances add up to %1 minor units instead of zero").arg(total), tr("all accounts"));
    return found;
}

} // namespace hub
