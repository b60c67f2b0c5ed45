// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/settings/settingsservice.h"
#include "core/storage/database.h"
#include "core/storage/fileinspection.h"
#include "core/storage/migrator.h"
#include "core/storage/query.h"
#include "core/storage/transaction.h"
#include "tests/support/fuzzinput.h"
#include "tests/support/temphub.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <unistd.h>

using namespace hub;
using hub::test::snapshot;
using hub::test::TempHub;

namespace {
QVariant pragma(Database &db, const QString &name)
{
    Query q(db, QStringLiteral("PRAGMA ") + name);
    auto v = q.scalar();
    REQUIRE(v.has_value());
    return *v;
}

// Makes a plain SQLite file with the sqlite3 library through Qt, outside any hub.
void makeSqlite(const QString &path, const QStringList &statements)
{
    const QString name = QStringLiteral("make-") + path;
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        REQUIRE(db.open());
        QSqlQuery q(db);
        for (const QString &s : statements)
            REQUIRE(q.exec(s));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

void expectRefusedUntouched(const QString &path, const QString &messagePart)
{
    const QByteArray before = snapshot(path);
    for (OpenMode mode : {OpenMode::ExistingOnly, OpenMode::CreateIfMissing}) {
        auto db = Database::open(path, mode);
        REQUIRE_FALSE(db.has_value());
        CHECK(db.error().kind == ErrorKind::Storage);
        INFO(db.error().message.toStdString());
        CHECK(db.error().message.contains(messagePart));
    }
    CHECK(snapshot(path) == before);
}
} // namespace

TEST_CASE("a new hub is migrated from empty to the latest schema and marked as a hub", "[sqlite]")
{
    TempHub t;
    Database &db = t->database();
    CHECK(pragma(db, QStringLiteral("user_version")).toInt() == Migrator::latestVersion());
    CHECK(Migrator::latestVersion() >= 1);
    CHECK(pragma(db, QStringLiteral("application_id")).toInt() == Database::ApplicationId);
    CHECK(pragma(db, QStringLiteral("journal_mode")).toString() == QStringLiteral("wal"));
    CHECK(pragma(db, QStringLiteral("foreign_keys")).toInt() == 1);
    CHECK(pragma(db, QStringLiteral("busy_timeout")).toInt() == 5000);
    CHECK(pragma(db, QStringLiteral("synchronous")).toInt() == 2); // FULL
    CHECK(pragma(db, QStringLiteral("secure_delete")).toInt() == 1);
    CHECK(t->isNew());
}

TEST_CASE("reopening a hub keeps its data and does not migrate again")
{
    TempHub t;
    REQUIRE(t->settings().set(QStringLiteral("name"), QStringLiteral("Canal Street Hub")));
    t.reopen();
    CHECK_FALSE(t->isNew());
    CHECK(t->settings().load()->name == QStringLiteral("Canal Street Hub"));
}

TEST_CASE("a missing file is refused unless creation was asked for")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("nothing.sqlite"));
    auto db = Database::open(path, OpenMode::ExistingOnly);
    REQUIRE_FALSE(db);
    CHECK(db.error().kind == ErrorKind::Storage);
    CHECK(db.error().message.contains(QStringLiteral("no hub file")));
    CHECK_FALSE(QFile::exists(path));
}

TEST_CASE("a file that is not SQLite is refused and left byte-identical")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.sqlite"));
    test::writeBytes(path, "Members list\nAda, ada@example.org\n");
    expectRefusedUntouched(path, QStringLiteral("not an SQLite database"));
}

TEST_CASE("an SQLite file that is not a hub is refused and left byte-identical")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("other.sqlite"));
    makeSqlite(path, {QStringLiteral("CREATE TABLE t(x)"), QStringLiteral("INSERT INTO t VALUES (1)")});
    expectRefusedUntouched(path, QStringLiteral("not a Hubkeeper hub"));
}

TEST_CASE("a hub from a newer Hubkeeper is refused and left byte-identical")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("future.sqlite"));
    makeSqlite(path, {QStringLiteral("CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT)"),
                      QStringLiteral("PRAGMA application_id = %1").arg(Database::ApplicationId),
                      QStringLiteral("PRAGMA user_version = %1").arg(Migrator::latestVersion() + 1)});
    expectRefusedUntouched(path, QStringLiteral("newer Hubkeeper"));
}

TEST_CASE("a damaged hub is called damaged by the first read that meets the damage, and left byte-identical",
          "[sqlite]")
{
    TempHub t;
    // Enough rows for several pages, then checkpoint so everything is in the main file.
    {
        auto tx = Transaction::begin(t->database());
        REQUIRE(tx);
        for (int i = 0; i < 400; ++i) {
            Query q(tx->connection(), QStringLiteral("INSERT INTO settings(key, value) VALUES (:k, :v)"));
            q.bind(QStringLiteral(":k"), QStringLiteral("filler-%1").arg(i))
                .bind(QStringLiteral(":v"), QString(200, u'x'));
            REQUIRE(q.exec());
        }
        REQUIRE(tx->commit());
    }
    const QString path = t.path();
    t.close();
    QByteArray bytes = test::readBytes(path);
    REQUIRE(bytes.size() > 4096 * 4);
    // Scribble over the middle of the second page (a b-tree page of the table).
    for (int i = 4096 + 8; i < 4096 + 2048; ++i)
        bytes[i] = char(0xA5);
    test::writeBytes(path, bytes);
    const QByteArray before = snapshot(path);

    // Opening reads the header and the list of tables only, not every page.
    {
        auto db = Database::open(path, OpenMode::ExistingOnly);
        REQUIRE(db);
        Query read(**db, QStringLiteral("SELECT count(*), max(length(value)) FROM settings"));
        const auto status = read.exec();
        REQUIRE_FALSE(status);
        INFO(status.error().message.toStdString());
        CHECK(status.error().kind == ErrorKind::Storage);
        CHECK(status.error().damaged);
        CHECK(status.error().message.contains(QStringLiteral("is damaged:")));
        CHECK(status.error().message.contains(QStringLiteral("Nothing was changed")));
    }
    CHECK(snapshot(path) == before);

    // The check a restore runs first reads every page and names the damage.
    auto inspected = FileInspector::inspect(path, InspectDepth::Quick);
    REQUIRE_FALSE(inspected);
    CHECK(inspected.error().damaged);
    CHECK(inspected.error().message.contains(QStringLiteral("is damaged:")));
    CHECK(snapshot(path) == before);
}

TEST_CASE("a hub file whose ledger table is gone is refused at open, naming the table, and left byte-identical",
          "[sqlite]")
{
    TempHub t;
    const QString path = t.path();
    t.close();
    makeSqlite(path, {QStringLiteral("PRAGMA foreign_keys = OFF"), QStringLiteral("DROP TABLE transfers"),
                      QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")});
    expectRefusedUntouched(path, QStringLiteral("the table transfers is missing"));
}

TEST_CASE("a hub that cannot be opened for writing is refused and left byte-identical")
{
    TempHub t;
    const QString path = t.path();
    t.close();
    const bool root = ::geteuid() == 0;
    // An administrator ignores permission bits, so use the immutable flag there.
    if (root) {
        if (QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("+i"), path}) != 0) {
            WARN("chattr +i is not available on this file system; not checked here");
            return;
        }
    } else {
        QFile::setPermissions(path, QFileDevice::ReadOwner);
    }
    expectRefusedUntouched(path, QStringLiteral("cannot be opened for writing"));
    if (root)
        QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("-i"), path});
    else
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

TEST_CASE("a transaction that is not committed rolls back")
{
    TempHub t;
    {
        auto tx = Transaction::begin(t->database());
        REQUIRE(tx);
        Query q(tx->connection(), QStringLiteral("INSERT INTO settings(key, value) VALUES ('k', 'v')"));
        REQUIRE(q.exec());
    }
    Query count(t->database(), QStringLiteral("SELECT count(*) FROM settings WHERE key = 'k'"));
    CHECK(count.scalar()->toInt() == 0);
}

TEST_CASE("a nested transaction is a savepoint - its rollback keeps the outer work")
{
    TempHub t;
    const auto insert = [&](const QString &key) {
        Query q(t->database(), QStringLiteral("INSERT INTO settings(key, value) VALUES (:k, 'v')"));
        q.bind(QStringLiteral(":k"), key);
        REQUIRE(q.exec());
    };
    const auto has = [&](const QString &key) {
        Query q(t->database(), QStringLiteral("SELECT count(*) FROM settings WHERE key = :k"));
        q.bind(QStringLiteral(":k"), key);
        return q.scalar()->toInt() == 1;
    };
    {
        auto outer = Transaction::begin(t->database());
        REQUIRE(outer);
        insert(QStringLiteral("outer"));
        {
            auto inner = Transaction::begin(t->database());
            REQUIRE(inner);
            insert(QStringLiteral("inner-dropped"));
        }
        {
            auto inner = Transaction::begin(t->database());
            REQUIRE(inner);
            insert(QStringLiteral("inner-kept"));
            REQUIRE(inner->commit());
        }
        REQUIRE(outer->commit());
    }
    CHECK(has(QStringLiteral("outer")));
    CHECK(has(QStringLiteral("inner-kept")));
    CHECK_FALSE(has(QStringLiteral("inner-dropped")));
}

TEST_CASE("each thread gets its own connection to the same hub")
{
    TempHub t;
    const QString mainName = t->database().connection().connectionName();
    QString workerName;
    int workerCount = -1;
    QThread *worker = QThread::create([&] {
        workerName = t->database().connection().connectionName();
        {
            Query q(t->database(), QStringLiteral("SELECT count(*) FROM settings"));
            workerCount = q.scalar()->toInt();
        }
        t->database().releaseThreadConnection();
    });
    worker->start();
    worker->wait();
    delete worker;
    CHECK(workerName != mainName);
    CHECK(workerCount > 0);
}

TEST_CASE("migration scripts split into statements with trigger bodies kept whole")
{
    const QStringList parts = Migrator::splitStatements(
        QStringLiteral("-- comment\nCREATE TABLE a(x);\nCREATE TRIGGER t BEFORE DELETE ON a\nBEGIN\n"
                       "  SELECT RAISE(ABORT, 'no');\nEND;\nINSERT INTO a VALUES (1);\n"));
    REQUIRE(parts.size() == 3);
    CHECK(parts[1].startsWith(QStringLiteral("CREATE TRIGGER")));
    CHECK(parts[1].endsWith(QStringLiteral("END;")));
}

TEST_CASE("migration scripts split where SQLite says a statement ends")
{
    // A ';' ending a line inside a string, two statements on one line, a
    // lower-case trigger whose END carries a comment: what line-splitting broke.
    const QString script = QStringLiteral("INSERT INTO notes(text) VALUES ('first line;\nsecond line');\n"
                                          "CREATE TABLE b(y); CREATE INDEX b_y ON b(y);\n"
                                          "create trigger u after update on b begin\n"
                                          "  update b set y = y; -- inside\n"
                                          "end; -- done\n"
                                          "-- only a comment\n");
    const QStringList parts = Migrator::splitStatements(script);
    REQUIRE(parts.size() == 4);
    CHECK(parts[0].endsWith(QStringLiteral("second line');")));
    CHECK(parts[1] == QStringLiteral("CREATE TABLE b(y);"));
    CHECK(parts[2] == QStringLiteral("CREATE INDEX b_y ON b(y);"));
    CHECK(parts[3].startsWith(QStringLiteral("create trigger")));
    CHECK(parts[3].endsWith(QStringLiteral("end;")));
    // Each part is one statement SQLite accepts whole.
    auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("split-check"));
    {
        db.setDatabaseName(QStringLiteral(":memory:"));
        REQUIRE(db.open());
        QSqlQuery q(db);
        REQUIRE(q.exec(QStringLiteral("CREATE TABLE notes(text TEXT)")));
        for (const QString &part : parts) {
            INFO(part.toStdString());
            CHECK(q.exec(part));
        }
        REQUIRE(q.exec(QStringLiteral("SELECT text FROM notes")));
        REQUIRE(q.next());
        CHECK(q.value(0).toString() == QStringLiteral("first line;\nsecond line"));
        q.finish();
        db.close();
    }
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("split-check"));
}

TEST_CASE("fuzz: malformed migration scripts split without a crash into pieces of the script", "[fuzz]")
{
    QRandomGenerator random(170001);
    const QByteArray seed = "-- comment\nCREATE TABLE a(x TEXT);\nINSERT INTO a VALUES ('x;y');\n"
                            "CREATE TRIGGER t BEFORE DELETE ON a\nBEGIN\n  SELECT RAISE(ABORT, 'no');\nEND;\n";
    for (int round = 0; round < hub::test::fuzzRounds(400); ++round) {
        const QString script = QString::fromUtf8(hub::test::mutate(seed, random));
        const QStringList parts = Migrator::splitStatements(script);
        INFO("round " << round);
        // Every part is a piece of the script, in order, none empty.
        qsizetype from = 0;
        for (const QString &part : parts) {
            REQUIRE_FALSE(part.isEmpty());
            const qsizetype at = script.indexOf(part, from);
            REQUIRE(at >= 0);
            from = at + part.size();
        }
    }
}
