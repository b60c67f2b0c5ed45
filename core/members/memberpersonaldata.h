// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace hub {

class Hub;

/// Registers the directory's sections of a subject access export: the
/// record, consent history, skills, offers, needs and organisation links.
/// (Erasure of these tables is MemberService::forget's own work.)
void registerMemberPersonalData(Hub &hub);

} // namespace hub
