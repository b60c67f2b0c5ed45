// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/demo/demogenerator.h"

namespace hub {

/// A year of trade for the demo hub: accounts for every member, transfers whose
/// memos fit what the payee offers ("2h guitar lesson"), a few busy traders and
/// many occasional ones, monthly levies to the hub's account, some reversals
/// and limit changes. Everything is posted through LedgerService, so the
/// limits hold at every step exactly as they do for people; a transfer the
/// service refuses is simply not made and another one is drawn.
class LedgerDemoPart final : public DemoPart
{
public:
    QString name() const override { return QStringLiteral("ledger"); }
    Status generate(Hub &hub, DemoContext &context) override;

    /// How many transfers (trade, levies and reversals together) a scale makes.
    static int transferCount(DemoScale scale);
};

} // namespace hub
