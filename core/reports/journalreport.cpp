// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/journalreport.h"

#include "core/reports/ledgerreportsupport.h"
#include "core/reports/reportperiodtext.h"
#include "core/settings/hubsettings.h"
#include "core/storage/database.h"
#include "core/storage/query.h"

namespace hub {

QString JournalReport::sql()
{
    return QStringLiteral(
        "SELECT t.id, t.created_at, pm.display_name, em.display_name, t.amount_minor, t.memo, c.name, "
        "t.reference, t.reverses_id FROM transfers t "
        "JOIN accounts pa ON pa.id = t.payer_account JOIN members pm ON pm.id = pa.member_id "
        "JOIN accounts ea ON ea.id = t.payee_account JOIN members em ON em.id = ea.member_id "
        "LEFT JOIN transfer_categories c ON c.id = t.category_id "
        "WHERE t.created_at >= :from AND t.created_at < :to ORDER BY t.created_at, t.id");
}

Status JournalReport::run(Database &db, const HubSettings &settings, const ReportRequest &request,
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
    ReportTableHeader header{tr("Transfers %1").arg(ReportPeriodText::range(request.from, request.to)),
                             {{QStringLiteral("id"), tr("Transfer"), ReportType::Integer},
                              {QStringLiteral("at"), tr("Date"), ReportType::DateTime},
                              {QStringLiteral("payer"), tr("From"), ReportType::Text},
                              {QStringLiteral("payee"), tr("To"), ReportType::Text},
                              {QStringLiteral("amount"), tr("Amount"), ReportType::Amount},
                              {QStringLiteral("memo"), tr("Memo"), ReportType::Text},
                              {QStringLiteral("category"), tr("Category"), ReportType::Text},
                              {QStringLiteral("reference"), tr("Reference"), ReportType::Text},
                              {QStringLiteral("reverses"), tr("Reverses"), ReportType::Integer}},
                             {}};
    if (auto s = sink.beginTable(header); !s)
        return s;
    const qint64 from = LedgerReportSupport::startOfDay(request.from, zone);
    const qint64 to = LedgerReportSupport::startOfDay(request.to.addDays(1), zone);
    // Progress is the share of the period's time covered so far: no count(*) pass first.
    const double span = double(std::max<qint64>(1, to - from));

    Query q(db, sql());
    q.raw().setForwardOnly(true);
    q.bind(QStringLiteral(":from"), from).bind(QStringLiteral(":to"), to);
    if (auto s = q.exec(); !s)
        return s;
    qint64 total = 0;
    qint64 count = 0;
    constexpr int Columns = 9;
    QVariantList values;
    values.reserve(Columns);
    while (q.next()) {
        if (++count % LedgerReportSupport::CancelCheckRows == 0) {
            if (sink.isCancelled())
                return fail(LedgerReportSupport::cancelled());
            if (request.progress)
                request.progress(double(q.value(1).toLongLong() - from) / span);
        }
        // The driver's values go on as they are (integers as qint64, text as
        // QString, NULL as a null value): no conversions per row.
        values.clear();
        for (int c = 0; c < Columns; ++c)
            values << q.value(c);
        total += values.at(4).toLongLong();
        // A transfer without a reference stores "": shown as no reference.
        if (!values.at(7).isNull() && values.at(7).toString().isEmpty())
            values[7] = QVariant();
        if (auto s = sink.row(values); !s)
            return s;
    }
    if (auto s = sink.endTable(
            {QVariant(), QVariant(), tr("Total"), QVariant(), total, QVariant(), QVariant(), QVariant(), QVariant()},
            {tr("%n transfer(s).", nullptr, int(std::min<qint64>(count, INT_MAX)))});
        !s)
        return s;
    return sink.end();
}

} // namespace hub
