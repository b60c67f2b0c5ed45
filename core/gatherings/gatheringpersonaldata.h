// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace hub {

class Hub;

/// Registers the gatherings' part of subject access (sign-ups, attendance,
/// stories and ideas, votes, groups, actions, challenges, walk-in records
/// merged into the member) and of erasure: stories are blanked and the
/// walk-in records of a forgotten member take the pseudonym.
void registerGatheringPersonalData(Hub &hub);

} // namespace hub
