// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace hub::cli {

class Cli;

/// challenge add|list|show|volunteer|close: what local businesses bring.
void registerChallengeCommands(Cli &cli);

} // namespace hub::cli
