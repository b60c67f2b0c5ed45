// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace hub {

class ReportService;

/// Registers the reports every hub offers, in the order the GUI lists them.
void addStandardReports(ReportService &service);

} // namespace hub
