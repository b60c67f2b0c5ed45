// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/memberfilejob.h"

#include "core/common/privatefiles.h"
#include "core/hub.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QProgressDialog>
#include <QSaveFile>
#include <QThread>

namespace hub {

MemberFileJob::MemberFileJob(QObject *parent) : QObject(parent)
{}

MemberFileJob::~MemberFileJob()
{
    if (m_thread) {
        cancel();
        m_thread->wait();
        delete m_thread;
    }
}

void MemberFileJob::cancel()
{
    m_cancel = true;
}

bool MemberFileJob::progress(int done, int total)
{
    // Progress crosses threads as queued signals; at most ~20 a second keeps
    // the GUI's event queue small whatever the file size.
    const qint64 now = m_sinceStart.elapsed();
    if (m_lastProgressMs < 0 || now - m_lastProgressMs >= 50 || done == total) {
        m_lastProgressMs = now;
        Q_EMIT progressed(done, total);
    }
    return !m_cancel.load();
}

void MemberFileJob::start(std::function<void()> work)
{
    if (m_thread)
        return;
    m_cancel = false;
    m_ok = false;
    m_message.clear();
    m_report = {};
    m_exported = 0;
    m_lastProgressMs = -1;
    m_sinceStart.start();
    m_thread = QThread::create(std::move(work));
    connect(m_thread, &QThread::finished, this, [this] {
        m_thread->deleteLater();
        m_thread = nullptr;
        Q_EMIT finished(m_ok);
    });
    m_thread->start();
}

void MemberFileJob::startImport(const WorkerHub &source, const QByteArray &csv, const ColumnMapping &mapping,
                                bool dryRun)
{
    start([this, source, csv, mapping, dryRun] {
        auto opened = source.open();
        if (!opened) {
            m_message = opened.error().message;
            return;
        }
        {
            MemberImporter importer(**opened);
            auto report =
                importer.run(csv, mapping, dryRun, [this](int done, int total) { return progress(done, total); });
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
    start([this, source, file, options] {
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
                auto written =
                    exporter.write(out, options, [this](int done, int total) { return progress(done, total); });
                if (!written) {
                    m_message = written.error().text();
                    out.cancelWriting();
                } else if (m_cancel.load()) {
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
    QProgressDialog dialog(label, tr("Cancel"), 0, 0, parent);
    dialog.setObjectName(QStringLiteral("memberFileProgress"));
    dialog.setWindowTitle(label);
    dialog.setWindowModality(Qt::WindowModal);
    // A small file finishes before the dialog would only flash.
    dialog.setMinimumDuration(400);
    dialog.setAutoClose(false);
    dialog.setAutoReset(false);
    QEventLoop loop;
    const auto onProgress = connect(this, &MemberFileJob::progressed, &dialog, [&dialog](int done, int total) {
        dialog.setMaximum(total);
        dialog.setValue(done);
    });
    connect(&dialog, &QProgressDialog::canceled, this, &MemberFileJob::cancel);
    connect(this, &MemberFileJob::finished, &loop, &QEventLoop::quit);
    if (isRunning())
        loop.exec();
    disconnect(onProgress);
    return m_ok;
}

} // namespace hub
