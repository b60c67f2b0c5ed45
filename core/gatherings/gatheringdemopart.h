// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/demo/demogenerator.h"

namespace hub {

/// A year of the Citizens' Action Network cycle: monthly Friendly gatherings
/// and quarterly Collaboratories (plus, in bigger hubs, business-challenge
/// evenings), booked through the BookingService in the main hall (or, at the
/// bigger scales, any room big enough, and outdoors when every room is taken).
/// Regulars and newcomers sign up and check in, walk-ins come, ideas are told
/// with their stories and voted on, Collaboratories promote the best into
/// working groups with actions (some done, some overdue), and local businesses
/// bring challenges that members volunteer for. Run after the members and
/// spaces parts; deterministic for a seed.
class GatheringDemoPart final : public DemoPart
{
public:
    QString name() const override { return QStringLiteral("gatherings"); }
    Status generate(Hub &hub, DemoContext &context) override;

    /// Gatherings a scale makes: 12, 200 or 5,000.
    static int gatheringCount(DemoScale scale);
};

} // namespace hub
