// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/statementsreport.h"

#include "core/common/amount.h"
#include "core/reports/ledgerreportsupport.h"
#include "core/reports/reportperiodtext.h"
#include "core/settings/hubsettings.h"
#include "core/storage/database.h"
#include "core/storage/query.h"

namespace hub {

namespace {
// Per account: the balance before the period and how many transfers fall in
// it, from one grouped pass; accounts are few, transfers are not.
const QString Accounts = QStringLiteral(
    "SELECT a.id, m.display_name, a.role, coalesce(b.opening, 0), coalesce(b.lines, 0), m.id FROM accounts a "
    "JOIN members m ON m.id = a.member_id "
    "LEFT JOIN (SELECT acc, sum(CASE WHEN at < :from THEN x ELSE 0 END) AS opening, "
    "sum(CASE WHEN at >= :from THEN 1 ELSE 0 END) AS lines FROM (SELECT payee_account AS acc, amount_minor AS x, "
    "created_at AS at "
    "FROM transfers WHERE created_at < :to UNION ALL SELECT payer_account, -amount_minor, created_at "
    "FROM transfers WHERE created_at < :to) AS p GROUP BY acc) b ON b.acc = a.id "
    "WHERE (:member = 0 OR a.member_id = :member) "
    "ORDER BY a.role = 'hub' DESC, m.sort_key, m.id");

const QString Lines = QStringLiteral(
    "SELECT t.id, t.created_at, CASE WHEN t.payee_account = :a THEN t.amount_minor ELSE -t.amount_minor END, "
    "om.display_name, t.memo, coalesce(c.name, ''), t.reference FROM transfers t "
    "JOIN accounts oa ON oa.id = CASE WHEN t.payee_account = :a THEN t.payer_account ELSE t.payee_account END "
    "JOIN members om ON om.id = oa.member_id LEFT JOIN transfer_categories c ON c.id = t.category_id "
    "WHERE (t.payer_account = :a OR t.payee_account = :a) AND t.created_at >= :from AND t.created_at < :to "
    "ORDER BY t.created_at, t.id");

struct StatementAccount
{
    qint64 id;
    QString name;
    qint64 opening;
    MemberId member;
};
} // namespace

Status StatementsReport::run(Database &db, const HubSettings &settings, const ReportRequest &request,
                             ReportSink &sink) const
{
    const QTimeZone zone = settings.zone();
    ReportHeading heading{name(),
                          title(),
                          settings.name,
                          ReportPeriodText::range(request.from, request.to),
                          request.from,
                          request.to,
                          {},
                          settings.unitName,
                          settings.decimals,
                          {}};
    if (auto s = sink.begin(heading); !s)
        return s;
    const qint64 from = LedgerReportSupport::startOfDay(request.from, zone);
    const qint64 to = LedgerReportSupport::startOfDay(request.to.addDays(1), zone);

    QList<StatementAccount> accounts;
    {
        Query q(db, Accounts);
        q.bind(QStringLiteral(":from"), from).bind(QStringLiteral(":to"), to);
        // One member's statement (Print statement) is printed even when quiet.
        q.bind(QStringLiteral(":member"), request.member.value());
        if (auto s = q.exec(); !s)
            return s;
        while (q.next()) {
            const qint64 opening = q.value(3).toLongLong();
            if (!request.member.isValid() && opening == 0 && q.value(4).toLongLong() == 0)
                continue;
            QString name = q.value(1).toString();
            if (q.value(2).toString() == QStringLiteral("hub"))
                name = tr("%1 (hub)").arg(name);
            accounts.append({q.value(0).toLongLong(), name, opening, MemberId(q.value(5).toLongLong())});
        }
    }

    const QList<ReportColumn> columns = {
        {QStringLiteral("account"), tr("Account"), ReportType::Text},
        {QStringLiteral("at"), tr("Date"), ReportType::DateTime},
        {QStringLiteral("transfer"), tr("Transfer"), ReportType::Integer},
        {QStringLiteral("memo"), tr("Memo"), ReportType::Text},
        {QStringLiteral("counterparty"), tr("From / to"), ReportType::Text},
        {QStringLiteral("category"), tr("Category"), ReportType::Text},
        {QStringLiteral("in"), tr("In"), ReportType::Amount},
        {QStringLiteral("out"), tr("Out"), ReportType::Amount},
        {QStringLiteral("balance"), tr("Balance"), ReportType::Amount},
    };
    const auto money = [&](qint64 minor) {
        return Amount::fromMinor(minor).toString(settings.decimals);
    };
    int done = 0;
    int rows = 0;
    for (const StatementAccount &account : accounts) {
        // On paper each member's statement is a document of its own, and its
        // title names the account; a CSV of all of them keeps the column.
        if (auto s = sink.beginTable({tr("Statement — %1").arg(account.name),
                                      columns,
                                      {},
                                      account.member,
                                      true,
                                      {QStringLiteral("account")}});
            !s)
            return s;
        if (auto s = sink.row({account.name, QVariant(), QVariant(), tr("Opening balance"), QVariant(), QVariant(),
                               QVariant(), QVariant(), account.opening});
            !s)
            return s;
        Query q(db, Lines);
        q.raw().setForwardOnly(true);
        q.bind(QStringLiteral(":a"), account.id).bind(QStringLiteral(":from"), from).bind(QStringLiteral(":to"), to);
        if (auto s = q.exec(); !s)
            return s;
        qint64 balance = account.opening;
        qint64 in = 0;
        qint64 out = 0;
        while (q.next()) {
            if (++rows % LedgerReportSupport::CancelCheckRows == 0 && sink.isCancelled())
                return fail(LedgerReportSupport::cancelled());
            const qint64 change = q.value(2).toLongLong();
            balance += change;
            (change > 0 ? in : out) += change > 0 ? change : -change;
            const QString category = q.value(5).toString();
            if (auto s = sink.row(
                    {account.name, q.value(1).toLongLong(), q.value(0).toLongLong(), q.value(4).toString(),
                     q.value(3).toString(), category.isEmpty() ? QVariant() : QVariant(category),
                     change > 0 ? QVariant(change) : QVariant(), change < 0 ? QVariant(-change) : QVariant(), balance});
                !s)
                return s;
        }
        const QStringList notes = {
            tr("Opening balance %1, in %2, out %3, closing balance %4 %5.")
                .arg(money(account.opening), money(in), money(out), money(balance), settings.unitName)};
        if (auto s = sink.endTable(
                {tr("Closing balance"), QVariant(), QVariant(), QVariant(), QVariant(), QVariant(), in, out, balance},
                notes);
            !s)
            return s;
        if (request.progress)
            request.progress(double(++done) / double(accounts.size()));
    }
    if (accounts.isEmpty()) {
        // An empty period still yields one (empty) table, so every format says so.
        if (auto s = sink.beginTable({tr("Statements"), columns, {}}); !s)
            return s;
        if (auto s = sink.endTable({}, {tr("No account had a balance or a transfer in this period.")}); !s)
            return s;
    }
    return sink.end();
}

} // namespace hub
