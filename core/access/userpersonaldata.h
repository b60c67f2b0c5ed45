// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace hub {

class Hub;

/// Adds a member's user accounts (name, roles) to subject access exports, and
/// on erasure replaces their sign-in name by the pseudonym everywhere it is
/// stored: the users table and every audit row that names them.
void registerUserPersonalData(Hub &hub);

} // namespace hub
