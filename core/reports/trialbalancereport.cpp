// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/trialbalancereport.h"

#include "core/common/amount.h"
#include "core/common/displayformat.h"
#include "core/reports/ledgerreportsupport.h"
#include "core/reports/reportperiodtext.h"
#include "core/settings/hubsettings.h"
#include "core/storage/database.h"
#include "core/storage/query.h"

namespace hub {

namespace {
// One pass over the transfers before the end instant, each counted once for
// its payee and once (negated) for its payer, grouped per account.
const QString BalancesAt = QStringLiteral(
    "SELECT a.id, m.id, m.display_name, a.role, coalesce(b.balance, 0) FROM accounts a "
    "JOIN members m ON m.id = a.member_id "
    "LEFT JOIN (SELECT acc, sum(x) AS balance FROM ("
    "SELECT payee_account AS acc, amount_minor AS x FROM transfers WHERE created_at < :end "
    "UNION ALL SELECT payer_account, -amount_minor FROM transfers WHERE created_at < :end) AS p GROUP BY acc) b "
    "ON b.acc = a.id "
    "WHERE a.opened_at < :end OR b.balance IS NOT NULL "
    "ORDER BY a.role = 'hub' DESC, m.sort_key, m.id");
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

    Query q(db, BalancesAt);
    q.raw().setForwardOnly(true);
    q.bind(QStringLiteral(":end"), LedgerReportSupport::startOfDay(request.at.addDays(1), zone));
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
