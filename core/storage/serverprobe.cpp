// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/serverprobe.h"

#include <QSqlDatabase>
#include <QSqlQuery>

#include <utility>

namespace hub {

ServerProbe::ServerProbe(HubAddress address)
    : m_address(std::move(address)), m_name(QStringLiteral("hub-probe-%1").arg(reinterpret_cast<quintptr>(this), 0, 16))
{}

void ServerProbe::probe()
{
    QSqlDatabase db;
    if (QSqlDatabase::contains(m_name)) {
        db = QSqlDatabase::database(m_name, false);
    } else {
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
        // Sooner than a desk's connection gives up: a probe waiting on a
        // dead network is what keeps a closed window's process alive.
        m_address.configure(db,
                            {QStringLiteral("connect_timeout=3"), QStringLiteral("application_name=Hubkeeper-probe"),
                             QStringLiteral("tcp_user_timeout=3000"), QStringLiteral("keepalives_idle=5"),
                             QStringLiteral("keepalives_interval=1"), QStringLiteral("keepalives_count=3")});
    }
    if (!db.isOpen() && !db.open()) {
        emit answered(false);
        return;
    }
    QSqlQuery alive(db);
    const bool answers = alive.exec(QStringLiteral("SELECT 1")) && alive.next();
    alive.finish();
    if (!answers)
        db.close(); // made again on the next probe
    emit answered(answers);
}

void ServerProbe::release()
{
    if (!QSqlDatabase::contains(m_name))
        return;
    QSqlDatabase::database(m_name, false).close();
    QSqlDatabase::removeDatabase(m_name);
}

} // namespace hub
