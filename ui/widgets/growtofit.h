// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QDialog;

namespace hub {

/// Makes the dialog tall enough for wrapped messages shown after it opened:
/// a top-level layout sets a minimum size but does not follow label wrapping.
void growToFit(QDialog *dialog);

} // namespace hub
