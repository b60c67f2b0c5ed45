// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace hub::cli {

class Cli;

/// group list|show|join, action add|done.
void registerGroupCommands(Cli &cli);

} // namespace hub::cli
