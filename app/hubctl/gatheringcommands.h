// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace hub::cli {

class Cli;

/// gathering add|list|show, register, checkin, idea add|vote|promote,
/// group list|show|join, action add|done.
void registerGatheringCommands(Cli &cli);

} // namespace hub::cli
