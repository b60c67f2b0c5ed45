// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/demo/demogenerator.h"
#include "ui/widgets/backgroundjob.h"

#include <QObject>

namespace hub {

/// Makes a demo hub on a worker thread so the window stays responsive. The
/// worker opens its own Hub there, because a database connection belongs to
/// the thread that opened it.
class DemoBuilder : public QObject
{
    Q_OBJECT
public:
    explicit DemoBuilder(QObject *parent = nullptr);
    /// Cancels a running build and waits for it, so no thread outlives the dialog.
    ~DemoBuilder() override;

    /// Creates the hub file at `path` and fills it. Emits finished() when done.
    void start(const QString &path, const DemoOptions &options);
    /// Asks the worker to stop; the demo run then writes nothing.
    void cancel();
    bool isRunning() const { return m_job.isRunning(); }

Q_SIGNALS:
    void progressed(const QString &part, qint64 done, qint64 total);
    /// `message` explains a failure; `cancelled` is true when the user stopped it.
    void finished(bool ok, bool cancelled, const QString &message);

private:
    void build(JobProgress &progress, const QString &path, const DemoOptions &options);

    // Written by the work, read after finished(), which orders the two.
    bool m_ok = false;
    QString m_message;
    // Last: it is destroyed first, waiting for work that writes the above.
    BackgroundJob m_job;
};

} // namespace hub
