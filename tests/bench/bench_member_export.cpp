// SPDX-License-Identifier: GPL-3.0-or-later
// Full CSV export of every member of a hub file (100,000 on the `city` demo
// under `make bench`) with MemberExporter, to a temporary file: seconds and rows/s.

#include "core/hub.h"
#include "core/members/memberexporter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryFile>

#include <cstdio>

using namespace hub;

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
    QTemporaryFile out;
    if (!out.open()) {
        std::fprintf(stderr, "cannot make a temporary file: %s\n", qPrintable(out.errorString()));
        return 1;
    }
    ExportOptions options;
    options.format = ExportFormat::Csv;
    options.all = true; // the admin's full export: every member, every field
    QElapsedTimer timer;
    timer.start();
    auto written = MemberExporter(**hub).write(out, options);
    out.flush();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (!written) {
        std::fprintf(stderr, "export failed: %s\n", qPrintable(written.error().text()));
        return 1;
    }
    std::printf("full CSV export (--all): %d members, %.1f MB in %.2f s = %.0f rows/s\n", *written,
                double(out.size()) / 1e6, seconds, seconds > 0 ? *written / seconds : 0.0);
    return 0;
}
