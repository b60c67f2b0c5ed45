// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/gatherings/gathering.h"

#include <QJsonObject>

namespace hub::cli {

struct CommandSession;

// What the gathering, attendance, idea and working-group commands share: the
// JSON shape of each record, so a record reads the same whichever command
// printed it, and the core errors re-aimed at the options that caused them.

/// `e` with a core field name ("attendees", "voter") turned into the option a
/// hubctl user typed ("--capacity", "--by").
Error asGatheringOption(Error e);

QJsonObject gatheringJson(const Gathering &g, const CommandSession &s);
QJsonObject registrationJson(const Registration &r);
QJsonObject attendeeJson(const Attendee &a);
QJsonObject ideaJson(const Idea &i);
QJsonObject groupJson(const WorkingGroup &g);
QJsonObject actionJson(const GroupAction &a, QDate today);

} // namespace hub::cli
