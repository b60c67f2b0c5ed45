// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/demo/demogenerator.h"

namespace hub {

/// Names the demo hub and sets its unit and time zone.
class SettingsDemoPart final : public DemoPart
{
public:
    QString name() const override { return QStringLiteral("settings"); }
    Status generate(Hub &hub, DemoContext &context) override;
};

} // namespace hub
