// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace hub::cli {

class Cli;

/// report NAME --format csv|pdf|json|ledger [-o FILE]: treasurers' and coordinators' reports.
void registerReportCommands(Cli &cli);

} // namespace hub::cli
