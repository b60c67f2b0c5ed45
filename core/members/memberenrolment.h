// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/members/member.h"

#include <QCoreApplication>

namespace hub {

class Hub;

/// A listing typed together with a new member: "Guitar: can teach beginners".
struct ListingDraft
{
    QString skill; ///< may be empty
    QString description;

    /// Splits "Skill: text" into its skill and description; without a
    /// "Skill:" prefix the whole text is the description.
    static ListingDraft parse(const QString &text);
};

/// Everything known about a member when they join.
struct Enrolment
{
    MemberDraft member;
    QList<MemberSkill> skills;
    QList<ListingDraft> offers;
    QList<ListingDraft> needs;
};

/// Adds a member with their skills, offers and needs: all of it or nothing.
class MemberEnrolment
{
    Q_DECLARE_TR_FUNCTIONS(hub::MemberEnrolment)
public:
    static Result<Member> enrol(Hub &hub, const Enrolment &enrolment);

private:
    static Result<MemberId> enrolIn(Hub &hub, const Enrolment &enrolment);
};

} // namespace hub
