// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/hubwatcher.h"

#include "core/storage/backupservice.h"
#include "core/storage/database.h"
#include "core/storage/query.h"
#include "core/storage/serverprobe.h"
#include "core/storage/transaction.h"

#include <QSqlDriver>

#include <utility>
#include <vector>

namespace hub {

namespace {
// Probe threads of watchers already gone, still waiting on a server; kept
// here, on the thread that makes watchers, until they end.
struct EndingProbes
{
    std::vector<std::unique_ptr<QThread>> threads;
    // One still running as the program ends (its wait had a deadline) is
    // left to the end of the process: deleting a running thread aborts.
    ~EndingProbes()
    {
        for (auto &t : threads)
            if (!t->isFinished())
                (void)t.release();
    }
};

std::vector<std::unique_ptr<QThread>> &endingProbes()
{
    static EndingProbes probes;
    return probes.threads;
}

void reapEndedProbes()
{
    auto &threads = endingProbes();
    std::erase_if(threads, [](const std::unique_ptr<QThread> &t) { return t->isFinished(); });
}
} // namespace

HubWatcher::HubWatcher(std::shared_ptr<const Database> db, QObject *parent) : QObject(parent), m_db(std::move(db))
{
    if (m_db->backend() == Backend::PostgreSQL) {
        listen();
        reapEndedProbes();
        m_probeThread = new QThread;
        m_probe = new ServerProbe(m_db->address());
        m_probe->moveToThread(m_probeThread);
        connect(m_probeThread, &QThread::finished, m_probe, &ServerProbe::release);
        connect(m_probeThread, &QThread::finished, m_probe, &QObject::deleteLater);
        connect(m_probe, &ServerProbe::answered, this, &HubWatcher::answered);
        m_probeThread->setObjectName(QStringLiteral("HubWatcher probe"));
        m_probeThread->start();
    }
    acknowledge();
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &HubWatcher::poll);
    m_timer.start();
}

HubWatcher::~HubWatcher()
{
    if (!m_probeThread)
        return;
    m_probeThread->quit();
    // An idle probe ends at once. One still waiting on a silent network
    // would hold the window (switching hubs, closing) for its connection's
    // timeouts: it needs nothing of the window's, so it is left to end by
    // itself, and deleted once it has.
    if (m_probeThread->wait(QDeadlineTimer(100))) {
        delete m_probeThread;
        return;
    }
    endingProbes().emplace_back(m_probeThread);
}

bool HubWatcher::waitForEndedProbes(QDeadlineTimer deadline)
{
    for (const auto &t : endingProbes())
        t->wait(deadline);
    reapEndedProbes();
    return endingProbes().empty();
}

bool HubWatcher::listen()
{
    QSqlDriver *driver = m_db->connection().driver();
    if (driver == m_driver)
        return false;
    const QString channel = QLatin1StringView(Transaction::ChangeChannel);
    // A server still away: tried again on the next look.
    if (!driver || !driver->subscribeToNotification(channel))
        return false;
    m_driver = driver;
    // This connection's own commits are this window's; the others' count.
    connect(driver, &QSqlDriver::notification, this,
            [this, channel](const QString &name, QSqlDriver::NotificationSource source, const QVariant &) {
                // Arriving, the notification shows this connection is alive.
                if (name == channel && source == QSqlDriver::OtherSource) {
                    m_notified = true;
                    if (!m_away)
                        look();
                }
            });
    return true;
}

void HubWatcher::acknowledge()
{
    if (auto marker = BackupService::restoreMarker(*m_db))
        m_marker = *marker;
    m_notified = false;
    if (m_db->backend() == Backend::PostgreSQL)
        return;
    Query version(*m_db, QStringLiteral("PRAGMA data_version"));
    if (auto v = version.scalar())
        m_dataVersion = v->toLongLong();
}

bool HubWatcher::changedSince()
{
    if (m_db->backend() == Backend::PostgreSQL) {
        // Run only just after the probe had an answer, so this returns at
        // once. A connection that died quietly (the server restarted) is
        // noticed here and made again on the next look, listening afresh;
        // what other desks did meanwhile was never announced, so it counts
        // as a change.
        Query alive(*m_db, QStringLiteral("SELECT 1"));
        (void)alive.scalar();
        if (listen())
            m_notified = true;
        return std::exchange(m_notified, false);
    }
    Query version(*m_db, QStringLiteral("PRAGMA data_version"));
    auto v = version.scalar();
    if (!v || v->toLongLong() == m_dataVersion)
        return false; // a busy moment is looked at again on the next tick
    m_dataVersion = v->toLongLong();
    return true;
}

void HubWatcher::poll()
{
    if (m_probe)
        askServer();
    else
        look();
}

void HubWatcher::askServer()
{
    if (!m_asking) {
        m_asking = true;
        m_askedAt.start();
        QMetaObject::invokeMethod(m_probe, &ServerProbe::probe, Qt::QueuedConnection);
    } else if (m_askedAt.hasExpired(AnswerWithinMs)) {
        setAway(true);
    }
}

void HubWatcher::answered(bool alive)
{
    m_asking = false;
    if (!alive) {
        setAway(true);
        return;
    }
    if (m_away) {
        // Notifications sent while away may never have reached this connection.
        m_notified = true;
        setAway(false);
    }
    look();
}

void HubWatcher::setAway(bool away)
{
    if (away == m_away)
        return;
    m_away = away;
    emit serverAwayChanged(away);
}

void HubWatcher::look()
{
    emit looked();
    if (!changedSince())
        return;
    auto marker = BackupService::restoreMarker(*m_db);
    if (marker && *marker != m_marker) {
        m_marker = *marker;
        emit restored();
        return;
    }
    emit changedElsewhere();
}

} // namespace hub
