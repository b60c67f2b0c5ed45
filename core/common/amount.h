// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"

#include <QCoreApplication>
#include <QString>

#include <compare>

namespace hub {

/// Money or credit as an exact integer of minor units (never floating point).
/// How many decimals a unit has is a hub setting, so parsing and formatting
/// take it as an argument rather than reading global state.
class Amount
{
    Q_DECLARE_TR_FUNCTIONS(hub::Amount)
public:
    static constexpr int MaxDecimals = 6;

    constexpr Amount() = default;
    static constexpr Amount fromMinor(qint64 minor) { return Amount(minor); }

    constexpr qint64 minor() const { return m_minor; }
    constexpr bool isZero() const { return m_minor == 0; }
    constexpr bool isNegative() const { return m_minor < 0; }

    /// Strict parse of a decimal like "12.50", "-3", "+0.5". Too many decimals,
    /// exponents, thousands separators, spaces inside, overflow and any other
    /// stray character are errors, never roundings.
    static Result<Amount> parse(QStringView text, int decimals);

    /// "1250" with 2 decimals -> "12.50"; always a '.' and no grouping.
    QString toString(int decimals) const;
    /// The same text written so it ends at `end`, for callers that format
    /// millions without allocating; returns where it starts. Needs MaxChars
    /// characters before `end`.
    char16_t *writeBackwards(char16_t *end, int decimals) const;
    static constexpr int MaxChars = 20 + MaxDecimals + 2; // digits, leading zeros, '.', '-'

    constexpr auto operator<=>(const Amount &) const = default;
    constexpr Amount operator-() const { return Amount(-m_minor); }

    /// Sums that would overflow are reported rather than wrapped.
    std::optional<Amount> checkedAdd(Amount other) const;
    std::optional<Amount> checkedSub(Amount other) const;

private:
    constexpr explicit Amount(qint64 minor) : m_minor(minor) {}
    qint64 m_minor = 0;
};

} // namespace hub
