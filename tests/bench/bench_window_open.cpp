// SPDX-License-Identifier: GPL-3.0-or-later
// The window on a hub: from the main window's construction until it has
// opened the hub and painted its first page, on the given file (the `city`
// demo under `make bench`) beside the small demo made in the same run, each
// cold (the hub file's pages dropped from the system's cache first, as after
// a restart) and warm (best of three). Goal: shown in under a second on the
// city file, cold or warm. Settings go to a temporary folder, so the
// person's own recent files and window size are not touched.

#include "core/demo/demogenerator.h"
#include "tests/bench/benchsupport.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

using namespace hub;
using hub::bench::msSince;

namespace {

constexpr double GoalMs = 1000;
constexpr int WarmRuns = 3;

// Drops the file's pages from the system's cache (no privileges needed),
// so the next open reads it from the disk again.
bool dropFromCache(const QString &path)
{
    bool dropped = false;
    for (const QString &file : {path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm")}) {
        const int fd = ::open(QFile::encodeName(file).constData(), O_RDONLY);
        if (fd < 0)
            continue;
        (void)::fdatasync(fd);
        dropped = ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED) == 0 || dropped;
        ::close(fd);
    }
    return dropped;
}

// Milliseconds from the window's construction to its first page painted.
double showWindow(const QString &path)
{
    QElapsedTimer t;
    t.start();
    double ms = 0;
    {
        MainWindow window;
        if (!window.start(path)) {
            std::fprintf(stderr, "the window did not open %s\n", qPrintable(path));
            std::exit(1);
        }
        window.resize(1024, 768);
        window.show();
        QApplication::processEvents();
        (void)window.grab();
        ms = msSince(t);
    }
    QApplication::processEvents();
    return ms;
}

struct Figures
{
    double cold = 0;
    double warm = 1e12;
};

Figures measure(const QString &path)
{
    Figures f;
    if (!dropFromCache(path))
        std::fprintf(stderr, "note: %s could not be dropped from the cache; 'cold' is warm\n", qPrintable(path));
    f.cold = showWindow(path);
    for (int i = 0; i < WarmRuns; ++i)
        f.warm = std::min(f.warm, showWindow(path));
    return f;
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s HUB.sqlite\n", argv[0]);
        return 2;
    }
    QTemporaryDir dir;
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(dir.filePath(QStringLiteral("config"))));
    qputenv("XDG_DATA_HOME", QFile::encodeName(dir.filePath(QStringLiteral("data"))));
    qputenv("QT_QPA_PLATFORM", "offscreen");
    Q_INIT_RESOURCE(resources); // the icons, as the window's own start registers them
    QApplication app(argc, argv);
    const QString path = QString::fromLocal8Bit(argv[1]);
    const QString small = dir.filePath(QStringLiteral("small.sqlite"));
    if (auto made = DemoGenerator::createDemoHub(small, DemoOptions{}); !made) {
        std::fprintf(stderr, "%s\n", qPrintable(made.error().text()));
        return 1;
    }

    // Alternating, so neither file has the machine to itself.
    const Figures onSmall = measure(small);
    const Figures onFile = measure(path);

    std::printf("window shown with its first page (offscreen, 1024x768)\n");
    std::printf("%-34s %10s %12s %10s   %s\n", "", "this hub", "small demo", "ratio", "goal");
    std::printf("%-34s %10.1f %12.1f %9.1fx   < %.0f ms: %s\n", "cold (file dropped from cache), ms", onFile.cold,
                onSmall.cold, onFile.cold / onSmall.cold, GoalMs, onFile.cold < GoalMs ? "met" : "MISSED");
    std::printf("%-34s %10.1f %12.1f %9.1fx   < %.0f ms: %s\n", "warm (best of 3), ms", onFile.warm, onSmall.warm,
                onFile.warm / onSmall.warm, GoalMs, onFile.warm < GoalMs ? "met" : "MISSED");
    std::printf("peak memory: %.0f MB\n", hub::bench::statusMb("VmHWM"));
    return 0;
}
