// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QString;
class QWidget;

namespace hub::test {

/// Saves the widget as shots/<name>.png (tests/support/shotsdir.h), once its
/// layouts and deferred paints have settled.
void shoot(QWidget *widget, const QString &name);

} // namespace hub::test
