// SPDX-License-Identifier: GPL-3.0-or-later
// The gatherings part of `hubctl demo` on its own, on a hub that already has
// the members and spaces parts (city: 5,000 gatherings over 100,000 members):
// seconds for the part and gatherings per second, with progress as it goes.
//
//   bench_gathering_demo [HUB.sqlite] [--scale small|town|city] [--prepared FILE]
//
// A HUB.sqlite argument (what `make bench` passes) is not used: the part
// writes, so it runs on a fresh file. --prepared FILE keeps the hub with the
// settings, members and spaces parts in FILE (made on the first run) so later
// runs time only the gatherings part without making 100,000 members again.

#include "core/gatherings/gatheringdemopart.h"
#include "core/hub.h"
#include "core/members/memberdemopart.h"
#include "core/settings/settingsdemopart.h"
#include "core/spaces/spacedemopart.h"
#include "core/storage/transaction.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>

using namespace hub;

namespace {

Status runPart(Hub &hub, DemoPart &part, const DemoOptions &options, const DemoProgressFn &progress = {})
{
    auto tx = Transaction::begin(hub.database());
    if (!tx)
        return fail(tx.error());
    DemoContext context(options, part.name(), progress);
    if (auto ok = part.generate(hub, context); !ok)
        return ok;
    return tx->commit();
}

Status prepare(const QString &path, const DemoOptions &options)
{
    auto hub = Hub::open(path, OpenMode::CreateIfMissing);
    if (!hub)
        return fail(hub.error());
    QElapsedTimer timer;
    timer.start();
    SettingsDemoPart settings;
    MemberDemoPart members;
    SpaceDemoPart spaces;
    for (DemoPart *part :
         {static_cast<DemoPart *>(&settings), static_cast<DemoPart *>(&members), static_cast<DemoPart *>(&spaces)}) {
        if (auto ok = runPart(**hub, *part, options); !ok)
            return ok;
    }
    std::printf("settings, members and spaces parts: %.1f s\n", double(timer.elapsed()) / 1000.0);
    (*hub)->database().releaseThreadConnection();
    return {};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    DemoOptions options;
    options.scale = DemoScale::City;
    QString prepared;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == QStringLiteral("--scale") && i + 1 < args.size()) {
            auto scale = DemoOptions::parseScale(args[++i]);
            if (!scale) {
                std::fprintf(stderr, "%s\n", qPrintable(scale.error().text()));
                return 1;
            }
            options.scale = *scale;
        } else if (args[i] == QStringLiteral("--prepared") && i + 1 < args.size()) {
            prepared = args[++i];
        }
    }

    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "cannot make a temporary folder\n");
        return 1;
    }
    const QString path = dir.filePath(QStringLiteral("hub.sqlite"));
    if (!prepared.isEmpty() && !QFile::exists(prepared)) {
        if (auto ok = prepare(prepared, options); !ok) {
            std::fprintf(stderr, "%s\n", qPrintable(ok.error().text()));
            return 1;
        }
    }
    if (prepared.isEmpty()) {
        if (auto ok = prepare(path, options); !ok) {
            std::fprintf(stderr, "%s\n", qPrintable(ok.error().text()));
            return 1;
        }
    } else if (!QFile::copy(prepared, path)) {
        std::fprintf(stderr, "cannot copy %s\n", qPrintable(prepared));
        return 1;
    }

    auto hub = Hub::open(path);
    if (!hub) {
        std::fprintf(stderr, "%s\n", qPrintable(hub.error().text()));
        return 1;
    }
    GatheringDemoPart part;
    const int total = GatheringDemoPart::gatheringCount(options.scale);
    QElapsedTimer timer;
    timer.start();
    qint64 shown = 0;
    auto progress = [&](const DemoProgress &p) {
        if (p.done - shown >= std::max<qint64>(1, p.total / 10) || p.done == p.total) {
            shown = p.done;
            std::printf("  %lld/%lld after %.1f s\n", p.done, p.total, double(timer.elapsed()) / 1000.0);
            std::fflush(stdout);
        }
        return true;
    };
    const Status ran = runPart(**hub, part, options, progress);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (!ran) {
        std::fprintf(stderr, "gatherings part failed: %s\n", qPrintable(ran.error().text()));
        return 1;
    }
    std::printf("gatherings part (%s, %d gatherings): %.1f s = %.1f gatherings/s\n",
                qPrintable(DemoOptions::scaleName(options.scale)), total, seconds, seconds > 0 ? total / seconds : 0.0);
    return 0;
}
