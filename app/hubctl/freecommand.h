// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace hub::cli {

class Cli;

/// free --from DATETIME --to DATETIME [--capacity N]: the spaces free for that time.
void registerFreeCommand(Cli &cli);

} // namespace hub::cli
