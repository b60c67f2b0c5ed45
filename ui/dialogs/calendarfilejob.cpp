// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/calendarfilejob.h"

#include "core/hub.h"

namespace hub {

CalendarFileJob::CalendarFileJob(QObject *parent) : QObject(parent)
{
    connect(&m_job, &BackgroundJob::progressed, this,
            [this](const QString &, int done, int total) { Q_EMIT progressed(done, total); });
    connect(&m_job, &BackgroundJob::finished, this, [this] { Q_EMIT finished(m_outcome.ok); });
}

CalendarFileJob::~CalendarFileJob() = default;

void CalendarFileJob::cancel()
{
    m_job.cancel();
}

void CalendarFileJob::start(BackgroundJob::Work work)
{
    if (m_job.isRunning())
        return;
    m_outcome = {};
    m_report = {};
    m_job.start(std::move(work));
}

void CalendarFileJob::startImport(const WorkerHub &source, const QByteArray &ics, SpaceId space, bool dryRun)
{
    start([this, source, ics, space, dryRun](JobProgress &progress) {
        FileWork::importWith<CalendarImportReport>(
            source, progress, m_outcome, m_report,
            [&](Hub &hub, const FileWork::Progress &report) {
                return ICalendarImporter(hub).run(ics, space, dryRun, report);
            },
            [](const CalendarImportReport &) { return true; });
    });
}

void CalendarFileJob::startExport(const WorkerHub &source, const QString &file, const CalendarExportOptions &options)
{
    start([this, source, file, options](JobProgress &progress) {
        FileWork::exportTo(source, file, progress, m_outcome,
                           [&](Hub &hub, QIODevice &out, const FileWork::Progress &report) {
                               return ICalendarExporter(hub).write(out, options, report);
                           });
    });
}

bool CalendarFileJob::runWithProgress(QWidget *parent, const QString &label)
{
    m_job.waitWithProgress(parent, {label, label, QStringLiteral("calendarFileProgress"), 0});
    return m_outcome.ok;
}

} // namespace hub
