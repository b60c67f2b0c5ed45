// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace hub::cli {

class Cli;

/// calendar export, calendar import (iCalendar).
void registerCalendarCommands(Cli &cli);

} // namespace hub::cli
