// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace hub::cli {

class Cli;

/// gathering close-voting|reopen-voting: ends (or resumes) a gathering's vote.
void registerVotingCommands(Cli &cli);

} // namespace hub::cli
