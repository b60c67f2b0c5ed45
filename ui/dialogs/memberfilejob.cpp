// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/memberfilejob.h"

#include "core/common/privatefiles.h"
#include "core/hub.h"

#include <QSaveFile>

namespace hub {

MemberFileJob::MemberFileJob(QObject *parent) : QObject(parent)
{
    connect(&m_job, &BackgroundJob::progressed, this,
            [this](const QString &, int done, int total) { Q_EMIT progressed(done, total); });
    connect(&m_job, &BackgroundJob::finished, this, [this] { Q_EMIT finished(m_ok); });
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
    m_ok = false;
    m_message.clear();
    m_report = {};
    m_exported = 0;
    m_job.start(std::move(work));
}

void MemberFileJob::startImport(const WorkerHub &source, const QByteArray &csv, const ColumnMapping &mapping,
                                bool dryRun)
{
    start([this, source, csv, mapping, dryRun](JobProgress &progress) {
        auto opened = source.open();
        if (!opened) {
            m_message = opened.error().message;
            return;
        }
        {
            MemberImporter importer(**opened);
            auto report = importer.run(csv, mapping, dryRun,
                                       [&progress](int done, int total) { return progress.report(done, total); });
            if (report) {
                m_report = *report;
                m_ok = report->ok();
            } else {
                m_message = report.error().text();
            }
        }
        (*opened)->database().releaseThreadConnection();
    });
}

void MemberFileJob::startExport(const WorkerHub &source, const QString &file, const ExportOptions &options)
{
    start([this, source, file, options](JobProgress &progress) {
        auto opened = source.open();
        if (!opened) {
            m_message = opened.error().message;
            return;
        }
        {
            // A half-written or cancelled export never replaces an older file.
            QSaveFile out(file);
            if (!out.open(QIODevice::WriteOnly) || !PrivateFiles::restrict(out)) {
                m_message = tr("%1 cannot be written: %2").arg(file, out.errorString());
            } else {
                MemberExporter exporter(**opened);
                auto written = exporter.write(
                    out, options, [&progress](int done, int total) { return progress.report(done, total); });
                if (!written) {
                    m_message = written.error().text();
                    out.cancelWriting();
                } else if (progress.cancelled()) {
                    out.cancelWriting();
                } else if (!out.commit()) {
                    m_message = tr("%1 cannot be written: %2").arg(file, out.errorString());
                } else {
                    m_exported = *written;
                    m_ok = true;
                }
            }
        }
        (*opened)->database().releaseThreadConnection();
    });
}

bool MemberFileJob::runWithProgress(QWidget *parent, const QString &label)
{
    m_job.waitWithProgress(parent, {label, label, QStringLiteral("memberFileProgress"), 0});
    return m_ok;
}

} // namespace hub
