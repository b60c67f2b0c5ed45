// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace hub::cli {

class Cli;

/// gathering add|list|show.
void registerGatheringCommands(Cli &cli);

} // namespace hub::cli
