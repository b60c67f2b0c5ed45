// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/standardreports.h"

#include "core/reports/reportservice.h"

namespace hub {

void addStandardReports(ReportService &service)
{
    // Each report adds itself here, one line each.
    (void)service;
}

} // namespace hub
