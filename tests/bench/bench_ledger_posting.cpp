// SPDX-License-Identifier: GPL-3.0-or-later
// Posting throughput on a copy of a hub file (the `city` demo under `make bench`,
// 1,000,000 transfers, so the transfers' indexes are full-sized):
//   (a) 2,000 single transfers, each in its own transaction, via LedgerService::pay;
//   (b) a 10,000-transfer batch through LedgerService::payAll (one transaction);
// each against raw INSERTs of rows of the same shape into the same transfers
// table through the sqlite3 C API, with the pragmas the hub uses, in the same run.
// Target: the batch at least 0.5x raw.

#include "core/hub.h"
#include "core/ledger/ledgerservice.h"
#include "core/storage/database.h"
#include "core/storage/query.h"
#include "core/storage/transaction.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>
#include <sqlite3.h>
#include <vector>

using namespace hub;

namespace {

constexpr int SingleCount = 2'000;
constexpr int BatchCount = 10'000;
constexpr qint64 Amount25 = 25; // a quarter of an hour, with 2 decimals

// The hub's own pragmas (Database::open); the raw side sets the same ones.
const char *const Pragmas[] = {
    "PRAGMA journal_mode = WAL",  "PRAGMA foreign_keys = ON",  "PRAGMA busy_timeout = 5000",
    "PRAGMA synchronous = FULL",  "PRAGMA secure_delete = ON", "PRAGMA cache_size = -32768",
    "PRAGMA temp_store = MEMORY",
};

struct Pair
{
    MemberId payer;
    MemberId payee;
    qint64 payerAccount;
    qint64 payeeAccount;
};

/// One raw row, made before the clock starts so the raw side times SQLite only.
struct RawRow
{
    qint64 payer;
    qint64 payee;
    QByteArray memo;
    QByteArray prev;
    QByteArray hash;
};

class RawInserter
{
public:
    explicit RawInserter(const QByteArray &path)
    {
        if (sqlite3_open_v2(path.constData(), &m_db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
            return;
        for (const char *pragma : Pragmas)
            if (sqlite3_exec(m_db, pragma, nullptr, nullptr, nullptr) != SQLITE_OK)
                return;
        // The same columns the service writes, all bound.
        sqlite3_prepare_v2(m_db,
                           "INSERT INTO transfers(id, payer_account, payee_account, amount_minor, "
                           "memo, category_id, "
                           "reference, reverses_id, override_note, entered_by, created_at, "
                           "prev_hash, hash) VALUES "
                           "(?, ?, ?, ?, ?, ?, '', NULL, '', 'bench', ?, ?, ?)",
                           -1, &m_insert, nullptr);
        sqlite3_prepare_v2(m_db, "SELECT max(id) FROM transfers", -1, &m_maxId, nullptr);
    }
    ~RawInserter()
    {
        sqlite3_finalize(m_insert);
        sqlite3_finalize(m_maxId);
        sqlite3_close(m_db);
    }
    bool ok() const { return m_insert && m_maxId; }
    const char *error() const { return m_db ? sqlite3_errmsg(m_db) : "cannot open"; }

    bool exec(const char *sql) { return sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) == SQLITE_OK; }

    qint64 maxId()
    {
        qint64 id = 0;
        if (sqlite3_step(m_maxId) == SQLITE_ROW)
            id = sqlite3_column_int64(m_maxId, 0);
        sqlite3_reset(m_maxId);
        return id;
    }

    bool insert(qint64 id, const RawRow &row, qint64 category, qint64 at)
    {
        sqlite3_bind_int64(m_insert, 1, id);
        sqlite3_bind_int64(m_insert, 2, row.payer);
        sqlite3_bind_int64(m_insert, 3, row.payee);
        sqlite3_bind_int64(m_insert, 4, Amount25);
        sqlite3_bind_text(m_insert, 5, row.memo.constData(), int(row.memo.size()), SQLITE_STATIC);
        sqlite3_bind_int64(m_insert, 6, category);
        sqlite3_bind_int64(m_insert, 7, at);
        sqlite3_bind_text(m_insert, 8, row.prev.constData(), int(row.prev.size()), SQLITE_STATIC);
        sqlite3_bind_text(m_insert, 9, row.hash.constData(), int(row.hash.size()), SQLITE_STATIC);
        const bool done = sqlite3_step(m_insert) == SQLITE_DONE;
        sqlite3_reset(m_insert);
        return done;
    }

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_insert = nullptr;
    sqlite3_stmt *m_maxId = nullptr;
};

/// Accounts with room to pay and receive a few quarter hours each, paired up.
std::vector<Pair> pairsFrom(Hub &hub, int wanted)
{
    Query q(hub.database(), QStringLiteral("SELECT id, member_id FROM accounts WHERE status = 'open' AND role = "
                                           "'member' AND balance_minor - limit_min_minor >= 1000 AND "
                                           "(limit_max_minor IS NULL OR limit_max_minor - balance_minor >= 1000) "
                                           "ORDER BY id LIMIT 2000"));
    std::vector<std::pair<qint64, qint64>> accounts;
    if (q.exec())
        while (q.next())
            accounts.emplace_back(q.value(0).toLongLong(), q.value(1).toLongLong());
    std::vector<Pair> pairs;
    if (accounts.size() < 2)
        return pairs;
    // Each account pays and receives in turn, so no balance drifts towards a limit.
    for (int i = 0; i < wanted; ++i) {
        const auto &a = accounts[size_t(i) % accounts.size()];
        const auto &b = accounts[size_t(i + 1) % accounts.size()];
        if (i % 2 == 0)
            pairs.push_back({MemberId(a.second), MemberId(b.second), a.first, b.first});
        else
            pairs.push_back({MemberId(b.second), MemberId(a.second), b.first, a.first});
    }
    return pairs;
}

QString memoOf(int i)
{
    return QStringLiteral("bench: 15 min help with the community lunch, round %1").arg(i);
}

std::vector<RawRow> rawRows(const std::vector<Pair> &pairs, int offset, int count)
{
    std::vector<RawRow> rows;
    rows.reserve(size_t(count));
    QByteArray prev = QCryptographicHash::hash("raw-bench-genesis", QCryptographicHash::Sha256).toHex();
    for (int i = 0; i < count; ++i) {
        const Pair &p = pairs[size_t(offset + i)];
        RawRow r{p.payerAccount, p.payeeAccount, memoOf(i).toUtf8(), prev, {}};
        r.hash =
            QCryptographicHash::hash("raw-bench-" + QByteArray::number(offset + i) + r.prev, QCryptographicHash::Sha256)
                .toHex();
        prev = r.hash;
        rows.push_back(std::move(r));
    }
    return rows;
}

TransferDraft draftOf(const Pair &p, int i)
{
    TransferDraft d;
    d.payer = p.payer;
    d.payee = p.payee;
    d.amount = Amount::fromMinor(Amount25);
    d.memo = memoOf(i);
    d.category = QStringLiteral("events");
    return d;
}

struct Figures
{
    double ours = 0; // transfers per second
    double raw = 0;
};

void report(const char *what, const Figures &f, const char *target)
{
    std::printf("%-44s %10.0f /s %10.0f /s %8.2fx   %s\n", what, f.ours, f.raw, f.raw > 0 ? f.ours / f.raw : 0.0,
                target);
}

bool copyHub(const QString &from, const QString &to)
{
    if (!QFile::copy(from, to))
        return false;
    // A file left with a write-ahead log needs it too, or the copy misses rows.
    if (QFile::exists(from + QStringLiteral("-wal")) &&
        !QFile::copy(from + QStringLiteral("-wal"), to + QStringLiteral("-wal")))
        return false;
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s HUB.sqlite\n", argv[0]);
        return 1;
    }
    // Work on a copy: the benchmark posts, and the city file is shared by every benchmark.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("hub.sqlite"));
    QElapsedTimer timer;
    timer.start();
    if (!dir.isValid() || !copyHub(QString::fromLocal8Bit(argv[1]), path)) {
        std::fprintf(stderr, "cannot copy %s to %s\n", argv[1], qPrintable(path));
        return 1;
    }
    const double copySeconds = double(timer.nsecsElapsed()) / 1e9;
    auto opened = Hub::open(path);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().text()));
        return 1;
    }
    Hub &hub = **opened;
    LedgerService &ledger = hub.ledger();
    const auto before = ledger.transferCount();
    const int total = 2 * (SingleCount + BatchCount);
    const std::vector<Pair> pairs = pairsFrom(hub, total);
    if (int(pairs.size()) < total) {
        std::fprintf(stderr, "not enough accounts with room to trade in %s\n", argv[1]);
        return 1;
    }
    Query cat(hub.database(),
              QStringLiteral("INSERT INTO transfer_categories(name) VALUES ('events') ON CONFLICT(name) "
                             "DO UPDATE SET name = name RETURNING id"));
    const auto category = cat.scalar();
    if (!category) {
        std::fprintf(stderr, "%s\n", qPrintable(category.error().text()));
        return 1;
    }
    RawInserter raw(QFile::encodeName(path));
    if (!raw.ok()) {
        std::fprintf(stderr, "sqlite3: %s\n", raw.error());
        return 1;
    }
    std::printf("hub: copy of %s (%d transfers; copied in %.1f s)\n", argv[1], before ? *before : -1, copySeconds);

    int offset = 0;
    const qint64 at = QDateTime::currentSecsSinceEpoch();

    // (a) Single transfers, each its own BEGIN IMMEDIATE ... COMMIT (an fsync each).
    Figures single;
    timer.start();
    for (int i = 0; i < SingleCount; ++i) {
        auto posted = ledger.pay(draftOf(pairs[size_t(offset + i)], i));
        if (!posted) {
            std::fprintf(stderr, "pay %d: %s\n", i, qPrintable(posted.error().text()));
            return 1;
        }
    }
    single.ours = SingleCount / (double(timer.nsecsElapsed()) / 1e9);
    offset += SingleCount;
    {
        const auto rows = rawRows(pairs, offset, SingleCount);
        qint64 id = raw.maxId();
        timer.start();
        for (const RawRow &row : rows) {
            if (!raw.exec("BEGIN IMMEDIATE") || !raw.insert(++id, row, category->toLongLong(), at) ||
                !raw.exec("COMMIT")) {
                std::fprintf(stderr, "raw single: %s\n", raw.error());
                return 1;
            }
        }
        single.raw = SingleCount / (double(timer.nsecsElapsed()) / 1e9);
        offset += SingleCount;
    }

    // (b) One batch through LedgerService::payAll, the path `hubctl pay --batch`
    // and levies take: one transaction, the same rules per row.
    Figures batch;
    {
        QList<TransferDraft> drafts;
        for (int i = 0; i < BatchCount; ++i)
            drafts << draftOf(pairs[size_t(offset + i)], i);
        timer.start();
        auto outcomes = ledger.payAll(drafts);
        if (!outcomes) {
            std::fprintf(stderr, "%s\n", qPrintable(outcomes.error().text()));
            return 1;
        }
        for (qsizetype i = 0; i < outcomes->size(); ++i)
            if (outcomes->at(i).error) {
                std::fprintf(stderr, "batch row %d: %s\n", int(i), qPrintable(outcomes->at(i).error->text()));
                return 1;
            }
    }
    batch.ours = BatchCount / (double(timer.nsecsElapsed()) / 1e9);
    offset += BatchCount;
    {
        const auto rows = rawRows(pairs, offset, BatchCount);
        qint64 id = raw.maxId();
        timer.start();
        if (!raw.exec("BEGIN IMMEDIATE")) {
            std::fprintf(stderr, "raw batch: %s\n", raw.error());
            return 1;
        }
        for (const RawRow &row : rows)
            if (!raw.insert(++id, row, category->toLongLong(), at)) {
                std::fprintf(stderr, "raw batch: %s\n", raw.error());
                return 1;
            }
        if (!raw.exec("COMMIT")) {
            std::fprintf(stderr, "raw batch: %s\n", raw.error());
            return 1;
        }
        batch.raw = BatchCount / (double(timer.nsecsElapsed()) / 1e9);
    }

    std::printf("\n%-44s %13s %13s %9s   %s\n", "", "LedgerService", "raw sqlite3", "ratio", "target");
    report("(a) 2,000 single transfers, one tx each", single, "(none; fsync-bound)");
    report("(b) 10,000 transfers in one transaction", batch,
           batch.ours >= 0.5 * batch.raw ? ">= 0.5x raw: met" : ">= 0.5x raw: MISSED");
    std::printf("(raw = INSERT of the same 13 columns into the same transfers table and indexes; "
                "LedgerService also "
                "re-reads both accounts, checks limits, hashes the row and updates both balances)\n");

    const auto after = ledger.transferCount();
    std::printf("transfers after: %d (+%d)\n", after ? *after : -1, after && before ? *after - *before : -1);
    return 0;
}
