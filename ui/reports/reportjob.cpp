// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/reportjob.h"

#include "core/hub.h"
#include "core/reports/reportservice.h"
#include "ui/reports/previewreportsink.h"

#include <algorithm>

namespace hub {

namespace {
constexpr int Permille = 1000;

/// A report's rough 0..1 share as the per mille the job reports (throttled by
/// JobProgress; the last, 1000, always goes).
std::function<void(double)> reportShare(JobProgress &progress)
{
    return [&progress](double share) {
        progress.report(int(std::clamp(share, 0.0, 1.0) * Permille), Permille);
    };
}
} // namespace

ReportJob::ReportJob(QObject *parent) : QObject(parent)
{
    connect(&m_job, &BackgroundJob::progressed, this,
            [this](const QString &, int done, int) { Q_EMIT progressed(done); });
    connect(&m_job, &BackgroundJob::finished, this, [this] { Q_EMIT finished(m_ok); });
}

ReportJob::~ReportJob() = default;

void ReportJob::cancel()
{
    m_job.cancel();
}

void ReportJob::start(BackgroundJob::Work work)
{
    if (m_job.isRunning())
        return;
    m_ok = false;
    m_message.clear();
    m_heading = {};
    m_tables.clear();
    m_produced.clear();
    m_summary = {};
    m_job.start(std::move(work));
}

void ReportJob::startPreview(const WorkerHub &source, const QString &report, const ReportRequest &request,
                             qint64 rowLimit)
{
    start([this, source, report, request, rowLimit](JobProgress &progress) {
        auto opened = source.open();
        if (!opened) {
            m_message = opened.error().message;
            return;
        }
        {
            PreviewReportSink sink(rowLimit, [&progress] { return progress.cancelled(); });
            ReportRequest r = request;
            r.progress = reportShare(progress);
            if (auto ran = (*opened)->reports().run(report, r, sink); !ran) {
                m_message = ran.error().text();
            } else {
                m_heading = sink.heading();
                m_tables = sink.tables();
                for (int i = 0; i < m_tables.size(); ++i)
                    m_produced.append(sink.rowsProduced(i));
                m_ok = !progress.cancelled();
            }
        }
        (*opened)->database().releaseThreadConnection();
    });
}

void ReportJob::startExport(const WorkerHub &source, const QString &report, const ReportRequest &request,
                            ReportFileFormat format, const QString &file, bool excelBom)
{
    start([this, source, report, request, format, file, excelBom](JobProgress &progress) {
        auto opened = source.open();
        if (!opened) {
            m_message = opened.error().message;
            return;
        }
        {
            ReportRequest r = request;
            r.progress = reportShare(progress);
            auto written = ReportExporter::exportTo((*opened)->reports(), report, r, format, file, excelBom,
                                                    [&progress] { return progress.cancelled(); });
            if (!written) {
                m_message = written.error().text();
            } else {
                m_summary = *written;
                m_ok = !progress.cancelled();
            }
        }
        (*opened)->database().releaseThreadConnection();
    });
}

bool ReportJob::runWithProgress(QWidget *parent, const QString &label)
{
    m_job.waitWithProgress(parent, {label, label, QStringLiteral("reportProgress"), Permille});
    return m_ok;
}

} // namespace hub
