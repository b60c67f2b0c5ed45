// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/query.h"

#include "core/storage/backend.h"
#include "core/storage/database.h"
#include "core/storage/sqldialect.h"

#include <QRegularExpression>
#include <QSqlError>

#include <memory>
#include <unordered_map>

namespace hub {

// Preparing a statement costs more than running most of ours, and the
// services run the same few statements over and over (an import of 10,000
// rows spent half its time preparing). Each thread keeps its connection's
// prepared statements by SQL text; a statement already in use by an outer
// Query is prepared afresh instead of being shared.
struct Query::CachedStatement
{
    QSqlQuery query;
    bool inUse = false;
};

namespace {
constexpr size_t MaxCachedPerConnection = 512;
thread_local std::unordered_map<QString, std::unordered_map<QString, std::shared_ptr<Query::CachedStatement>>>
    t_statements;

// PostgreSQL prepares only these; DDL, VACUUM and the like run unprepared.
bool preparable(const QString &sql)
{
    static const QRegularExpression dml(QStringLiteral("^\\s*(SELECT|INSERT|UPDATE|DELETE|WITH|VALUES)\\b"),
                                        QRegularExpression::CaseInsensitiveOption);
    return dml.match(sql).hasMatch();
}
} // namespace

Query::Query(const QSqlDatabase &db, const QString &sql) : m_connectionName(db.connectionName())
{
    if (backendOf(db) == Backend::PostgreSQL && !preparable(sql)) {
        m_own = std::make_unique<QSqlQuery>(db);
        m_query = m_own.get();
        m_direct = SqlDialect::forServer(sql);
        m_prepared = true;
        return;
    }
    auto &statements = t_statements[db.connectionName()];
    const auto it = statements.find(sql);
    if (it != statements.end() && !it->second->inUse) {
        m_cached = it->second;
        m_prepared = true;
    } else {
        auto query = std::make_unique<QSqlQuery>(db);
        m_prepared = query->prepare(backendOf(db) == Backend::PostgreSQL ? SqlDialect::forServer(sql) : sql);
        if (m_prepared && it == statements.end() && statements.size() < MaxCachedPerConnection) {
            m_cached = std::make_shared<CachedStatement>(CachedStatement{std::move(*query), false});
            statements.emplace(sql, m_cached);
        } else {
            m_own = std::move(query);
        }
    }
    if (m_cached) {
        m_cached->inUse = true;
        m_query = &m_cached->query;
    } else {
        m_query = m_own.get();
    }
}

Query::~Query()
{
    if (m_cached) {
        m_query->finish();
        m_cached->inUse = false;
    }
}

void Query::dropCache(const QString &connectionName)
{
    t_statements.erase(connectionName);
}

Query::Query(const Database &db, const QString &sql) : Query(db.connection(), sql)
{}

Query &Query::bind(const QString &placeholder, const QVariant &value)
{
    // The driver binds a null QString as SQL NULL. Our text columns mean ""
    // by it; a real NULL is always asked for with a typed null QVariant.
    if (value.typeId() == QMetaType::QString && !value.isNull() && value.toString().isNull())
        m_query->bindValue(placeholder, QStringLiteral(""));
    // Flags are 0/1 integer columns on both backends; PostgreSQL would be
    // sent TRUE/FALSE, which it will not put in a BIGINT.
    else if (value.typeId() == QMetaType::Bool && !value.isNull())
        m_query->bindValue(placeholder, value.toBool() ? 1 : 0);
    else
        m_query->bindValue(placeholder, value);
    return *this;
}

Status Query::exec()
{
    const bool done = !m_direct.isEmpty() ? m_query->exec(m_direct) : m_prepared && m_query->exec();
    if (!done) {
        if (connectionLost(m_query->lastError()))
            Database::noteConnectionLost(m_connectionName);
        return fail(storageError(m_query->lastError()));
    }
    return {};
}

Result<QVariant> Query::scalar()
{
    if (auto ok = exec(); !ok)
        return fail(ok.error());
    // Finish at once so no read stays open (e.g. across a later commit).
    const QVariant value = m_query->next() ? m_query->value(0) : QVariant();
    m_query->finish();
    return value;
}

bool Query::connectionLost(const QSqlError &error)
{
    const QString native = error.nativeErrorCode();
    const QString text = error.text();
    return native.startsWith(QStringLiteral("08")) || native.startsWith(QStringLiteral("57P0")) ||
           text.contains(QStringLiteral("server closed the connection")) ||
           text.contains(QStringLiteral("no connection to the server"));
}

Error Query::storageError(const QSqlError &error)
{
    const QString native = error.nativeErrorCode();
    // SQLITE_BUSY (5) and SQLITE_LOCKED (6): another desk held the file too long.
    if (native == QStringLiteral("5") || native == QStringLiteral("6"))
        return Error::storage(tr("The hub file is busy: another Hubkeeper window or hubctl is saving. Try again in a "
                                 "moment."));
    // A hub server: its lock_timeout ran out (55P03), or the connection went
    // (class 08, or the server shut down: 57P01..57P03). Either way the
    // transaction did not commit, so nothing was half-saved.
    if (native == QStringLiteral("55P03"))
        return Error::storage(tr("The hub is busy: another desk is saving. Try again in a moment."));
    if (connectionLost(error))
        return Error::storage(tr("The connection to the hub server was lost, so nothing was saved. Check the "
                                 "network and try again: %1")
                                  .arg(error.databaseText().simplified()));
    // SQLITE_CORRUPT (11) and SQLITE_NOTADB (26) come from SQLite's own page
    // checks on an ordinary connection: the file is damaged where it was read.
    if (native == QStringLiteral("11") || native == QStringLiteral("26")) {
        Error e = Error::storage(tr("The hub file is damaged: %1. Nothing was changed; “hubctl check” shows what is "
                                    "damaged, and a backup restored over it mends it.")
                                     .arg(error.databaseText().isEmpty() ? error.text() : error.databaseText()));
        e.damaged = true;
        return e;
    }
    return Error::storage(tr("The hub file could not be read or written: %1")
                              .arg(error.databaseText().isEmpty() ? error.text() : error.databaseText()));
}

} // namespace hub
