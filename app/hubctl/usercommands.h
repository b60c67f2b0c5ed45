// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace hub::cli {

class Cli;

/// user add|list|role|passwd|pin|remove, and audit.
void registerUserCommands(Cli &cli);

} // namespace hub::cli
