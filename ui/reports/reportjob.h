// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reports/report.h"
#include "core/reports/reportexporter.h"
#include "core/reports/reporttable.h"
#include "ui/access/workerhub.h"
#include "ui/widgets/backgroundjob.h"

#include <QObject>

class QWidget;

namespace hub {

/// Runs a report on a worker thread, either into a preview for the screen
/// (its first rows) or into a file through ReportExporter. The worker opens
/// its own Hub on the same file (WorkerHub), as the person at the desk.
class ReportJob : public QObject
{
    Q_OBJECT
public:
    explicit ReportJob(QObject *parent = nullptr);
    /// Cancels a running job and waits for it, so no thread outlives the owner.
    ~ReportJob() override;

    void startPreview(const WorkerHub &source, const QString &report, const ReportRequest &request, qint64 rowLimit);
    void startExport(const WorkerHub &source, const QString &report, const ReportRequest &request,
                     ReportFileFormat format, const QString &file, bool excelBom);
    void cancel();
    bool isRunning() const { return m_job.isRunning(); }

    /// Waits for the job behind a cancellable progress dialog (shown only when
    /// it takes a while). False when it failed or was cancelled.
    bool runWithProgress(QWidget *parent, const QString &label);

    bool succeeded() const { return m_ok; }
    bool wasCancelled() const { return m_job.wasCancelled(); }
    QString errorMessage() const { return m_message; }
    /// Preview results: the heading, the kept rows and each table's full count.
    const ReportHeading &heading() const { return m_heading; }
    const QList<ReportTable> &tables() const { return m_tables; }
    const QList<qint64> &rowsProduced() const { return m_produced; }
    /// Export result.
    const ReportExportSummary &summary() const { return m_summary; }

Q_SIGNALS:
    void progressed(int permille);
    void finished(bool ok);

private:
    void start(BackgroundJob::Work work);

    // Written by the work, read after finished(), which orders the two.
    bool m_ok = false;
    QString m_message;
    ReportHeading m_heading;
    QList<ReportTable> m_tables;
    QList<qint64> m_produced;
    ReportExportSummary m_summary;
    // Last: it is destroyed first, waiting for work that writes the above.
    BackgroundJob m_job;
};

} // namespace hub
