// SPDX-License-Identifier: GPL-3.0-or-later
// One hub file shared by a window (this process: a Hub kept open, worker
// threads opening and closing hubs of their own) and hubctl processes beside
// it (issue 14). Each case would have caught one of the breaks found in review:
// the window's writes going into a deleted -wal, false "damaged" errors under
// three desks, a restore that both failed and replaced the hub.
#include "core/hub.h"
#include "core/members/memberservice.h"
#include "core/settings/settingsservice.h"
#include "core/storage/query.h"
#include "tests/support/hubctlrunner.h"
#include "tests/support/openfiles.h"
#include "tests/support/testserver.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <atomic>
#include <catch2/catch.hpp>
#include <csignal>
#include <thread>
#include <vector>

using hub::test::CliRun;
using hub::test::hubctl;
using hub::test::hubctlFromThread;

namespace {
struct SharedHub
{
    QTemporaryDir dir;
    QString db = dir.filePath(QStringLiteral("hub.sqlite"));
    QStringList with(const QStringList &args) const { return QStringList{QStringLiteral("--db"), db} + args; }
    void init(int members)
    {
        REQUIRE(hubctl(with({QStringLiteral("init"), QStringLiteral("--name"), QStringLiteral("Shared")})).exitCode ==
                0);
        REQUIRE(hubctl(with({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("default_limit_min"),
                             QStringLiteral("-100000")}))
                    .exitCode == 0);
        QByteArray csv = "name,email\n";
        for (int i = 1; i <= members; ++i)
            csv += QStringLiteral("Desk Member %1,m%1@example.org\n").arg(i).toUtf8();
        const QString file = dir.filePath(QStringLiteral("members.csv"));
        QFile f(file);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(csv);
        f.close();
        REQUIRE(hubctl(with({QStringLiteral("member"), QStringLiteral("import"), file})).exitCode == 0);
    }
};

// What the window's report, import and export jobs do on their threads.
void workerHubOnce(const QString &path)
{
    std::thread worker([path = hub::test::hubOnTestBackend(path)] {
        auto opened = hub::Hub::open(path);
        if (opened) {
            hub::Query q((*opened)->database(), QStringLiteral("SELECT count(*) FROM members"));
            (void)q.scalar();
            (*opened)->database().releaseThreadConnection();
        }
    });
    worker.join();
}

int countMembersNamed(const SharedHub &s, const QString &name)
{
    const CliRun r = hubctl(s.with({QStringLiteral("--json"), QStringLiteral("member"), QStringLiteral("list"),
                                    QStringLiteral("--search"), name}));
    REQUIRE(r.exitCode == 0);
    int n = 0;
    for (const QJsonValue &m : r.json().array())
        if (m[QStringLiteral("display_name")].toString() == name)
            ++n;
    return n;
}
} // namespace

TEST_CASE("the window's worker hubs and hubctl beside it never lose the window's writes", "[shared][multiprocess]")
{
    SharedHub s;
    s.init(3);
    auto opened = hub::Hub::open(hub::test::hubOnTestBackend(s.db));
    REQUIRE(opened);
    hub::Hub &window = **opened;
    // Half as many rounds under the sanitizers, where each costs ten times
    // as much, and on the server run (CI's time limit).
#if defined(__SANITIZE_ADDRESS__)
    const int Rounds = 6;
#else
    const int Rounds = hub::test::TestServer::active() ? 6 : 12;
#endif
    for (int round = 0; round < Rounds; ++round) {
        INFO("round " << round);
        // A report or export on a worker thread opens and closes its own hub.
        workerHubOnce(s.db);
        workerHubOnce(s.db);
        // hubctl opens the same file and exits: if it believed it was the last
        // user, it would checkpoint and delete the -wal under the window.
        REQUIRE(hubctl(s.with({QStringLiteral("member"), QStringLiteral("list")})).exitCode == 0);
        CHECK(hub::test::deletedHubFiles(s.db).isEmpty());
        CHECK(hub::test::holdsCurrentWal(s.db));

        // The window writes; a fresh process must see it.
        hub::MemberDraft d;
        d.displayName = QStringLiteral("Window Write %1").arg(round);
        REQUIRE(window.members().add(d));
        CHECK(countMembersNamed(s, d.displayName) == 1);
        // And hubctl's write is seen by the window.
        const QString cliName = QStringLiteral("Hubctl Write %1").arg(round);
        REQUIRE(hubctl(s.with({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--name"), cliName}))
                    .exitCode == 0);
        hub::Query seen(window.database(), QStringLiteral("SELECT count(*) FROM members WHERE display_name = :n"));
        seen.bind(QStringLiteral(":n"), cliName);
        CHECK(seen.scalar()->toInt() == 1);
    }
    CHECK(hub::test::deletedHubFiles(s.db).isEmpty());
    opened->reset();
    // After the window closed, everything it and hubctl wrote is in the file.
    for (int round = 0; round < Rounds; ++round) {
        CHECK(countMembersNamed(s, QStringLiteral("Window Write %1").arg(round)) == 1);
        CHECK(countMembersNamed(s, QStringLiteral("Hubctl Write %1").arg(round)) == 1);
    }
    CHECK(hubctl(s.with({QStringLiteral("check")})).exitCode == 0);
}

TEST_CASE("the same file opened twice in one process is one Database, inspected once", "[shared][sqlite]")
{
    SharedHub s;
    s.init(1);
    auto first = hub::Hub::open(s.db);
    REQUIRE(first);
    auto second = hub::Hub::open(QDir(s.dir.path()).filePath(QStringLiteral("./hub.sqlite")));
    REQUIRE(second);
    CHECK(&(*first)->database() == &(*second)->database());
    CHECK(hub::Database::alreadyOpen(s.db) != nullptr);
    second->reset();
    first->reset();
    CHECK(hub::Database::alreadyOpen(s.db) == nullptr);
}

TEST_CASE("three desks paying at once and a backup beside them never see a false damaged error",
          "[shared][multiprocess]")
{
    SharedHub s;
    s.init(6);
    std::atomic<int> ok{0};
    std::atomic<int> storageErrors{0};
    std::atomic<int> other{0};
    QStringList messages;
    std::mutex messagesMutex;
    const auto desk = [&](int d) {
        for (int i = 0; i < 20; ++i) {
            const CliRun r = hubctlFromThread(s.with(
                {QStringLiteral("pay"), QStringLiteral("--from"), QStringLiteral("m%1@example.org").arg(d + 1),
                 QStringLiteral("--to"), QStringLiteral("m%1@example.org").arg(d + 4), QStringLiteral("--amount"),
                 QStringLiteral("0.25"), QStringLiteral("--memo"), QStringLiteral("desk %1 pay %2").arg(d).arg(i)}));
            if (r.exitCode == 0) {
                ++ok;
            } else {
                (r.exitCode == 5 ? storageErrors : other)++;
                std::lock_guard lock(messagesMutex);
                messages << r.err;
            }
        }
    };
    std::vector<std::thread> desks;
    for (int d = 0; d < 3; ++d)
        desks.emplace_back(desk, d);
    // Backups and a reader while they pay.
    int backups = 0;
    for (int b = 0; b < 3; ++b) {
        const CliRun r =
            hubctl(s.with({QStringLiteral("backup"), s.dir.filePath(QStringLiteral("b%1.sqlite").arg(b))}));
        INFO(r.err.toStdString());
        CHECK(r.exitCode == 0);
        backups += r.exitCode == 0;
        CHECK(hubctl(s.with({QStringLiteral("account"), QStringLiteral("list")})).exitCode == 0);
    }
    for (std::thread &t : desks)
        t.join();
    INFO(messages.join(u'\n').toStdString());
    CHECK(storageErrors.load() == 0);
    CHECK(other.load() == 0);
    CHECK(ok.load() == 60);
    CHECK_FALSE(messages.join(u'\n').contains(QStringLiteral("damaged")));
    CHECK(backups == 3);
    CHECK(hubctl(s.with({QStringLiteral("check")})).exitCode == 0);
    // Every backup made in the middle is a sound hub of its own.
    for (int b = 0; b < 3; ++b)
        CHECK(hub::test::hubctlExact({QStringLiteral("--db"), s.dir.filePath(QStringLiteral("b%1.sqlite").arg(b)),
                                      QStringLiteral("check")})
                  .exitCode == 0);
}

TEST_CASE("a restore while others pay either completes, audited, or changes nothing", "[shared][multiprocess][restore]")
{
    SharedHub s;
    s.init(4);
    const QString backup = s.dir.filePath(QStringLiteral("before.sqlite"));
    REQUIRE(hubctl(s.with({QStringLiteral("backup"), backup})).exitCode == 0);
    std::atomic<bool> stop{false};
    std::atomic<int> storageErrors{0};
    std::atomic<int> paid{0};
    QString lastError;
    std::mutex errorMutex;
    std::thread payer([&] {
        int i = 0;
        while (!stop) {
            const CliRun r = hubctlFromThread(
                s.with({QStringLiteral("pay"), QStringLiteral("--from"), QStringLiteral("m1@example.org"),
                        QStringLiteral("--to"), QStringLiteral("m2@example.org"), QStringLiteral("--amount"),
                        QStringLiteral("0.10"), QStringLiteral("--memo"), QStringLiteral("stream %1").arg(i++)}));
            if (r.exitCode == 0) {
                ++paid;
            } else if (r.exitCode == 5) {
                ++storageErrors;
                std::lock_guard lock(errorMutex);
                lastError = r.err;
            }
        }
    });
    while (paid.load() < 5)
        QThread::msleep(20);
    const CliRun restored = hubctl(s.with({QStringLiteral("--json"), QStringLiteral("restore"), backup}));
    INFO(restored.err.toStdString());
    REQUIRE(restored.exitCode == 0);
    const QString kept = restored.json()[QStringLiteral("kept")].toString();
    CHECK(QFile::exists(kept));
    const int afterRestore = paid.load();
    while (paid.load() < afterRestore + 5)
        QThread::msleep(20);
    stop = true;
    payer.join();
    INFO(lastError.toStdString());
    CHECK(storageErrors.load() == 0);
    const CliRun check = hubctl(s.with({QStringLiteral("check")}));
    INFO(check.out.toStdString());
    CHECK(check.exitCode == 0);
    const CliRun audit = hubctl(s.with({QStringLiteral("--json"), QStringLiteral("audit"), QStringLiteral("--action"),
                                        QStringLiteral("hub.restore")}));
    REQUIRE(audit.exitCode == 0);
    CHECK(audit.json()[QStringLiteral("entries")].toArray().size() == 1);
    // The kept copy is the hub as it was just before: it holds the payments
    // made before the restore, and passes the check on its own.
    CHECK(hub::test::hubctlExact({QStringLiteral("--db"), kept, QStringLiteral("check")}).exitCode == 0);
    CHECK(QDir(s.dir.path()).entryList({QStringLiteral("*.restoring-*")}).isEmpty());
}

TEST_CASE("a restore killed at any moment leaves the old hub or the restored one, never a broken one",
          "[shared][multiprocess][restore]")
{
    SharedHub s;
    s.init(40);
    const QString backup = s.dir.filePath(QStringLiteral("before.sqlite"));
    REQUIRE(hubctl(s.with({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("name"),
                           QStringLiteral("Old")}))
                .exitCode == 0);
    REQUIRE(hubctl(s.with({QStringLiteral("backup"), backup})).exitCode == 0);
    QRandomGenerator random(14);
    for (int round = 0; round < 6; ++round) {
        INFO("round " << round);
        REQUIRE(hubctl(s.with({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("name"),
                               QStringLiteral("Current %1").arg(round)}))
                    .exitCode == 0);
        QProcess restore;
        restore.setProgram(QStringLiteral(HUBCTL_PATH));
        restore.setArguments(s.with({QStringLiteral("restore"), backup}));
        restore.start();
        REQUIRE(restore.waitForStarted());
        QThread::msleep(random.bounded(5, 400));
        ::kill(pid_t(restore.processId()), SIGKILL);
        restore.waitForFinished();
        const CliRun check = hubctl(s.with({QStringLiteral("check")}));
        INFO(check.out.toStdString());
        CHECK(check.exitCode == 0);
        const CliRun shown =
            hubctl(s.with({QStringLiteral("--json"), QStringLiteral("settings"), QStringLiteral("show")}));
        REQUIRE(shown.exitCode == 0);
        const QString name = shown.json()[QStringLiteral("name")].toString();
        CHECK((name == QStringLiteral("Old") || name == QStringLiteral("Current %1").arg(round)));
    }
}

TEST_CASE("a damaged hub is called damaged, naming the damage, and a backup restored over it is audited",
          "[shared][restore][sqlite]")
{
    SharedHub s;
    s.init(200);
    const QString backup = s.dir.filePath(QStringLiteral("good.sqlite"));
    REQUIRE(hubctl(s.with({QStringLiteral("backup"), backup})).exitCode == 0);
    // Fold the WAL into the file, then scribble over the members' b-tree root.
    REQUIRE(hubctl(s.with({QStringLiteral("check")})).exitCode == 0);
    qint64 root = 0;
    {
        const QString name = QStringLiteral("find-members-root");
        {
            auto raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            raw.setDatabaseName(s.db);
            raw.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            REQUIRE(raw.open());
            QSqlQuery q(raw);
            REQUIRE(q.exec(QStringLiteral("SELECT rootpage FROM sqlite_schema WHERE name = 'members'")));
            REQUIRE(q.next());
            root = q.value(0).toLongLong();
            q.finish();
            raw.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
    REQUIRE(root > 1);
    QFile f(s.db);
    REQUIRE(f.open(QIODevice::ReadWrite));
    QByteArray bytes = f.readAll();
    const qint64 page = 4096 * (root - 1);
    REQUIRE(bytes.size() >= page + 4096);
    for (qint64 i = page + 8; i < page + 3000; ++i)
        bytes[i] = char(0x5A);
    f.seek(0);
    f.write(bytes);
    f.close();

    // Opening reads only the header; the command that reads the damage says so.
    const CliRun opened = hubctl(s.with({QStringLiteral("member"), QStringLiteral("list")}));
    CHECK(opened.exitCode == 5);
    INFO(opened.err.toStdString());
    // Said only with SQLite's own finding beside it.
    CHECK(opened.err.contains(QStringLiteral("is damaged:")));
    CHECK_FALSE(opened.err.contains(QStringLiteral("busy")));
    const CliRun checked = hubctl(s.with({QStringLiteral("check")}));
    CHECK(checked.exitCode == 5);
    INFO(checked.out.toStdString());
    CHECK((checked.out + checked.err).contains(QStringLiteral("damaged")));
    // The daily quick check reads every page too, so it finds the damage as well.
    const CliRun quick = hubctl(s.with({QStringLiteral("check"), QStringLiteral("--quick")}));
    CHECK(quick.exitCode == 5);
    CHECK((quick.out + quick.err).contains(QStringLiteral("damaged")));

    const CliRun restored = hubctl(s.with({QStringLiteral("--json"), QStringLiteral("restore"), backup}));
    INFO(restored.err.toStdString());
    REQUIRE(restored.exitCode == 0);
    CHECK(QFile::exists(restored.json()[QStringLiteral("kept")].toString()));
    CHECK(hubctl(s.with({QStringLiteral("check")})).exitCode == 0);
    const CliRun audit = hubctl(s.with({QStringLiteral("--json"), QStringLiteral("audit"), QStringLiteral("--action"),
                                        QStringLiteral("hub.restore")}));
    REQUIRE(audit.exitCode == 0);
    CHECK(audit.json()[QStringLiteral("entries")].toArray().size() == 1);
}
