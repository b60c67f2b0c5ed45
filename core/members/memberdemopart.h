// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/demo/demogenerator.h"

namespace hub {

/// Members, skills, offers and needs for the demo hub: people with names from
/// the many cultures of a Cardiff neighbourhood (accents and all), Cardiff
/// postcodes, a skills taxonomy, and local organisations with contact people.
/// Everything goes through the member, skill and listing services, so demo
/// data obeys the same rules as data people type.
class MemberDemoPart final : public DemoPart
{
public:
    QString name() const override { return QStringLiteral("members"); }
    Status generate(Hub &hub, DemoContext &context) override;

    /// How many members (people and organisations) a scale makes.
    static int memberCount(DemoScale scale);
    /// How many of them are organisations (about 3%).
    static int organisationCount(DemoScale scale);
};

} // namespace hub
