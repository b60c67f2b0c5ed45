// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace hub::cli {

class Cli;

/// space add|list|edit|close|reopen.
void registerSpaceCommands(Cli &cli);

} // namespace hub::cli
