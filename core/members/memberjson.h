// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/members/matchfinder.h"
#include "core/members/member.h"

#include <QJsonObject>

namespace hub {

/// The JSON shapes of the directory, shared by hubctl, exports and subject access.
class MemberJson
{
public:
    static QJsonObject member(const Member &m);
    static QJsonObject skill(const MemberSkill &s);
    static QJsonObject offer(const Offer &o, int decimals);
    static QJsonObject need(const Need &n);
    static QJsonObject consent(const ConsentChange &c);
    static QJsonObject match(const Match &m, int decimals);
};

} // namespace hub
