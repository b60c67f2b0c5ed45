// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/settings/settingsservice.h"
#include "core/storage/integritychecker.h"
#include "tests/support/temphub.h"

using namespace hub;
using hub::test::TempHub;

TEST_CASE("a new hub has the default settings - system time zone and Hours with 2 decimals")
{
    TempHub t;
    auto s = t->settings().load();
    REQUIRE(s);
    CHECK(s->unitName == QStringLiteral("Hours"));
    CHECK(s->decimals == 2);
    CHECK_FALSE(s->timeZone.isEmpty());
    CHECK(s->defaultLimitMin.minor() <= 0);
}

TEST_CASE("each setting is validated with a message naming the field and and nothing is written")
{
    TempHub t;
    const auto before = *t->settings().load();
    struct Bad
    {
        const char *key;
        const char *value;
    };
    for (Bad bad : {Bad{"name", "   "}, Bad{"timezone", "Mars/Olympus"}, Bad{"unit", ""}, Bad{"decimals", "7"},
                    Bad{"decimals", "two"}, Bad{"default_limit_min", "5"}, Bad{"default_limit_min", "-1.234"},
                    Bad{"default_limit_max", "-3"}, Bad{"symbol", "much too long"}}) {
        const QString key = QString::fromLatin1(bad.key);
        auto r = t->settings().set(key, QString::fromUtf8(bad.value));
        INFO(bad.key << " = " << bad.value);
        REQUIRE_FALSE(r);
        CHECK(r.error().kind == ErrorKind::Invalid);
        CHECK(r.error().where == key);
    }
    auto unknown = t->settings().set(QStringLiteral("colour"), QStringLiteral("red"));
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().kind == ErrorKind::Usage);
    const auto after = *t->settings().load();
    CHECK(after.name == before.name);
    CHECK(after.timeZone == before.timeZone);
    CHECK(after.decimals == before.decimals);
}

TEST_CASE("settings are saved and read back and limits in the unit's decimals")
{
    TempHub t;
    REQUIRE(t->settings().set(QStringLiteral("name"), QStringLiteral("Neuadd Gymunedol Llanfair")));
    REQUIRE(t->settings().set(QStringLiteral("timezone"), QStringLiteral("Europe/London")));
    REQUIRE(t->settings().set(QStringLiteral("unit"), QStringLiteral("Credits")));
    REQUIRE(t->settings().set(QStringLiteral("default_limit_min"), QStringLiteral("-50.5")));
    REQUIRE(t->settings().set(QStringLiteral("default_limit_max"), QStringLiteral("200")));
    auto s = *t->settings().load();
    CHECK(s.name == QStringLiteral("Neuadd Gymunedol Llanfair"));
    CHECK(s.unitName == QStringLiteral("Credits"));
    CHECK(s.defaultLimitMin.minor() == -5050);
    CHECK(s.defaultLimitMax->minor() == 20000);
    CHECK(SettingsService::textValue(s, QStringLiteral("default_limit_min")) == QStringLiteral("-50.50"));

    // Changing decimals keeps each limit's value in the unit.
    REQUIRE(t->settings().set(QStringLiteral("decimals"), QStringLiteral("3")));
    s = *t->settings().load();
    CHECK(s.defaultLimitMin.minor() == -50500);
    auto lossy = t->settings().set(QStringLiteral("decimals"), QStringLiteral("0"));
    CHECK_FALSE(lossy);
    REQUIRE(t->settings().set(QStringLiteral("default_limit_max"), QString()));
    CHECK_FALSE(t->settings().load()->defaultLimitMax.has_value());
}

TEST_CASE("the integrity check passes on a new hub")
{
    TempHub t;
    CHECK(t->integrity().runAll().isEmpty());
    CHECK(t->integrity().titles().size() >= 2);
}
