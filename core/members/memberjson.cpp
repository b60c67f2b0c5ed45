// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/members/memberjson.h"

#include <QJsonArray>

namespace hub {

namespace {
QJsonValue text(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}
QJsonValue date(const QDate &d)
{
    return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue();
}
QJsonValue instant(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODate)) : QJsonValue();
}
} // namespace

QJsonObject MemberJson::member(const Member &m)
{
    return QJsonObject{
        {QStringLiteral("id"), double(m.id.value())},
        {QStringLiteral("kind"), toString(m.kind)},
        {QStringLiteral("display_name"), m.displayName},
        {QStringLiteral("given_name"), text(m.givenName)},
        {QStringLiteral("family_name"), text(m.familyName)},
        {QStringLiteral("email"), text(m.email)},
        {QStringLiteral("phone"), text(m.phone)},
        {QStringLiteral("postcode"), text(m.postcode)},
        {QStringLiteral("address"), text(m.address)},
        {QStringLiteral("website"), text(m.website)},
        {QStringLiteral("notes"), text(m.notes)},
        {QStringLiteral("status"), toString(m.status)},
        {QStringLiteral("joined_on"), date(m.joinedOn)},
        {QStringLiteral("lapsed_on"), date(m.lapsedOn)},
        {QStringLiteral("left_on"), date(m.leftOn)},
        {QStringLiteral("interests"), QJsonArray::fromStringList(m.interests)},
        {QStringLiteral("directory_visible"), m.consent.directoryVisible},
        {QStringLiteral("show_email"), m.consent.showEmail},
        {QStringLiteral("show_phone"), m.consent.showPhone},
        {QStringLiteral("consent_changed_at"), instant(m.consentChangedAt)},
        {QStringLiteral("forgotten"), m.forgotten},
        {QStringLiteral("created_at"), instant(m.createdAt)},
        {QStringLiteral("updated_at"), instant(m.updatedAt)},
    };
}

QJsonObject MemberJson::skill(const MemberSkill &s)
{
    return QJsonObject{{QStringLiteral("skill_id"), double(s.skill.value())},
                       {QStringLiteral("name"), s.name},
                       {QStringLiteral("level"), text(toString(s.level))}};
}

QJsonObject MemberJson::offer(const Offer &o, int decimals)
{
    return QJsonObject{
        {QStringLiteral("id"), double(o.id.value())},
        {QStringLiteral("member_id"), double(o.member.value())},
        {QStringLiteral("skill"), text(o.skillName)},
        {QStringLiteral("description"), o.description},
        {QStringLiteral("rate"), o.rate ? QJsonValue(o.rate->toString(decimals)) : QJsonValue()},
        {QStringLiteral("rate_minor"), o.rate ? QJsonValue(double(o.rate->minor())) : QJsonValue()},
        {QStringLiteral("status"), o.status == ListingStatus::Open ? QStringLiteral("open") : QStringLiteral("closed")},
        {QStringLiteral("created_at"), instant(o.createdAt)},
    };
}

QJsonObject MemberJson::need(const Need &n)
{
    return QJsonObject{
        {QStringLiteral("id"), double(n.id.value())},
        {QStringLiteral("member_id"), double(n.member.value())},
        {QStringLiteral("skill"), text(n.skillName)},
        {QStringLiteral("description"), n.description},
        {QStringLiteral("urgency"), toString(n.urgency)},
        {QStringLiteral("status"), n.status == ListingStatus::Open ? QStringLiteral("open") : QStringLiteral("closed")},
        {QStringLiteral("created_at"), instant(n.createdAt)},
    };
}

QJsonObject MemberJson::consent(const ConsentChange &c)
{
    return QJsonObject{{QStringLiteral("at"), instant(c.at)},
                       {QStringLiteral("directory_visible"), c.consent.directoryVisible},
                       {QStringLiteral("show_email"), c.consent.showEmail},
                       {QStringLiteral("show_phone"), c.consent.showPhone}};
}

QJsonObject MemberJson::match(const Match &m, int decimals)
{
    return QJsonObject{
        {QStringLiteral("need"), need(m.need)},
        {QStringLiteral("need_member"), m.needMemberName},
        {QStringLiteral("offer"), offer(m.offer, decimals)},
        {QStringLiteral("offer_member"), m.offerMemberName},
        {QStringLiteral("same_skill"), m.sameSkill},
        {QStringLiteral("text_score"), m.textScore},
        {QStringLiteral("same_area"), m.sameDistrict},
        {QStringLiteral("reasons"), QJsonArray::fromStringList(m.reasons)},
    };
}

} // namespace hub
