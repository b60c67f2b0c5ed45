// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reports/report.h"

#include <QCoreApplication>

namespace hub {

/// Each gathering that started in the period with who came (members, walk-ins,
/// and newcomers: people at their first gathering ever), the ideas told and
/// the votes cast; then the funnel from those ideas to working groups and
/// their actions done.
class GatheringsReport final : public Report
{
    Q_DECLARE_TR_FUNCTIONS(hub::GatheringsReport)
public:
    QString name() const override { return QStringLiteral("gatherings"); }
    QString title() const override { return tr("Gatherings"); }
    PeriodKind periodKind() const override { return PeriodKind::Range; }
    Status run(Database &db, const HubSettings &settings, const ReportRequest &request,
               ReportSink &sink) const override;
};

} // namespace hub
