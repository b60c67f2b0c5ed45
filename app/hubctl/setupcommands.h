// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace hub::cli {

class Cli;

/// init, settings, demo, check, backup, restore.
void registerSetupCommands(Cli &cli);

} // namespace hub::cli
