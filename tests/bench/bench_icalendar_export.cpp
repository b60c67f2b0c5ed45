// SPDX-License-Identifier: GPL-3.0-or-later
// iCalendar export of a year of bookings of a hub file (the `city` demo under
// `make bench`: every space, the busiest year) as a person runs it,
// `hubctl calendar export --from --to -o FILE.ics`: the process timed from
// start to exit with its peak memory (goal: streamed, under 100 MB), and the
// same in-process through ICalendarExporter with the growth of memory the
// export itself causes. The year is chosen by one SQL count, so the bench
// itself holds no bookings.

#include "core/hub.h"
#include "core/spaces/icalendarexporter.h"
#include "core/storage/query.h"
#include "tests/bench/benchsupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstdio>

using namespace hub;

namespace {

constexpr double GoalMb = 100.0;

[[noreturn]] void die(const QString &why)
{
    std::fprintf(stderr, "%s\n", qPrintable(why));
    std::exit(1);
}

hub::bench::ProcessRun hubctlExport(const QString &hubPath, int year, const QString &ics)
{
    const auto run = hub::bench::runProcess(QByteArrayLiteral(HUBCTL_PATH),
                                            {"--db", QFile::encodeName(hubPath), "calendar", "export", "--from",
                                             QByteArray::number(year) + "-01-01", "--to",
                                             QByteArray::number(year) + "-12-31", "-o", QFile::encodeName(ics)});
    if (run.exitCode != 0)
        die(QStringLiteral("hubctl calendar export failed (exit %1)").arg(run.exitCode));
    return run;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 2)
        die(QStringLiteral("usage: bench_icalendar_export HUB.sqlite"));
    const QString path = QString::fromLocal8Bit(argv[1]);
    int year = 0;
    qint64 bookings = 0;
    {
        auto hub = Hub::open(path);
        if (!hub)
            die(hub.error().text());
        Query busiest((*hub)->database(),
                      QStringLiteral("SELECT CAST(strftime('%Y', start_utc, 'unixepoch') AS INTEGER), count(*) FROM "
                                     "bookings GROUP BY 1 ORDER BY 2 DESC LIMIT 1"));
        if (!busiest.exec() || !busiest.next())
            die(QStringLiteral("the hub has no bookings"));
        year = busiest.value(0).toInt();
        bookings = busiest.value(1).toLongLong();
    }
    QTemporaryDir dir;
    const auto run = hubctlExport(path, year, dir.filePath(QStringLiteral("year.ics")));
    const qint64 size = QFileInfo(dir.filePath(QStringLiteral("year.ics"))).size();

    // In-process: the memory the export itself adds to an open hub.
    auto hub = Hub::open(path);
    if (!hub)
        die(hub.error().text());
    const double before = hub::bench::statusMb("VmRSS");
    QFile out(dir.filePath(QStringLiteral("again.ics")));
    if (!out.open(QIODevice::WriteOnly))
        die(out.errorString());
    CalendarExportOptions options;
    options.from = QDate(year, 1, 1);
    options.to = QDate(year, 12, 31);
    QElapsedTimer timer;
    timer.start();
    auto written = ICalendarExporter(**hub).write(out, options);
    const double ms = hub::bench::msSince(timer);
    if (!written)
        die(written.error().text());
    const double grown = hub::bench::statusMb("VmHWM") - before;

    std::printf("iCalendar export of %d (%lld bookings): %d VEVENTs, %.1f MB\n", year, bookings, *written,
                double(size) / 1e6);
    std::printf("  hubctl calendar export (process, start to exit)  %7.0f ms  %6.0f bookings/s  peak %4.0f MB   "
                "goal < %.0f MB: %s\n",
                run.ms, run.ms > 0 ? double(bookings) / run.ms * 1000 : 0.0, run.peakMb, GoalMb,
                run.peakMb < GoalMb ? "met" : "MISSED");
    std::printf("  ICalendarExporter in-process                     %7.0f ms  memory grown by %.0f MB\n", ms, grown);
    return 0;
}
