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
    if (m_db->backend() == Backend::PostgreSQL) {
        QSqlDriver *driver = m_db->connection().driver();
        const QString channel = QLatin1StringView(Transaction::ChangeChannel);
        driver->subscribeToNotification(channel);
        // This connection's own commits are this window's; the others' count.
        connect(driver, &QSqlDriver::notification, this,
                [this, channel](const QString &name, QSqlDriver::NotificationSource source, const QVariant &) {
                    if (name == channel && source == QSqlDriver::OtherSource) {
                        m_notified = true;
                        poll();
                    }
                });
    }
    acknowledge();
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &HubWatcher::poll);
    m_timer.start();
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
    if (m_db->backend() == Backend::PostgreSQL)
        return std::exchange(m_notified, false);
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
