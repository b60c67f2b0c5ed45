// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/standardreports.h"

#include "core/reports/gatheringsreport.h"
#include "core/reports/journalreport.h"
#include "core/reports/ledgeractivityreport.h"
#include "core/reports/membershipreport.h"
#include "core/reports/occupancyreport.h"
#include "core/reports/reportservice.h"
#include "core/reports/statementsreport.h"
#include "core/reports/trialbalancereport.h"

namespace hub {

void addStandardReports(ReportService &service)
{
    // Each report adds itself here, one line each.
    service.add(std::make_unique<TrialBalanceReport>());
    service.add(std::make_unique<StatementsReport>());
    service.add(std::make_unique<JournalReport>());
    service.add(std::make_unique<LedgerActivityReport>());
    service.add(std::make_unique<OccupancyReport>());
    service.add(std::make_unique<MembershipReport>());
    service.add(std::make_unique<GatheringsReport>());
}

} // namespace hub
