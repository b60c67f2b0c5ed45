// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Lets Catch2 print Qt values in failed assertions.

#include <QString>

#include <catch2/catch.hpp>

namespace Catch {
template<> struct StringMaker<QString>
{
    static std::string convert(const QString &s) { return '"' + s.toStdString() + '"'; }
};
} // namespace Catch
