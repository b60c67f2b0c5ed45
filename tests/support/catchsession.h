// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace hub::test {

/// Runs the Catch2 session. Catch's implementation is compiled once, in
/// catchsession.cpp, so each test program's main stays a few light lines.
int runCatch(int argc, char *argv[]);

} // namespace hub::test
