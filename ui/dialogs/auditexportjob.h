// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/audit/audittrail.h"
#include "ui/access/workerhub.h"
#include "ui/widgets/backgroundjob.h"

#include <QObject>

#include <atomic>

class QWidget;

namespace hub {

/// Writes the audit rows a filter selects to a CSV file on a worker thread
/// (with its own connection to the hub file), behind a progress dialog that
/// can cancel; a cancelled or failed export leaves no file behind.
class AuditExportJob : public QObject
{
    Q_OBJECT
public:
    explicit AuditExportJob(QObject *parent = nullptr);

    /// Runs the export and returns when it is done; false when it failed or
    /// was cancelled (errorMessage() says which).
    bool run(QWidget *parent, const WorkerHub &source, const AuditFilter &filter, const QString &file,
             int expectedRows);

    int exportedCount() const { return m_exported.load(); }
    QString errorMessage() const { return m_message; }
    bool wasCancelled() const { return m_job.wasCancelled(); }

    /// The CSV's header, for readers and tests.
    static QStringList header();

private:
    void work(JobProgress &progress, const WorkerHub &source, AuditFilter filter, const QString &file, int total);

    // Counted by the work; readable while it runs.
    std::atomic_int m_exported = 0;
    // Written by the work, read after it finished.
    bool m_ok = false;
    QString m_message;
    // Last: it is destroyed first, waiting for work that writes the above.
    BackgroundJob m_job;
};

} // namespace hub
