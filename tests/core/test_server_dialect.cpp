// SPDX-License-Identifier: GPL-3.0-or-later
// What lets one core run on a file and on a hub server: server addresses as
// people type them, the SQL rewrites for PostgreSQL, its migration splitter,
// and (on the throwaway cluster) the two schema histories giving the same tables.
#include "core/hub.h"
#include "core/members/memberservice.h"
#include "core/storage/hubaddress.h"
#include "core/storage/hubwatcher.h"
#include "core/storage/integritychecker.h"
#include "core/storage/migrator.h"
#include "core/storage/query.h"
#include "core/storage/sqldialect.h"
#include "core/storage/transaction.h"
#include "tests/support/freezingproxy.h"
#include "tests/support/fuzzinput.h"
#include "tests/support/temphub.h"
#include "tests/support/testserver.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QThread>
#include <QUrl>

#include <algorithm>
#include <memory>

using namespace hub;
using hub::test::TempHub;

TEST_CASE("a hub server's address is read as people write it, and refused clearly otherwise")
{
    auto a = HubAddress::parse(QStringLiteral("postgresql://hub_desk@office-pc/hub"));
    REQUIRE(a);
    CHECK(a->isServer());
    CHECK(a->user() == QStringLiteral("hub_desk"));
    CHECK(a->host() == QStringLiteral("office-pc"));
    CHECK(a->port() == 5432);
    CHECK(a->databaseName() == QStringLiteral("hub"));
    CHECK(a->toString() == QStringLiteral("postgresql://hub_desk@office-pc/hub"));

    auto b = HubAddress::parse(QStringLiteral("postgres://ann@192.168.1.20:6543/north_hub?sslmode=verify-full"));
    REQUIRE(b);
    CHECK(b->port() == 6543);
    CHECK(b->sslMode() == QStringLiteral("verify-full"));
    CHECK(b->toString() == QStringLiteral("postgresql://ann@192.168.1.20:6543/north_hub?sslmode=verify-full"));

    auto file = HubAddress::parse(QStringLiteral("/home/desk/hub.sqlite"));
    REQUIRE(file);
    CHECK_FALSE(file->isServer());
    CHECK(file->path() == QStringLiteral("/home/desk/hub.sqlite"));

    // A typed password stays in memory and out of every address shown or kept.
    b->setPassword(QStringLiteral("s3cret"));
    CHECK_FALSE(b->toString().contains(QStringLiteral("s3cret")));

    for (const auto &[text, why] :
         {std::pair{"postgresql://ann:s3cret@host/hub", "~/.pgpass"}, std::pair{"postgresql://host/hub", "user"},
          std::pair{"postgresql://ann@host", "database"}, std::pair{"postgresql://ann@host:0/hub", "port"},
          std::pair{"postgresql://ann@host/hub?sslmode=sometimes", "sslmode"},
          std::pair{"postgresql://ann@host/hub?timeout=3", "timeout"}}) {
        auto refused = HubAddress::parse(QString::fromUtf8(text));
        INFO(text);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().kind == ErrorKind::Invalid);
        CHECK(refused.error().message.contains(QString::fromUtf8(why)));
        CHECK_FALSE(refused.error().message.contains(QStringLiteral("s3cret:")));
    }
}

TEST_CASE("SQLite-only forms are rewritten for the server and nothing else is touched")
{
    CHECK(SqlDialect::forServer(QStringLiteral("INSERT OR IGNORE INTO t (a) VALUES (:a)")) ==
          QStringLiteral("INSERT INTO t (a) VALUES (:a) ON CONFLICT DO NOTHING"));
    CHECK(SqlDialect::forServer(QStringLiteral("SELECT max(a), min(b, c), max(least(x, y), 2) FROM t")) ==
          QStringLiteral("SELECT max(a), least(b, c), greatest(least(x, y), 2) FROM t"));
    CHECK(SqlDialect::forServer(QStringLiteral("SELECT group_concat(name, ' ') FROM s")) ==
          QStringLiteral("SELECT string_agg(name, ' ') FROM s"));
    CHECK(SqlDialect::forServer(QStringLiteral("SELECT rowid FROM member_search WHERE member_search MATCH :m")) ==
          QStringLiteral("SELECT rowid FROM member_search WHERE member_search.document @@ to_tsquery('simple', :m)"));
    CHECK(SqlDialect::forServer(QStringLiteral("SELECT id FROM m INDEXED BY m_sort LIMIT :n")) ==
          QStringLiteral("SELECT id FROM m LIMIT nullif(:n, -1)"));
    // A comma inside a quoted string is no second argument.
    CHECK(SqlDialect::forServer(QStringLiteral("SELECT max(replace(a, ',', ''))")) ==
          QStringLiteral("SELECT max(replace(a, ',', ''))"));
    const QString plain = QStringLiteral("SELECT a, b FROM t WHERE c = :c ORDER BY a");
    CHECK(SqlDialect::forServer(plain) == plain);
}

TEST_CASE("the server's migrations split into statements with quotes, comments and $$ bodies kept whole")
{
    const QStringList parts = Migrator::splitPostgresStatements(QStringLiteral(
        "-- a comment; with a semicolon\nCREATE TABLE a (t TEXT DEFAULT 'x;y');\n"
        "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  RAISE EXCEPTION 'no; never';\nEND\n$$;\n"
        "CREATE TABLE \"odd;name\" (x int);   \n  -- trailing comment\n"));
    REQUIRE(parts.size() == 3);
    CHECK(parts[0] == QStringLiteral("CREATE TABLE a (t TEXT DEFAULT 'x;y')"));
    CHECK(parts[1].startsWith(QStringLiteral("CREATE FUNCTION f()")));
    CHECK(parts[1].endsWith(QStringLiteral("END\n$$")));
    CHECK(parts[2] == QStringLiteral("CREATE TABLE \"odd;name\" (x int)"));
    // Both histories have the same steps, number for number.
    CHECK(Migrator::migrationFiles(Migrator::builtInFolder(Backend::SQLite)) ==
          Migrator::migrationFiles(Migrator::builtInFolder(Backend::PostgreSQL)));
}

TEST_CASE("fuzz: 5000 malformed hub addresses are read or refused as input, never with a password kept", "[fuzz]")
{
    const QList<QByteArray> seeds = {
        "postgresql://hub_desk@office-pc/hub", "postgres://ann@192.168.1.20:6543/north_hub?sslmode=verify-full",
        "postgresql://ann@[::1]:5433/hub?sslmode=disable", "/home/desk/hub.sqlite", "postgresql://ann:s3cret@host/hub"};
    QRandomGenerator random(18);
    for (int round = 0; round < test::fuzzRounds(5000); ++round) {
        const QByteArray input = test::mutate(seeds.at(round % seeds.size()), random);
        const QString text = QString::fromUtf8(input);
        auto parsed = HubAddress::parse(text);
        INFO("round " << round << ": " << input.left(200).toStdString());
        if (!parsed) {
            CHECK((parsed.error().kind == ErrorKind::Invalid || parsed.error().kind == ErrorKind::Usage));
            CHECK_FALSE(parsed.error().message.isEmpty());
            // Neither the password as a URL reader finds it, nor, in an
            // address it cannot read, anything after the scheme.
            const QUrl url(text.trimmed(), QUrl::StrictMode);
            // (An address the fuzzer repeated may hold it again in its path.)
            const QString userInfo = u':' + url.password() + u'@';
            if (url.isValid() && !url.password().isEmpty() && text.count(userInfo) == 1)
                CHECK_FALSE(parsed.error().message.contains(userInfo));
            const QString rest = text.trimmed().section(QStringLiteral("://"), 1);
            if (!url.isValid() && rest.size() > 3)
                CHECK_FALSE(parsed.error().message.contains(rest));
            continue;
        }
        if (!parsed->isServer())
            continue;
        // What is shown and kept reads back as the same address, and holds no password.
        CHECK_FALSE(parsed->toString().contains(QStringLiteral(":s3cret@")));
        auto again = HubAddress::parse(parsed->toString());
        REQUIRE(again);
        CHECK(*again == *parsed);
        CHECK_FALSE(parsed->user().isEmpty());
        CHECK_FALSE(parsed->databaseName().isEmpty());
        CHECK(parsed->port() > 0);
    }
}

TEST_CASE("fuzz: the migration splitter cuts 1500 malformed scripts into the same statements every time", "[fuzz]")
{
    QByteArray seed;
    const QString folder = Migrator::builtInFolder(Backend::PostgreSQL);
    for (const QString &name : Migrator::migrationFiles(folder)) {
        QFile f(folder + u'/' + name);
        REQUIRE(f.open(QIODevice::ReadOnly));
        seed += f.readAll();
    }
    const qsizetype whole = Migrator::splitPostgresStatements(QString::fromUtf8(seed)).size();
    CHECK(whole > 50);
    QRandomGenerator random(180);
    for (int round = 0; round < test::fuzzRounds(1500); ++round) {
        const QString script = QString::fromUtf8(test::mutate(seed, random));
        const QStringList parts = Migrator::splitPostgresStatements(script);
        INFO("round " << round);
        qsizetype length = 0;
        for (const QString &part : parts) {
            CHECK_FALSE(part.trimmed().isEmpty());
            length += part.size();
        }
        // Comments and separators go, nothing is added, and the statements
        // split again the same way: no text moves from one to another.
        CHECK(length <= script.size());
        CHECK(Migrator::splitPostgresStatements(parts.join(QStringLiteral(";\n"))) == parts);
    }
}

namespace {
/// Table → columns, as the copy sees them (FTS5's rowid and the server's
/// generated search documents aside).
QMap<QString, QSet<QString>> columnsOf(Hub &hub)
{
    QMap<QString, QSet<QString>> out;
    const bool server = hub.database().backend() == Backend::PostgreSQL;
    Query tables(hub.database(),
                 // member_words is the server's word index, derived from member_search.
                 server ? QStringLiteral("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                                         "current_schema() AND table_name NOT IN ('hub_schema', 'member_words')")
                        : QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE "
                                         "'sqlite_%' AND name NOT GLOB '*_search_*'"));
    REQUIRE(tables.exec());
    QStringList names;
    while (tables.next())
        names << tables.value(0).toString();
    for (const QString &name : std::as_const(names)) {
        const QSqlRecord record = hub.database().connection().record(name);
        for (int i = 0; i < record.count(); ++i)
            if (record.fieldName(i) != QStringLiteral("document") && record.fieldName(i) != QStringLiteral("rowid"))
                out[name] << record.fieldName(i);
    }
    return out;
}
} // namespace

TEST_CASE("the file's and the server's schema histories give the same tables and columns", "[.pg]")
{
    REQUIRE(test::TestServer::active());
    TempHub server; // on the cluster, as this test runs only there
    REQUIRE(server->database().backend() == Backend::PostgreSQL);
    QTemporaryDir dir;
    auto file = Hub::open(dir.filePath(QStringLiteral("hub.sqlite")), OpenMode::CreateIfMissing);
    REQUIRE(file);
    const auto fromFile = columnsOf(**file);
    const auto fromServer = columnsOf(server.hub());
    CHECK(fromFile.keys() == fromServer.keys());
    for (auto it = fromFile.cbegin(); it != fromFile.cend(); ++it) {
        INFO(it.key().toStdString());
        CHECK(it.value() == fromServer.value(it.key()));
    }
    // The guards are there on both, and the triggers that keep the word index.
    Query triggers(server->database(),
                   QStringLiteral("SELECT count(*) FILTER (WHERE tgname NOT LIKE 'member\\_words%'), "
                                  "count(*) FILTER (WHERE tgname LIKE 'member\\_words%') FROM "
                                  "pg_trigger WHERE NOT tgisinternal"));
    REQUIRE(triggers.exec());
    REQUIRE(triggers.next());
    CHECK(triggers.value(0).toInt() == 6);
    CHECK(triggers.value(1).toInt() == 6);
    Query exclusion(server->database(),
                    QStringLiteral("SELECT count(*) FROM pg_constraint WHERE conname = 'bookings_never_overlap'"));
    CHECK(exclusion.scalar()->toInt() == 1);
}

TEST_CASE("after the server dropped the connection the next write goes through, at once or when tried again", "[.pg]")
{
    REQUIRE(test::TestServer::active());
    TempHub t;
    MemberDraft d;
    d.displayName = QStringLiteral("Ann Before");
    REQUIRE(t->members().add(d));
    const QString database = t.path().section(u'/', -1);
    // The server drops every connection to the hub (a restart, a cable pulled).
    test::TestServer::admin({QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
                                            "'%1' AND pid <> pg_backend_pid()")
                                 .arg(database)});
    // pg_terminate_backend only signals: give the backends a moment to go.
    QDeadlineTimer gone(5000);
    while (!gone.hasExpired()) {
        QSqlDatabase probe = QSqlDatabase::database(QStringLiteral("hubtest-admin-probe"), false);
        if (!probe.isValid()) {
            const auto address = HubAddress::parse(test::TestServer::adminUrl());
            probe = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("hubtest-admin-probe"));
            probe.setHostName(address->host());
            probe.setPort(address->port());
            probe.setUserName(address->user());
            probe.setDatabaseName(address->databaseName());
        }
        REQUIRE((probe.isOpen() || probe.open()));
        QSqlQuery left(probe);
        REQUIRE(left.exec(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = '%1'").arg(database)));
        if (left.next() && left.value(0).toInt() == 0)
            break;
        QThread::msleep(20);
    }
    d.displayName = QStringLiteral("Bo During");
    // Qt's driver may connect again by itself before the next statement; if
    // it does not, the person is told plainly and trying again works.
    auto during = t->members().add(d);
    if (!during) {
        CHECK(during.error().kind == ErrorKind::Storage);
        CHECK(during.error().message.contains(QStringLiteral("connection to the hub server was lost")));
        auto retried = t->members().add(d);
        INFO((retried ? QString() : retried.error().message).toStdString());
        REQUIRE(retried);
    }
    auto all = t->members().list({});
    REQUIRE(all);
    CHECK(all->size() == 2);
    CHECK(t->integrity().runAll().isEmpty());
}

namespace {
// Ends every connection to the test's database and waits until they are gone.
void dropConnections(const QString &database)
{
    test::TestServer::admin({QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
                                            "'%1' AND pid <> pg_backend_pid()")
                                 .arg(database)});
    QThread::msleep(300);
}
} // namespace

TEST_CASE("a connection lost in the middle of a write saves none of it, even when the driver reconnects", "[.pg]")
{
    REQUIRE(test::TestServer::active());
    TempHub t;
    const QString database = t.path().section(u'/', -1);
    {
        auto tx = Transaction::begin(t->database());
        REQUIRE(tx);
        Query first(tx->connection(), QStringLiteral("INSERT INTO settings (key, value) VALUES ('probe.one', '1')"));
        REQUIRE(first.exec());
        dropConnections(database);
        // Whatever the driver does now, these must not be saved on their own.
        Query second(tx->connection(), QStringLiteral("INSERT INTO settings (key, value) VALUES ('probe.two', '2')"));
        const bool secondRan = bool(second.exec());
        const bool committed = bool(tx->commit());
        CHECK_FALSE((secondRan && committed));
    }
    Query probes(t->database(), QStringLiteral("SELECT count(*) FROM settings WHERE key LIKE 'probe.%'"));
    auto n = probes.scalar();
    if (!n) // the first statement after a loss may report it
        n = probes.scalar();
    REQUIRE(n);
    CHECK(n->toInt() == 0);
}

TEST_CASE("a window's watcher listens again after the server dropped it and reports what it missed", "[.pg]")
{
    REQUIRE(test::TestServer::active());
    TempHub t;
    HubWatcher watcher(t->sharedDatabase());
    int noticed = 0;
    QObject::connect(&watcher, &HubWatcher::changedElsewhere, [&noticed] { ++noticed; });
    watcher.poll();
    REQUIRE(noticed == 0);

    dropConnections(t.path().section(u'/', -1));
    // Another desk saves while this window has no connection.
    const auto addFromAnotherDesk = [&t](const QString &name) {
        bool added = false;
        QThread *desk = QThread::create([path = t.path(), name, &added] {
            auto other = Hub::open(path);
            MemberDraft d;
            d.displayName = name;
            added = other && (*other)->members().add(d);
        });
        desk->start();
        desk->wait(20000);
        delete desk;
        return added;
    };
    REQUIRE(addFromAnotherDesk(QStringLiteral("Di Missed")));
    // The look that finds the connection gone, then the one that makes it again.
    QDeadlineTimer deadline(10000);
    while (noticed == 0 && !deadline.hasExpired()) {
        watcher.poll();
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    CHECK(noticed == 1);

    // Listening again: the next desk's payment arrives as a notification.
    noticed = 0;
    watcher.poll();
    REQUIRE(addFromAnotherDesk(QStringLiteral("Ed Heard")));
    deadline.setRemainingTime(5000);
    while (noticed == 0 && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    CHECK(noticed == 1);
}

TEST_CASE("a window's watcher never waits on a server gone quiet, says so, and looks again when it answers", "[.pg]")
{
    REQUIRE(test::TestServer::active());
    TempHub t;
    // This desk reaches the server through a relay the test can silence.
    QUrl address(t.path());
    test::FreezingProxy network(address.host(), quint16(address.port()));
    address.setPort(network.port());
    auto desk = Hub::open(address.toString());
    INFO((desk ? QString() : desk.error().text()).toStdString());
    REQUIRE(desk);
    auto watcher = std::make_unique<HubWatcher>((*desk)->sharedDatabase());
    watcher->setInterval(3600 * 1000); // the test polls: no tick asks the server behind its back
    // Whatever happens below, the network comes back before the watcher ends.
    struct Thaw
    {
        test::FreezingProxy &network;
        ~Thaw() { network.thaw(); }
    } thawFirst{network};
    int noticed = 0;
    QList<bool> awayChanges;
    QObject::connect(watcher.get(), &HubWatcher::changedElsewhere, [&noticed] { ++noticed; });
    QObject::connect(watcher.get(), &HubWatcher::serverAwayChanged, [&awayChanges](bool away) { awayChanges << away; });
    const auto settle = [](int ms) {
        QDeadlineTimer until(ms);
        while (!until.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    };
    watcher->poll();
    settle(300);
    REQUIRE_FALSE(watcher->serverAway());
    REQUIRE(noticed == 0);

    network.freeze();
    // Another desk saves while this one hears nothing.
    MemberDraft d;
    d.displayName = QStringLiteral("Di Meanwhile");
    REQUIRE(t->members().add(d));
    QElapsedTimer since;
    since.start();
    qint64 longestLook = 0;
    while (since.elapsed() < HubWatcher::AnswerWithinMs + 2000) {
        QElapsedTimer look;
        look.start();
        watcher->poll();
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        longestLook = std::max(longestLook, look.elapsed());
        settle(100);
    }
    CHECK(longestLook < 500); // the window's thread never waited on the server
    CHECK(watcher->serverAway());
    CHECK(awayChanges == QList<bool>{true});
    CHECK(noticed == 0);

    network.thaw();
    QDeadlineTimer deadline(10000);
    while ((noticed == 0 || watcher->serverAway()) && !deadline.hasExpired()) {
        watcher->poll();
        settle(100);
    }
    CHECK_FALSE(watcher->serverAway());
    CHECK(awayChanges == QList<bool>{true, false});
    CHECK(noticed >= 1); // what the other desk saved meanwhile

    // A window closed (or switched to another hub) while its probe waits on
    // the silent network closes at once; the probe ends by itself later.
    network.freeze();
    watcher->poll();
    settle(500);
    QElapsedTimer closing;
    closing.start();
    watcher.reset();
    CHECK(closing.elapsed() < 500);
    desk->reset();
    network.thaw();
    CHECK(HubWatcher::waitForEndedProbes(QDeadlineTimer(15000)));
}

TEST_CASE("check finds a member whose search words were changed past the triggers that keep them", "[.pg]")
{
    REQUIRE(test::TestServer::active());
    TempHub t;
    MemberDraft d;
    d.displayName = QStringLiteral("Gwen Pritchard");
    auto gwen = t->members().add(d);
    REQUIRE(gwen);
    for (const Finding &f : t->integrity().runAll())
        FAIL_CHECK(f.message.toStdString() << " (" << f.where.toStdString() << ")");
    // As a hand-made change would: the member can no longer be found.
    Query drop(t->database(), QStringLiteral("DELETE FROM member_words WHERE member_id = :id AND word = 'gwen'"));
    drop.bind(QStringLiteral(":id"), gwen->id.value());
    REQUIRE(drop.exec());
    MemberFilter f;
    f.search = QStringLiteral("gwen");
    CHECK(*t->members().count(f) == 0);
    const auto found = t->integrity().runAll();
    REQUIRE(found.size() == 1);
    CHECK(found.first().message.contains(QStringLiteral("#%1").arg(gwen->id.value())));
    CHECK(found.first().where == QStringLiteral("member_words"));
    // Saving the member again writes their words afresh.
    REQUIRE(t->members().update(gwen->id, *gwen));
    CHECK(*t->members().count(f) == 1);
    CHECK(t->integrity().runAll().isEmpty());
}
