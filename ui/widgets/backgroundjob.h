// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QPromise>
#include <QString>

#include <functional>

class QWidget;

namespace hub {

/// What a job's work sees on its worker thread: whether to stop, and a
/// throttled way to say how far it is.
class BackgroundJob;

class JobProgress
{
public:
    JobProgress(QPromise<void> &promise, BackgroundJob *job) : m_promise(promise), m_job(job) {}
    /// At most about 20 reports a second cross to the window, whatever the
    /// size of the work. False once the job was cancelled: the work stops.
    bool report(int done, int total);
    /// The same with a named part ("Members", "Bookings").
    bool report(const QString &part, int done, int total);
    bool cancelled() const { return m_promise.isCanceled(); }

private:
    QPromise<void> &m_promise;
    BackgroundJob *m_job;
    QElapsedTimer m_sinceLast;
    QString m_lastPart;
};

/// One piece of work on a worker thread (QtConcurrent, a QPromise for
/// progress and cancel, a QFutureWatcher back on the window's thread): the
/// shared part of the window's jobs, so none runs its own thread and loop.
/// Work that reads the hub opens its own Hub there (WorkerHub), because a
/// database connection belongs to the thread that opened it.
class BackgroundJob : public QObject
{
    Q_OBJECT
public:
    using Work = std::function<void(JobProgress &)>;

    explicit BackgroundJob(QObject *parent = nullptr);
    /// Cancels running work and waits for it: no work outlives its owner.
    ~BackgroundJob() override;

    void start(Work work);
    /// Asks the work to stop (it sees JobProgress::cancelled()).
    void cancel();
    bool isRunning() const { return m_running; }
    bool wasCancelled() const { return m_cancelled; }

    struct Dialog
    {
        QString label;      ///< "Importing bookings…"
        QString title;      ///< the window title; the label when empty
        QString objectName; ///< for tests and the accessibility audit
        int maximum = 0;    ///< 0: busy until the work reports a total
    };
    /// Waits for the running work behind a window-modal progress dialog with
    /// Cancel, shown only when the work takes a while; the window keeps
    /// painting meanwhile. Returns at once when nothing runs.
    void waitWithProgress(QWidget *parent, const Dialog &dialog);

Q_SIGNALS:
    void progressed(const QString &part, int done, int total);
    void finished();

private:
    friend class JobProgress;
    QFutureWatcher<void> m_watcher;
    bool m_running = false;
    bool m_cancelled = false;
};

} // namespace hub
