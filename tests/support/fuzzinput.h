// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QRandomGenerator>

namespace hub::test {

/// One malformed variant of `seed`, made as fuzzers do: flipped bytes, cuts,
/// special tokens (quotes, separators, NUL, bidi overrides, iCalendar lines,
/// huge numbers), repeated, removed and spliced slices, random bytes. At most
/// 256 KiB: hostile sizes have tests of their own limits. The same generator
/// state gives the same input, so a failure can be replayed from its seed.
QByteArray mutate(const QByteArray &seed, QRandomGenerator &random);

} // namespace hub::test
