// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/members/memberpersonaldata.h"

#include "core/hub.h"
#include "core/members/listingservice.h"
#include "core/members/memberjson.h"
#include "core/members/memberservice.h"
#include "core/members/skillservice.h"
#include "core/privacy/personaldataregistry.h"
#include "core/settings/settingsservice.h"

#include <QJsonArray>

namespace hub {

namespace {
template<typename T, typename F> Result<QJsonValue> arrayOf(const Result<QList<T>> &items, F toJson)
{
    if (!items)
        return fail(items.error());
    QJsonArray out;
    for (const T &item : *items)
        out.append(toJson(item));
    return QJsonValue(out);
}
} // namespace

void registerMemberPersonalData(Hub &hub)
{
    PersonalDataRegistry &registry = hub.personalData();
    Hub *h = &hub;
    registry.addSection(QStringLiteral("member"), [h](MemberId id) -> Result<QJsonValue> {
        auto m = h->members().get(id);
        if (!m)
            return fail(m.error());
        return QJsonValue(MemberJson::member(*m));
    });
    registry.addSection(QStringLiteral("consent_history"),
                        [h](MemberId id) { return arrayOf(h->members().consentHistory(id), &MemberJson::consent); });
    registry.addSection(QStringLiteral("organisation_contacts"), [h](MemberId id) {
        return arrayOf(h->members().contacts(id), [](const Member &m) {
            return QJsonObject{{QStringLiteral("id"), double(m.id.value())},
                               {QStringLiteral("display_name"), m.displayName}};
        });
    });
    registry.addSection(QStringLiteral("skills"),
                        [h](MemberId id) { return arrayOf(h->skills().memberSkills(id), &MemberJson::skill); });
    registry.addSection(QStringLiteral("offers"), [h](MemberId id) {
        const int decimals = h->settings().load().value_or(HubSettings::defaults()).decimals;
        return arrayOf(h->listings().offers(id), [decimals](const Offer &o) { return MemberJson::offer(o, decimals); });
    });
    registry.addSection(QStringLiteral("needs"),
                        [h](MemberId id) { return arrayOf(h->listings().needs(id), &MemberJson::need); });
}

} // namespace hub
