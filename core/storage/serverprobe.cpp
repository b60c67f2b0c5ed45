// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/serverprobe.h"

#include "core/storage/database.h"
#include "core/storage/query.h"

#include <utility>

namespace hub {

ServerProbe::ServerProbe(std::shared_ptr<const Database> db) : m_db(std::move(db))
{}

void ServerProbe::probe()
{
    // A lost connection is made again on the next probe (Database does so).
    Query alive(*m_db, QStringLiteral("SELECT 1"));
    emit answered(bool(alive.scalar()));
}

void ServerProbe::release()
{
    m_db->releaseThreadConnection();
}

} // namespace hub
