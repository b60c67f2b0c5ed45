// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/ids.h"
#include "core/reports/reportsink.h"

#include <QDate>

#include <functional>

namespace hub {

class Database;
struct HubSettings;

/// The period a report covers, as the user gave it (--from/--to or --at).
/// Dates are local dates in the hub's zone; `to` is inclusive.
struct ReportRequest
{
    QDate from;
    QDate to;
    QDate at;
    /// Only this member's account, for reports made of one table per account
    /// (statements: one member's statement to print); invalid means everyone.
    MemberId member;
    /// Called now and then with a rough 0..1 share done, for progress dialogs.
    std::function<void(double)> progress;
};

/// One report: SQL aggregates streamed into a sink, never every row in memory.
/// Reports only read; they run on whatever connection they are given, so an
/// export can run on its own connection off the GUI thread.
class Report
{
public:
    enum class PeriodKind
    {
        Range, ///< --from/--to (defaults: the current month)
        At,    ///< --at (default: today)
    };

    virtual ~Report() = default;
    virtual QString name() const = 0;  ///< "trial-balance", as hubctl spells it
    virtual QString title() const = 0; ///< translated, for people
    virtual PeriodKind periodKind() const = 0;

    /// Checks the request (e.g. from after to → Error::usage naming "--from"),
    /// then streams heading, tables, rows and totals into the sink.
    /// The request arrives with its defaults filled in by ReportService.
    virtual Status run(Database &db, const HubSettings &settings, const ReportRequest &request,
                       ReportSink &sink) const = 0;
};

} // namespace hub
