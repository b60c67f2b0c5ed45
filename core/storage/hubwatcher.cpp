// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/hubwatcher.h"

#include "core/storage/backupservice.h"
#include "core/storage/database.h"
#include "core/storage/query.h"

namespace hub {

HubWatcher::HubWatcher(std::shared_ptr<const Database> db, QObject *parent) : QObject(parent), m_db(std::move(db))
{
    acknowledge();
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &HubWatcher::poll);
    m_timer.start();
}

void HubWatcher::acknowledge()
{
    if (auto marker = BackupService::restoreMarker(*m_db))
        m_marker = *marker;
    Query version(*m_db, QStringLiteral("PRAGMA data_version"));
    if (auto v = version.scalar())
        m_dataVersion = v->toLongLong();
}

void HubWatcher::poll()
{
    emit looked();
    Query version(*m_db, QStringLiteral("PRAGMA data_version"));
    auto v = version.scalar();
    if (!v || v->toLongLong() == m_dataVersion)
        return; // a busy moment is looked at again on the next tick
    m_dataVersion = v->toLongLong();
    auto marker = BackupService::restoreMarker(*m_db);
    if (marker && *marker != m_marker) {
        m_marker = *marker;
        emit restored();
        return;
    }
    emit changedElsewhere();
}

} // namespace hub
