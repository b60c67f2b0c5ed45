// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QRandomGenerator>
#include <QtGlobal>

namespace hub::test {

/// One malformed variant of `seed`, made as fuzzers do: flipped bytes, cuts,
/// special tokens (quotes, separators, NUL, bidi overrides, iCalendar lines,
/// huge numbers), repeated, removed and spliced slices, random bytes. At most
/// 256 KiB: hostile sizes have tests of their own limits. The same generator
/// state gives the same input, so a failure can be replayed from its seed.
QByteArray mutate(const QByteArray &seed, QRandomGenerator &random);

/// How many rounds a fuzz loop runs: all of them in the normal build, an
/// eighth in the sanitizer build, where every hubctl process costs ten times
/// as much and CI must finish in its time. The seeds stay the same, so the
/// sanitizer build runs the first eighth of the very same inputs. On the
/// hub-server run (label pg) an eighth too: the parsers are the same code as
/// on the file run, and what the server adds (all or nothing there too)
/// shows within the first inputs.
inline int fuzzRounds(int rounds)
{
#if defined(__SANITIZE_ADDRESS__)
    return rounds / 8;
#else
    return qEnvironmentVariableIsSet("HUB_TEST_SERVER") ? rounds / 8 : rounds;
#endif
}

} // namespace hub::test
