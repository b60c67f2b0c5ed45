// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/spaces/icalendarexporter.h"
#include "core/spaces/icalendarimporter.h"
#include "ui/access/workerhub.h"
#include "ui/widgets/backgroundjob.h"
#include "ui/widgets/filework.h"

#include <QObject>

class QWidget;

namespace hub {

/// Runs an iCalendar import (or its dry run) or export on a worker thread,
/// so the window stays responsive. The worker opens its own Hub on the same
/// file, because a database connection belongs to the thread that opened it.
class CalendarFileJob : public QObject
{
    Q_OBJECT
public:
    explicit CalendarFileJob(QObject *parent = nullptr);
    /// Cancels a running job and waits for it, so no thread outlives the owner.
    ~CalendarFileJob() override;

    void startImport(const WorkerHub &source, const QByteArray &ics, SpaceId space, bool dryRun);
    void startExport(const WorkerHub &source, const QString &file, const CalendarExportOptions &options);
    /// Asks the worker to stop; an import then writes nothing, an export no file.
    void cancel();
    bool isRunning() const { return m_job.isRunning(); }

    /// Runs the job behind a cancellable progress dialog (shown only when it
    /// takes a while) and returns when it has finished. False when it failed
    /// or was cancelled.
    bool runWithProgress(QWidget *parent, const QString &label);

    /// Results, valid after finished().
    bool succeeded() const { return m_outcome.ok; }
    const CalendarImportReport &report() const { return m_report; }
    int exportedCount() const { return m_outcome.exported; }
    /// Why the job failed; for a file that is not iCalendar it names the line.
    QString errorMessage() const { return m_outcome.message; }
    bool wasCancelled() const { return m_job.wasCancelled(); }

Q_SIGNALS:
    void progressed(int done, int total);
    void finished(bool ok);

private:
    void start(BackgroundJob::Work work);

    // Written by the work, read after finished(), which orders the two.
    FileWorkOutcome m_outcome;
    CalendarImportReport m_report;
    // Last: it is destroyed first, waiting for work that writes the above.
    BackgroundJob m_job;
};

} // namespace hub
