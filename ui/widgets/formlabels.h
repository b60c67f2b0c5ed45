// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QWidget;

namespace hub {

/// Makes each label of a form lead to its field, for every form of a window:
/// the label becomes the buddy of the field itself (not of the box that also
/// holds its error message), so Alt+letter puts the cursor there, and the
/// field takes the label's words as its accessible name, which is what a
/// screen reader says. A field that already has a name keeps it.
class FormLabels
{
public:
    static void link(QWidget *root);
};

} // namespace hub
