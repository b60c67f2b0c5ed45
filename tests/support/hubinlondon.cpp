// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/hubinlondon.h"

#include "core/settings/settingsservice.h"
#include "tests/support/temphub.h"

#include <catch2/catch.hpp>

namespace hub::test {

void london(TempHub &t)
{
    REQUIRE(t->settings().set(QStringLiteral("timezone"), QStringLiteral("Europe/London")));
}

} // namespace hub::test
