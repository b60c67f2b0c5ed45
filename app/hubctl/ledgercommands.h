// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace hub::cli {

class Cli;

/// account list|limit|status, pay (single and --batch), levy, reverse, statement, transfer list.
void registerLedgerCommands(Cli &cli);

} // namespace hub::cli
