// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>

class QPalette;

namespace hub {

/// The line icon of a page (":/ui/icons/<name>.svg"), drawn in the hub's green
/// and, when its sidebar row is selected, in the palette's highlighted text
/// colour so it stays visible on the selection.
QIcon pageIcon(const QString &name, const QPalette &palette);

} // namespace hub
