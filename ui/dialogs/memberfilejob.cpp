// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/memberfilejob.h"

#include "core/hub.h"

namespace hub {

MemberFileJob::MemberFileJob(QObject *parent) : QObject(parent)
{
    connect(&m_job, &BackgroundJob::progressed, this,
            [this](const QString &, int done, int total) { Q_EMIT progressed(done, total); });
    connect(&m_job, &BackgroundJob::finished, this, [this] { Q_EMIT finished(m_outcome.ok); });
}

MemberFileJob::~MemberFileJob() = default;

void MemberFileJob::cancel()
{
    m_job.cancel();
}

void MemberFileJob::start(BackgroundJob::Work work)
{
    if (m_job.isRunning())
        return;
    m_outcome = {};
    m_report = {};
    m_job.start(std::move(work));
}

void MemberFileJob::startImport(const WorkerHub &source, const QByteArray &csv, const ColumnMapping &mapping,
                                bool dryRun)
{
    start([this, source, csv, mapping, dryRun](JobProgress &progress) {
        FileWork::importWith<ImportReport>(
            source, progress, m_outcome, m_report,
            [&](Hub &hub, const FileWork::Progress &report) {
                return MemberImporter(hub).run(csv, mapping, dryRun, report);
            },
            [](const ImportReport &report) { return report.ok(); });
    });
}

void MemberFileJob::startExport(const WorkerHub &source, const QString &file, const ExportOptions &options)
{
    start([this, source, file, options](JobProgress &progress) {
        FileWork::exportTo(source, file, progress, m_outcome,
                           [&](Hub &hub, QIODevice &out, const FileWork::Progress &report) {
                               return MemberExporter(hub).write(out, options, report);
                           });
    });
}

bool MemberFileJob::runWithProgress(QWidget *parent, const QString &label)
{
    m_job.waitWithProgress(parent, {label, label, QStringLiteral("memberFileProgress"), 0});
    return m_outcome.ok;
}

} // namespace hub
