// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace hub::cli {

class Cli;

/// space add|list, book (single bookings), booking list|confirm|decline|cancel.
void registerSpaceCommands(Cli &cli);

} // namespace hub::cli
