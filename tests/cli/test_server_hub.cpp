// SPDX-License-Identifier: GPL-3.0-or-later
// A hub on a PostgreSQL server, driven through hubctl processes: moved from a
// file to the server and back, backed up as a portable file, refused clearly
// when the server cannot be reached or the password is wrong, and run by a
// role that cannot switch off its guards. Runs on the throwaway cluster
// (label pg, tests/pg/pgcluster.sh); hidden ([.pg]) from the file-only run.
#include "tests/support/hubctlrunner.h"
#include "tests/support/testserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <atomic>
#include <catch2/catch.hpp>
#include <thread>
#include <vector>

using namespace hub::test;

namespace {

CliRun run(const QString &db, const QStringList &args)
{
    // Files here are files: this suite moves hubs between both kinds.
    return hubctlExact(QStringList{QStringLiteral("--db"), db, QStringLiteral("--json")} + args);
}

CliRun ok(const QString &db, const QStringList &args)
{
    const CliRun r = run(db, args);
    INFO(db.toStdString() << " " << args.join(u' ').toStdString() << "\n" << r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    return r;
}

/// What must be the same wherever a hub lives: balances, members, bookings, chain heads.
struct Picture
{
    QJsonDocument balances, members, bookings;
    QString seal;
    bool operator==(const Picture &) const = default;
};

Picture pictureOf(const QString &db)
{
    Picture p;
    p.balances = ok(db, {QStringLiteral("report"), QStringLiteral("trial-balance"), QStringLiteral("--format"),
                         QStringLiteral("json"), QStringLiteral("--at"), QStringLiteral("2030-01-01")})
                     .json();
    p.members = ok(db, {QStringLiteral("member"), QStringLiteral("list")}).json();
    p.bookings = ok(db, {QStringLiteral("booking"), QStringLiteral("list"), QStringLiteral("--from"),
                         QStringLiteral("2000-01-01"), QStringLiteral("--to"), QStringLiteral("2040-01-01"),
                         QStringLiteral("--cancelled")})
                     .json();
    p.seal = ok(db, {QStringLiteral("seal")}).json().object().value(QStringLiteral("seal")).toString();
    return p;
}

int tablesIn(const QString &url)
{
    QProcess psql;
    psql.start(QStringLiteral("psql"), {url, QStringLiteral("-Atc"),
                                        QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")});
    REQUIRE(psql.waitForFinished(30000));
    return QString::fromUtf8(psql.readAllStandardOutput()).trimmed().toInt();
}

} // namespace

TEST_CASE("a hub moves from a file to a server and back with the same balances, members, bookings and chains", "[.pg]")
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("desk.sqlite"));
    ok(file, {QStringLiteral("demo"), QStringLiteral("--scale"), QStringLiteral("small"), QStringLiteral("--seed"),
              QStringLiteral("7")});
    const Picture atTheDesk = pictureOf(file);
    REQUIRE(atTheDesk.members.array().size() > 60); // 60 and the hub itself

    const QString server = TestServer::createEmptyDatabase();
    const CliRun moved = ok(file, {QStringLiteral("copy"), QStringLiteral("--to"), server});
    CHECK(moved.json().object().value(QStringLiteral("verified")).toBool());
    CHECK(pictureOf(server) == atTheDesk);
    CHECK(ok(server, {QStringLiteral("check")}).exitCode == 0);

    const QString back = dir.filePath(QStringLiteral("back.sqlite"));
    ok(server, {QStringLiteral("copy"), QStringLiteral("--to"), back});
    CHECK(pictureOf(back) == atTheDesk);

    // Work goes on at the server as at a desk: a payment, seen in the balances.
    const QString payer = atTheDesk.members.array().at(0).toObject().value(QStringLiteral("id")).toVariant().toString();
    const QString payee = atTheDesk.members.array().at(1).toObject().value(QStringLiteral("id")).toVariant().toString();
    ok(server, {QStringLiteral("pay"), QStringLiteral("--from"), payer, QStringLiteral("--to"), payee,
                QStringLiteral("--amount"), QStringLiteral("1.25"), QStringLiteral("--memo"),
                QStringLiteral("Bread from the café")});
    CHECK(pictureOf(server).balances != atTheDesk.balances);
    CHECK(ok(server, {QStringLiteral("check")}).exitCode == 0);
    TestServer::dropDatabase(server);
}

TEST_CASE("a copy goes only into an empty target and a failed copy leaves the target empty", "[.pg]")
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("desk.sqlite"));
    ok(file, {QStringLiteral("demo"), QStringLiteral("--scale"), QStringLiteral("small")});
    const QString server = TestServer::createEmptyDatabase();
    ok(file, {QStringLiteral("copy"), QStringLiteral("--to"), server});
    const QString seal = pictureOf(server).seal;

    // Already a hub there: refused, and the server hub is as it was.
    const CliRun again = run(file, {QStringLiteral("copy"), QStringLiteral("--to"), server});
    CHECK(again.exitCode == 2);
    CHECK(again.err.contains(QStringLiteral("already holds a hub")));
    CHECK(pictureOf(server).seal == seal);

    // A file whose transfer chain was edited around Hubkeeper fails the
    // check on the target: nothing of it stays there.
    QProcess sqlite;
    sqlite.start(QStringLiteral("sqlite3"),
                 {file, QStringLiteral("DROP TRIGGER transfers_never_updated; UPDATE transfers SET memo = "
                                       "'changed' WHERE id = 3;")});
    REQUIRE(sqlite.waitForFinished(30000));
    REQUIRE(sqlite.exitCode() == 0);
    const QString empty = TestServer::createEmptyDatabase();
    const CliRun bad = run(file, {QStringLiteral("copy"), QStringLiteral("--to"), empty});
    CHECK(bad.exitCode == 5);
    CHECK(bad.err.contains(QStringLiteral("did not pass the check")));
    CHECK(tablesIn(empty) == 0);
    TestServer::dropDatabase(server);
    TestServer::dropDatabase(empty);
}

TEST_CASE("a server hub is backed up as a portable hub file a desk opens", "[.pg]")
{
    QTemporaryDir dir;
    const QString server = TestServer::createEmptyDatabase();
    ok(server, {QStringLiteral("demo"), QStringLiteral("--scale"), QStringLiteral("small")});
    const Picture there = pictureOf(server);
    const QString file = dir.filePath(QStringLiteral("server-backup.sqlite"));
    ok(server, {QStringLiteral("backup"), file});
    CHECK(ok(file, {QStringLiteral("check")}).exitCode == 0);
    const Picture copy = pictureOf(file);
    CHECK(copy.balances == there.balances);
    CHECK(copy.members == there.members);
    CHECK(copy.bookings == there.bookings);
    // The backup itself is audited on the server after the copy was taken.
    CHECK(copy.seal.section(u' ', 0, 0) == there.seal.section(u' ', 0, 0));
    TestServer::dropDatabase(server);
}

TEST_CASE("a backup restored into a server hub replaces it for every desk, keeping the old hub as a file", "[.pg]")
{
    QTemporaryDir dir;
    const QString server = TestServer::createEmptyDatabase();
    ok(server, {QStringLiteral("init"), QStringLiteral("--name"), QStringLiteral("Restored")});
    ok(server, {QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Ann")});
    ok(server, {QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Bob")});
    const auto pay = [&server](const char *amount) {
        ok(server, {QStringLiteral("pay"), QStringLiteral("--from"), QStringLiteral("1"), QStringLiteral("--to"),
                    QStringLiteral("2"), QStringLiteral("--amount"), QString::fromLatin1(amount),
                    QStringLiteral("--memo"), QStringLiteral("Soup")});
    };
    pay("2");
    const QString backup = dir.filePath(QStringLiteral("monday.sqlite"));
    ok(server, {QStringLiteral("backup"), backup});
    const Picture monday = pictureOf(backup);
    // Tuesday's work, which the restore takes back.
    pay("3");
    ok(server, {QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Cy")});
    const Picture tuesday = pictureOf(server);

    const CliRun restored = ok(server, {QStringLiteral("restore"), backup});
    const QString kept = restored.json().object().value(QStringLiteral("kept")).toString();
    CHECK(kept.startsWith(dir.path()));
    // The same balances and members as the backup (the seal in the report
    // differs by the restore's own audit row).
    const auto tablesOf = [](const Picture &p) {
        return p.balances.object().value(QStringLiteral("tables"));
    };
    const Picture now = pictureOf(server);
    CHECK(tablesOf(now) == tablesOf(monday));
    CHECK(now.members == monday.members);
    CHECK(ok(server, {QStringLiteral("check")}).exitCode == 0);
    // The restore is in the audit trail, after the backup's own history.
    const QJsonArray audit =
        ok(server, {QStringLiteral("audit")}).json().object().value(QStringLiteral("entries")).toArray();
    bool audited = false;
    for (const QJsonValue &row : audit)
        audited = audited || row.toObject().value(QStringLiteral("action")).toString() == QStringLiteral("hub.restore");
    CHECK(audited);
    // Tuesday is kept, as a portable file a desk opens.
    const Picture keptPicture = pictureOf(kept);
    CHECK(tablesOf(keptPicture) == tablesOf(tuesday));
    CHECK(keptPicture.members == tuesday.members);
    // New work carries on after the restored rows (the ids go on from there).
    ok(server, {QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Di")});
    pay("1");
    CHECK(ok(server, {QStringLiteral("check")}).exitCode == 0);

    // A file that is no hub changes nothing on the server.
    const QString junk = dir.filePath(QStringLiteral("junk.sqlite"));
    QFile f(junk);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write("not a hub at all");
    f.close();
    const Picture before = pictureOf(server);
    CHECK(run(server, {QStringLiteral("restore"), junk}).exitCode == 2);
    CHECK(pictureOf(server) == before);
    TestServer::dropDatabase(server);
}

TEST_CASE("an unreachable server or a wrong password is exit 5 with a clear message", "[.pg]")
{
    const CliRun nowhere =
        run(QStringLiteral("postgresql://hub@127.0.0.1:1/hub"), {QStringLiteral("member"), QStringLiteral("list")});
    CHECK(nowhere.exitCode == 5);
    CHECK(nowhere.err.contains(QStringLiteral("could not be reached")));

    const CliRun withPassword = run(QStringLiteral("postgresql://hub:secret@127.0.0.1/hub"),
                                    {QStringLiteral("member"), QStringLiteral("list")});
    CHECK(withPassword.exitCode == 2);
    CHECK(withPassword.err.contains(QStringLiteral("~/.pgpass")));

    const QString database = TestServer::createEmptyDatabase().section(u'/', -1);
    TestServer::admin({QStringLiteral("DROP ROLE IF EXISTS hub_password"),
                       QStringLiteral("CREATE ROLE hub_password LOGIN PASSWORD 'the right one'"),
                       QStringLiteral("ALTER DATABASE %1 OWNER TO hub_password").arg(database)});
    const QString url = TestServer::urlFor(QStringLiteral("hub_password"), database);
    qputenv("PGPASSWORD", "the wrong one");
    const CliRun wrong = run(url, {QStringLiteral("init")});
    CHECK(wrong.exitCode == 5);
    CHECK(wrong.err.contains(QStringLiteral("password authentication failed")));
    qputenv("PGPASSWORD", "the right one");
    const CliRun right = run(url, {QStringLiteral("init")});
    qunsetenv("PGPASSWORD");
    INFO(right.err.toStdString());
    CHECK(right.exitCode == 0);
    TestServer::dropDatabase(url);
}

namespace {
/// psql as given in the README, for what a person with that role could try.
std::pair<int, QString> psql(const QString &url, const QString &sql)
{
    QProcess p;
    p.start(QStringLiteral("psql"),
            {url, QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-qc"), sql});
    REQUIRE(p.waitForFinished(30000));
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardError())};
}

QString psqlValue(const QString &url, const QString &sql)
{
    QProcess p;
    p.start(QStringLiteral("psql"), {url, QStringLiteral("-Atc"), sql});
    REQUIRE(p.waitForFinished(30000));
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}
} // namespace

TEST_CASE("the desks' role works the hub but can neither switch off its guards nor change the schema", "[.pg]")
{
    // The set-up the README gives: an owner that makes and upgrades the hub,
    // and the role every desk connects as, with data rights only.
    const QString database = TestServer::createEmptyDatabase().section(u'/', -1);
    TestServer::admin({QStringLiteral("DROP ROLE IF EXISTS hub_owner_%1").arg(database),
                       QStringLiteral("DROP ROLE IF EXISTS hub_desk_%1").arg(database),
                       QStringLiteral("CREATE ROLE hub_owner_%1 LOGIN").arg(database),
                       QStringLiteral("CREATE ROLE hub_desk_%1 LOGIN").arg(database),
                       QStringLiteral("ALTER DATABASE %1 OWNER TO hub_owner_%1").arg(database)});
    const QString owner = TestServer::urlFor(QStringLiteral("hub_owner_") + database, database);
    const QString desk = TestServer::urlFor(QStringLiteral("hub_desk_") + database, database);
    REQUIRE(psql(owner, QStringLiteral("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, "
                                       "DELETE ON TABLES TO hub_desk_%1; ALTER DEFAULT PRIVILEGES IN SCHEMA public "
                                       "GRANT USAGE ON SEQUENCES TO hub_desk_%1;")
                            .arg(database))
                .first == 0);
    ok(owner, {QStringLiteral("init"), QStringLiteral("--name"), QStringLiteral("Two desks")});

    // Everyday work from the desk: members, a payment, an erasure, the check.
    ok(desk, {QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Ann")});
    ok(desk, {QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Bob")});
    ok(desk, {QStringLiteral("pay"), QStringLiteral("--from"), QStringLiteral("1"), QStringLiteral("--to"),
              QStringLiteral("2"), QStringLiteral("--amount"), QStringLiteral("2"), QStringLiteral("--memo"),
              QStringLiteral("Soup")});
    // The desk's role cannot VACUUM the owner's tables: the erasure says it
    // is not complete yet, and the owner's next open completes it.
    const CliRun forgot = hubctlExact(
        {QStringLiteral("--db"), desk, QStringLiteral("member"), QStringLiteral("forget"), QStringLiteral("1")});
    REQUIRE(forgot.exitCode == 0);
    CHECK(forgot.out.contains(QStringLiteral("opened as its owner")));
    CHECK(ok(desk, {QStringLiteral("check")}).exitCode == 0);
    CHECK(psqlValue(owner, QStringLiteral("SELECT count(*) FROM pending_scrub")) == QStringLiteral("1"));
    CHECK(ok(owner, {QStringLiteral("check")}).exitCode == 0);
    CHECK(psqlValue(owner, QStringLiteral("SELECT count(*) FROM pending_scrub")) == QStringLiteral("0"));

    // What the desk's role cannot do, whoever holds it.
    for (const QString &sql :
         {QStringLiteral("DROP TRIGGER transfers_never_updated ON transfers"),
          QStringLiteral("ALTER TABLE audit_log DISABLE TRIGGER ALL"), QStringLiteral("TRUNCATE transfers"),
          QStringLiteral("ALTER TABLE accounts DROP CONSTRAINT accounts_member_id_key"),
          QStringLiteral("CREATE TABLE elsewhere (x integer)"), QStringLiteral("DROP TABLE transfers"),
          QStringLiteral("UPDATE transfers SET amount_minor = 1"), QStringLiteral("DELETE FROM audit_log")}) {
        const auto [code, err] = psql(desk, sql);
        INFO(sql.toStdString() << ": " << err.toStdString());
        CHECK(code != 0);
        CHECK((err.contains(QStringLiteral("must be owner")) || err.contains(QStringLiteral("permission denied")) ||
               err.contains(QStringLiteral("never"))));
    }
    CHECK(ok(desk, {QStringLiteral("check")}).exitCode == 0);

    // A restore replaces the hub's history: the desk's role is refused it,
    // with nothing changed; the owner may.
    QTemporaryDir dir;
    const QString backup = dir.filePath(QStringLiteral("backup.sqlite"));
    ok(desk, {QStringLiteral("backup"), backup});
    ok(desk, {QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Cy")});
    const Picture before = pictureOf(desk);
    const CliRun refused = run(desk, {QStringLiteral("restore"), backup});
    CHECK(refused.exitCode == 3);
    CHECK(refused.err.contains(QStringLiteral("owns the hub's tables")));
    CHECK(pictureOf(desk) == before);
    ok(owner, {QStringLiteral("restore"), backup});
    CHECK(ok(desk, {QStringLiteral("member"), QStringLiteral("list")}).json().array().size() ==
          before.members.array().size() - 1);
    CHECK(ok(desk, {QStringLiteral("check")}).exitCode == 0);
    TestServer::dropDatabase(owner);
    TestServer::admin({QStringLiteral("DROP OWNED BY hub_desk_%1").arg(database),
                       QStringLiteral("DROP ROLE IF EXISTS hub_owner_%1").arg(database),
                       QStringLiteral("DROP ROLE IF EXISTS hub_desk_%1").arg(database)});
}

TEST_CASE("desks racing on a server never pass a limit, never double-book and keep both chains whole", "[.pg]")
{
    const QString server = TestServer::createEmptyDatabase();
    ok(server, {QStringLiteral("init")});
    for (const char *name : {"Ann", "Bob", "Cy"})
        ok(server,
           {QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--name"), QString::fromLatin1(name)});
    // Ann may go 10.00 below zero: at most ten of the forty 1.00 payments fit.
    ok(server, {QStringLiteral("account"), QStringLiteral("limit"), QStringLiteral("1"), QStringLiteral("--min"),
                QStringLiteral("-10")});
    ok(server, {QStringLiteral("space"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Hall"),
                QStringLiteral("--capacity"), QStringLiteral("40")});

    // Four desks at once, each its own hubctl process and connection.
    std::vector<std::thread> desks;
    std::atomic<int> paid = 0, refused = 0, booked = 0, clashed = 0, other = 0;
    for (int desk = 0; desk < 4; ++desk) {
        desks.emplace_back([&, desk] {
            for (int i = 0; i < 10; ++i) {
                const CliRun r =
                    hubctlFromThread({QStringLiteral("--db"), server, QStringLiteral("pay"), QStringLiteral("--from"),
                                      QStringLiteral("1"), QStringLiteral("--to"), QString::number(2 + (i + desk) % 2),
                                      QStringLiteral("--amount"), QStringLiteral("1"), QStringLiteral("--memo"),
                                      QStringLiteral("desk %1 #%2").arg(desk).arg(i)});
                (r.exitCode == 0 ? paid : r.exitCode == 3 ? refused : other)++;
            }
            // Every desk tries the same two evenings.
            for (const char *day : {"2031-03-04", "2031-03-05"}) {
                const CliRun r = hubctlFromThread(
                    {QStringLiteral("--db"), server, QStringLiteral("book"), QStringLiteral("--space"),
                     QStringLiteral("Hall"), QStringLiteral("--title"), QStringLiteral("Desk %1").arg(desk),
                     QStringLiteral("--start"), QStringLiteral("%1T19:00").arg(QLatin1StringView(day)),
                     QStringLiteral("--end"), QStringLiteral("%1T21:00").arg(QLatin1StringView(day))});
                (r.exitCode == 0 ? booked : r.exitCode == 3 ? clashed : other)++;
            }
        });
    }
    for (std::thread &d : desks)
        d.join();
    CHECK(other == 0);
    CHECK(paid == 10);
    CHECK(refused == 30);
    CHECK(booked == 2);
    CHECK(clashed == 6);
    CHECK(ok(server, {QStringLiteral("check")}).exitCode == 0);
    const QJsonArray accounts = ok(server, {QStringLiteral("account"), QStringLiteral("list")}).json().array();
    qint64 sum = 0;
    for (const QJsonValue &a : accounts)
        sum += a.toObject().value(QStringLiteral("balance_minor")).toInteger();
    CHECK(sum == 0);
    TestServer::dropDatabase(server);
}
