// SPDX-License-Identifier: GPL-3.0-or-later
// Upgrading hub files: a hub full of data at every older schema version comes
// up to the latest with every row as it was, and a migration that fails
// leaves the file exactly as it was, at the version it had.
#include "core/access/userenrolment.h"
#include "core/demo/demogenerator.h"
#include "core/members/memberservice.h"
#include "core/storage/integritychecker.h"
#include "core/storage/migrator.h"
#include "tests/support/temphub.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>

using namespace hub;
using hub::test::snapshot;
using hub::test::TempHub;

namespace {

const QString SchemaDir = QStringLiteral(HUB_TEST_SOURCE_DIR "/core/schema");

// A plain connection outside any Hub, for building and reading files as
// an older Hubkeeper left them.
class RawFile
{
public:
    explicit RawFile(const QString &path) : m_name(QStringLiteral("raw-") + path)
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        m_db.setDatabaseName(path);
        REQUIRE(m_db.open());
    }
    ~RawFile()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    Q_DISABLE_COPY_MOVE(RawFile)
    QSqlDatabase &db() { return m_db; }
    void exec(const QString &sql)
    {
        QSqlQuery q(m_db);
        INFO(sql.toStdString());
        INFO(q.lastError().text().toStdString());
        REQUIRE(q.exec(sql));
    }
    QStringList strings(const QString &sql)
    {
        QSqlQuery q(m_db);
        INFO(sql.toStdString());
        REQUIRE(q.exec(sql));
        QStringList out;
        while (q.next())
            out << q.value(0).toString();
        return out;
    }
    int integer(const QString &sql) { return strings(sql).value(0).toInt(); }

private:
    QString m_name;
    QSqlDatabase m_db;
};

// The tables of a schema that hold data: FTS5's own shadow tables are
// written through their virtual table.
QStringList dataTables(RawFile &f, const QString &schema)
{
    const QStringList virtuals = f.strings(
        QStringLiteral("SELECT name FROM %1.sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'")
            .arg(schema));
    QStringList out;
    for (const QString &t :
         f.strings(QStringLiteral("SELECT name FROM %1.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                  "ORDER BY name")
                       .arg(schema))) {
        const bool shadow = std::ranges::any_of(virtuals, [&t](const QString &v) { return t.startsWith(v + u'_'); });
        if (!shadow)
            out << t;
    }
    return out;
}

QStringList columns(RawFile &f, const QString &schema, const QString &table)
{
    return f.strings(QStringLiteral("SELECT name FROM pragma_table_info('%1', '%2')").arg(table, schema));
}

// The columns two versions of a table share, quoted; with the rowid of a
// virtual table, which its rows are known by.
QString sharedColumns(RawFile &f, const QString &table)
{
    const QStringList theirs = columns(f, QStringLiteral("src"), table);
    QStringList shared;
    if (f.integer(QStringLiteral("SELECT count(*) FROM main.sqlite_master WHERE name = '%1' AND sql LIKE "
                                 "'CREATE VIRTUAL%'")
                      .arg(table)))
        shared << QStringLiteral("rowid");
    for (const QString &c : columns(f, QStringLiteral("main"), table))
        if (theirs.contains(c))
            shared << u'"' + c + u'"';
    return shared.join(u',');
}

// A hub with what every part of Hubkeeper writes: the small demo and a user.
QString populatedHub(TempHub &t)
{
    REQUIRE(t->demo().run(t.hub(), {DemoScale::Small, 42}));
    UserDraft admin;
    admin.name = QStringLiteral("ada");
    admin.newMember = MemberDraft();
    admin.newMember->displayName = QStringLiteral("Ada Upgrade");
    admin.roles = {Role::Admin};
    admin.passphrase = QStringLiteral("correct horse battery staple");
    REQUIRE(UserEnrolment::add(t.hub(), admin));
    t.close();
    return t.path();
}

} // namespace

TEST_CASE("a hub full of data at each older schema version upgrades with every row intact",
          "[storage][migration][sqlite][bulk]")
{
    TempHub full;
    const QString source = populatedHub(full);
    const int latest = Migrator::latestVersion();
    REQUIRE(latest >= 10);

    for (int version = 1; version < latest; ++version) {
        DYNAMIC_SECTION("from version " << version)
        {
            QTemporaryDir dir;
            const QString path = dir.filePath(QStringLiteral("old.sqlite"));
            QStringList copied;
            QHash<QString, QString> copiedColumns; // what the older version had room for
            {
                // The hub as Hubkeeper at `version` left it, holding the rows it had room for.
                RawFile old(path);
                REQUIRE(Migrator::migrate(old.db(), SchemaDir, version));
                REQUIRE(old.integer(QStringLiteral("PRAGMA user_version")) == version);
                old.exec(QStringLiteral("ATTACH DATABASE '%1' AS src").arg(source));
                for (const QString &table : dataTables(old, QStringLiteral("main"))) {
                    const QString cols = sharedColumns(old, table);
                    // OR REPLACE: a step may seed a row of its own (text_fold's).
                    old.exec(QStringLiteral("INSERT OR REPLACE INTO main.\"%1\" (%2) SELECT %2 FROM src.\"%1\"")
                                 .arg(table, cols));
                    copied << table;
                    copiedColumns.insert(table, cols);
                }
                old.exec(QStringLiteral("DETACH DATABASE src"));
            }
            REQUIRE(copied.contains(QStringLiteral("settings")));

            auto opened = Hub::open(path);
            INFO((opened ? QString() : opened.error().text()).toStdString());
            REQUIRE(opened);
            Hub &hub = **opened;
            const auto findings = hub.integrity().runAll();
            QStringList messages;
            for (const Finding &f : findings)
                messages << f.message + QStringLiteral(" (") + f.where + u')';
            INFO(messages.join(QStringLiteral("; ")).toStdString());
            CHECK(findings.isEmpty());
            if (copied.contains(QStringLiteral("members"))) {
                // The search index came through its rebuilds (v4) and the re-fold (v10).
                MemberFilter filter;
                filter.search = QStringLiteral("ada upgr");
                auto found = hub.members().list(filter);
                REQUIRE(found);
                CHECK(found->size() == 1);
            }
            opened->reset();

            RawFile upgraded(path);
            CHECK(upgraded.integer(QStringLiteral("PRAGMA user_version")) == latest);
            upgraded.exec(QStringLiteral("ATTACH DATABASE '%1' AS src").arg(source));
            for (const QString &table : std::as_const(copied)) {
                INFO(table.toStdString());
                const QString cols = copiedColumns.value(table);
                const QString mine = QStringLiteral("SELECT %2 FROM main.\"%1\"").arg(table, cols);
                const QString theirs = QStringLiteral("SELECT %2 FROM src.\"%1\"").arg(table, cols);
                CHECK(upgraded.integer(QStringLiteral("SELECT count(*) FROM main.\"%1\"").arg(table)) ==
                      upgraded.integer(QStringLiteral("SELECT count(*) FROM src.\"%1\"").arg(table)));
                CHECK(upgraded.integer(QStringLiteral("SELECT count(*) FROM (%1 EXCEPT %2)").arg(mine, theirs)) == 0);
            }
            upgraded.exec(QStringLiteral("DETACH DATABASE src"));
        }
    }
}

TEST_CASE("a migration that fails leaves the file byte for byte as it was, at its version",
          "[storage][migration][sqlite]")
{
    QTemporaryDir steps;
    for (const QString &file : QDir(SchemaDir).entryList({QStringLiteral("*.sql")}, QDir::Files))
        REQUIRE(QFile::copy(QDir(SchemaDir).filePath(file), steps.filePath(file)));
    const int broken = Migrator::latestVersion() + 1;
    {
        QFile f(steps.filePath(QStringLiteral("%1_broken.sql").arg(broken, 4, 10, QLatin1Char('0'))));
        REQUIRE(f.open(QIODevice::WriteOnly));
        // The first statement works; the second fails half-way through the step.
        f.write("CREATE TABLE step_started (x);\nINSERT INTO step_started VALUES (1);\n"
                "INSERT INTO no_such_table VALUES (1);\n");
    }

    SECTION("a hub at the latest version")
    {
        TempHub t;
        MemberDraft d;
        d.displayName = QStringLiteral("Kept As Is");
        REQUIRE(t->members().add(d));
        t.close();
        const QByteArray before = snapshot(t.path());
        {
            RawFile raw(t.path());
            auto migrated = Migrator::migrate(raw.db(), steps.path());
            REQUIRE_FALSE(migrated);
            CHECK(migrated.error().message.contains(QStringLiteral("_broken.sql")));
            CHECK(migrated.error().message.contains(QStringLiteral("left as it was")));
            CHECK(raw.integer(QStringLiteral("PRAGMA user_version")) == Migrator::latestVersion());
            CHECK(raw.integer(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'step_started'")) == 0);
        }
        CHECK(snapshot(t.path()) == before);
    }

    SECTION("an older hub: the steps that worked are undone too")
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        {
            RawFile old(path);
            REQUIRE(Migrator::migrate(old.db(), SchemaDir, 5));
        }
        const QByteArray before = snapshot(path);
        {
            RawFile raw(path);
            REQUIRE_FALSE(Migrator::migrate(raw.db(), steps.path()));
            CHECK(raw.integer(QStringLiteral("PRAGMA user_version")) == 5);
            // 0007 made the gatherings tables before the broken step failed.
            CHECK(raw.integer(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'gatherings'")) == 0);
        }
        CHECK(snapshot(path) == before);
    }
}
