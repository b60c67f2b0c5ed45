// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/reportservice.h"

#include "core/access/accesscontrol.h"
#include "core/reports/ledgerjournalwriter.h"
#include "core/settings/settingsservice.h"
#include "core/storage/database.h"
#include "core/storage/hubseal.h"
#include "core/storage/transaction.h"

namespace hub {

ReportService::ReportService(std::shared_ptr<Database> db, SettingsService &settings, const Clock &clock,
                             const AccessControl &access)
    : m_db(std::move(db)), m_settings(settings), m_clock(clock), m_access(access)
{}

ReportService::~ReportService() = default;

void ReportService::add(std::unique_ptr<Report> report)
{
    m_reports.push_back(std::move(report));
}

QList<const Report *> ReportService::reports() const
{
    QList<const Report *> all;
    for (const auto &report : m_reports)
        all.append(report.get());
    return all;
}

Result<const Report *> ReportService::find(const QString &name) const
{
    QStringList names;
    for (const auto &report : m_reports) {
        if (report->name() == name)
            return report.get();
        names.append(report->name());
    }
    return fail(
        Error::usage(tr("There is no report called \"%1\". Reports: %2.").arg(name, names.join(QStringLiteral(", "))),
                     QStringLiteral("NAME")));
}

Result<ReportRequest> ReportService::complete(const Report &report, ReportRequest request) const
{
    auto settings = m_settings.load();
    if (!settings)
        return fail(settings.error());
    const QDate today = m_clock.now().toTimeZone(settings->zone()).date();
    if (report.periodKind() == Report::PeriodKind::At) {
        if (request.from.isValid() || request.to.isValid())
            return fail(
                Error::usage(tr("The %1 report is at one date: give --at, not --from or --to.").arg(report.name()),
                             request.from.isValid() ? QStringLiteral("--from") : QStringLiteral("--to")));
        if (!request.at.isValid())
            request.at = today;
        return request;
    }
    if (request.at.isValid())
        return fail(
            Error::usage(tr("The %1 report covers a period: give --from and --to, not --at.").arg(report.name()),
                         QStringLiteral("--at")));
    if (!request.from.isValid())
        request.from = request.to.isValid() ? QDate(request.to.year(), request.to.month(), 1)
                                            : QDate(today.year(), today.month(), 1);
    if (!request.to.isValid()) {
        const QDate monthEnd = request.from.addMonths(1).addDays(-1);
        request.to = std::max(request.from, std::min(monthEnd, today));
    }
    if (request.from > request.to)
        return fail(Error::usage(tr("The period starts (%1) after it ends (%2).")
                                     .arg(request.from.toString(Qt::ISODate), request.to.toString(Qt::ISODate)),
                                 QStringLiteral("--from")));
    return request;
}

Result<HubSettings> ReportService::settings() const
{
    return m_settings.load();
}

Status ReportService::authorize() const
{
    return m_access.require(Permission::RunReports);
}

Result<ReportService::Prepared> ReportService::prepare(const QString &name, const ReportRequest &request) const
{
    if (auto ok = authorize(); !ok)
        return fail(ok.error());
    auto report = find(name);
    if (!report)
        return fail(report.error());
    auto completed = complete(**report, request);
    if (!completed)
        return fail(completed.error());
    auto settings = m_settings.load();
    if (!settings)
        return fail(settings.error());
    return Prepared{*report, *completed, *settings};
}

namespace {
// Gives the report's heading the seal read in the report's own snapshot.
class SealingSink final : public ReportSink
{
public:
    SealingSink(ReportSink &inner, QString seal) : m_inner(inner), m_seal(std::move(seal)) {}
    Status begin(const ReportHeading &heading) override
    {
        ReportHeading sealed = heading;
        sealed.seal = m_seal;
        return m_inner.begin(sealed);
    }
    Status beginTable(const ReportTableHeader &header) override { return m_inner.beginTable(header); }
    Status row(const QVariantList &values) override { return m_inner.row(values); }
    Status endTable(const QVariantList &totals, const QStringList &notes) override
    {
        return m_inner.endTable(totals, notes);
    }
    Status end() override { return m_inner.end(); }
    bool isCancelled() const override { return m_inner.isCancelled(); }

private:
    ReportSink &m_inner;
    QString m_seal;
};
} // namespace

Status ReportService::run(const QString &name, const ReportRequest &request, ReportSink &sink) const
{
    auto p = prepare(name, request);
    if (!p)
        return fail(p.error());
    // One read for the seal and the report, so the seal is the one the figures come from.
    auto snapshot = Transaction::begin(*m_db, Transaction::Mode::Deferred);
    if (!snapshot)
        return fail(snapshot.error());
    auto seal = HubSeal::of(*m_db);
    if (!seal)
        return fail(seal.error());
    SealingSink sealing(sink, seal->text());
    return p->report->run(*m_db, p->settings, p->request, sealing);
}

Result<qint64> ReportService::writeJournal(const QString &name, const ReportRequest &request, QIODevice &device,
                                           const std::function<bool()> &cancelled) const
{
    auto p = prepare(name, request);
    if (!p)
        return fail(p.error());
    const bool at = p->report->periodKind() == Report::PeriodKind::At;
    return LedgerJournalWriter(*m_db, p->settings)
        .write(device, at ? QDate() : p->request.from, at ? p->request.at : p->request.to, cancelled);
}

} // namespace hub
