// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reports/report.h"

#include <QCoreApplication>

namespace hub {

/// Every transfer of a period in the order it was posted, streamed row by row
/// from one forward-only query: a million transfers never sit in memory.
class JournalReport final : public Report
{
    Q_DECLARE_TR_FUNCTIONS(hub::JournalReport)
public:
    QString name() const override { return QStringLiteral("journal"); }
    QString title() const override { return tr("Journal"); }
    PeriodKind periodKind() const override { return PeriodKind::Range; }
    Status run(Database &db, const HubSettings &settings, const ReportRequest &request,
               ReportSink &sink) const override;

    /// The query behind the report, for benchmarks that compare it with sqlite3:
    /// binds :from and :to (UTC seconds, to exclusive).
    static QString sql();
};

} // namespace hub
