// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/migrator.h"

#include "core/storage/database.h"
#include "core/storage/query.h"
#include "core/storage/transaction.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

static void initSchemaResource()
{
    Q_INIT_RESOURCE(schema);
}

namespace hub {

namespace {
const QString BuiltIn = QStringLiteral(":/schema");
const QString BuiltInServer = QStringLiteral(":/schema/postgresql");
// Marks a server database as a hub (SQLite's application_id) and keeps its
// schema version (SQLite's user_version); the advisory lock key is the same
// number, so two desks never migrate one server at once.
const QString ServerMarker = QStringLiteral("hub_schema");
} // namespace

QString Migrator::builtInFolder(Backend backend)
{
    return backend == Backend::PostgreSQL ? BuiltInServer : BuiltIn;
}

Result<Migrator::ServerContents> Migrator::serverContents(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    // The catalogue itself: information_schema's view of it costs each
    // hubctl run some 10 ms more.
    if (!q.exec(QStringLiteral("SELECT count(*) FILTER (WHERE c.relname = '%1'), count(*) FILTER (WHERE c.relname <> "
                               "'%1') FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = "
                               "current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f')")
                    .arg(ServerMarker)) ||
        !q.next())
        return fail(Query::storageError(q.lastError()));
    ServerContents contents;
    contents.isHub = q.value(0).toInt() > 0;
    contents.otherTables = contents.isHub ? 0 : q.value(1).toInt();
    return contents;
}

QStringList Migrator::splitPostgresStatements(const QString &script)
{
    QStringList statements;
    QString current;
    enum class In
    {
        Code,
        Quote,
        Identifier,
        Comment,
        Dollar
    } in = In::Code;
    QString dollarTag;
    const qsizetype n = script.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = script.at(i);
        const QChar next = i + 1 < n ? script.at(i + 1) : QChar();
        switch (in) {
        case In::Code:
            if (c == u'-' && next == u'-') {
                in = In::Comment;
                continue;
            }
            if (c == u';') {
                if (!current.trimmed().isEmpty())
                    statements << current.trimmed();
                current.clear();
                continue;
            }
            if (c == u'\'')
                in = In::Quote;
            else if (c == u'"')
                in = In::Identifier;
            else if (c == u'$') {
                const qsizetype close = script.indexOf(u'$', i + 1);
                const QString tag = close > i ? script.mid(i, close - i + 1) : QString();
                static const QRegularExpression tagShape(QStringLiteral("^\\$[A-Za-z_]*\\$$"));
                if (tagShape.match(tag).hasMatch()) {
                    in = In::Dollar;
                    dollarTag = tag;
                    current += tag;
                    i = close;
                    continue;
                }
            }
            break;
        case In::Comment:
            if (c == u'\n') {
                in = In::Code;
                current += c;
            }
            continue;
        case In::Quote:
            if (c == u'\'')
                in = In::Code; // '' re-enters at once, which is the same
            break;
        case In::Identifier:
            if (c == u'"')
                in = In::Code;
            break;
        case In::Dollar:
            if (c == u'$' && script.mid(i, dollarTag.size()) == dollarTag) {
                current += dollarTag;
                i += dollarTag.size() - 1;
                in = In::Code;
                continue;
            }
            break;
        }
        current += c;
    }
    if (!current.trimmed().isEmpty())
        statements << current.trimmed();
    return statements;
}

Result<int> Migrator::currentVersion(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (backendOf(db) == Backend::SQLite) {
        if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
            return fail(Query::storageError(q.lastError()));
        return q.value(0).toInt();
    }
    // One migration at a time per server: the lock ends with the transaction.
    if (!q.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(Database::ApplicationId)) ||
        !q.exec(QStringLiteral("SELECT to_regclass('%1') IS NULL").arg(ServerMarker)) || !q.next())
        return fail(Query::storageError(q.lastError()));
    // Made only when missing: the desks' role may not create tables.
    if (q.value(0).toBool() &&
        !q.exec(QStringLiteral("CREATE TABLE %1 (one INTEGER PRIMARY KEY CHECK (one = 1), application_id INTEGER "
                               "NOT NULL, version INTEGER NOT NULL)")
                    .arg(ServerMarker)))
        return fail(Query::storageError(q.lastError()));
    if (!q.exec(QStringLiteral("SELECT coalesce(max(version), 0) FROM %1").arg(ServerMarker)) || !q.next())
        return fail(Query::storageError(q.lastError()));
    return q.value(0).toInt();
}

Status Migrator::recordVersion(const QSqlDatabase &db, int version)
{
    QSqlQuery q(db);
    // Neither value can be bound in a PRAGMA; both are integers we control.
    const bool ok = backendOf(db) == Backend::SQLite
                        ? q.exec(QStringLiteral("PRAGMA application_id = %1").arg(Database::ApplicationId)) &&
                              q.exec(QStringLiteral("PRAGMA user_version = %1").arg(version))
                        : q.exec(QStringLiteral("INSERT INTO %1 (one, application_id, version) VALUES (1, %2, %3) "
                                                "ON CONFLICT (one) DO UPDATE SET version = excluded.version")
                                     .arg(ServerMarker)
                                     .arg(Database::ApplicationId)
                                     .arg(version));
    if (!ok)
        return fail(Query::storageError(q.lastError()));
    return {};
}

QStringList Migrator::migrationFiles(const QString &folder)
{
    initSchemaResource();
    return QDir(folder).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
}

int Migrator::latestVersion()
{
    static const int latest = [] {
        const QStringList files = migrationFiles(BuiltIn);
        return files.isEmpty() ? 0 : files.last().left(4).toInt();
    }();
    return latest;
}

QStringList Migrator::splitStatements(const QString &script)
{
    // SQLite says where a statement ends (sqlite3_complete knows string
    // literals, comments and trigger bodies), so a ';' inside 'text', two
    // statements on a line or a trigger written any way all split right.
    const auto hasSql = [](const QString &text) {
        for (const QString &line : text.split(u'\n')) {
            const QString t = line.trimmed();
            if (!t.isEmpty() && !t.startsWith(QStringLiteral("--")))
                return true;
        }
        return false;
    };
    QStringList statements;
    qsizetype start = 0;
    for (qsizetype end = script.indexOf(u';'); end >= 0; end = script.indexOf(u';', end + 1)) {
        const QString candidate = script.mid(start, end + 1 - start);
        if (!sqlite3_complete(candidate.toUtf8().constData()))
            continue;
        if (hasSql(candidate))
            statements << candidate.trimmed();
        start = end + 1;
    }
    const QString tail = script.mid(start);
    if (hasSql(tail))
        statements << tail.trimmed();
    return statements;
}

Status Migrator::migrate(const QSqlDatabase &db)
{
    return migrate(db, builtInFolder(backendOf(db)));
}

Status Migrator::migrate(const QSqlDatabase &db, const QString &folder, int upTo)
{
    const bool server = backendOf(db) == Backend::PostgreSQL;
    if (!server) {
        // A file already at the latest version starts no write transaction.
        auto current = currentVersion(db);
        if (!current)
            return fail(current.error());
        if (*current >= (upTo < 0 ? latestVersion() : upTo) && folder == BuiltIn)
            return {};
    }
    // One transaction for every step: "left as it was" holds for the whole
    // upgrade, not only for the step that failed. PostgreSQL's DDL is
    // transactional too.
    auto tx = Transaction::begin(db, Transaction::Mode::Immediate);
    if (!tx)
        return fail(tx.error());
    auto current = currentVersion(db);
    if (!current)
        return fail(current.error());
    QStringList pending;
    for (const QString &file : migrationFiles(folder)) {
        const int version = file.left(4).toInt();
        if (version > *current && (upTo < 0 || version <= upTo))
            pending << file;
    }
    if (pending.isEmpty())
        return tx->commit();
    QSqlQuery q(db);
    for (const QString &file : std::as_const(pending)) {
        QFile f(QDir(folder).filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            return fail(Error::storage(tr("Migration %1 is missing from this build.").arg(file)));
        const QString script = QString::fromUtf8(f.readAll());
        const QStringList statements = server ? splitPostgresStatements(script) : splitStatements(script);
        for (const QString &statement : statements) {
            if (!q.exec(statement))
                return fail(Error::storage(tr("Upgrading the hub file failed in %1: %2. The file "
                                              "was left as it was.")
                                               .arg(file, q.lastError().databaseText())));
        }
        if (auto recorded = recordVersion(db, file.left(4).toInt()); !recorded)
            return fail(recorded.error());
    }
    q.finish();
    return tx->commit();
}

} // namespace hub
