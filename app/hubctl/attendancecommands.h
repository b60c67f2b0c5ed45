// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace hub::cli {

class Cli;

/// register, checkin.
void registerAttendanceCommands(Cli &cli);

} // namespace hub::cli
