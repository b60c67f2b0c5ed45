// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reports/report.h"

#include <QCoreApplication>

namespace hub {

/// The ledger month by month: transfers, volume, active traders, velocity
/// (volume over the total of positive balances at the month's end), accounts
/// near (at their warning level or within 10% of the lower limit) or at a
/// limit at the month's end, and the top categories by volume. Limits are the
/// accounts' current ones.
class LedgerActivityReport final : public Report
{
    Q_DECLARE_TR_FUNCTIONS(hub::LedgerActivityReport)
public:
    QString name() const override { return QStringLiteral("ledger-activity"); }
    QString title() const override { return tr("Ledger activity"); }
    PeriodKind periodKind() const override { return PeriodKind::Range; }
    Status run(Database &db, const HubSettings &settings, const ReportRequest &request,
               ReportSink &sink) const override;
};

} // namespace hub
