// SPDX-License-Identifier: GPL-3.0-or-later
// The only translation unit that compiles Catch2's implementation: it is the
// slowest file of the suite to build, so every test program shares it.
#define CATCH_CONFIG_RUNNER
#include "tests/support/catchsession.h"

#include <catch2/catch.hpp>

namespace hub::test {

int runCatch(int argc, char *argv[])
{
    return Catch::Session().run(argc, argv);
}

} // namespace hub::test
