// SPDX-License-Identifier: GPL-3.0-or-later
// The hub server beside the hub file, in the same run (issue 18): the city
// demo is copied with HubCopier into a throwaway PostgreSQL cluster started
// with durable settings (fsync on, as the file syncs every commit), then the
// same service calls run on both: opening, member search per keystroke, the
// booking conflict check, the transfers view's first rows, the trial balance,
// single payments and one batch. Goals: search p99 < 16 ms, conflict check
// < 1 ms, trial balance and first rows within 2x of the file.

#include "core/hub.h"
#include "core/ledger/ledgerservice.h"
#include "core/members/memberservice.h"
#include "core/reports/reportservice.h"
#include "core/reports/reportsink.h"
#include "core/spaces/bookingservice.h"
#include "core/spaces/spaceservice.h"
#include "core/storage/database.h"
#include "core/storage/hubaddress.h"
#include "core/storage/hubcopier.h"
#include "core/storage/query.h"
#include "tests/bench/benchsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utility>
#include <vector>

using namespace hub;
using hub::bench::msSince;
using hub::bench::percentile;

namespace {

constexpr int SearchRounds = 10;
constexpr int ConflictRounds = 50;
constexpr int SingleCount = 200;
constexpr int BatchCount = 2000;
constexpr int PageSize = 200;

const std::vector<const char *> Typing = {"mar", "mari", "maria", "sia", "sian", "kow",  "kowa",
                                          "jo",  "joa",  "joao",  "cf1", "ade",  "adeb", "garden"};

class NullSink final : public ReportSink
{
public:
    Status begin(const ReportHeading &) override { return {}; }
    Status beginTable(const ReportTableHeader &) override { return {}; }
    Status row(const QVariantList &) override
    {
        ++rows;
        return {};
    }
    Status endTable(const QVariantList &, const QStringList &) override { return {}; }
    Status end() override { return {}; }
    qint64 rows = 0;
};

QString s_clusterDir; // stopped on every way out, a failure included

void stopCluster();

[[noreturn]] void die(const QString &what)
{
    std::fprintf(stderr, "%s\n", qPrintable(what));
    stopCluster();
    std::exit(1);
}

struct Figures
{
    double open = 0;
    double searchP50 = 0, searchP99 = 0;
    double conflictP50 = 0, conflictP99 = 0;
    double firstRowsFirst = 0, firstRowsBest = 0;
    qint64 firstRowsFaults = -1; // the server process's minor page faults in the first open
    double trialBalance = 0;
    double singlePerSecond = 0, batchPerSecond = 0;
};

struct Clash
{
    SpaceId space;
    qint64 start = 0;
    qint64 end = 0;
};

Clash clashIn(Hub &hub)
{
    Query busiest(hub.database(), QStringLiteral("SELECT space_id FROM bookings WHERE status <> 'cancelled' "
                                                 "GROUP BY space_id ORDER BY count(*) DESC LIMIT 1"));
    auto space = busiest.scalar();
    if (!space || space->isNull())
        die(QStringLiteral("the hub has no bookings; make it with hubctl demo --scale city"));
    Query middle(hub.database(),
                 QStringLiteral("SELECT start_utc, end_utc FROM bookings WHERE space_id = :s AND "
                                "status <> 'cancelled' ORDER BY start_utc LIMIT 1 OFFSET (SELECT count(*) / 2 FROM "
                                "bookings WHERE space_id = :s AND status <> 'cancelled')"));
    middle.bind(QStringLiteral(":s"), space->toLongLong());
    if (!middle.exec() || !middle.next())
        die(QStringLiteral("no booking to clash with"));
    Clash c{SpaceId(space->toLongLong()), middle.value(0).toLongLong(), middle.value(1).toLongLong()};
    middle.raw().finish();
    return c;
}

std::vector<std::pair<MemberId, MemberId>> pairsFrom(Hub &hub, int wanted)
{
    Query q(hub.database(), QStringLiteral("SELECT member_id FROM accounts WHERE status = 'open' AND role = 'member' "
                                           "AND balance_minor - limit_min_minor >= 1000 AND (limit_max_minor IS "
                                           "NULL OR limit_max_minor - balance_minor >= 1000) ORDER BY id LIMIT 2000"));
    std::vector<MemberId> members;
    if (q.exec())
        while (q.next())
            members.emplace_back(q.value(0).toLongLong());
    std::vector<std::pair<MemberId, MemberId>> pairs;
    if (members.size() < 2)
        die(QStringLiteral("not enough accounts with room to trade"));
    // Each pays and receives in turn, so no balance drifts towards a limit.
    for (int i = 0; i < wanted; ++i) {
        const MemberId a = members[size_t(i) % members.size()];
        const MemberId b = members[size_t(i + 1) % members.size()];
        pairs.emplace_back(i % 2 == 0 ? a : b, i % 2 == 0 ? b : a);
    }
    return pairs;
}

TransferDraft draftOf(const std::pair<MemberId, MemberId> &p, int i)
{
    TransferDraft d;
    d.payer = p.first;
    d.payee = p.second;
    d.amount = Amount::fromMinor(25);
    d.memo = QStringLiteral("bench: help with the community lunch, round %1").arg(i);
    return d;
}

/// Minor page faults of a local process so far (/proc), or -1.
qint64 minorFaults(qint64 pid)
{
    if (pid <= 0)
        return -1;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    // The fields after the command name, which is in parentheses.
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 7 ? fields.at(7).toLongLong() : -1;
}

/// What a first touch of shared memory costs a forked process on this
/// machine, in microseconds per page: the same kind of fault a new server
/// connection takes for each buffer it reads first.
double faultCost()
{
    constexpr size_t Pages = 4096;
    const size_t size = Pages * 4096;
    void *shared = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (shared == MAP_FAILED)
        return 0;
    std::memset(shared, 1, size);
    int pipe[2];
    if (::pipe(pipe) != 0)
        return 0;
    const pid_t child = fork();
    if (child == 0) {
        QElapsedTimer t;
        t.start();
        volatile char sum = 0;
        for (size_t i = 0; i < size; i += 4096)
            sum = char(sum + static_cast<char *>(shared)[i]);
        const double us = double(t.nsecsElapsed()) / 1000.0 / Pages;
        (void)!write(pipe[1], &us, sizeof us);
        _exit(0);
    }
    double us = 0;
    (void)!read(pipe[0], &us, sizeof us);
    waitpid(child, nullptr, 0);
    ::close(pipe[0]);
    ::close(pipe[1]);
    munmap(shared, size);
    return us;
}

Figures measure(Hub &hub, const Clash &clash, const std::vector<std::pair<MemberId, MemberId>> &pairs)
{
    Figures f;
    QElapsedTimer t;

    // The transfers view first: its first open is what a person waits for.
    // On the server, the first rows a new connection reads each cost its
    // process a page fault (its shared buffers are mapped on first touch),
    // counted here to tell that cost apart from the query's.
    qint64 backend = 0;
    if (hub.database().backend() == Backend::PostgreSQL) {
        Query pid(hub.database(), QStringLiteral("SELECT pg_backend_pid()"));
        backend = pid.scalar().value_or(QVariant()).toLongLong();
    }
    const qint64 faultsBefore = minorFaults(backend);
    t.start();
    if (!hub.ledger().transfers({}, PageSize, true))
        die(QStringLiteral("transfers view failed"));
    f.firstRowsFirst = msSince(t);
    if (faultsBefore >= 0 && minorFaults(backend) >= 0)
        f.firstRowsFaults = minorFaults(backend) - faultsBefore;
    f.firstRowsBest = 1e9;
    for (int i = 0; i < 5; ++i) {
        t.start();
        (void)hub.ledger().transfers({}, PageSize, true);
        f.firstRowsBest = std::min(f.firstRowsBest, msSince(t));
    }

    std::vector<double> search;
    for (int round = 0; round < SearchRounds + 1; ++round) {
        for (const char *key : Typing) {
            MemberFilter filter;
            filter.search = QString::fromUtf8(key);
            t.start();
            const auto counted = hub.members().count(filter);
            const auto page = hub.members().list(filter, PageSize, MemberSort::Name, false);
            if (!counted || !page)
                die(QStringLiteral("search: ") + (!counted ? counted.error().text() : page.error().text()));
            if (round > 0) // the first round warms the caches
                search.push_back(msSince(t));
        }
    }
    f.searchP50 = percentile(search, 0.5);
    f.searchP99 = percentile(search, 0.99);

    BookingDraft d;
    d.space = clash.space;
    d.title = QStringLiteral("Benchmark");
    d.start = QDateTime::fromSecsSinceEpoch(clash.start, QTimeZone::utc());
    d.end = QDateTime::fromSecsSinceEpoch(clash.end, QTimeZone::utc());
    d.outsideHoursOverride = QStringLiteral("benchmark");
    std::vector<double> conflict;
    for (int i = 0; i < ConflictRounds + 1; ++i) {
        t.start();
        auto r = hub.bookings().book(d);
        if (r || r.error().kind != ErrorKind::Refused)
            die(QStringLiteral("expected a clash, got ") + (r ? QStringLiteral("a booking") : r.error().text()));
        if (i > 0)
            conflict.push_back(msSince(t));
    }
    f.conflictP50 = percentile(conflict, 0.5);
    f.conflictP99 = percentile(conflict, 0.99);

    f.trialBalance = 1e9;
    for (int i = 0; i < 3; ++i) {
        NullSink sink;
        t.start();
        if (auto ok = hub.reports().run(QStringLiteral("trial-balance"), {}, sink); !ok)
            die(QStringLiteral("trial balance: ") + ok.error().text());
        f.trialBalance = std::min(f.trialBalance, msSince(t));
    }

    t.start();
    for (int i = 0; i < SingleCount; ++i) {
        if (auto posted = hub.ledger().pay(draftOf(pairs[size_t(i)], i)); !posted)
            die(QStringLiteral("pay: ") + posted.error().text());
    }
    f.singlePerSecond = SingleCount / (msSince(t) / 1000);
    QList<TransferDraft> drafts;
    for (int i = 0; i < BatchCount; ++i)
        drafts << draftOf(pairs[size_t(SingleCount + i)], i);
    t.start();
    auto outcomes = hub.ledger().payAll(drafts);
    if (!outcomes)
        die(QStringLiteral("batch: ") + outcomes.error().text());
    for (const auto &o : std::as_const(*outcomes))
        if (o.error)
            die(QStringLiteral("batch row: ") + o.error->text());
    f.batchPerSecond = BatchCount / (msSince(t) / 1000);
    return f;
}

void line(const char *what, double file, double server, const char *unit, const char *goal)
{
    std::printf("%-44s %10.2f %10.2f %-5s %7.2fx   %s\n", what, file, server, unit, file > 0 ? server / file : 0.0,
                goal);
}

QString runCluster(const QString &command, const QString &dir)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGCLUSTER_DURABLE"), QStringLiteral("1"));
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(QStringLiteral(HUB_SOURCE_DIR "/tests/pg/pgcluster.sh"), {command, dir});
    if (!p.waitForFinished(120000) || p.exitCode() != 0)
        die(QStringLiteral("pgcluster.sh %1 failed").arg(command));
    QFile url(dir + QStringLiteral("/url"));
    return url.open(QIODevice::ReadOnly) ? QString::fromUtf8(url.readAll()).trimmed() : QString();
}

void stopCluster()
{
    if (s_clusterDir.isEmpty())
        return;
    const QString dir = std::exchange(s_clusterDir, QString());
    QProcess p;
    p.start(QStringLiteral(HUB_SOURCE_DIR "/tests/pg/pgcluster.sh"), {QStringLiteral("stop"), dir});
    p.waitForFinished(120000);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s HUB.sqlite\n", argv[0]);
        return 1;
    }
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("hub.sqlite"));
    if (!dir.isValid() || !QFile::copy(QString::fromLocal8Bit(argv[1]), file))
        die(QStringLiteral("cannot copy %1").arg(QString::fromLocal8Bit(argv[1])));
    s_clusterDir = dir.filePath(QStringLiteral("cluster"));
    const QString adminUrl = runCluster(QStringLiteral("start"), s_clusterDir);

    auto admin = HubAddress::parse(adminUrl);
    if (!admin)
        die(admin.error().text());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("bench-admin"));
        db.setHostName(admin->host());
        db.setPort(admin->port());
        db.setUserName(admin->user());
        db.setDatabaseName(admin->databaseName());
        if (!db.open())
            die(db.lastError().text());
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("CREATE DATABASE city")))
            die(q.lastError().text());
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench-admin"));
    auto serverAddress = HubAddress::parse(adminUrl.left(adminUrl.lastIndexOf(u'/')) + QStringLiteral("/city"));
    if (!serverAddress)
        die(serverAddress.error().text());

    QElapsedTimer t;
    t.start();
    auto fileHub = Hub::open(file);
    const double fileOpen = msSince(t);
    if (!fileHub)
        die(fileHub.error().text());
    // Found before the copy, so a file without them fails at once.
    const Clash clash = clashIn(**fileHub);
    const auto pairs = pairsFrom(**fileHub, SingleCount + BatchCount);
    t.start();
    auto copied = HubCopier::copy((*fileHub)->database(), *serverAddress);
    if (!copied)
        die(QStringLiteral("copy: ") + copied.error().text());
    const double copySeconds = msSince(t) / 1000;
    std::printf("hub: %s, %lld rows; copied to the server and verified in %.1f s (%.0f rows/s)\n\n", argv[1],
                static_cast<long long>(copied->totalRows()), copySeconds, double(copied->totalRows()) / copySeconds);

    t.start();
    auto serverHub = Hub::open(*serverAddress);
    const double serverOpen = msSince(t);
    if (!serverHub)
        die(serverHub.error().text());

    Figures onFile = measure(**fileHub, clash, pairs);
    onFile.open = fileOpen;
    Figures onServer = measure(**serverHub, clash, pairs);
    onServer.open = serverOpen;

    std::printf("%-44s %10s %10s %-5s %8s   %s\n", "", "file", "server", "", "server/file", "goal");
    line("Hub::open", onFile.open, onServer.open, "ms", "");
    line("member search per keystroke, p50", onFile.searchP50, onServer.searchP50, "ms", "");
    line("member search per keystroke, p99", onFile.searchP99, onServer.searchP99, "ms",
         onServer.searchP99 < 16 ? "< 16 ms: met" : "< 16 ms: MISSED");
    line("conflict check (refused book()), p50", onFile.conflictP50, onServer.conflictP50, "ms",
         onServer.conflictP50 < 1 ? "< 1 ms: met" : "< 1 ms: MISSED");
    line("conflict check (refused book()), p99", onFile.conflictP99, onServer.conflictP99, "ms", "");
    line("transfers view, first 200 rows, first open", onFile.firstRowsFirst, onServer.firstRowsFirst, "ms",
         onServer.firstRowsFirst <= 2 * onFile.firstRowsFirst ? "<= 2x: met" : "<= 2x: MISSED");
    line("transfers view, first 200 rows, best of 5", onFile.firstRowsBest, onServer.firstRowsBest, "ms", "");
    if (onServer.firstRowsFaults >= 0) {
        const double us = faultCost();
        std::printf("  of the server's first open: %lld page faults of its new process, at %.1f us each here "
                    "(about %.1f ms)\n",
                    static_cast<long long>(onServer.firstRowsFaults), us, double(onServer.firstRowsFaults) * us / 1000);
    }
    line("trial balance, best of 3", onFile.trialBalance, onServer.trialBalance, "ms",
         onServer.trialBalance <= 2 * onFile.trialBalance ? "<= 2x: met" : "<= 2x: MISSED");
    line("single payments (own transaction each)", onFile.singlePerSecond, onServer.singlePerSecond, "/s", "");
    line("one batch of 2,000 payments (payAll)", onFile.batchPerSecond, onServer.batchPerSecond, "/s", "");
    serverHub->reset();
    stopCluster();
    return 0;
}
