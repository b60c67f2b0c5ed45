// SPDX-License-Identifier: GPL-3.0-or-later
// CSV export of every transfer (the journal report through CsvReportWriter) on
// a hub file (the `city` demo under `make bench`, 1,000,000 transfers) against
// `sqlite3 -csv` running the same query, timed as a process (target ≤ 1.5×),
// with the process's peak resident memory before and after the export to show
// that rows stream instead of piling up.
// Read-only: the file is not changed; the CSV goes to a temporary file.

#include "core/hub.h"
#include "core/reports/csvreportwriter.h"
#include "core/reports/journalreport.h"
#include "core/reports/reportservice.h"
#include "core/settings/settingsservice.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryFile>

#include <cstdio>
#include <limits>

using namespace hub;

namespace {

constexpr double TargetShare = 1.5;

/// A line of /proc/self/status in MB ("VmRSS", "VmHWM").
double statusMb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return -1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s HUB.sqlite\n", argv[0]);
        return 1;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    auto hub = Hub::open(path);
    if (!hub) {
        std::fprintf(stderr, "%s\n", qPrintable(hub.error().text()));
        return 1;
    }
    auto settings = (*hub)->settings().load();
    if (!settings) {
        std::fprintf(stderr, "%s\n", qPrintable(settings.error().text()));
        return 1;
    }
    QTemporaryFile csv(QStringLiteral("bench-XXXXXX.csv"));
    if (!csv.open()) {
        std::fprintf(stderr, "cannot make a temporary file: %s\n", qPrintable(csv.errorString()));
        return 1;
    }

    // Every transfer: a period wider than any hub's life.
    ReportRequest all;
    all.from = QDate(1970, 1, 2);
    all.to = QDate(2999, 12, 31);
    const double peakBefore = statusMb("VmHWM");
    const double rssBefore = statusMb("VmRSS");
    QElapsedTimer timer;
    timer.start();
    CsvReportWriter writer(csv, ReportFormat(*settings));
    if (auto s = (*hub)->reports().run(QStringLiteral("journal"), all, writer); !s) {
        std::fprintf(stderr, "export failed: %s\n", qPrintable(s.error().text()));
        return 1;
    }
    csv.flush();
    const double oursMs = double(timer.nsecsElapsed()) / 1e6;
    const double peakAfter = statusMb("VmHWM");

    // The same statement with its bounds written in, as a person would type it.
    const QString from = QString::number(QDateTime(all.from, QTime(0, 0), settings->zone()).toSecsSinceEpoch());
    const QString to = QString::number(QDateTime(all.to.addDays(1), QTime(0, 0), settings->zone()).toSecsSinceEpoch());
    QString sql = JournalReport::sql();
    sql.replace(QStringLiteral(":from"), from).replace(QStringLiteral(":to"), to);
    QTemporaryFile raw(QStringLiteral("bench-XXXXXX-sqlite3.csv"));
    if (!raw.open()) {
        std::fprintf(stderr, "cannot make a temporary file: %s\n", qPrintable(raw.errorString()));
        return 1;
    }
    QProcess sqlite;
    sqlite.setStandardOutputFile(raw.fileName());
    QElapsedTimer sqliteTimer;
    sqliteTimer.start();
    sqlite.start(QStringLiteral("/usr/bin/sqlite3"), {QStringLiteral("-readonly"), QStringLiteral("-csv"),
                                                      QStringLiteral("-header"), path, sql});
    if (!sqlite.waitForStarted() || !sqlite.waitForFinished(-1) || sqlite.exitCode() != 0) {
        std::fprintf(stderr, "sqlite3 failed: %s %s\n", qPrintable(sqlite.errorString()),
                     sqlite.readAllStandardError().constData());
        return 1;
    }
    const double sqliteMs = double(sqliteTimer.nsecsElapsed()) / 1e6;
    QFile rawFile(raw.fileName());

    std::printf("CSV export of every transfer:\n");
    std::printf("  ours (journal → CsvReportWriter)  %9.1f ms  %7.1f MB\n", oursMs, double(csv.size()) / 1e6);
    std::printf("  sqlite3 -csv, same query          %9.1f ms  %7.1f MB\n", sqliteMs, double(rawFile.size()) / 1e6);
    const double share = sqliteMs > 0 ? oursMs / sqliteMs : 0;
    std::printf("  ours / sqlite3 = %.2f× (target ≤ %.1f×) %s\n", share, TargetShare, share <= TargetShare ? "met" : "MISSED");
    std::printf("  memory: resident %.1f MB and peak %.1f MB before, peak %.1f MB after (+%.1f MB)\n", rssBefore,
                peakBefore, peakAfter, peakAfter - peakBefore);
    return 0;
}
