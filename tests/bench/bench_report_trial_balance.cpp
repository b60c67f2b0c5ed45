// SPDX-License-Identifier: GPL-3.0-or-later
// The trial balance (every account's balance at today's end, from the
// transfers) on a hub file (the `city` demo under `make bench`), against two
// anchors: `hledger -f FILE bal` on the same ledger exported as a journal by
// LedgerJournalWriter, timed as a process (target: ≤ 0.1× hledger's time),
// and the bare SQL aggregate through the sqlite3 C API.
// Read-only: the file is not changed; the journal goes to a temporary file.

#include "core/hub.h"
#include "core/reports/ledgerjournalwriter.h"
#include "core/reports/reportservice.h"
#include "core/settings/settingsservice.h"
#include "core/storage/query.h"
#include "tests/bench/benchsupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryFile>

#include <algorithm>
#include <cstdio>
#include <sqlite3.h>

using namespace hub;

using hub::bench::statusMb;

namespace {

constexpr double TargetShare = 0.1;
constexpr int Runs = 3;

// Counts rows and throws them away: the time is the report's, not a writer's.
class CountingSink final : public ReportSink
{
public:
    Status begin(const ReportHeading &) override { return {}; }
    Status beginTable(const ReportTableHeader &) override { return {}; }
    Status row(const QVariantList &) override
    {
        ++rows;
        return {};
    }
    Status endTable(const QVariantList &, const QStringList &n) override
    {
        notes = n;
        return {};
    }
    Status end() override { return {}; }
    qint64 rows = 0;
    QStringList notes;
};

double rawAggregateMs(const QByteArray &path, qint64 &accounts)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
        return -1;
    const char *sql = "SELECT acc, sum(x) FROM (SELECT payee_account AS acc, amount_minor AS x FROM transfers "
                      "UNION ALL SELECT payer_account, -amount_minor FROM transfers) GROUP BY acc";
    double best = -1;
    for (int run = 0; run < Runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        sqlite3_stmt *stmt = nullptr;
        sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
        accounts = 0;
        qint64 sum = 0;
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            ++accounts;
            sum += sqlite3_column_int64(stmt, 1);
        }
        sqlite3_finalize(stmt);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        best = best < 0 ? ms : std::min(best, ms);
        if (sum != 0)
            std::fprintf(stderr, "warning: balances sum to %lld, not zero\n", static_cast<long long>(sum));
    }
    sqlite3_close(db);
    return best;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s HUB.sqlite\n", argv[0]);
        return 1;
    }
    auto hub = Hub::open(QString::fromLocal8Bit(argv[1]));
    if (!hub) {
        std::fprintf(stderr, "%s\n", qPrintable(hub.error().text()));
        return 1;
    }
    auto settings = (*hub)->settings().load();
    if (!settings) {
        std::fprintf(stderr, "%s\n", qPrintable(settings.error().text()));
        return 1;
    }

    const double peakBefore = statusMb("VmHWM");
    double ours = -1;
    CountingSink sink;
    for (int run = 0; run < Runs; ++run) {
        sink = CountingSink();
        QElapsedTimer timer;
        timer.start();
        if (auto s = (*hub)->reports().run(QStringLiteral("trial-balance"), {}, sink); !s) {
            std::fprintf(stderr, "trial balance failed: %s\n", qPrintable(s.error().text()));
            return 1;
        }
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        ours = ours < 0 ? ms : std::min(ours, ms);
    }

    // The same at other dates: a month back (read back from today's stored
    // balances by the month's transfers) and at the ledger's middle.
    QDate middle;
    {
        Query mid((*hub)->database(), QStringLiteral("SELECT created_at FROM transfers ORDER BY id LIMIT 1 OFFSET "
                                                     "(SELECT count(*) / 2 FROM transfers)"));
        if (auto v = mid.scalar(); v && !v->isNull())
            middle = QDateTime::fromSecsSinceEpoch(v->toLongLong(), settings->zone()).date();
    }
    const auto atDate = [&](QDate date) {
        double best = -1;
        for (int run = 0; run < Runs; ++run) {
            CountingSink s;
            ReportRequest request;
            request.at = date;
            QElapsedTimer timer;
            timer.start();
            if (auto ok = (*hub)->reports().run(QStringLiteral("trial-balance"), request, s); !ok) {
                std::fprintf(stderr, "trial balance failed: %s\n", qPrintable(ok.error().text()));
                std::exit(1);
            }
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            best = best < 0 ? ms : std::min(best, ms);
        }
        return best;
    };
    const QDate monthAgo = QDate::currentDate().addMonths(-1);
    const double oursMonthAgo = atDate(monthAgo);
    const double oursMiddle = middle.isValid() ? atDate(middle) : -1;

    const double peakReport = statusMb("VmHWM");
    qint64 accounts = 0;
    const double raw = rawAggregateMs(QFile::encodeName(QString::fromLocal8Bit(argv[1])), accounts);

    QTemporaryFile journal(QStringLiteral("bench-XXXXXX.journal"));
    if (!journal.open()) {
        std::fprintf(stderr, "cannot make a temporary file: %s\n", qPrintable(journal.errorString()));
        return 1;
    }
    QElapsedTimer exportTimer;
    exportTimer.start();
    auto transfers = LedgerJournalWriter((*hub)->database(), *settings).write(journal, {}, {});
    journal.flush();
    const double exportMs = double(exportTimer.nsecsElapsed()) / 1e6;
    const double peakExport = statusMb("VmHWM");
    if (!transfers) {
        std::fprintf(stderr, "journal export failed: %s\n", qPrintable(transfers.error().text()));
        return 1;
    }

    QProcess hledger;
    hledger.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer hledgerTimer;
    hledgerTimer.start();
    hledger.start(QStringLiteral("/usr/bin/hledger"),
                  {QStringLiteral("-f"), journal.fileName(), QStringLiteral("bal")});
    if (!hledger.waitForStarted() || !hledger.waitForFinished(-1) || hledger.exitCode() != 0) {
        std::fprintf(stderr, "hledger failed: %s %s\n", qPrintable(hledger.errorString()),
                     hledger.readAllStandardError().constData());
        return 1;
    }
    const double hledgerMs = double(hledgerTimer.nsecsElapsed()) / 1e6;

    std::printf("trial balance, %lld transfers, %lld accounts (best of %d):\n", static_cast<long long>(*transfers),
                static_cast<long long>(sink.rows), Runs);
    std::printf("  ours (TrialBalanceReport)     %9.1f ms   %s\n", ours, qPrintable(sink.notes.value(0)));
    std::printf("  ours at %s (a month ago) %9.1f ms\n", qPrintable(monthAgo.toString(Qt::ISODate)), oursMonthAgo);
    std::printf("  ours at %s (mid-ledger)  %9.1f ms\n", qPrintable(middle.toString(Qt::ISODate)), oursMiddle);
    std::printf("  hledger -f journal bal        %9.1f ms   (journal of %.1f MB written in %.0f ms)\n", hledgerMs,
                double(journal.size()) / 1e6, exportMs);
    std::printf("  raw SQL aggregate (sqlite3)   %9.1f ms   (%lld accounts)\n", raw, static_cast<long long>(accounts));
    const double share = hledgerMs > 0 ? ours / hledgerMs : 0;
    std::printf("  ours / hledger = %.3f× (target ≤ %.1f×) %s;  ours / raw SQL = %.2f×\n", share, TargetShare,
                share <= TargetShare ? "met" : "MISSED", raw > 0 ? ours / raw : 0.0);
    const double worst = std::max({ours, oursMonthAgo, oursMiddle});
    std::printf("  slowest of the three dates / hledger = %.3f× (target ≤ %.1f× at any date) %s; / raw SQL = "
                "%.2f× (target < 1×) %s\n",
                hledgerMs > 0 ? worst / hledgerMs : 0.0, TargetShare,
                hledgerMs > 0 && worst / hledgerMs <= TargetShare ? "met" : "MISSED", raw > 0 ? worst / raw : 0.0,
                raw > 0 && worst < raw ? "met" : "MISSED");
    std::printf("  memory (this process's peak): %.1f MB before, %.1f MB after the trial balance, %.1f MB after "
                "the journal export\n",
                peakBefore, peakReport, peakExport);
    return 0;
}
