// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace hub {

/// Core's messages are fragments ("the hub needs a name") so hubctl can put a
/// key in front of them; standing alone in a widget they read as sentences.
QString sentence(const QString &fragment);

} // namespace hub
