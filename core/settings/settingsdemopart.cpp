// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/settings/settingsdemopart.h"

#include "core/hub.h"
#include "core/settings/settingsservice.h"

namespace hub {

Status SettingsDemoPart::generate(Hub &hub, DemoContext &context)
{
    static const QStringList places = {
        QStringLiteral("Riverside"),     QStringLiteral("Northfield"), QStringLiteral("Canal Street"),
        QStringLiteral("Llanfair Road"), QStringLiteral("Old Market"), QStringLiteral("Brookside"),
    };
    auto settings = hub.settings().load();
    if (!settings)
        return fail(settings.error());
    settings->name = context.pick(places) + QStringLiteral(" Community Hub");
    settings->timeZone = QStringLiteral("Europe/London");
    settings->unitName = QStringLiteral("Hours");
    settings->unitSymbol = QStringLiteral("h");
    settings->decimals = 2;
    settings->defaultLimitMin = Amount::fromMinor(-2000);
    settings->defaultLimitMax.reset();
    if (auto ok = hub.settings().save(*settings); !ok)
        return ok;
    return context.progress(1, 1);
}

} // namespace hub
