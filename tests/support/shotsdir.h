// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace hub::test {

/// The build folder's shots/, made if missing: where the hidden [shots] tests
/// leave screenshots and PDFs for a person to look at.
QString shotsDir();

} // namespace hub::test
