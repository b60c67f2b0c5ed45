// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/ledgeractivityreport.h"

#include "core/common/amount.h"
#include "core/ledger/accountposition.h"
#include "core/reports/ledgerreportsupport.h"
#include "core/reports/reportperiodtext.h"
#include "core/settings/hubsettings.h"
#include "core/storage/database.h"
#include "core/storage/query.h"

#include <QHash>

#include <optional>

namespace hub {

namespace {
// Accounts are few (thousands); their balances are carried month to month in
// memory, each month adding only its own transfers' net per account.
using Position = AccountPosition;

const QString Positions = QStringLiteral(
    "SELECT a.id, a.limit_min_minor, a.limit_max_minor, a.warn_min_minor, coalesce(b.balance, 0) FROM accounts a "
    "LEFT JOIN (SELECT acc, sum(x) AS balance FROM (SELECT payee_account AS acc, amount_minor AS x FROM transfers "
    "WHERE created_at < :end UNION ALL SELECT payer_account, -amount_minor FROM transfers WHERE created_at < :end) AS "
    "p "
    "GROUP BY acc) b ON b.acc = a.id");
const QString MonthNet = QStringLiteral(
    "SELECT acc, sum(x) FROM (SELECT payee_account AS acc, amount_minor AS x FROM transfers "
    "WHERE created_at >= :from AND created_at < :to UNION ALL SELECT payer_account, -amount_minor FROM transfers "
    "WHERE created_at >= :from AND created_at < :to) AS p GROUP BY acc");
const QString MonthVolume = QStringLiteral(
    "SELECT count(*), coalesce(sum(amount_minor), 0) FROM transfers WHERE created_at >= :from AND created_at < :to");
const QString MonthCategories = QStringLiteral(
    "SELECT c.name, sum(t.amount_minor) AS v FROM transfers t JOIN transfer_categories c ON c.id = t.category_id "
    "WHERE t.created_at >= :from AND t.created_at < :to GROUP BY c.id ORDER BY v DESC, c.name LIMIT 3");
} // namespace

Status LedgerActivityReport::run(Database &db, const HubSettings &settings, const ReportRequest &request,
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
    ReportTableHeader header{tr("Ledger activity per month"),
                             {{QStringLiteral("month"), tr("Month"), ReportType::Text},
                              {QStringLiteral("transfers"), tr("Transfers"), ReportType::Integer},
                              {QStringLiteral("volume"), tr("Volume"), ReportType::Amount},
                              {QStringLiteral("active_traders"), tr("Active traders"), ReportType::Integer},
                              {QStringLiteral("velocity"), tr("Velocity"), ReportType::Decimal},
                              {QStringLiteral("near_limit"), tr("Near a limit"), ReportType::Integer},
                              {QStringLiteral("at_limit"), tr("At a limit"), ReportType::Integer},
                              {QStringLiteral("top_categories"), tr("Top categories"), ReportType::Text}},
                             {ReportChart::Kind::Bars,
                              QStringLiteral("month"),
                              {QStringLiteral("volume")},
                              tr("Volume per month (%1)").arg(settings.unitName)}};
    if (auto s = sink.beginTable(header); !s)
        return s;

    QHash<qint64, Position> positions;
    {
        Query q(db, Positions);
        q.bind(QStringLiteral(":end"), LedgerReportSupport::startOfDay(request.from, zone));
        if (auto s = q.exec(); !s)
            return s;
        while (q.next()) {
            Position p;
            p.limitMin = q.value(1).toLongLong();
            if (!q.value(2).isNull())
                p.limitMax = q.value(2).toLongLong();
            if (!q.value(3).isNull())
                p.warnMin = q.value(3).toLongLong();
            p.balance = q.value(4).toLongLong();
            positions.insert(q.value(0).toLongLong(), p);
        }
    }

    const auto money = [&](qint64 minor) {
        return Amount::fromMinor(minor).toString(settings.decimals);
    };
    qint64 allTransfers = 0;
    qint64 allVolume = 0;
    const QDate firstMonth(request.from.year(), request.from.month(), 1);
    const int months = (request.to.year() - firstMonth.year()) * 12 + request.to.month() - firstMonth.month() + 1;
    int done = 0;
    for (QDate month = firstMonth; month <= request.to; month = month.addMonths(1)) {
        if (sink.isCancelled())
            return fail(LedgerReportSupport::cancelled());
        const qint64 from = LedgerReportSupport::startOfDay(std::max(month, request.from), zone);
        const qint64 to = LedgerReportSupport::startOfDay(std::min(month.addMonths(1), request.to.addDays(1)), zone);
        const auto range = [&](Query &q) {
            q.bind(QStringLiteral(":from"), from).bind(QStringLiteral(":to"), to);
            return q.exec();
        };
        qint64 traders = 0;
        {
            Query q(db, MonthNet);
            if (auto s = range(q); !s)
                return s;
            while (q.next()) {
                ++traders;
                positions[q.value(0).toLongLong()].balance += q.value(1).toLongLong();
            }
        }
        qint64 count = 0;
        qint64 volume = 0;
        {
            Query q(db, MonthVolume);
            if (auto s = range(q); !s)
                return s;
            if (q.next()) {
                count = q.value(0).toLongLong();
                volume = q.value(1).toLongLong();
            }
        }
        QStringList top;
        {
            Query q(db, MonthCategories);
            if (auto s = range(q); !s)
                return s;
            while (q.next())
                top << tr("%1 %2").arg(q.value(0).toString(), money(q.value(1).toLongLong()));
        }
        qint64 positive = 0;
        qint64 near = 0;
        qint64 at = 0;
        for (const Position &p : std::as_const(positions)) {
            positive += std::max<qint64>(0, p.balance);
            near += p.nearLimit() ? 1 : 0;
            at += p.atLimit() ? 1 : 0;
        }
        allTransfers += count;
        allVolume += volume;
        const QVariant velocity = positive > 0 ? QVariant(double(volume) / double(positive)) : QVariant();
        if (auto s = sink.row({month.toString(QStringLiteral("yyyy-MM")), count, volume, traders, velocity, near, at,
                               top.join(QStringLiteral(", "))});
            !s)
            return s;
        if (request.progress)
            request.progress(double(++done) / double(std::max(1, months)));
    }
    const QStringList notes = {
        tr("Velocity is the month's volume divided by the total of positive balances at the month's end."),
        tr("Near a limit: at the account's warning level or within 10% of its lower limit; limits as they are now."),
    };
    if (auto s = sink.endTable(
            {tr("Total"), allTransfers, allVolume, QVariant(), QVariant(), QVariant(), QVariant(), QVariant()}, notes);
        !s)
        return s;
    return sink.end();
}

} // namespace hub
