// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/filework.h"

#include "core/common/privatefiles.h"

namespace hub {

FileWork::Progress FileWork::reporter(JobProgress &progress)
{
    return [&progress](int done, int total) {
        return progress.report(done, total);
    };
}

void FileWork::run(const WorkerHub &source, FileWorkOutcome &outcome, const std::function<void(Hub &)> &body)
{
    if (auto opened = source.run(body); !opened)
        outcome.message = opened.error().message;
}

void FileWork::exportTo(const WorkerHub &source, const QString &file, JobProgress &progress, FileWorkOutcome &outcome,
                        const Write &write)
{
    run(source, outcome, [&](Hub &hub) {
        auto written = PrivateFiles::writeAtomically(
            file, [&](QIODevice &out) { return write(hub, out, reporter(progress)); },
            [&progress] { return progress.cancelled(); });
        if (!written) {
            outcome.message = written.error().text();
        } else if (*written) {
            outcome.exported = **written;
            outcome.ok = true;
        }
    });
}

} // namespace hub
