// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/gatherings/gathering.h"

#include <QCoreApplication>

namespace hub {

namespace {

template<typename E, size_t N>
std::optional<E> lookup(const QString &text, const std::array<std::pair<E, const char16_t *>, N> &names)
{
    for (const auto &[value, name] : names)
        if (text.compare(QStringView(name), Qt::CaseInsensitive) == 0)
            return value;
    return std::nullopt;
}

template<typename E, size_t N> QString name(E value, const std::array<std::pair<E, const char16_t *>, N> &names)
{
    for (const auto &[v, n] : names)
        if (v == value)
            return QString::fromUtf16(n);
    return {};
}

constexpr std::array<std::pair<GatheringKind, const char16_t *>, 4> KindNames{{
    {GatheringKind::Friendly, u"friendly"},
    {GatheringKind::Collaboratory, u"collaboratory"},
    {GatheringKind::BusinessChallenge, u"business-challenge"},
    {GatheringKind::Other, u"other"},
}};
constexpr std::array<std::pair<VotingMode, const char16_t *>, 2> VotingNames{{
    {VotingMode::OneVote, u"one-vote"},
    {VotingMode::Dots, u"dots"},
}};
constexpr std::array<std::pair<RegistrationStatus, const char16_t *>, 3> RegistrationNames{{
    {RegistrationStatus::Registered, u"registered"},
    {RegistrationStatus::Waiting, u"waiting"},
    {RegistrationStatus::Cancelled, u"cancelled"},
}};
constexpr std::array<std::pair<ActionStatus, const char16_t *>, 3> ActionNames{{
    {ActionStatus::Open, u"open"},
    {ActionStatus::Done, u"done"},
    {ActionStatus::Dropped, u"dropped"},
}};

} // namespace

QString toString(GatheringKind kind)
{
    return name(kind, KindNames);
}
std::optional<GatheringKind> gatheringKindFrom(const QString &text)
{
    return lookup(text.trimmed(), KindNames);
}
QString toString(VotingMode mode)
{
    return name(mode, VotingNames);
}
std::optional<VotingMode> votingModeFrom(const QString &text)
{
    return lookup(text.trimmed(), VotingNames);
}
QString toString(RegistrationStatus status)
{
    return name(status, RegistrationNames);
}
QString toString(ActionStatus status)
{
    return name(status, ActionNames);
}
std::optional<ActionStatus> actionStatusFrom(const QString &text)
{
    return lookup(text.trimmed(), ActionNames);
}

QString label(GatheringKind kind)
{
    switch (kind) {
    case GatheringKind::Friendly:
        return QCoreApplication::translate("hub::Gathering", "Friendly gathering");
    case GatheringKind::Collaboratory:
        return QCoreApplication::translate("hub::Gathering", "Collaboratory");
    case GatheringKind::BusinessChallenge:
        return QCoreApplication::translate("hub::Gathering", "Business challenge");
    case GatheringKind::Other:
        break;
    }
    return QCoreApplication::translate("hub::Gathering", "Other");
}

QString label(ActionStatus status)
{
    switch (status) {
    case ActionStatus::Open:
        return QCoreApplication::translate("hub::Gathering", "Open");
    case ActionStatus::Done:
        return QCoreApplication::translate("hub::Gathering", "Done");
    case ActionStatus::Dropped:
        break;
    }
    return QCoreApplication::translate("hub::Gathering", "Dropped");
}

} // namespace hub
