// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace hub::cli {

class Cli;

/// member import, member export.
void registerMemberExchangeCommands(Cli &cli);

} // namespace hub::cli
