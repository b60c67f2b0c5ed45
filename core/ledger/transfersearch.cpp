// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ledger/transfersearch.h"

#include "core/ledger/accountbook.h"
#include "core/ledger/ledgersqlvalues.h"
#include "core/settings/settingsservice.h"
#include "core/storage/database.h"
#include "core/storage/query.h"

#include <QTimeZone>

#include <limits>

namespace hub {

namespace {

const QString TransferColumns = QStringLiteral(
    "t.id, t.payer_account, t.payee_account, pa.member_id, pe.member_id, pm.display_name, em.display_name, "
    "t.amount_minor, t.memo, coalesce(c.name, ''), t.reference, t.reverses_id, "
    "(SELECT r.id FROM transfers r WHERE r.reverses_id = t.id), t.override_note, t.entered_by, t.created_at, "
    "t.prev_hash, t.hash");
// Joined to the transfers already chosen: every transfer has both accounts
// and their members (foreign keys), so the joins never drop a row, and a
// page is limited before it is joined. Joining first let PostgreSQL plan for
// a million rows (hash caches sized for them: 40 ms for 200 rows).
const QString TransferJoins =
    QStringLiteral(" JOIN accounts pa ON pa.id = t.payer_account JOIN accounts pe ON pe.id = t.payee_account "
                   "JOIN members pm ON pm.id = pa.member_id JOIN members em ON em.id = pe.member_id "
                   "LEFT JOIN transfer_categories c ON c.id = t.category_id");

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
    t.createdAt = LedgerSqlValues::fromSecs(q.value(15));
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
        where << QStringLiteral("t.category_id IN (SELECT id FROM transfer_categories WHERE name = :category)");
        binds.append({QStringLiteral(":category"), f.category.simplified()});
    }
    return where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
}

} // namespace

TransferSearch::TransferSearch(std::shared_ptr<Database> db, const SettingsService &settings, AccountBook &accounts)
    : m_db(std::move(db)), m_settings(settings), m_accounts(accounts)
{}

Result<Transfer> TransferSearch::transfer(TransferId id) const
{
    Query q(*m_db, QStringLiteral("SELECT ") + TransferColumns + QStringLiteral(" FROM transfers t") + TransferJoins +
                       QStringLiteral(" WHERE t.id = :id"));
    q.bind(QStringLiteral(":id"), id.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    if (!q.next())
        return fail(Error::notFound(tr("there is no transfer #%1").arg(id.value())));
    return transferFrom(q);
}

Result<QList<Transfer>> TransferSearch::transfers(const TransferFilter &filter, int limit, bool newestFirst) const
{
    auto first = transferPage(filter, {}, limit, newestFirst);
    if (!first)
        return fail(first.error());
    return std::move(first->rows);
}

Result<Page<Transfer>> TransferSearch::transferPage(const TransferFilter &filter, const PageKey &after, int limit,
                                                    bool newestFirst) const
{
    // Transfer ids rise with time, so the id alone orders them.
    const KeysetOrder order({{QStringLiteral("t.id")}}, newestFirst);
    QList<std::pair<QString, QVariant>> binds;
    const QString where = order.narrowed(transferWhere(filter, binds), after);
    Query q(*m_db, QStringLiteral("SELECT ") + TransferColumns + QStringLiteral(" FROM (SELECT * FROM transfers t") +
                       where + QStringLiteral(" ORDER BY ") + order.orderBy() + QStringLiteral(" LIMIT :limit) t") +
                       TransferJoins + QStringLiteral(" ORDER BY ") + order.orderBy());
    for (const auto &[name, value] : binds)
        q.bind(name, value);
    order.bind(q, after);
    q.bind(QStringLiteral(":limit"), limit);
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    Page<Transfer> out;
    while (q.next()) {
        out.rows << transferFrom(q);
        out.next.values = {out.rows.last().id.value()};
    }
    return out;
}

Result<int> TransferSearch::transferCount(const TransferFilter &filter) const
{
    QList<std::pair<QString, QVariant>> binds;
    Query q(*m_db, QStringLiteral("SELECT count(*) FROM transfers t") + transferWhere(filter, binds));
    for (const auto &[name, value] : binds)
        q.bind(name, value);
    auto v = q.scalar();
    if (!v)
        return fail(v.error());
    return v->toInt();
}

Result<Statement> TransferSearch::statement(MemberId member, QDate from, QDate to)
{
    if (from.isValid() && to.isValid() && to < from)
        return fail(Error::invalid(tr("the period ends before it starts"), QStringLiteral("to")));
    auto a = m_accounts.account(member);
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
    auto lines = transfers(f, -1, false);
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

QDateTime TransferSearch::startOfDay(QDate date) const
{
    const auto s = m_settings.load();
    return date.startOfDay(s ? s->zone() : QTimeZone::utc()).toUTC();
}

} // namespace hub
