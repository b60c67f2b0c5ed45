// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/demo/demogenerator.h"

namespace hub {

/// The demo hub's rooms and their calendar: the main hall with its stage, the
/// kitchen, two breakout rooms, the café corner and the quiet room (and, in the
/// town and city demos, more rooms on more sites), each with buffers, opening
/// hours and a colour; Christmas and a few other closed days; weekly series
/// (yoga, the Friendly gathering, the repair café, the choir) and one-off
/// events booked by demo members, some of them tentative holds or cancelled.
/// Everything is booked through BookingService, and every booking is placed
/// in a free gap inside the opening hours, so the service never has to refuse
/// one and the calendar has no conflicts.
class SpaceDemoPart final : public DemoPart
{
public:
    QString name() const override { return QStringLiteral("spaces"); }
    Status generate(Hub &hub, DemoContext &context) override;

    /// How many bookings (series occurrences, one-offs, holds and cancelled
    /// ones together) a scale makes.
    static int bookingCount(DemoScale scale);
    /// How many spaces a scale has.
    static int spaceCount(DemoScale scale);
};

} // namespace hub
