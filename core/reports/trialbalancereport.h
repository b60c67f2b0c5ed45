// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reports/report.h"

#include <QCoreApplication>

namespace hub {

/// Every account's balance at the end of a local date, positive balances as
/// debits and negative ones as credits; the totals must be equal, because
/// every transfer takes from one account what it gives another.
class TrialBalanceReport final : public Report
{
    Q_DECLARE_TR_FUNCTIONS(hub::TrialBalanceReport)
public:
    QString name() const override { return QStringLiteral("trial-balance"); }
    QString title() const override { return tr("Trial balance"); }
    PeriodKind periodKind() const override { return PeriodKind::At; }
    Status run(Database &db, const HubSettings &settings, const ReportRequest &request,
               ReportSink &sink) const override;
};

} // namespace hub
