// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace hub::cli {

class Cli;

/// book (once or as a series, with --charge), booking list|confirm|decline|cancel
/// (one date, this and following, or the whole series).
void registerBookingCommands(Cli &cli);

} // namespace hub::cli
