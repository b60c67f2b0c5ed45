// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reports/report.h"

#include <QCoreApplication>

namespace hub {

/// How much of each space's opening hours was booked, per space and per local
/// week (Monday to Sunday) of the period, tentative apart from confirmed, with
/// the credits charged; and the busiest hours of the week across all spaces.
/// Open hours are real elapsed hours in the hub's zone, so a space open all
/// day has 23 of them on the day the clocks go forward.
class OccupancyReport final : public Report
{
    Q_DECLARE_TR_FUNCTIONS(hub::OccupancyReport)
public:
    QString name() const override { return QStringLiteral("occupancy"); }
    QString title() const override { return tr("Space occupancy"); }
    PeriodKind periodKind() const override { return PeriodKind::Range; }
    Status run(Database &db, const HubSettings &settings, const ReportRequest &request,
               ReportSink &sink) const override;
};

} // namespace hub
