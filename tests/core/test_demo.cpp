// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/demogenerator.h"
#include "core/settings/settingsservice.h"
#include "tests/support/temphub.h"

using namespace hub;
using hub::test::TempHub;

TEST_CASE("demo data is the same for the same seed")
{
    TempHub a;
    TempHub b;
    REQUIRE(a->demo().run(a.hub(), {DemoScale::Small, 42}));
    REQUIRE(b->demo().run(b.hub(), {DemoScale::Small, 42}));
    CHECK(a->settings().load()->name == b->settings().load()->name);
    CHECK(a->settings().load()->timeZone == QStringLiteral("Europe/London"));
}

TEST_CASE("a cancelled demo run writes nothing")
{
    TempHub t;
    const QString before = t->settings().load()->name;
    auto r = t->demo().run(t.hub(), {DemoScale::Small, 7}, [](const DemoProgress &) { return false; });
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::Refused);
    CHECK(t->settings().load()->name == before);
}

TEST_CASE("demo scales are parsed strictly")
{
    CHECK(DemoOptions::parseScale(QStringLiteral("city")) == DemoScale::City);
    auto bad = DemoOptions::parseScale(QStringLiteral("village"));
    REQUIRE_FALSE(bad);
    CHECK(bad.error().kind == ErrorKind::Usage);
}
