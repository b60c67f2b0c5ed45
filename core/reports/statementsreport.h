// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reports/report.h"

#include <QCoreApplication>

namespace hub {

/// One statement per account for a period: the opening balance, each transfer
/// with the running balance, the closing balance. Accounts with neither a
/// balance nor a transfer in the period are left out. Members who asked to be
/// forgotten appear under their pseudonym, as everywhere in the ledger.
class StatementsReport final : public Report
{
    Q_DECLARE_TR_FUNCTIONS(hub::StatementsReport)
public:
    QString name() const override { return QStringLiteral("statements"); }
    QString title() const override { return tr("Statements"); }
    PeriodKind periodKind() const override { return PeriodKind::Range; }
    Status run(Database &db, const HubSettings &settings, const ReportRequest &request,
               ReportSink &sink) const override;
};

} // namespace hub
