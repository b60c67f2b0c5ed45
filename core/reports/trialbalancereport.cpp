// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/trialbalancereport.h"

#include "core/common/amount.h"
#include "core/common/displayformat.h"
#include "core/reports/ledgerreportsupport.h"
#include "core/reports/reportperiodtext.h"
#include "core/settings/hubsettings.h"
#include "core/storage/database.h"
#include "core/storage/query.h"
#include "core/storage/transaction.h"

namespace hub {

namespace {
// The balances at an instant, each transfer counted once for its payee and
// once (negated) for its payer, grouped per account, two ways that give the
// same answer: summing every transfer before the instant, or taking each
// account's stored balance (kept with every posting, proved by `hubctl
// check`) back by the transfers since. The second reads only the transfers
// since: today's trial balance reads none, last month's a month's worth.
const QString Columns = QStringLiteral("SELECT a.id, m.id, m.display_name, a.role, ");
const QString Order = QStringLiteral(" ORDER BY a.role = 'hub' DESC, m.sort_key, m.id");
const QString FromTransfersBefore = QStringLiteral(
    "coalesce(b.sum, 0) FROM accounts a JOIN members m ON m.id = a.member_id "
    "LEFT JOIN (SELECT acc, sum(x) AS sum FROM ("
    "SELECT payee_account AS acc, amount_minor AS x FROM transfers WHERE created_at < :end "
    "UNION ALL SELECT payer_account, -amount_minor FROM transfers WHERE created_at < :end) AS p GROUP BY acc) b "
    "ON b.acc = a.id WHERE a.opened_at < :end OR b.sum IS NOT NULL");
const QString BackFromStored = QStringLiteral(
    "a.balance_minor - coalesce(b.sum, 0) FROM accounts a JOIN members m ON m.id = a.member_id "
    "LEFT JOIN (SELECT acc, sum(x) AS sum FROM ("
    "SELECT payee_account AS acc, amount_minor AS x FROM transfers WHERE created_at >= :end "
    "UNION ALL SELECT payer_account, -amount_minor FROM transfers WHERE created_at >= :end) AS p GROUP BY acc) b "
    "ON b.acc = a.id WHERE a.opened_at < :end OR a.balance_minor <> coalesce(b.sum, 0)");

// True when fewer transfers come at or after `end` than before it: counted
// along the index on created_at, and never further than half the ledger.
Result<bool> fewerSince(Database &db, qint64 end)
{
    Query total(db, QStringLiteral("SELECT count(*) FROM transfers"));
    auto all = total.scalar();
    if (!all)
        return fail(all.error());
    const qint64 half = all->toLongLong() / 2;
    Query since(db, QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM transfers WHERE created_at >= :end "
                                   "LIMIT :half) AS s"));
    since.bind(QStringLiteral(":end"), end).bind(QStringLiteral(":half"), half + 1);
    auto counted = since.scalar();
    if (!counted)
        return fail(counted.error());
    return counted->toLongLong() <= half;
}
} // namespace

Status TrialBalanceReport::run(Database &db, const HubSettings &settings, const ReportRequest &request,
                               ReportSink &sink) const
{
    const QTimeZone zone = settings.zone();
    ReportHeading heading{name(),
                          title(),
                          settings.name,
                          ReportPeriodText::at(request.at),
                          {},
                          {},
                          request.at,
                          settings.unitName,
                          settings.decimals,
                          {}};
    if (auto s = sink.begin(heading); !s)
        return s;
    ReportTableHeader header{tr("Trial balance at %1").arg(DisplayFormat::date(request.at)),
                             {{QStringLiteral("member_id"), tr("No."), ReportType::Integer},
                              {QStringLiteral("account"), tr("Account"), ReportType::Text},
                              {QStringLiteral("debit"), tr("Debit"), ReportType::Amount},
                              {QStringLiteral("credit"), tr("Credit"), ReportType::Amount},
                              {QStringLiteral("balance"), tr("Balance"), ReportType::Amount}},
                             {}};
    if (auto s = sink.beginTable(header); !s)
        return s;

    // The stored balances and the transfers since are read in one snapshot.
    auto snapshot = Transaction::begin(db, Transaction::Mode::Deferred);
    if (!snapshot)
        return fail(snapshot.error());
    const qint64 end = LedgerReportSupport::startOfDay(request.at.addDays(1), zone);
    auto backwards = fewerSince(db, end);
    if (!backwards)
        return fail(backwards.error());
    Query q(db, Columns + (*backwards ? BackFromStored : FromTransfersBefore) + Order);
    q.raw().setForwardOnly(true);
    q.bind(QStringLiteral(":end"), end);
    if (auto s = q.exec(); !s)
        return s;
    qint64 debits = 0;
    qint64 credits = 0;
    int rows = 0;
    while (q.next()) {
        if (++rows % LedgerReportSupport::CancelCheckRows == 0 && sink.isCancelled())
            return fail(LedgerReportSupport::cancelled());
        const qint64 balance = q.value(4).toLongLong();
        QString account = q.value(2).toString();
        if (q.value(3).toString() == QStringLiteral("hub"))
            account = tr("%1 (hub)").arg(account);
        (balance >= 0 ? debits : credits) += balance >= 0 ? balance : -balance;
        if (auto s = sink.row({q.value(1).toLongLong(), account, balance > 0 ? QVariant(balance) : QVariant(),
                               balance < 0 ? QVariant(-balance) : QVariant(), balance});
            !s)
            return s;
    }
    const auto money = [&](qint64 minor) {
        return Amount::fromMinor(minor).toString(settings.decimals);
    };
    const QString check =
        debits == credits
            ? tr("Debits equal credits: %1 = %2 ✓").arg(money(debits), money(credits))
            : tr("Debits do not equal credits: %1 ≠ %2 ✗ — run “hubctl check”.").arg(money(debits), money(credits));
    if (auto s = sink.endTable({QVariant(), tr("Total"), debits, credits, debits - credits}, {check}); !s)
        return s;
    return sink.end();
}

} // namespace hub
