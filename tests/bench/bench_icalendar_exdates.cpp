// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile .ics sizes (issue 15): one daily series with 12,500 / 25,000 /
// 50,000 / 100,000 EXDATE lines, read as a dry run by ICalendarImporter on a
// temporary hub. Prints the seconds for each and the time per EXDATE, which
// stays flat when the import is linear (it once took 26 s for 100,000 and
// grew with the square). The hub file argument of `make bench` is not used.

#include "core/hub.h"
#include "core/spaces/icalendarimporter.h"
#include "core/spaces/spaceservice.h"

#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>

using namespace hub;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    auto opened = Hub::open(dir.filePath(QStringLiteral("exdates.sqlite")), OpenMode::CreateIfMissing);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qUtf8Printable(opened.error().message));
        return 1;
    }
    Hub &hub = **opened;
    Space hall;
    hall.name = QStringLiteral("Hall");
    hall.capacity = 10;
    auto space = hub.spaces().add(hall);
    if (!space) {
        std::fprintf(stderr, "%s\n", qUtf8Printable(space.error().message));
        return 1;
    }
    std::printf("%10s %10s %14s\n", "EXDATEs", "seconds", "µs per EXDATE");
    for (int n : {12500, 25000, 50000, 100000}) {
        QByteArray ics =
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\nBEGIN:VEVENT\r\nUID:exdates@bench\r\n"
            "DTSTAMP:20260101T000000Z\r\nDTSTART:20270101T090000Z\r\nDTEND:20270101T100000Z\r\n"
            "SUMMARY:Daily\r\nRRULE:FREQ=DAILY;COUNT=30\r\n";
        const QDate first(2027, 1, 1);
        for (int i = 0; i < n; ++i)
            ics +=
                "EXDATE:" + first.addDays(i % 20000).toString(QStringLiteral("yyyyMMdd")).toLatin1() + "T090000Z\r\n";
        ics += "END:VEVENT\r\nEND:VCALENDAR\r\n";
        QElapsedTimer t;
        t.start();
        const auto r = ICalendarImporter(hub).run(ics, space->id, /*dryRun=*/true);
        const double seconds = t.nsecsElapsed() / 1e9;
        if (!r)
            std::printf("%10d refused: %s\n", n, qUtf8Printable(r.error().message));
        else
            std::printf("%10d %10.3f %14.2f\n", n, seconds, seconds * 1e6 / n);
    }
    return 0;
}
