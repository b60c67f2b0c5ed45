// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace hub::cli {

class Cli;

/// idea add|vote|promote.
void registerIdeaCommands(Cli &cli);

} // namespace hub::cli
