// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/hubwatcher.h"

#include "core/storage/backupservice.h"
#include "core/storage/database.h"
#include "core/storage/query.h"
#include "core/storage/transaction.h"

#include <QSqlDriver>

#include <utility>

namespace hub {

HubWatcher::HubWatcher(std::shared_ptr<const Database> db, QObject *parent) : QObject(parent), m_db(std::move(db))
{
    if (m_db->backend() == Backend::PostgreSQL)
        listen();
    acknowledge();
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &HubWatcher::poll);
    m_timer.start();
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
                if (name == channel && source == QSqlDriver::OtherSource) {
                    m_notified = true;
                    poll();
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
        // A connection that died quietly (the server restarted) is noticed
        // here and made again on the next look, listening afresh; what other
        // desks did meanwhile was never announced, so it counts as a change.
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
