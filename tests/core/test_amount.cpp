// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/amount.h"
#include "tests/support/catchqt.h"

#include <limits>

using hub::Amount;
using hub::ErrorKind;

namespace {
qint64 parsed(const QString &text, int decimals)
{
    auto a = Amount::parse(text, decimals);
    REQUIRE(a.has_value());
    return a->minor();
}
bool refused(const QString &text, int decimals)
{
    auto a = Amount::parse(text, decimals);
    if (a)
        return false;
    CHECK(a.error().kind == ErrorKind::Invalid);
    CHECK_FALSE(a.error().message.isEmpty());
    return true;
}
} // namespace

TEST_CASE("amounts parse exactly into minor units")
{
    CHECK(parsed(QStringLiteral("12.50"), 2) == 1250);
    CHECK(parsed(QStringLiteral("12.5"), 2) == 1250);
    CHECK(parsed(QStringLiteral("12"), 2) == 1200);
    CHECK(parsed(QStringLiteral("-3.07"), 2) == -307);
    CHECK(parsed(QStringLiteral("+0.01"), 2) == 1);
    CHECK(parsed(QStringLiteral("0"), 0) == 0);
    CHECK(parsed(QStringLiteral(" 7 "), 0) == 7);
    CHECK(parsed(QStringLiteral("1.2345"), 4) == 12345);
    CHECK(parsed(QStringLiteral("007.10"), 2) == 710);
}

TEST_CASE("amounts at the edges of int64 parse and one beyond is an overflow error")
{
    CHECK(parsed(QStringLiteral("9223372036854775807"), 0) == std::numeric_limits<qint64>::max());
    CHECK(parsed(QStringLiteral("-9223372036854775808"), 0) == std::numeric_limits<qint64>::min());
    CHECK(parsed(QStringLiteral("92233720368547758.07"), 2) == std::numeric_limits<qint64>::max());
    CHECK(refused(QStringLiteral("9223372036854775808"), 0));
    CHECK(refused(QStringLiteral("-9223372036854775809"), 0));
    CHECK(refused(QStringLiteral("92233720368547758.08"), 2));
    CHECK(refused(QStringLiteral("99999999999999999999999"), 2));
}

TEST_CASE("too many decimals and exponents and separators and stray characters are errors and not roundings")
{
    CHECK(refused(QStringLiteral("12.505"), 2));
    CHECK(refused(QStringLiteral("1.5"), 0));
    CHECK(refused(QStringLiteral("1e3"), 2));
    CHECK(refused(QStringLiteral("1E3"), 2));
    CHECK(refused(QStringLiteral("1,000"), 2));
    CHECK(refused(QStringLiteral("12,50"), 2));
    CHECK(refused(QStringLiteral("1 000"), 2));
    CHECK(refused(QStringLiteral("12.50h"), 2));
    CHECK(refused(QStringLiteral("£12"), 2));
    CHECK(refused(QStringLiteral(""), 2));
    CHECK(refused(QStringLiteral("   "), 2));
    CHECK(refused(QStringLiteral("-"), 2));
    CHECK(refused(QStringLiteral(".5"), 2));
    CHECK(refused(QStringLiteral("5."), 2));
    CHECK(refused(QStringLiteral("--5"), 2));
    CHECK(refused(QStringLiteral("0x10"), 2));
    CHECK(refused(QStringLiteral("NaN"), 2));
    CHECK(refused(QStringLiteral("١٢"), 2)); // Arabic-Indic digits are not ASCII digits
}

TEST_CASE("amounts format with the unit's decimals and no grouping")
{
    CHECK(Amount::fromMinor(1250).toString(2) == QStringLiteral("12.50"));
    CHECK(Amount::fromMinor(-5).toString(2) == QStringLiteral("-0.05"));
    CHECK(Amount::fromMinor(0).toString(2) == QStringLiteral("0.00"));
    CHECK(Amount::fromMinor(1234567).toString(0) == QStringLiteral("1234567"));
    CHECK(Amount::fromMinor(std::numeric_limits<qint64>::min()).toString(2) == QStringLiteral("-92233720368547758.08"));
    CHECK(Amount::fromMinor(std::numeric_limits<qint64>::max()).toString(4) == QStringLiteral("922337203685477.5807"));
}

TEST_CASE("formatting and parsing round-trip")
{
    for (qint64 v : {qint64(0), qint64(1), qint64(-1), qint64(99), qint64(-100), qint64(123456789),
                     std::numeric_limits<qint64>::max(), std::numeric_limits<qint64>::min()})
        for (int d = 0; d <= 4; ++d)
            CHECK(parsed(Amount::fromMinor(v).toString(d), d) == v);
}

TEST_CASE("checked arithmetic reports overflow")
{
    const Amount max = Amount::fromMinor(std::numeric_limits<qint64>::max());
    CHECK_FALSE(max.checkedAdd(Amount::fromMinor(1)).has_value());
    CHECK(max.checkedSub(Amount::fromMinor(1))->minor() == std::numeric_limits<qint64>::max() - 1);
    CHECK_FALSE(Amount::fromMinor(std::numeric_limits<qint64>::min()).checkedSub(Amount::fromMinor(1)));
}
