// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "ui/access/workerhub.h"
#include "ui/widgets/backgroundjob.h"

#include <QString>

#include <functional>

class QIODevice;

namespace hub {

/// What an import or export left for the window. Written by the work on its
/// thread and read after the job's finished(), which orders the two.
struct FileWorkOutcome
{
    bool ok = false;
    QString message; ///< why it failed, for people
    int exported = 0;
};

/// The shared body of the window's file jobs (members, calendars): on the
/// worker thread, open the hub, run the importer or write the export file
/// all or nothing, and leave the outcome.
class FileWork
{
public:
    using Progress = std::function<bool(int done, int total)>;
    template<typename Report> using Read = std::function<Result<Report>(Hub &, const Progress &)>;
    using Write = std::function<Result<int>(Hub &, QIODevice &, const Progress &)>;

    /// Runs `read` (an import or its dry run); its report goes to `report`,
    /// and the work succeeded when `succeeded` says so of it.
    template<typename Report>
    static void importWith(const WorkerHub &source, JobProgress &progress, FileWorkOutcome &outcome, Report &report,
                           const Read<Report> &read, bool (*succeeded)(const Report &))
    {
        run(source, outcome, [&](Hub &hub) {
            auto done = read(hub, reporter(progress));
            if (!done) {
                outcome.message = done.error().text();
                return;
            }
            report = *done;
            outcome.ok = succeeded(report);
        });
    }

    /// Writes `file` with `write`: a half-written or cancelled export never
    /// replaces an older file.
    static void exportTo(const WorkerHub &source, const QString &file, JobProgress &progress, FileWorkOutcome &outcome,
                         const Write &write);

private:
    static Progress reporter(JobProgress &progress);
    static void run(const WorkerHub &source, FileWorkOutcome &outcome, const std::function<void(Hub &)> &body);
};

} // namespace hub
