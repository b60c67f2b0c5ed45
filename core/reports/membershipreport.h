// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reports/report.h"

#include <QCoreApplication>

namespace hub {

/// Who joined, lapsed and left in each month of the period (from the dates
/// each member record keeps), the membership by status and kind, the skills
/// most offered and most needed while the period ran, and the needs nobody
/// offers. No member is named: the report counts people.
class MembershipReport final : public Report
{
    Q_DECLARE_TR_FUNCTIONS(hub::MembershipReport)
public:
    QString name() const override { return QStringLiteral("membership"); }
    QString title() const override { return tr("Membership"); }
    PeriodKind periodKind() const override { return PeriodKind::Range; }
    Status run(Database &db, const HubSettings &settings, const ReportRequest &request,
               ReportSink &sink) const override;
};

} // namespace hub
