// SPDX-License-Identifier: GPL-3.0-or-later
// Painting the Calendar's day view on a busy day: 10 spaces with 20 bookings
// each (200 in all, some tentative with hatching, every space with setup and
// clean-up shading), in a 1280×720 view rendered offscreen. Each round paints
// the whole viewport (QWidget::grab) — what a scroll or a resize costs. The
// anchor is one frame at 60 Hz (16.7 ms): below it, drawing shows no lag.
// The hub file given is not used: the day is built in a temporary hub.

#include "core/hub.h"
#include "core/spaces/bookingservice.h"
#include "core/spaces/dayschedule.h"
#include "core/spaces/spaceservice.h"
#include "ui/widgets/calendarview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace hub;

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTemporaryDir dir;
    auto opened = Hub::open(dir.filePath(QStringLiteral("paint.sqlite")), OpenMode::CreateIfMissing);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().text()));
        return 1;
    }
    Hub &hub = **opened;
    const QDate day(2026, 3, 10);
    const QStringList colours = {QStringLiteral("#3a7bd5"), QStringLiteral("#2e9e6a"), QStringLiteral("#c0392b"),
                                 QStringLiteral("#8e44ad"), QStringLiteral("#d35400")};
    for (int s = 0; s < 10; ++s) {
        Space space;
        space.name = QStringLiteral("Room %1").arg(s + 1);
        space.capacity = 30;
        space.setupMinutes = 5;
        space.cleanupMinutes = 5;
        space.colour = colours.at(s % colours.size());
        auto added = hub.spaces().add(space);
        if (!added)
            return 1;
        for (int b = 0; b < 20; ++b) {
            BookingDraft d;
            d.space = added->id;
            d.title = QStringLiteral("Booking %1 of room %2 with a longer title").arg(b + 1).arg(s + 1);
            d.start = hub.bookings().localTime(day, QTime(7, 0).addSecs(b * 50 * 60));
            d.end = d.start.addSecs(40 * 60);
            d.tentative = b % 4 == 0;
            if (auto booked = hub.bookings().book(d); !booked) {
                std::fprintf(stderr, "%s\n", qPrintable(booked.error().text()));
                return 1;
            }
        }
    }
    DayScheduleLoader loader(hub.spaces(), hub.bookings());
    QElapsedTimer t;
    t.start();
    auto schedule = loader.day(day);
    const double loadMs = double(t.nsecsElapsed()) / 1e6;
    if (!schedule)
        return 1;
    CalendarView view;
    view.resize(1280, 720);
    view.setSchedule(*schedule);
    view.show();
    view.grab(); // the first paint lays text out
    QList<double> paints;
    for (int i = 0; i < 100; ++i) {
        view.scrollToMinute(7 * 60 + (i % 10) * 60);
        t.start();
        view.grab();
        paints << double(t.nsecsElapsed()) / 1e6;
    }
    std::sort(paints.begin(), paints.end());
    std::printf("Calendar day view, 200 bookings in 10 spaces at 1280x720 (load %.2f ms)\n", loadMs);
    std::printf("  full repaint p50 %.2f ms  p99 %.2f ms   (anchor: one frame at 60 Hz = 16.7 ms)\n",
                paints.at(paints.size() / 2), paints.at(paints.size() * 99 / 100));
    return 0;
}
