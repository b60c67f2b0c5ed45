// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace hub::cli {

class Cli;

/// walkin list|enrol|merge: people who came to gatherings without being members.
void registerWalkInCommands(Cli &cli);

} // namespace hub::cli
