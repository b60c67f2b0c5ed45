// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

class QWidget;

namespace hub::test {

/// Checks a page or dialog as a keyboard or screen-reader user meets it,
/// through QAccessible and real Tab presses (issue 16):
/// - every visible, enabled control has an accessible name;
/// - every label of a form row is the buddy of its field (Alt+letter and
///   screen readers find the field from it);
/// - Tab, pressed again and again, reaches every control that takes focus
///   and is never trapped;
/// - no control that people act on refuses keyboard focus.
/// `root` must be in a shown, active window. Returns what is wrong, one line
/// each, naming the widget; empty when all is well. With HUB_AUDIT_TRACE set,
/// it also prints each Tab stop, and the focus chain after a control Tab
/// never reaches, to see why.
QStringList auditAccessibility(QWidget *root);

} // namespace hub::test
