// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/changetracker.h"

#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace hub {

namespace {

// What the open transaction of one connection has changed so far. Each
// connection belongs to one thread, so this is per thread.
struct Pending
{
    QList<ChangedRecord> records;
    ChangeAreas areas;
    bool overflow = false;       ///< more records than an event carries
    qint64 rowsAtBegin = -1;     ///< sqlite3_total_changes64 when it began
    QList<qsizetype> savepoints; ///< records.size() at each savepoint
};
thread_local QHash<QString, Pending> t_pending;

// Rows inserted, updated or deleted on the connection so far: how a commit
// that no audit row named (a sign-in's counters, a rebuilt index) is noticed.
qint64 totalChanges(const QSqlDatabase &connection)
{
    const QVariant handle = connection.driver() ? connection.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return -1;
    sqlite3 *db = *static_cast<sqlite3 *const *>(handle.constData());
    return db ? sqlite3_total_changes64(db) : -1;
}

QMutex g_mutex;
QHash<QString, QList<ChangeTracker *>> g_trackers;

} // namespace

ChangeTracker::ChangeTracker(const QSqlDatabase &connection, QObject *parent)
    : QObject(parent), m_connectionName(connection.connectionName())
{
    QMutexLocker lock(&g_mutex);
    g_trackers[m_connectionName].append(this);
}

ChangeTracker::~ChangeTracker()
{
    QMutexLocker lock(&g_mutex);
    auto it = g_trackers.find(m_connectionName);
    if (it == g_trackers.end())
        return;
    it->removeAll(this);
    if (it->isEmpty())
        g_trackers.erase(it);
}

void ChangeTracker::begun(const QSqlDatabase &connection, int depth)
{
    Pending &p = t_pending[connection.connectionName()];
    if (depth == 0) {
        p = Pending();
        p.rowsAtBegin = totalChanges(connection);
    } else {
        p.savepoints.append(p.records.size());
    }
}

void ChangeTracker::committed(const QSqlDatabase &connection, int depth)
{
    const QString name = connection.connectionName();
    auto it = t_pending.find(name);
    if (it == t_pending.end())
        return;
    if (depth > 0) {
        if (!it->savepoints.isEmpty())
            it->savepoints.removeLast();
        return;
    }
    Pending done = std::move(*it);
    t_pending.erase(it);
    const qint64 rows = totalChanges(connection);
    // Without SQLite's counter (another driver) only audited writes count:
    // taking every commit as a write would make a page's own reads, in a
    // transaction, refresh it again and again.
    const bool wrote = rows >= 0 && rows != done.rowsAtBegin;
    if (done.records.isEmpty() && !done.overflow && !wrote)
        return; // a transaction that only read
    ChangeEvent event;
    event.areas = done.areas;
    if (done.overflow)
        event.records.clear();
    else
        event.records = std::move(done.records);
    // Rows changed that no audit row named: which area is not known.
    if (event.areas == ChangeAreas())
        event.areas = ChangeEvent::everything();
    deliver(name, event);
}

void ChangeTracker::rolledBack(const QSqlDatabase &connection, int depth)
{
    auto it = t_pending.find(connection.connectionName());
    if (it == t_pending.end())
        return;
    if (depth == 0) {
        t_pending.erase(it);
        return;
    }
    if (it->savepoints.isEmpty())
        return;
    const qsizetype keep = it->savepoints.takeLast();
    // The areas stay: a page refreshed once too often costs a read, a missed
    // one shows what is no longer true.
    if (keep < it->records.size())
        it->records.resize(keep);
}

void ChangeTracker::note(const QSqlDatabase &connection, const QString &entity, qint64 id)
{
    const QString name = connection.connectionName();
    auto it = t_pending.find(name);
    if (it == t_pending.end()) {
        // Written on its own, outside any transaction: it is already committed.
        ChangeEvent event;
        event.areas = ChangeEvent::areaOf(entity);
        event.records = {ChangedRecord{entity, id}};
        deliver(name, event);
        return;
    }
    it->areas |= ChangeEvent::areaOf(entity);
    if (it->overflow)
        return;
    if (it->records.size() >= ChangeEvent::RecordLimit) {
        it->overflow = true;
        it->records.clear();
        it->savepoints.fill(0);
        return;
    }
    const ChangedRecord record{entity, id};
    if (!it->records.contains(record))
        it->records.append(record);
}

void ChangeTracker::deliver(const QString &connectionName, const ChangeEvent &event)
{
    QList<ChangeTracker *> listeners;
    {
        QMutexLocker lock(&g_mutex);
        listeners = g_trackers.value(connectionName);
    }
    for (ChangeTracker *tracker : std::as_const(listeners))
        emit tracker->changed(event);
}

} // namespace hub
