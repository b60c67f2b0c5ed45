// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/access/userservice.h"
#include "core/members/member.h"

#include <optional>

namespace hub {

class Hub;

/// A new user: the sign-in name, the member they are (one already in the
/// hub, or one added with them) and what they may do.
struct UserDraft
{
    QString name;
    MemberId member;                      ///< an existing member, or
    std::optional<MemberDraft> newMember; ///< the member to add with the user
    QList<Role> roles;
    QString passphrase;
    QString pin; ///< optional
};

/// Adds a user together with (when asked) their new member: one change, all
/// of it or nothing. The user dialog, the welcome dialog's first admin and
/// `hubctl user add --new-member` all come here.
class UserEnrolment
{
    Q_DECLARE_TR_FUNCTIONS(hub::UserEnrolment)
public:
    /// A problem with the new member comes back with where = "member".
    static Result<User> add(Hub &hub, const UserDraft &draft);

private:
    static Result<User> addIn(Hub &hub, const UserDraft &draft);
};

} // namespace hub
