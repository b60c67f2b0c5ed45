// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The place and day most tests book on: a hub in London on Tuesday 10 March
// 2026. London is still on winter time (UTC) then, and the clocks go forward
// on Sunday 29 March, so a test can cross the change on purpose.

#include <QDate>
#include <QTimeZone>

namespace hub::test {

class TempHub;

inline const QDate Tuesday(2026, 3, 10);
inline const QTimeZone London("Europe/London");

/// Puts the hub in London: its bookings' days and hours are read there.
void london(TempHub &t);

} // namespace hub::test
