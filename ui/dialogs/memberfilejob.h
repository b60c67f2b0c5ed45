// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/members/memberexporter.h"
#include "core/members/memberimporter.h"
#include "ui/access/workerhub.h"
#include "ui/widgets/backgroundjob.h"
#include "ui/widgets/filework.h"

#include <QObject>

class QWidget;

namespace hub {

/// Runs a member import (or its dry run) or an export on a worker thread, so
/// the window stays responsive. The worker opens its own Hub on the same file,
/// because a database connection belongs to the thread that opened it.
class MemberFileJob : public QObject
{
    Q_OBJECT
public:
    explicit MemberFileJob(QObject *parent = nullptr);
    /// Cancels a running job and waits for it, so no thread outlives the owner.
    ~MemberFileJob() override;

    void startImport(const WorkerHub &source, const QByteArray &csv, const ColumnMapping &mapping, bool dryRun);
    void startExport(const WorkerHub &source, const QString &file, const ExportOptions &options);
    /// Asks the worker to stop; an import then writes nothing, an export no file.
    void cancel();
    bool isRunning() const { return m_job.isRunning(); }

    /// Runs the job behind a cancellable progress dialog and returns when it
    /// has finished. False when it failed or was cancelled.
    bool runWithProgress(QWidget *parent, const QString &label);

    /// Results, valid after finished().
    const ImportReport &importReport() const { return m_report; }
    int exportedCount() const { return m_outcome.exported; }
    QString errorMessage() const { return m_outcome.message; }
    bool wasCancelled() const { return m_job.wasCancelled(); }

Q_SIGNALS:
    void progressed(int done, int total);
    void finished(bool ok);

private:
    void start(BackgroundJob::Work work);

    // Written by the work, read after finished(), which orders the two.
    FileWorkOutcome m_outcome;
    ImportReport m_report;
    // Last: it is destroyed first, waiting for work that writes the above.
    BackgroundJob m_job;
};

} // namespace hub
