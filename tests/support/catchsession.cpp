// SPDX-License-Identifier: GPL-3.0-or-later
// The only translation unit that compiles Catch2's implementation: it is the
// slowest file of the suite to build, so every test program shares it.
#define CATCH_CONFIG_RUNNER
#include "tests/support/catchsession.h"

#include "core/common/translations.h"

#include <catch2/catch.hpp>

namespace hub::test {

int runCatch(int argc, char *argv[])
{
    // Tests read what people read: "1 member", never "1 member(s)".
    if (!Translations::install())
        return 3;
    return Catch::Session().run(argc, argv);
}

} // namespace hub::test
