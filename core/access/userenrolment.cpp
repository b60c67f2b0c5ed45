// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/access/userenrolment.h"

#include "core/access/accesscontrol.h"
#include "core/hub.h"
#include "core/members/memberservice.h"
#include "core/storage/unitofwork.h"

namespace hub {

Result<User> UserEnrolment::add(Hub &hub, const UserDraft &draft)
{
    // Asked first, so someone who may not add users never adds a member either.
    const UnitOfWork work(hub.sharedDatabase(), hub.access(), hub.audit());
    return work.run<User>(Permission::ManageUsers, [&](Write &) -> Result<User> { return addIn(hub, draft); });
}

Result<User> UserEnrolment::addIn(Hub &hub, const UserDraft &draft)
{
    if (draft.newMember.has_value() == draft.member.isValid())
        return fail(Error::usage(tr("Name either the member this user is or the new member to add."),
                                 QStringLiteral("member")));
    MemberId member = draft.member;
    if (draft.newMember) {
        auto added = hub.members().add(*draft.newMember);
        if (!added) {
            Error e = added.error();
            e.where = QStringLiteral("member");
            return fail(e);
        }
        member = added->id;
    }
    return hub.users().add(draft.name, member, draft.roles, draft.passphrase, draft.pin);
}

} // namespace hub
