// SPDX-License-Identifier: GPL-3.0-or-later
// The soak test of issue 14: for HUB_SOAK_SECONDS (30 in make test, 45 by default), one long-lived process (this
// one: a Hub kept open as a window keeps it, worker threads opening and
// closing hubs, writes of its own) shares the hub file with four hubctl
// writers (single payments, small batches, bookings, member adds), backups and
// full checks every few seconds, and batches killed with SIGKILL at random
// moments. At the end every acknowledged write must be in the file as a fresh
// process reads it, no process may have got exit 5, no killed batch may be
// half there, this process may hold no deleted -wal/-shm, and check is clean.
// HUB_SOAK_SECONDS changes the length (default 45).
#include "core/hub.h"
#include "core/members/memberservice.h"
#include "core/storage/query.h"
#include "tests/support/hubctlrunner.h"
#include "tests/support/openfiles.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QThread>

#include <atomic>
#include <catch2/catch.hpp>
#include <csignal>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

using hub::test::CliRun;
using hub::test::hubctl;
using hub::test::hubctlFromThread;

namespace {
struct Tally
{
    std::mutex mutex;
    QSet<QString> acknowledged; ///< what a writer was told was done
    QStringList failures;       ///< exit code and stderr of every failed run
    std::atomic<int> runs{0};
    std::atomic<int> exit5{0};

    void record(const QString &what, const CliRun &r)
    {
        ++runs;
        std::lock_guard lock(mutex);
        if (r.exitCode == 0) {
            acknowledged.insert(what);
            return;
        }
        if (r.exitCode == 5)
            ++exit5;
        failures
            << QStringLiteral("%1: exit %2: %3 %4").arg(what).arg(r.exitCode).arg(r.err.trimmed(), r.out.right(600));
    }
};

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(bytes);
}

QSet<QString> column(const QString &db, const QString &sql)
{
    QProcess p;
    p.start(QStringLiteral("sqlite3"), {QStringLiteral("-batch"), db, sql});
    REQUIRE(p.waitForFinished(60000));
    REQUIRE(p.exitCode() == 0);
    QSet<QString> values;
    for (const QString &line : QString::fromUtf8(p.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts))
        values.insert(line);
    return values;
}
} // namespace

TEST_CASE("soak: a window, four hubctl writers, backups, checks and killed batches share one hub",
          "[soak][multiprocess]")
{
    const int seconds =
        qEnvironmentVariableIntValue("HUB_SOAK_SECONDS") > 0 ? qEnvironmentVariableIntValue("HUB_SOAK_SECONDS") : 45;
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("hub.sqlite"));
    const auto with = [&](const QStringList &args) {
        return QStringList{QStringLiteral("--db"), db} + args;
    };
    REQUIRE(hubctl(with({QStringLiteral("init"), QStringLiteral("--name"), QStringLiteral("Soak")})).exitCode == 0);
    REQUIRE(hubctl(with({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("default_limit_min"),
                         QStringLiteral("-1000000")}))
                .exitCode == 0);
    QByteArray csv = "name,email\n";
    for (int i = 1; i <= 20; ++i)
        csv += QStringLiteral("Soak Trader %1,t%1@example.org\n").arg(i).toUtf8();
    writeFile(dir.filePath(QStringLiteral("traders.csv")), csv);
    REQUIRE(
        hubctl(with({QStringLiteral("member"), QStringLiteral("import"), dir.filePath(QStringLiteral("traders.csv"))}))
            .exitCode == 0);
    REQUIRE(hubctl(with({QStringLiteral("space"), QStringLiteral("add"), QStringLiteral("--name"),
                         QStringLiteral("Hall"), QStringLiteral("--capacity"), QStringLiteral("40")}))
                .exitCode == 0);

    // The long-lived process: the window's hub stays open throughout.
    auto opened = hub::Hub::open(db);
    REQUIRE(opened);
    hub::Hub &window = **opened;

    Tally tally;
    std::atomic<bool> stop{false};
    std::vector<std::thread> threads;
    std::atomic<int> processes{0};

    // 1. Single payments.
    threads.emplace_back([&] {
        for (int i = 0; !stop; ++i) {
            const QString memo = QStringLiteral("soak-pay-%1").arg(i);
            const int a = 1 + i % 10;
            tally.record(memo,
                         hubctlFromThread(with(
                             {QStringLiteral("pay"), QStringLiteral("--from"), QStringLiteral("t%1@example.org").arg(a),
                              QStringLiteral("--to"), QStringLiteral("t%1@example.org").arg(a + 10),
                              QStringLiteral("--amount"), QStringLiteral("0.01"), QStringLiteral("--memo"), memo})));
            ++processes;
        }
    });
    // 2. Small batches of five.
    threads.emplace_back([&] {
        for (int i = 0; !stop; ++i) {
            QByteArray rows = "payer,payee,amount,memo\n";
            for (int r = 0; r < 5; ++r)
                rows += QStringLiteral("t%1@example.org,t%2@example.org,0.02,soak-batch-%3-%4\n")
                            .arg(11 + r)
                            .arg(1 + r)
                            .arg(i)
                            .arg(r)
                            .toUtf8();
            const QString file = dir.filePath(QStringLiteral("batch-%1.csv").arg(i));
            writeFile(file, rows);
            const CliRun r = hubctlFromThread(with({QStringLiteral("pay"), QStringLiteral("--batch"), file}));
            for (int row = 0; row < 5; ++row)
                tally.record(QStringLiteral("soak-batch-%1-%2").arg(i).arg(row), r);
            ++processes;
        }
    });
    // 3. Bookings, an hour each, one after another.
    threads.emplace_back([&] {
        const QDateTime base(QDate(2027, 4, 5), QTime(0, 0));
        for (int i = 0; !stop; ++i) {
            const QString title = QStringLiteral("soak-book-%1").arg(i);
            tally.record(
                title, hubctlFromThread(
                           with({QStringLiteral("book"), QStringLiteral("--space"), QStringLiteral("Hall"),
                                 QStringLiteral("--title"), title, QStringLiteral("--start"),
                                 base.addSecs(qint64(i) * 3600).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                 QStringLiteral("--end"),
                                 base.addSecs(qint64(i) * 3600 + 3000).toString(QStringLiteral("yyyy-MM-dd HH:mm"))})));
            ++processes;
        }
    });
    // 4. Member adds.
    threads.emplace_back([&] {
        for (int i = 0; !stop; ++i) {
            const QString name = QStringLiteral("soak-member-%1").arg(i);
            tally.record(name, hubctlFromThread(with({QStringLiteral("member"), QStringLiteral("add"),
                                                      QStringLiteral("--name"), name, QStringLiteral("--email"),
                                                      QStringLiteral("soak%1@example.org").arg(i)})));
            ++processes;
        }
    });
    // Backups and full checks every few seconds.
    std::atomic<int> backups{0};
    std::atomic<int> checks{0};
    threads.emplace_back([&] {
        for (int i = 0; !stop; ++i) {
            for (int w = 0; w < 30 && !stop; ++w)
                QThread::msleep(100);
            const CliRun b = hubctlFromThread(
                with({QStringLiteral("backup"), dir.filePath(QStringLiteral("backup-%1.sqlite").arg(i))}));
            tally.record(QStringLiteral("backup-%1").arg(i), b);
            backups += b.exitCode == 0;
            const CliRun c = hubctlFromThread(with({QStringLiteral("check")}));
            tally.record(QStringLiteral("check-%1").arg(i), c);
            checks += c.exitCode == 0;
            processes += 2;
        }
    });
    // Batches killed with SIGKILL at a random moment: all or none may land.
    QStringList killedTags;
    std::mutex killedMutex;
    std::atomic<int> killed{0};
    threads.emplace_back([&] {
        QRandomGenerator random(1414);
        for (int i = 0; !stop; ++i) {
            const QString tag = QStringLiteral("soak-killed-%1-").arg(i);
            QByteArray rows = "payer,payee,amount,memo\n";
            for (int r = 0; r < 200; ++r)
                rows += QStringLiteral("t%1@example.org,t%2@example.org,0.01,%3%4\n")
                            .arg(1 + r % 10)
                            .arg(11 + r % 10)
                            .arg(tag)
                            .arg(r)
                            .toUtf8();
            const QString file = dir.filePath(QStringLiteral("killed-%1.csv").arg(i));
            writeFile(file, rows);
            QProcess p;
            p.setProgram(QStringLiteral(HUBCTL_PATH));
            p.setArguments(with({QStringLiteral("pay"), QStringLiteral("--batch"), file}));
            p.start();
            if (!p.waitForStarted())
                continue;
            QThread::msleep(random.bounded(1, 250));
            ::kill(pid_t(p.processId()), SIGKILL);
            p.waitForFinished();
            ++killed;
            ++processes;
            std::lock_guard lock(killedMutex);
            killedTags << tag;
        }
    });

    // The window itself: worker threads open and close hubs (reports,
    // exports), and it writes now and then, on its own connection.
    QElapsedTimer clock;
    clock.start();
    QStringList windowWrites;
    int workerHubs = 0;
    while (clock.elapsed() < qint64(seconds) * 1000) {
        std::thread worker([&db] {
            auto h = hub::Hub::open(db);
            if (h) {
                hub::Query q((*h)->database(), QStringLiteral("SELECT count(*) FROM transfers"));
                (void)q.scalar();
                (*h)->database().releaseThreadConnection();
            }
        });
        worker.join();
        ++workerHubs;
        if (workerHubs % 5 == 0) {
            hub::MemberDraft d;
            d.displayName = QStringLiteral("soak-window-%1").arg(windowWrites.size());
            auto added = window.members().add(d);
            if (added)
                windowWrites << d.displayName;
            else
                tally.failures << QStringLiteral("window write: ") + added.error().message;
        }
        QThread::msleep(40);
    }
    stop = true;
    for (std::thread &t : threads)
        t.join();

    INFO(tally.failures.join(u'\n').toStdString());
    CHECK(tally.exit5.load() == 0);
    CHECK(tally.failures.isEmpty());
    CHECK(hub::test::deletedHubFiles(db).isEmpty());
    CHECK(hub::test::holdsCurrentWal(db));

    // A fresh process reads every acknowledged write.
    const QSet<QString> memos = column(db, QStringLiteral("SELECT memo FROM transfers"));
    const QSet<QString> titles = column(db, QStringLiteral("SELECT title FROM bookings"));
    const QSet<QString> names = column(db, QStringLiteral("SELECT display_name FROM members"));
    int writes = 0;
    QStringList missing;
    for (const QString &what : std::as_const(tally.acknowledged)) {
        const bool present =
            what.startsWith(QStringLiteral("soak-pay-")) || what.startsWith(QStringLiteral("soak-batch-"))
                ? memos.contains(what)
            : what.startsWith(QStringLiteral("soak-book-"))   ? titles.contains(what)
            : what.startsWith(QStringLiteral("soak-member-")) ? names.contains(what)
                                                              : true;
        if (!what.startsWith(QStringLiteral("backup-")) && !what.startsWith(QStringLiteral("check-")))
            ++writes;
        if (!present)
            missing << what;
    }
    for (const QString &name : std::as_const(windowWrites)) {
        ++writes;
        if (!names.contains(name))
            missing << name;
    }
    INFO("missing: " << missing.join(QStringLiteral(", ")).toStdString());
    CHECK(missing.isEmpty());
    // A killed batch is all there or not at all.
    for (const QString &tag : std::as_const(killedTags)) {
        int landed = 0;
        for (const QString &memo : memos)
            landed += memo.startsWith(tag);
        INFO(tag.toStdString() << " landed " << landed);
        CHECK((landed == 0 || landed == 200));
    }
    CHECK(backups.load() > 0);
    CHECK(checks.load() > 0);
    opened->reset();
    const CliRun finalCheck = hubctl(with({QStringLiteral("check")}));
    INFO(finalCheck.out.toStdString());
    CHECK(finalCheck.exitCode == 0);
    for (int i = 0; i < backups.load(); ++i)
        CHECK(hubctl({QStringLiteral("--db"), dir.filePath(QStringLiteral("backup-%1.sqlite").arg(i)),
                      QStringLiteral("check")})
                  .exitCode == 0);
    std::printf("SOAK: %d s, %d hubctl processes (%d runs recorded), %d acknowledged writes, %d worker hubs, "
                "%d backups, %d checks, %d batches killed, exit-5 count %d, failures %d\n",
                seconds, processes.load() + 1, tally.runs.load(), writes, workerHubs, backups.load(), checks.load(),
                killed.load(), tally.exit5.load(), int(tally.failures.size()));
}
