// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/backgroundjob.h"

#include <QEventLoop>
#include <QProgressDialog>
#include <QtConcurrent/QtConcurrentRun>

namespace hub {

namespace {
constexpr qint64 ReportEveryMs = 50;
} // namespace

bool JobProgress::report(int done, int total)
{
    return report(m_lastPart, done, total);
}

bool JobProgress::report(const QString &part, int done, int total)
{
    if (part != m_lastPart || !m_sinceLast.isValid() || m_sinceLast.elapsed() >= ReportEveryMs || done == total) {
        m_lastPart = part;
        m_sinceLast.start();
        // Not QPromise's own progress: it must only rise, and Qt drops values
        // that come quickly, so a part's last figure or a new part's first
        // could be lost. A queued call to the job, which waits for its work
        // before it goes, carries every figure that is sent.
        QMetaObject::invokeMethod(
            m_job, [job = m_job, part, done, total] { Q_EMIT job->progressed(part, done, total); },
            Qt::QueuedConnection);
    }
    return !m_promise.isCanceled();
}

BackgroundJob::BackgroundJob(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<void>::finished, this, [this] {
        m_running = false;
        Q_EMIT finished();
    });
}

BackgroundJob::~BackgroundJob()
{
    if (m_running) {
        cancel();
        m_watcher.waitForFinished();
    }
}

void BackgroundJob::start(Work work)
{
    if (m_running)
        return;
    m_running = true;
    m_cancelled = false;
    m_watcher.setFuture(QtConcurrent::run([this, work = std::move(work)](QPromise<void> &promise) {
        JobProgress progress(promise, this);
        work(progress);
    }));
}

void BackgroundJob::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    m_watcher.cancel();
}

void BackgroundJob::waitWithProgress(QWidget *parent, const Dialog &options)
{
    if (!m_running)
        return;
    QProgressDialog dialog(options.label, tr("Cancel"), 0, options.maximum, parent);
    dialog.setObjectName(options.objectName);
    dialog.setWindowTitle(options.title.isEmpty() ? options.label : options.title);
    dialog.setWindowModality(Qt::WindowModal);
    // Short work finishes before the dialog would only flash.
    dialog.setMinimumDuration(400);
    dialog.setAutoClose(false);
    dialog.setAutoReset(false);
    QEventLoop loop;
    const auto onProgress =
        connect(this, &BackgroundJob::progressed, &dialog, [&dialog](const QString &, int done, int total) {
            if (total > 0 && dialog.maximum() != total)
                dialog.setMaximum(total);
            dialog.setValue(qMin(done, dialog.maximum()));
        });
    connect(&dialog, &QProgressDialog::canceled, this, &BackgroundJob::cancel);
    connect(this, &BackgroundJob::finished, &loop, &QEventLoop::quit);
    if (m_running)
        loop.exec();
    disconnect(onProgress);
    dialog.close();
}

} // namespace hub
