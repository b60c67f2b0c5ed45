// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/amount.h"
#include "core/common/ids.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace hub {

enum class MemberKind
{
    Person,
    Organisation
};
enum class MemberStatus
{
    Active,
    Lapsed,
    Left
};

QString toString(MemberKind kind);
QString toString(MemberStatus status);
std::optional<MemberKind> memberKindFrom(const QString &text);
std::optional<MemberStatus> memberStatusFrom(const QString &text);

/// What a member agreed to show in the shared directory.
struct Consent
{
    bool directoryVisible = false; ///< appears in the shared directory and in matching
    bool showEmail = false;
    bool showPhone = false;
    bool operator==(const Consent &) const = default;
};

/// One change of consent, kept so the hub can show when consent was given.
struct ConsentChange
{
    QDateTime at; ///< UTC
    Consent consent;
};

/// The fields a person types when adding or editing a member.
struct MemberDraft
{
    MemberKind kind = MemberKind::Person;
    QString displayName;
    QString givenName;
    QString familyName;
    QString email;
    QString phone;
    QString postcode;
    QString address;
    QString website;
    QString notes;
    MemberStatus status = MemberStatus::Active;
    QDate joinedOn; ///< defaults to today in the hub's zone
    QDate lapsedOn;
    QDate leftOn;
    QStringList interests; ///< roles of interest: volunteer, facilitator, business, ...
    Consent consent;
};

/// A member as stored.
struct Member : MemberDraft
{
    MemberId id;
    bool forgotten = false;
    QDateTime createdAt; ///< UTC
    QDateTime updatedAt; ///< UTC
    QDateTime consentChangedAt;

    /// The outward part of a UK postcode ("CF10" of "CF10 1AA"), for locality.
    QString postcodeDistrict() const;
};

/// A skill in the hub's managed taxonomy.
struct Skill
{
    SkillId id;
    QString name;
    QString category;
    int memberCount = 0;
};

enum class SkillLevel
{
    Unspecified,
    Beginner,
    Intermediate,
    Expert
};
QString toString(SkillLevel level);
std::optional<SkillLevel> skillLevelFrom(const QString &text);

/// A skill a member has.
struct MemberSkill
{
    SkillId skill;
    QString name;
    SkillLevel level = SkillLevel::Unspecified;
};

enum class ListingStatus
{
    Open,
    Closed
};
enum class Urgency
{
    Low,
    Normal,
    High
};
QString toString(Urgency urgency);
std::optional<Urgency> urgencyFrom(const QString &text);

/// "Can teach guitar": something a member offers.
struct Offer
{
    OfferId id;
    MemberId member;
    SkillId skill; ///< may be invalid: an offer without a skill
    QString skillName;
    QString description;
    std::optional<Amount> rate; ///< in credits, if the member asks for any
    ListingStatus status = ListingStatus::Open;
    QDateTime createdAt;
};

/// "Need help with accounts": something a member needs.
struct Need
{
    NeedId id;
    MemberId member;
    SkillId skill;
    QString skillName;
    QString description;
    Urgency urgency = Urgency::Normal;
    ListingStatus status = ListingStatus::Open;
    QDateTime createdAt;
};

} // namespace hub
