// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/members/memberenrolment.h"

#include "core/hub.h"
#include "core/members/listingservice.h"
#include "core/members/memberservice.h"
#include "core/members/skillservice.h"
#include "core/storage/unitofwork.h"

namespace hub {

ListingDraft ListingDraft::parse(const QString &text)
{
    const qsizetype colon = text.indexOf(u':');
    if (colon > 0 && colon <= 60 && colon + 1 < text.size())
        return {text.left(colon).simplified(), text.mid(colon + 1).trimmed()};
    return {QString(), text.trimmed()};
}

Result<Member> MemberEnrolment::enrol(Hub &hub, const Enrolment &e)
{
    // Each part asks its own permission and writes its own audit row; the
    // unit makes them one change.
    const UnitOfWork work(hub.sharedDatabase(), hub.access(), hub.audit());
    return work.runThenRead<MemberId>(
        std::nullopt, [&](Write &) -> Result<MemberId> { return enrolIn(hub, e); },
        [&hub](MemberId id) { return hub.members().get(id); });
}

Result<MemberId> MemberEnrolment::enrolIn(Hub &hub, const Enrolment &e)
{
    auto member = hub.members().add(e.member);
    if (!member)
        return fail(member.error());
    if (!e.skills.isEmpty())
        if (auto ok = hub.skills().setMemberSkills(member->id, e.skills); !ok)
            return fail(ok.error());
    for (const ListingDraft &o : e.offers)
        if (auto ok = hub.listings().addOffer(member->id, o.skill, o.description); !ok)
            return fail(Error{ok.error().kind, ok.error().message, QStringLiteral("offer")});
    for (const ListingDraft &n : e.needs)
        if (auto ok = hub.listings().addNeed(member->id, n.skill, n.description); !ok)
            return fail(Error{ok.error().kind, ok.error().message, QStringLiteral("need")});
    return member->id;
}

} // namespace hub
