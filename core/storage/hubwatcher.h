// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSqlDriver>
#include <QString>
#include <QThread>
#include <QTimer>

#include <memory>

namespace hub {

class Database;
class ServerProbe;

/// Notices, from the thread it lives on, when another connection (another
/// window, hubctl, a worker thread) changed the hub, and in particular when
/// the hub was restored from a backup, so a window can reload instead of
/// showing and editing what is no longer there. Cheap: PRAGMA data_version
/// each tick on a file, LISTEN/NOTIFY on a hub server (its writers notify at
/// commit), the restore marker only after a change.
///
/// A server is first asked from a thread of its own (ServerProbe): while it
/// does not answer (a network gone quiet), the watcher leaves this thread's
/// connection alone, so the window never freezes waiting for it, and looks
/// again as soon as the server answers.
class HubWatcher : public QObject
{
    Q_OBJECT
public:
    HubWatcher(std::shared_ptr<const Database> db, QObject *parent = nullptr);
    ~HubWatcher() override;

    /// How long a server may take to answer before it counts as away.
    static constexpr int AnswerWithinMs = 3000;

    void setInterval(int milliseconds) { m_timer.setInterval(milliseconds); }
    /// Looks once now (the timer does the same). On a server it asks the
    /// probe, and looks when the answer arrives through the event loop.
    void poll();
    /// Takes the hub as it is now as seen, without signalling.
    void acknowledge();
    /// A hub server that has not answered within AnswerWithinMs (or could
    /// not be reached); always false for a file.
    bool serverAway() const { return m_away; }
    /// Waits until the probes of watchers already gone have ended (each
    /// within its connection's few seconds), or the deadline passes: for an
    /// application about to exit. True when none is left.
    static bool waitForEndedProbes(QDeadlineTimer deadline);

signals:
    /// Something was committed by another connection since the last look.
    void changedElsewhere();
    /// A restore replaced the hub's contents since the last look.
    void restored();
    /// Each look, changed or not: a moment for work that waits for other
    /// desks to finish reading (a pending erasure).
    void looked();
    /// A hub server stopped answering (true) or answers again (false).
    void serverAwayChanged(bool away);

private:
    std::shared_ptr<const Database> m_db;
    QTimer m_timer;
    /// One look at this thread's connection: signals what changed.
    void look();
    bool changedSince();
    /// A server: asks the probe, or notes that it is taking too long.
    void askServer();
    void answered(bool alive);
    void setAway(bool away);
    QThread *m_probeThread = nullptr; ///< may outlive this watcher (see the destructor)
    ServerProbe *m_probe = nullptr;   ///< lives on m_probeThread
    bool m_asking = false;
    bool m_away = false;
    QElapsedTimer m_askedAt;
    /// LISTENs on the current connection of a hub server, if not yet: true
    /// when it subscribed (first, or after the connection was made again).
    bool listen();
    QPointer<QSqlDriver> m_driver;

    qint64 m_dataVersion = -1;
    bool m_notified = false; ///< a server's notification arrived since the last look
    QString m_marker;
};

} // namespace hub
