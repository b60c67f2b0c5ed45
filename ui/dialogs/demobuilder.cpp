// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/demobuilder.h"

#include "core/demo/demogenerator.h"
#include "core/hub.h"

#include <algorithm>
#include <limits>
#include <utility>

namespace hub {

namespace {
/// JobProgress counts in int. A demo part's counts are far smaller, but
/// larger ones are scaled down together, so their share and "done == total"
/// stay what they were.
std::pair<int, int> toInt(qint64 done, qint64 total)
{
    constexpr qint64 Max = std::numeric_limits<int>::max();
    const qint64 largest = std::max(done, total);
    if (largest <= Max)
        return {int(done), int(total)};
    const double scale = double(Max) / double(largest);
    return {int(double(done) * scale), int(double(total) * scale)};
}
} // namespace

DemoBuilder::DemoBuilder(QObject *parent) : QObject(parent)
{
    connect(&m_job, &BackgroundJob::progressed, this,
            [this](const QString &part, int done, int total) { Q_EMIT progressed(part, done, total); });
    connect(&m_job, &BackgroundJob::finished, this, [this] { Q_EMIT finished(m_ok, m_job.wasCancelled(), m_message); });
}

DemoBuilder::~DemoBuilder() = default;

void DemoBuilder::start(const QString &path, const DemoOptions &options)
{
    if (m_job.isRunning())
        return;
    m_ok = false;
    m_message.clear();
    m_job.start([this, path, options](JobProgress &progress) { build(progress, path, options); });
}

void DemoBuilder::cancel()
{
    m_job.cancel();
}

void DemoBuilder::build(JobProgress &progress, const QString &path, const DemoOptions &options)
{
    // JobProgress sends at most ~20 reports a second, and every change of part.
    const DemoProgressFn onProgress = [&progress](const DemoProgress &p) {
        const auto [done, total] = toInt(p.done, p.total);
        return progress.report(p.part, done, total);
    };
    const Status ran = DemoGenerator::createDemoHub(path, options, onProgress);
    m_ok = ran.has_value();
    if (!ran)
        m_message = ran.error().message;
}

} // namespace hub
