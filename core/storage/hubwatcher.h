// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QSqlDriver>
#include <QString>
#include <QTimer>

#include <memory>

namespace hub {

class Database;

/// Notices, from the thread it lives on, when another connection (another
/// window, hubctl, a worker thread) changed the hub, and in particular when
/// the hub was restored from a backup, so a window can reload instead of
/// showing and editing what is no longer there. Cheap: PRAGMA data_version
/// each tick on a file, LISTEN/NOTIFY on a hub server (its writers notify at
/// commit), the restore marker only after a change.
class HubWatcher : public QObject
{
    Q_OBJECT
public:
    HubWatcher(std::shared_ptr<const Database> db, QObject *parent = nullptr);

    void setInterval(int milliseconds) { m_timer.setInterval(milliseconds); }
    /// Looks once now (the timer does the same).
    void poll();
    /// Takes the hub as it is now as seen, without signalling.
    void acknowledge();

signals:
    /// Something was committed by another connection since the last look.
    void changedElsewhere();
    /// A restore replaced the hub's contents since the last look.
    void restored();
    /// Each look, changed or not: a moment for work that waits for other
    /// desks to finish reading (a pending erasure).
    void looked();

private:
    std::shared_ptr<const Database> m_db;
    QTimer m_timer;
    bool changedSince();
    /// LISTENs on the current connection of a hub server, if not yet: true
    /// when it subscribed (first, or after the connection was made again).
    bool listen();
    QPointer<QSqlDriver> m_driver;

    qint64 m_dataVersion = -1;
    bool m_notified = false; ///< a server's notification arrived since the last look
    QString m_marker;
};

} // namespace hub
