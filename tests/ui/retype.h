// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QLineEdit;
class QString;

namespace hub::test {

/// Replaces a line edit's text the way a user does: select all, delete, type.
/// QTest types ASCII only.
void retype(QLineEdit *edit, const QString &text);

} // namespace hub::test
