// SPDX-License-Identifier: GPL-3.0-or-later
// `hubctl check` as an admin runs it, on the hub file given (the `city` demo
// under `make bench`): the process timed from start to exit with its peak
// memory, beside SQLite's own check of the same file through the sqlite3 C
// API with the pragmas the hub uses, in the same run: `check` against
// PRAGMA integrity_check (goal: at most 3x, memory under 100 MB), and
// `check --quick` against PRAGMA quick_check. Read-only: a copy is checked.

#include "tests/bench/benchsupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>
#include <sqlite3.h>

namespace {

constexpr double GoalRatio = 3.0;
constexpr double GoalMb = 100.0;

[[noreturn]] void die(const char *why)
{
    std::fprintf(stderr, "%s\n", why);
    std::exit(1);
}

double sqliteCheck(const QByteArray &path, const char *pragma)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.constData(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
        die("sqlite3 cannot open the copy");
    for (const char *p : {"PRAGMA journal_mode = WAL", "PRAGMA cache_size = -32768", "PRAGMA temp_store = MEMORY"})
        sqlite3_exec(db, p, nullptr, nullptr, nullptr);
    QElapsedTimer t;
    t.start();
    if (sqlite3_exec(db, pragma, nullptr, nullptr, nullptr) != SQLITE_OK)
        die("the SQLite check failed");
    const double ms = double(t.nsecsElapsed()) / 1e6;
    sqlite3_close(db);
    return ms;
}

hub::bench::ProcessRun hubctlCheck(const QByteArray &path, bool quick)
{
    QList<QByteArray> arguments = {"--db", path, "check"};
    if (quick)
        arguments << "--quick";
    const auto run = hub::bench::runProcess(QByteArrayLiteral(HUBCTL_PATH), arguments);
    if (run.exitCode != 0)
        die("hubctl check did not pass");
    return run;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2)
        die("usage: bench_check HUB.sqlite");
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("hub.sqlite"));
    if (!QFile::copy(QString::fromLocal8Bit(argv[1]), copy))
        die("cannot copy the hub file");
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    const QByteArray path = QFile::encodeName(copy);
    // The first open migrates an older copy; neither side pays for that.
    (void)hubctlCheck(path, true);

    const double quickCheck = sqliteCheck(path, "PRAGMA quick_check");
    const auto quick = hubctlCheck(path, true);
    const double integrity = sqliteCheck(path, "PRAGMA integrity_check");
    const auto full = hubctlCheck(path, false);

    std::printf("hubctl check, the process from start to exit, beside SQLite's own check in the same run\n");
    std::printf("%-34s %9.0f ms  peak %4.0f MB   PRAGMA integrity_check %7.0f ms   %.2fx   goal <= %.0fx, "
                "< %.0f MB: %s\n",
                "hubctl check", full.ms, full.peakMb, integrity, full.ms / integrity, GoalRatio, GoalMb,
                full.ms / integrity <= GoalRatio && full.peakMb < GoalMb ? "met" : "MISSED");
    std::printf("%-34s %9.0f ms  peak %4.0f MB   PRAGMA quick_check     %7.0f ms   %.2fx\n", "hubctl check --quick",
                quick.ms, quick.peakMb, quickCheck, quick.ms / quickCheck);
    return 0;
}
