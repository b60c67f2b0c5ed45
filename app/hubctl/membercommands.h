// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace hub::cli {

class Cli;

/// member add|show|list|edit|data|forget, match, skill list|merge.
void registerMemberCommands(Cli &cli);

} // namespace hub::cli
