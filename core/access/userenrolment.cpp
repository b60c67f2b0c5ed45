// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/access/userenrolment.h"

#include "core/access/accesscontrol.h"
#include "core/hub.h"
#include "core/members/memberservice.h"
#include "core/storage/transaction.h"

namespace hub {

Result<User> UserEnrolment::add(Hub &hub, const UserDraft &draft)
{
    // Asked first, so someone who may not add users never adds a member either.
    if (auto ok = hub.access().require(Permission::ManageUsers); !ok)
        return fail(ok.error());
    if (draft.newMember.has_value() == draft.member.isValid())
        return fail(Error::usage(tr("Name either the member this user is or the new member to add."),
                                 QStringLiteral("member")));
    auto tx = Transaction::begin(hub.database());
    if (!tx)
        return fail(tx.error());
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
    auto user = hub.users().add(draft.name, member, draft.roles, draft.passphrase, draft.pin);
    if (!user)
        return fail(user.error());
    if (auto committed = tx->commit(); !committed)
        return fail(committed.error());
    return user;
}

} // namespace hub
