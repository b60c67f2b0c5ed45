// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QLabel;
class QString;

namespace hub {

/// A wrapped line of help under a field, in the muted colour of placeholder
/// text so it reads as advice, not as the field's label or an error.
QLabel *hintLabel(const QString &text);

} // namespace hub
