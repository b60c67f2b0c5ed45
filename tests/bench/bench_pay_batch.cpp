// SPDX-License-Identifier: GPL-3.0-or-later
// `hubctl pay --batch` as a treasurer runs it: a CSV of 50,000 payments
// between 200 members, posted into a copy of the hub file (the `city` demo
// under `make bench`) by the hubctl process, timed from its start to its
// exit, with its peak memory. Two anchors in the same run, through the
// sqlite3 C API in one transaction with the pragmas the hub uses (WAL,
// synchronous=FULL): the rows into a new table with two indexes (the issue's
// anchor: goal, at least half its throughput), and the same rows into the
// hub's own transfers table with its full-sized indexes. Each run has a
// fresh copy; runs alternate; each side's best of two.

#include "core/hub.h"
#include "core/storage/query.h"
#include "tests/bench/benchsupport.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QTemporaryDir>

#include <cstdio>
#include <sqlite3.h>
#include <vector>

using namespace hub;

namespace {

constexpr int Rows = 50'000;
constexpr int Members = 200;
constexpr double GoalShare = 0.5;

const char *const Pragmas[] = {
    "PRAGMA journal_mode = WAL",  "PRAGMA foreign_keys = ON",  "PRAGMA busy_timeout = 5000",
    "PRAGMA synchronous = FULL",  "PRAGMA secure_delete = ON", "PRAGMA cache_size = -32768",
    "PRAGMA temp_store = MEMORY",
};

[[noreturn]] void die(const QString &why)
{
    std::fprintf(stderr, "%s\n", qPrintable(why));
    std::exit(1);
}

struct Row
{
    qint64 payer;
    qint64 payee;
    QByteArray memo;
};

// Members whose accounts have room to pay and receive many quarter hours.
std::vector<qint64> membersWithRoom(const QString &path)
{
    auto opened = Hub::open(path, OpenMode::ExistingOnly);
    if (!opened)
        die(opened.error().text());
    Query q((*opened)->database(),
            QStringLiteral("SELECT member_id FROM accounts WHERE status = 'open' AND role = 'member' AND "
                           "balance_minor - limit_min_minor >= 1000 AND (limit_max_minor IS NULL OR "
                           "limit_max_minor - balance_minor >= 1000) ORDER BY id LIMIT :n"));
    q.bind(QStringLiteral(":n"), Members);
    std::vector<qint64> out;
    if (q.exec())
        while (q.next())
            out.push_back(q.value(0).toLongLong());
    if (out.size() < 2)
        die(QStringLiteral("the hub has too few accounts with room"));
    return out;
}

// Each member pays the next one and is paid by the one before, so no
// balance moves by more than a few quarter hours.
std::vector<Row> rowsFor(const std::vector<qint64> &members)
{
    std::vector<Row> rows;
    rows.reserve(Rows);
    for (int i = 0; i < Rows; ++i) {
        const size_t a = size_t(i) % members.size();
        const size_t b = (a + 1 + size_t(i / int(members.size())) % (members.size() - 1)) % members.size();
        rows.push_back({members[a], members[b], QByteArray("Work party, row ") + QByteArray::number(i + 1)});
    }
    return rows;
}

// The copy, opened through the C API with the pragmas the hub uses.
sqlite3 *openWithOurPragmas(const QString &path)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
        die(QStringLiteral("sqlite3 cannot open the copy"));
    for (const char *pragma : Pragmas)
        sqlite3_exec(db, pragma, nullptr, nullptr, nullptr);
    return db;
}

// The anchor: the same rows inserted into a new table with two
// indexes, the bare cost of writing them.
double rawInsertNewTable(const QString &path, const std::vector<Row> &rows)
{
    sqlite3 *db = openWithOurPragmas(path);
    sqlite3_exec(db,
                 "DROP TABLE IF EXISTS bench_payments; CREATE TABLE bench_payments(id INTEGER PRIMARY KEY, "
                 "payer INTEGER NOT NULL, payee INTEGER NOT NULL, amount INTEGER NOT NULL, memo TEXT NOT NULL, "
                 "created_at INTEGER NOT NULL); CREATE INDEX bench_payments_payer ON bench_payments(payer, "
                 "created_at); CREATE INDEX bench_payments_payee ON bench_payments(payee, created_at)",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt *insert = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO bench_payments(payer, payee, amount, memo, created_at) VALUES (?, ?, ?, ?, ?)",
                       -1, &insert, nullptr);
    QElapsedTimer t;
    t.start();
    sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (const Row &r : rows) {
        sqlite3_bind_int64(insert, 1, r.payer);
        sqlite3_bind_int64(insert, 2, r.payee);
        sqlite3_bind_int64(insert, 3, 25);
        sqlite3_bind_text(insert, 4, r.memo.constData(), int(r.memo.size()), SQLITE_STATIC);
        sqlite3_bind_int64(insert, 5, now);
        if (sqlite3_step(insert) != SQLITE_DONE)
            die(QStringLiteral("raw insert: ") + QString::fromUtf8(sqlite3_errmsg(db)));
        sqlite3_reset(insert);
    }
    if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
        die(QStringLiteral("raw commit failed"));
    const double ms = double(t.nsecsElapsed()) / 1e6;
    sqlite3_finalize(insert);
    sqlite3_close(db);
    return ms;
}

// The anchor: the same rows, with their account ids, a 64-digit hash each
// and the chain's next ids, inserted into the same transfers table (its
// full-sized indexes and triggers) of an identical copy of the hub.
double rawInsert(const QString &path, const std::vector<Row> &rows)
{
    sqlite3 *db = openWithOurPragmas(path);
    QHash<qint64, qint64> accountOf;
    sqlite3_stmt *accounts = nullptr;
    sqlite3_prepare_v2(db, "SELECT member_id, id FROM accounts", -1, &accounts, nullptr);
    while (sqlite3_step(accounts) == SQLITE_ROW)
        accountOf.insert(sqlite3_column_int64(accounts, 0), sqlite3_column_int64(accounts, 1));
    sqlite3_finalize(accounts);
    sqlite3_stmt *maxId = nullptr;
    sqlite3_prepare_v2(db, "SELECT max(id) FROM transfers", -1, &maxId, nullptr);
    qint64 id = sqlite3_step(maxId) == SQLITE_ROW ? sqlite3_column_int64(maxId, 0) : 0;
    sqlite3_finalize(maxId);
    std::vector<QByteArray> hashes;
    hashes.reserve(rows.size() + 1);
    hashes.push_back(QByteArray(64, '0'));
    for (size_t i = 0; i < rows.size(); ++i)
        hashes.push_back(QCryptographicHash::hash(rows[i].memo, QCryptographicHash::Sha256).toHex());

    sqlite3_stmt *insert = nullptr;
    sqlite3_prepare_v2(db,
                       "INSERT INTO transfers(id, payer_account, payee_account, amount_minor, memo, category_id, "
                       "reference, reverses_id, override_note, entered_by, created_at, prev_hash, hash) VALUES "
                       "(?, ?, ?, ?, ?, NULL, '', NULL, '', 'bench', ?, ?, ?)",
                       -1, &insert, nullptr);
    QElapsedTimer t;
    t.start();
    sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (size_t i = 0; i < rows.size(); ++i) {
        const Row &r = rows[i];
        sqlite3_bind_int64(insert, 1, ++id);
        sqlite3_bind_int64(insert, 2, accountOf.value(r.payer));
        sqlite3_bind_int64(insert, 3, accountOf.value(r.payee));
        sqlite3_bind_int64(insert, 4, 25);
        sqlite3_bind_text(insert, 5, r.memo.constData(), int(r.memo.size()), SQLITE_STATIC);
        sqlite3_bind_int64(insert, 6, now);
        sqlite3_bind_text(insert, 7, hashes[i].constData(), 64, SQLITE_STATIC);
        sqlite3_bind_text(insert, 8, hashes[i + 1].constData(), 64, SQLITE_STATIC);
        if (sqlite3_step(insert) != SQLITE_DONE)
            die(QStringLiteral("raw insert: ") + QString::fromUtf8(sqlite3_errmsg(db)));
        sqlite3_reset(insert);
    }
    if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
        die(QStringLiteral("raw commit failed"));
    const double ms = double(t.nsecsElapsed()) / 1e6;
    sqlite3_finalize(insert);
    sqlite3_close(db);
    return ms;
}

// hubctl as its own process, timed from start to exit, with its peak memory.
hub::bench::ProcessRun hubctlBatch(const QString &path, const QString &csv)
{
    const auto run = hub::bench::runProcess(
        QByteArrayLiteral(HUBCTL_PATH), {"--db", QFile::encodeName(path), "pay", "--batch", QFile::encodeName(csv)});
    if (run.exitCode != 0)
        die(QStringLiteral("hubctl pay --batch failed (exit %1)").arg(run.exitCode));
    return run;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2)
        die(QStringLiteral("usage: bench_pay_batch HUB.sqlite"));
    QTemporaryDir dir;
    const QString source = QString::fromLocal8Bit(argv[1]);
    const auto freshCopy = [&](const QString &name) {
        const QString copy = dir.filePath(name);
        for (const QString &old : {copy, copy + QStringLiteral("-wal"), copy + QStringLiteral("-shm")})
            QFile::remove(old);
        if (!QFile::copy(source, copy))
            die(QStringLiteral("cannot copy the hub file"));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        return copy;
    };

    const std::vector<Row> rows = rowsFor(membersWithRoom(freshCopy(QStringLiteral("hub.sqlite"))));
    const QString csv = dir.filePath(QStringLiteral("payments.csv"));
    {
        QFile out(csv);
        if (!out.open(QIODevice::WriteOnly))
            die(QStringLiteral("cannot write the CSV"));
        out.write("payer,payee,amount,memo\n");
        for (const Row &r : rows)
            out.write(QByteArray::number(r.payer) + ',' + QByteArray::number(r.payee) + ",0.25," + r.memo + '\n');
    }

    double raw = 1e12;
    double bare = 1e12;
    hub::bench::ProcessRun batch{1e12, 0, 0};
    for (int round = 0; round < 2; ++round) {
        bare = std::min(bare, rawInsertNewTable(freshCopy(QStringLiteral("bare.sqlite")), rows));
        raw = std::min(raw, rawInsert(freshCopy(QStringLiteral("raw.sqlite")), rows));
        const auto r = hubctlBatch(freshCopy(QStringLiteral("hub.sqlite")), csv);
        if (r.ms < batch.ms)
            batch.ms = r.ms;
        batch.peakMb = std::max(batch.peakMb, r.peakMb);
    }
    std::printf("pay --batch of %d rows between %d members, best of 2\n", Rows, Members);
    std::printf("%-48s %8.0f ms %8.0f rows/s  peak %.0f MB\n", "hubctl pay --batch (the process, start to exit)",
                batch.ms, Rows / batch.ms * 1000, batch.peakMb);
    std::printf("%-48s %8.0f ms %8.0f rows/s  %.2fx   goal >= %.1fx: %s\n",
                "sqlite3: the rows into a new table, two indexes", bare, Rows / bare * 1000, bare / batch.ms, GoalShare,
                bare / batch.ms >= GoalShare ? "met" : "MISSED");
    std::printf("%-48s %8.0f ms %8.0f rows/s  %.2fx\n", "sqlite3: the same rows into the hub's transfers", raw,
                Rows / raw * 1000, raw / batch.ms);
    return 0;
}
