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

static void initSchemaResource()
{
    Q_INIT_RESOURCE(schema);
}

namespace hub {

QStringList Migrator::migrationFiles()
{
    initSchemaResource();
    QStringList files = QDir(QStringLiteral(":/schema")).entryList({QStringLiteral("*.sql")},
                                                                  QDir::Files, QDir::Name);
    return files;
}

int Migrator::latestVersion()
{
    static const int latest = [] {
        const QStringList files = migrationFiles();
        return files.isEmpty() ? 0 : files.last().left(4).toInt();
    }();
    return latest;
}

QStringList Migrator::splitStatements(const QString &script)
{
    QStringList statements;
    QString current;
    bool inTrigger = false;
    const QStringList lines = script.split(u'\n');
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(QStringLiteral("--")))
            continue;
        if (current.isEmpty())
            inTrigger = line.startsWith(QStringLiteral("CREATE TRIGGER"), Qt::CaseInsensitive);
        current += raw + u'\n';
        const bool ends = inTrigger ? line.compare(QStringLiteral("END;"), Qt::CaseInsensitive) == 0
                                    : line.endsWith(u';');
        if (ends) {
            statements << current.trimmed();
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        statements << current.trimmed();
    return statements;
}

Status Migrator::migrate(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return fail(Query::storageError(q.lastError()));
    const int current = q.value(0).toInt();
    q.finish();

    for (const QString &file : migrationFiles()) {
        const int version = file.left(4).toInt();
        if (version <= current)
            continue;
        QFile f(QStringLiteral(":/schema/") + file);
        if (!f.open(QIODevice::ReadOnly))
            return fail(Error::storage(tr("Migration %1 is missing from this build.").arg(file)));
        const QString script = QString::fromUtf8(f.readAll());

        auto tx = Transaction::begin(db, Transaction::Mode::Immediate);
        if (!tx)
            return fail(tx.error());
        for (const QString &statement : splitStatements(script)) {
            if (!q.exec(statement))
                return fail(Error::storage(tr("Upgrading the hub file failed in %1: %2. The file "
                                              "was left as it was.")
                                               .arg(file, q.lastError().databaseText())));
        }
        // PRAGMA values cannot be bound; both are integers we control.
        if (!q.exec(QStringLiteral("PRAGMA application_id = %1").arg(Database::ApplicationId))
            || !q.exec(QStringLiteral("PRAGMA user_version = %1").arg(version)))
            return fail(Query::storageError(q.lastError()));
        if (auto ok = tx->commit(); !ok)
            return ok;
    }
    return {};
}

} // namespace hub
