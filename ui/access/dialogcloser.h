// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

class QWidget;

namespace hub {

/// Closes, unsaved, every dialog open over `window` (its own and its pages'
/// dialogs, modal boxes, open menus), innermost first, so a form left open
/// cannot keep a locked desk in reach. A dialog that would ask "Save
/// changes?" on closing is not asked; a question box is answered as by Esc; a
/// progress dialog is cancelled. Returns the titles of the forms closed (not
/// of question boxes), for telling the person who comes back.
QStringList closeDialogsOver(QWidget *window);

} // namespace hub
