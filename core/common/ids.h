// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHashFunctions>
#include <QtGlobal>

#include <compare>

namespace hub {

/// A strongly typed row id: a MemberId cannot be passed where a SkillId is meant.
template<typename Tag> class Id
{
public:
    constexpr Id() = default;
    constexpr explicit Id(qint64 value) : m_value(value) {}
    constexpr qint64 value() const { return m_value; }
    constexpr bool isValid() const { return m_value > 0; }
    constexpr auto operator<=>(const Id &) const = default;

private:
    qint64 m_value = 0;
};

template<typename Tag> size_t qHash(Id<Tag> id, size_t seed = 0) noexcept
{
    return ::qHash(id.value(), seed);
}

using MemberId = Id<struct MemberTag>;
using SkillId = Id<struct SkillTag>;
using OfferId = Id<struct OfferTag>;
using NeedId = Id<struct NeedTag>;

} // namespace hub
