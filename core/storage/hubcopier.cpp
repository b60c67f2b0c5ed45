// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/hubcopier.h"

#include "core/hub.h"
#include "core/storage/database.h"
#include "core/storage/integritychecker.h"
#include "core/storage/query.h"
#include "core/storage/transaction.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>

namespace hub {

namespace {

// SQLite's FTS5 search tables keep the member, offer or need id as rowid,
// which is no column of theirs; the server's tables name it so.
bool isSearchTable(const QString &table)
{
    return table == QStringLiteral("member_search") || table == QStringLiteral("offer_search") ||
           table == QStringLiteral("need_search");
}

using Table = HubCopier::Table;

// The hub's tables as the target's schema has them, each with its columns.
Result<QList<Table>> tablesOf(const Database &db)
{
    QList<Table> tables;
    QSqlQuery q(db.connection());
    if (db.backend() == Backend::PostgreSQL) {
        // member_words is the server's own, kept from member_search by
        // triggers; the search tables go last, so their words find the
        // members' sort keys already there.
        if (!q.exec(QStringLiteral("SELECT table_name, column_name FROM information_schema.columns WHERE "
                                   "table_schema = current_schema() AND is_generated = 'NEVER' AND table_name NOT IN "
                                   "('hub_schema', 'member_words') ORDER BY table_name LIKE '%\\_search', "
                                   "table_name, ordinal_position")))
            return fail(Query::storageError(q.lastError()));
        while (q.next()) {
            const QString table = q.value(0).toString();
            if (tables.isEmpty() || tables.last().name != table)
                tables.append({table, {}});
            tables.last().columns << q.value(1).toString();
        }
        return tables;
    }
    // The FTS5 shadow tables (member_search_data, …) belong to their virtual table.
    if (!q.exec(QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                               "AND name NOT GLOB '*_search_*' ORDER BY name")))
        return fail(Query::storageError(q.lastError()));
    QStringList names;
    while (q.next())
        names << q.value(0).toString();
    for (const QString &name : std::as_const(names)) {
        Table t{name, isSearchTable(name) ? QStringList{QStringLiteral("rowid")} : QStringList{}};
        const QSqlRecord record = db.connection().record(name);
        for (int i = 0; i < record.count(); ++i)
            t.columns << record.fieldName(i);
        tables << t;
    }
    return tables;
}

QString joined(const QStringList &columns)
{
    return columns.join(QStringLiteral(", "));
}

// A server answers each statement over the network, so rows go to it many
// to a statement; a file takes them one by one as fast.
int rowsPerStatement(const QSqlDatabase &to, qsizetype columns)
{
    if (backendOf(to) != Backend::PostgreSQL)
        return 1;
    // PostgreSQL binds at most 65,535 parameters to one statement.
    return int(std::clamp<qsizetype>(20000 / std::max<qsizetype>(columns, 1), 1, 500));
}

QString insertStatement(const Table &table, int rows)
{
    QStringList marks;
    for (qsizetype i = 0; i < table.columns.size(); ++i)
        marks << QStringLiteral("?");
    const QString row = QStringLiteral("(%1)").arg(joined(marks));
    QStringList values;
    for (int i = 0; i < rows; ++i)
        values << row;
    return QStringLiteral("INSERT INTO %1 (%2) VALUES %3").arg(table.name, joined(table.columns), joined(values));
}

Status copyTable(const QSqlDatabase &from, const QSqlDatabase &to, const Table &table)
{
    // Names come from the target's own catalogue, never from user text.
    QSqlQuery clear(to);
    if (!clear.exec(QStringLiteral("DELETE FROM %1").arg(table.name)))
        return fail(Query::storageError(clear.lastError()));
    QSqlQuery read(from);
    read.setForwardOnly(true);
    if (!read.exec(QStringLiteral("SELECT %1 FROM %2").arg(joined(table.columns), table.name)))
        return fail(Query::storageError(read.lastError()));
    const int columns = int(table.columns.size());
    const int batch = rowsPerStatement(to, columns);
    QSqlQuery full(to);
    if (!full.prepare(insertStatement(table, batch)))
        return fail(Query::storageError(full.lastError()));
    QVariantList pending;
    pending.reserve(qsizetype(batch) * columns);
    const auto flush = [&](QSqlQuery &write) -> Status {
        for (qsizetype i = 0; i < pending.size(); ++i)
            write.bindValue(int(i), pending.at(i));
        pending.clear();
        if (!write.exec())
            return fail(Error::storage(
                HubCopier::tr("Copying %1 failed: %2").arg(table.name, write.lastError().databaseText())));
        return {};
    };
    while (read.next()) {
        for (int i = 0; i < columns; ++i)
            pending << read.value(i);
        if (pending.size() == qsizetype(batch) * columns) {
            if (auto ok = flush(full); !ok)
                return ok;
        }
    }
    if (!pending.isEmpty()) {
        QSqlQuery rest(to);
        if (!rest.prepare(insertStatement(table, int(pending.size() / columns))))
            return fail(Query::storageError(rest.lastError()));
        return flush(rest);
    }
    return {};
}

// Identity columns carry on after the highest id copied in.
Status advanceSequences(const QSqlDatabase &db, const QList<Table> &tables)
{
    QSqlQuery q(db);
    for (const Table &t : tables) {
        if (!t.columns.contains(QStringLiteral("id")))
            continue;
        if (!q.exec(QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'), coalesce(max(id), 0) + 1, "
                                   "false) FROM %1 WHERE pg_get_serial_sequence('%1', 'id') IS NOT NULL")
                        .arg(t.name)))
            return fail(Query::storageError(q.lastError()));
    }
    return {};
}

} // namespace

qint64 HubCopier::Summary::totalRows() const
{
    qint64 total = 0;
    for (const qint64 n : rows)
        total += n;
    return total;
}

Result<HubCopier::Summary> HubCopier::summarise(const Database &db)
{
    auto tables = tablesOf(db);
    if (!tables)
        return fail(tables.error());
    Summary s;
    for (const Table &t : std::as_const(*tables)) {
        Query count(db, QStringLiteral("SELECT count(*) FROM %1").arg(t.name));
        auto n = count.scalar();
        if (!n)
            return fail(n.error());
        s.rows.insert(t.name, n->toLongLong());
    }
    for (auto [table, head] : {std::pair{QStringLiteral("transfers"), &s.transferHead},
                               std::pair{QStringLiteral("audit_log"), &s.auditHead}}) {
        Query q(db, QStringLiteral("SELECT hash FROM %1 ORDER BY id DESC LIMIT 1").arg(table));
        auto hash = q.scalar();
        if (!hash)
            return fail(hash.error());
        *head = hash->toString();
    }
    return s;
}

namespace {
// Both ends of a copy: the tables to fill, the source's snapshot and what
// it holds (counted in that snapshot: other desks go on writing meanwhile,
// and the copy is of this moment), and the target's write transaction.
struct CopySession
{
    QList<Table> tables;
    Transaction snapshot;
    HubCopier::Summary expected;
    Transaction write;
};

Result<CopySession> beginCopy(const Database &source, const Database &target)
{
    auto tables = tablesOf(target);
    if (!tables)
        return fail(tables.error());
    auto snapshot = Transaction::begin(source, Transaction::Mode::Deferred);
    if (!snapshot)
        return fail(snapshot.error());
    auto expected = HubCopier::summarise(source);
    if (!expected)
        return fail(expected.error());
    auto write = Transaction::begin(target, Transaction::Mode::Immediate);
    if (!write)
        return fail(write.error());
    return CopySession{std::move(*tables), std::move(*snapshot), std::move(*expected), std::move(*write)};
}
} // namespace

Result<HubCopier::Summary> HubCopier::copyRows(const Database &source, Database &target)
{
    auto session = beginCopy(source, target);
    if (!session)
        return fail(session.error());
    if (auto ok = loadRows(session->snapshot.connection(), session->write.connection(), session->tables); !ok)
        return fail(ok.error());
    if (auto ok = session->write.commit(); !ok)
        return fail(ok.error());
    return session->expected;
}

Status HubCopier::loadRows(const QSqlDatabase &from, const QSqlDatabase &to, const QList<Table> &tables)
{
    QSqlQuery defer(to);
    // Rows go in table by table; references are checked at the commit.
    if (!defer.exec(backendOf(to) == Backend::PostgreSQL ? QStringLiteral("SET CONSTRAINTS ALL DEFERRED")
                                                         : QStringLiteral("PRAGMA defer_foreign_keys = ON")))
        return fail(Query::storageError(defer.lastError()));
    for (const Table &t : tables) {
        if (auto ok = copyTable(from, to, t); !ok)
            return ok;
    }
    if (backendOf(to) == Backend::PostgreSQL)
        return advanceSequences(to, tables);
    return {};
}

Result<HubCopier::Summary> HubCopier::replace(const Database &source, const Database &target)
{
    if (target.backend() != Backend::PostgreSQL)
        return fail(Error::invalid(tr("only a hub server's rows are replaced this way"), QStringLiteral("to")));
    auto session = beginCopy(source, target);
    if (!session)
        return fail(session.error());
    const auto &tables = session->tables;
    const auto &expected = session->expected;
    const QSqlDatabase to = session->write.connection();
    QSqlQuery q(to);
    // The guards that keep transfers and the audit trail unchangeable are
    // lifted inside this transaction only, and only the tables' owner may:
    // a desk's role cannot replace a hub's history.
    for (const QString &guarded : {QStringLiteral("transfers"), QStringLiteral("audit_log")}) {
        if (!q.exec(QStringLiteral("ALTER TABLE %1 DISABLE TRIGGER USER").arg(guarded))) {
            if (q.lastError().nativeErrorCode() == QStringLiteral("42501"))
                return fail(Error::refused(
                    tr("Only the role that owns the hub's tables (the one that created the hub, e.g. hub_owner) "
                       "may replace its transfers and audit trail; connect as that role to restore."),
                    QStringLiteral("db")));
            return fail(Query::storageError(q.lastError()));
        }
    }
    QStringList names;
    for (const Table &t : tables)
        names << t.name;
    if (!q.exec(QStringLiteral("TRUNCATE %1 RESTART IDENTITY").arg(joined(names))))
        return fail(Query::storageError(q.lastError()));
    if (auto ok = loadRows(session->snapshot.connection(), to, tables); !ok)
        return fail(ok.error());
    // The references are checked now: the guards go back on no table with
    // checks still pending.
    if (!q.exec(QStringLiteral("SET CONSTRAINTS ALL IMMEDIATE")))
        return fail(Query::storageError(q.lastError()));
    for (const QString &guarded : {QStringLiteral("transfers"), QStringLiteral("audit_log")}) {
        if (!q.exec(QStringLiteral("ALTER TABLE %1 ENABLE TRIGGER USER").arg(guarded)))
            return fail(Query::storageError(q.lastError()));
    }
    // Counted inside the transaction: a mismatch rolls everything back.
    auto got = summarise(target);
    if (!got)
        return fail(got.error());
    if (got->rows != expected.rows || got->transferHead != expected.transferHead ||
        got->auditHead != expected.auditHead)
        return fail(Error::storage(tr("The restored rows did not match the backup; the hub was left as it was.")));
    if (auto ok = session->write.commit(); !ok)
        return fail(ok.error());
    settle(target.address());
    return expected;
}

void HubCopier::settle(const HubAddress &target)
{
    // Rows loaded in bulk leave the server without statistics (so without
    // good plans: a member search walked the name index for half a second)
    // and with every page still to be marked visible. Only the tables'
    // owner may; for another role the server skips them, and its own
    // autovacuum comes later.
    auto opened = Database::open(target, OpenMode::ExistingOnly);
    if (!opened)
        return;
    QSqlQuery q((*opened)->connection());
    (void)q.exec(QStringLiteral("VACUUM (ANALYZE)"));
}

Result<HubCopier::Summary> HubCopier::copy(const Database &source, const HubAddress &target)
{
    if (target.toString() == source.path())
        return fail(Error::invalid(tr("a hub cannot be copied onto itself"), QStringLiteral("to")));
    if (!target.isServer() && QFileInfo::exists(target.path()))
        return fail(
            Error::invalid(tr("%1 already exists; copy into a new file.").arg(QDir::toNativeSeparators(target.path())),
                           QStringLiteral("to")));
    Result<Summary> expected;
    {
        auto opened = Database::open(target, OpenMode::CreateIfMissing);
        if (!opened)
            return fail(opened.error());
        auto there = summarise(**opened);
        if (!there)
            return fail(there.error());
        // A fresh schema holds only text_fold's one row.
        if (there->totalRows() > there->rows.value(QStringLiteral("text_fold")) || !there->transferHead.isEmpty())
            return fail(
                Error::invalid(tr("%1 already holds a hub; copy into an empty database.").arg(target.toString()),
                               QStringLiteral("to")));
        expected = copyRows(source, **opened);
        if (!expected) {
            opened->reset();
            empty(target);
            return fail(expected.error());
        }
    }
    if (target.isServer())
        settle(target);
    if (auto ok = verify(target, *expected); !ok) {
        empty(target);
        return fail(ok.error());
    }
    return *expected;
}

Status HubCopier::verify(const HubAddress &target, const Summary &expected)
{
    auto hub = Hub::open(target, OpenMode::ExistingOnly);
    if (!hub)
        return fail(hub.error());
    const QList<Finding> findings = (*hub)->integrity().runAll();
    if (!findings.isEmpty())
        return fail(Error::storage(tr("The copy did not pass the check (%1: %2); it was removed.")
                                       .arg(findings.first().area, findings.first().message)));
    auto got = summarise((*hub)->database());
    if (!got)
        return fail(got.error());
    for (auto it = expected.rows.cbegin(); it != expected.rows.cend(); ++it) {
        if (got->rows.value(it.key(), -1) != it.value())
            return fail(Error::storage(tr("The copy has %1 rows in %2 where the hub has %3; it was removed.")
                                           .arg(got->rows.value(it.key(), -1))
                                           .arg(it.key())
                                           .arg(it.value())));
    }
    if (got->transferHead != expected.transferHead || got->auditHead != expected.auditHead)
        return fail(Error::storage(tr("The copy's hash chains end elsewhere than the hub's; it was removed.")));
    return {};
}

void HubCopier::empty(const HubAddress &target)
{
    if (!target.isServer()) {
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(target.path() + suffix);
        return;
    }
    auto opened = Database::open(target, OpenMode::ExistingOnly);
    if (!opened)
        return;
    QSqlQuery q((*opened)->connection());
    // The database was empty before the copy: all it holds now is the hub's.
    (void)q.exec(QStringLiteral(
        "DO $$ DECLARE t record; BEGIN FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = "
        "current_schema() LOOP EXECUTE format('DROP TABLE IF EXISTS %I CASCADE', t.tablename); END LOOP; END $$"));
    (void)q.exec(QStringLiteral("DROP FUNCTION IF EXISTS transfers_are_immutable(), audit_log_is_append_only()"));
    (void)q.exec(QStringLiteral("DROP COLLATION IF EXISTS nocase"));
}

} // namespace hub
