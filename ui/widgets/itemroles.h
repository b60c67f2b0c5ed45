// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Qt>

namespace hub {

// Core's table models keep a row's id at Qt::UserRole, and so do the
// widgets' own lists: ViewPositions finds a row again by its id in either
// kind of view. A list's other roles come after it.
inline constexpr int IdRole = Qt::UserRole;

} // namespace hub
