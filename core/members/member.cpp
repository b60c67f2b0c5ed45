// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/members/member.h"

namespace hub {

QString toString(MemberKind kind)
{
    return kind == MemberKind::Organisation ? QStringLiteral("organisation") : QStringLiteral("person");
}

QString toString(MemberStatus status)
{
    switch (status) {
    case MemberStatus::Active:
        return QStringLiteral("active");
    case MemberStatus::Lapsed:
        return QStringLiteral("lapsed");
    case MemberStatus::Left:
        return QStringLiteral("left");
    }
    return QStringLiteral("active");
}

std::optional<MemberKind> memberKindFrom(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QStringLiteral("person"))
        return MemberKind::Person;
    if (t == QStringLiteral("organisation") || t == QStringLiteral("organization") || t == QStringLiteral("org"))
        return MemberKind::Organisation;
    return std::nullopt;
}

std::optional<MemberStatus> memberStatusFrom(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QStringLiteral("active"))
        return MemberStatus::Active;
    if (t == QStringLiteral("lapsed"))
        return MemberStatus::Lapsed;
    if (t == QStringLiteral("left"))
        return MemberStatus::Left;
    return std::nullopt;
}

QString toString(SkillLevel level)
{
    switch (level) {
    case SkillLevel::Unspecified:
        return {};
    case SkillLevel::Beginner:
        return QStringLiteral("beginner");
    case SkillLevel::Intermediate:
        return QStringLiteral("intermediate");
    case SkillLevel::Expert:
        return QStringLiteral("expert");
    }
    return {};
}

std::optional<SkillLevel> skillLevelFrom(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t.isEmpty())
        return SkillLevel::Unspecified;
    if (t == QStringLiteral("beginner"))
        return SkillLevel::Beginner;
    if (t == QStringLiteral("intermediate"))
        return SkillLevel::Intermediate;
    if (t == QStringLiteral("expert"))
        return SkillLevel::Expert;
    return std::nullopt;
}

QString toString(Urgency urgency)
{
    switch (urgency) {
    case Urgency::Low:
        return QStringLiteral("low");
    case Urgency::Normal:
        return QStringLiteral("normal");
    case Urgency::High:
        return QStringLiteral("high");
    }
    return QStringLiteral("normal");
}

std::optional<Urgency> urgencyFrom(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QStringLiteral("low"))
        return Urgency::Low;
    if (t.isEmpty() || t == QStringLiteral("normal"))
        return Urgency::Normal;
    if (t == QStringLiteral("high"))
        return Urgency::High;
    return std::nullopt;
}

QString Member::postcodeDistrict() const
{
    const QString pc = postcode.trimmed().toUpper();
    if (pc.contains(u' '))
        return pc.section(u' ', 0, 0);
    // UK inward codes are always three characters.
    return pc.size() > 4 ? pc.left(pc.size() - 3) : pc;
}

} // namespace hub
