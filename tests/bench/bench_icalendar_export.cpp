// SPDX-License-Identifier: GPL-3.0-or-later
// iCalendar export of a year of bookings of a hub file (the `city` demo under
// `make bench`: every space, the busiest year) with ICalendarExporter, to a
// temporary file: seconds, events, bookings/s and peak memory.

#include "core/hub.h"
#include "core/spaces/bookingservice.h"
#include "core/spaces/icalendarexporter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QMap>
#include <QTemporaryFile>
#include <QTimeZone>

#include <cstdio>

using namespace hub;

namespace {
long peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
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
    auto hub = Hub::open(QString::fromLocal8Bit(argv[1]));
    if (!hub) {
        std::fprintf(stderr, "%s\n", qPrintable(hub.error().text()));
        return 1;
    }
    // The calendar year with the most bookings.
    auto all = (*hub)->bookings().list();
    if (!all) {
        std::fprintf(stderr, "%s\n", qPrintable(all.error().text()));
        return 1;
    }
    QMap<int, int> perYear;
    for (const Booking &b : std::as_const(*all))
        ++perYear[b.start.date().year()];
    int year = QDate::currentDate().year();
    for (auto it = perYear.cbegin(); it != perYear.cend(); ++it)
        if (it.value() > perYear.value(year))
            year = it.key();
    CalendarExportOptions options;
    options.from = QDate(year, 1, 1);
    options.to = QDate(year, 12, 31);

    QTemporaryFile out;
    if (!out.open()) {
        std::fprintf(stderr, "cannot make a temporary file: %s\n", qPrintable(out.errorString()));
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    auto written = ICalendarExporter(**hub).write(out, options);
    out.flush();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (!written) {
        std::fprintf(stderr, "export failed: %s\n", qPrintable(written.error().text()));
        return 1;
    }
    std::printf(
        "iCalendar export of %d (%d bookings): %d VEVENTs, %.1f MB in %.2f s = %.0f bookings/s, peak RSS %ld MB\n",
        year, perYear.value(year), *written, double(out.size()) / 1e6, seconds,
        seconds > 0 ? perYear.value(year) / seconds : 0.0, peakRssKb() / 1024);
    return 0;
}
