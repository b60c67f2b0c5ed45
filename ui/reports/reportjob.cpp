// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/reportjob.h"

#include "core/hub.h"
#include "core/reports/reportservice.h"
#include "ui/reports/previewreportsink.h"

#include <QEventLoop>
#include <QProgressDialog>
#include <QThread>

#include <algorithm>

namespace hub {

ReportJob::ReportJob(QObject *parent) : QObject(parent)
{}

ReportJob::~ReportJob()
{
    if (m_thread) {
        cancel();
        m_thread->wait();
        delete m_thread;
    }
}

void ReportJob::cancel()
{
    m_cancel = true;
}

void ReportJob::progress(double share)
{
    // At most ~20 queued signals a second, whatever the report's size.
    const qint64 now = m_sinceStart.elapsed();
    if (m_lastProgressMs < 0 || now - m_lastProgressMs >= 50 || share >= 1.0) {
        m_lastProgressMs = now;
        Q_EMIT progressed(int(std::clamp(share, 0.0, 1.0) * 1000));
    }
}

void ReportJob::start(std::function<void()> work)
{
    if (m_thread)
        return;
    m_cancel = false;
    m_ok = false;
    m_message.clear();
    m_heading = {};
    m_tables.clear();
    m_produced.clear();
    m_summary = {};
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

void ReportJob::startPreview(const WorkerHub &source, const QString &report, const ReportRequest &request,
                             qint64 rowLimit)
{
    start([this, source, report, request, rowLimit] {
        auto opened = source.open();
        if (!opened) {
            m_message = opened.error().message;
            return;
        }
        {
            PreviewReportSink sink(rowLimit, [this] { return m_cancel.load(); });
            ReportRequest r = request;
            r.progress = [this](double share) {
                progress(share);
            };
            if (auto ran = (*opened)->reports().run(report, r, sink); !ran) {
                m_message = ran.error().text();
            } else {
                m_heading = sink.heading();
                m_tables = sink.tables();
                for (int i = 0; i < m_tables.size(); ++i)
                    m_produced.append(sink.rowsProduced(i));
                m_ok = !m_cancel.load();
            }
        }
        (*opened)->database().releaseThreadConnection();
    });
}

void ReportJob::startExport(const WorkerHub &source, const QString &report, const ReportRequest &request,
                            ReportFileFormat format, const QString &file, bool excelBom)
{
    start([this, source, report, request, format, file, excelBom] {
        auto opened = source.open();
        if (!opened) {
            m_message = opened.error().message;
            return;
        }
        {
            ReportRequest r = request;
            r.progress = [this](double share) {
                progress(share);
            };
            auto written = ReportExporter::exportTo((*opened)->reports(), report, r, format, file, excelBom,
                                                    [this] { return m_cancel.load(); });
            if (!written) {
                m_message = written.error().text();
            } else {
                m_summary = *written;
                m_ok = !m_cancel.load();
            }
        }
        (*opened)->database().releaseThreadConnection();
    });
}

bool ReportJob::runWithProgress(QWidget *parent, const QString &label)
{
    QProgressDialog dialog(label, tr("Cancel"), 0, 1000, parent);
    dialog.setObjectName(QStringLiteral("reportProgress"));
    dialog.setWindowTitle(label);
    dialog.setWindowModality(Qt::WindowModal);
    // A small report finishes before the dialog would only flash.
    dialog.setMinimumDuration(400);
    dialog.setAutoClose(false);
    dialog.setAutoReset(false);
    dialog.setValue(0);
    QEventLoop loop;
    const auto onProgress = connect(this, &ReportJob::progressed, &dialog, &QProgressDialog::setValue);
    connect(&dialog, &QProgressDialog::canceled, this, &ReportJob::cancel);
    connect(this, &ReportJob::finished, &loop, &QEventLoop::quit);
    if (isRunning())
        loop.exec();
    disconnect(onProgress);
    return m_ok;
}

} // namespace hub
