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
    return migrate(db, BuiltIn);
}

Status Migrator::migrate(const QSqlDatabase &db, const QString &folder, int upTo)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return fail(Query::storageError(q.lastError()));
    const int current = q.value(0).toInt();
    q.finish();
    QStringList pending;
    for (const QString &file : migrationFiles(folder)) {
        const int version = file.left(4).toInt();
        if (version > current && (upTo < 0 || version <= upTo))
            pending << file;
    }
    if (pending.isEmpty())
        return {};
    // One transaction for every step: "left as it was" holds for the whole
    // upgrade, not only for the step that failed.
    auto tx = Transaction::begin(db, Transaction::Mode::Immediate);
    if (!tx)
        return fail(tx.error());
    for (const QString &file : std::as_const(pending)) {
        QFile f(QDir(folder).filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            return fail(Error::storage(tr("Migration %1 is missing from this build.").arg(file)));
        const QString script = QString::fromUtf8(f.readAll());
        for (const QString &statement : splitStatements(script)) {
            if (!q.exec(statement))
                return fail(Error::storage(tr("Upgrading the hub file failed in %1: %2. The file "
                                              "was left as it was.")
                                               .arg(file, q.lastError().databaseText())));
        }
        // PRAGMA values cannot be bound; both are integers we control.
        if (!q.exec(QStringLiteral("PRAGMA application_id = %1").arg(Database::ApplicationId)) ||
            !q.exec(QStringLiteral("PRAGMA user_version = %1").arg(file.left(4).toInt())))
            return fail(Query::storageError(q.lastError()));
    }
    q.finish();
    return tx->commit();
}

} // namespace hub
