// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/amount.h"

#include <limits>

namespace hub {

namespace {
bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}
} // namespace

Result<Amount> Amount::parse(QStringView text, int decimals)
{
    Q_ASSERT(decimals >= 0 && decimals <= MaxDecimals);
    const QString shown = text.toString();
    const QStringView s = text.trimmed();
    if (s.isEmpty())
        return fail(Error::invalid(tr("an amount is required")));

    qsizetype i = 0;
    bool negative = false;
    if (s[0] == u'-' || s[0] == u'+') {
        negative = s[0] == u'-';
        ++i;
    }
    const qsizetype intStart = i;
    while (i < s.size() && isAsciiDigit(s[i]))
        ++i;
    const QStringView intPart = s.mid(intStart, i - intStart);
    QStringView fracPart;
    bool hasPoint = false;
    if (i < s.size() && s[i] == u'.') {
        hasPoint = true;
        const qsizetype fracStart = ++i;
        while (i < s.size() && isAsciiDigit(s[i]))
            ++i;
        fracPart = s.mid(fracStart, i - fracStart);
    }
    if (i != s.size()) {
        const QChar bad = s[i];
        if (bad == u'e' || bad == u'E')
            return fail(Error::invalid(tr("“%1” is not an amount: exponents are not allowed").arg(shown)));
        if (bad == u',')
            return fail(Error::invalid(
                tr("“%1” is not an amount: use a point for decimals and no thousands separators").arg(shown)));
        return fail(Error::invalid(tr("“%1” is not an amount: unexpected character “%2”").arg(shown, QString(bad))));
    }
    if (intPart.isEmpty())
        return fail(Error::invalid(tr("“%1” is not an amount: digits are required before the point").arg(shown)));
    if (hasPoint && fracPart.isEmpty())
        return fail(Error::invalid(tr("“%1” is not an amount: digits are required after the point").arg(shown)));
    if (fracPart.size() > decimals) {
        if (decimals == 0)
            return fail(Error::invalid(tr("“%1” has decimals, but this unit has none").arg(shown)));
        return fail(Error::invalid(
            tr("“%1” has too many decimal places; at most %2 are allowed").arg(shown, QString::number(decimals))));
    }

    // Accumulate as a negative number so that the minimum int64 parses too.
    qint64 value = 0;
    const auto overflow = [&] {
        return fail(Error::invalid(tr("“%1” is too large to be an amount").arg(shown)));
    };
    const auto push = [&](int digit) {
        return !__builtin_mul_overflow(value, qint64(10), &value) &&
               !__builtin_sub_overflow(value, qint64(digit), &value);
    };
    for (QChar c : intPart)
        if (!push(c.digitValue()))
            return overflow();
    for (int d = 0; d < decimals; ++d)
        if (!push(d < fracPart.size() ? fracPart[d].digitValue() : 0))
            return overflow();
    if (!negative) {
        if (value == std::numeric_limits<qint64>::min())
            return overflow();
        value = -value;
    }
    return Amount(value);
}

QString Amount::toString(int decimals) const
{
    char16_t buffer[MaxChars];
    char16_t *end = buffer + MaxChars;
    const char16_t *start = writeBackwards(end, decimals);
    return QString(reinterpret_cast<const QChar *>(start), end - start);
}

char16_t *Amount::writeBackwards(char16_t *end, int decimals) const
{
    Q_ASSERT(decimals >= 0 && decimals <= MaxDecimals);
    // Work on the unsigned magnitude so the minimum int64 prints correctly.
    const bool negative = m_minor < 0;
    quint64 magnitude = negative ? quint64(0) - quint64(m_minor) : quint64(m_minor);
    char16_t *p = end;
    int written = 0;
    do {
        if (decimals > 0 && written == decimals)
            *--p = u'.';
        *--p = char16_t(u'0' + magnitude % 10);
        magnitude /= 10;
        ++written;
    } while (magnitude > 0 || written <= decimals);
    if (negative)
        *--p = u'-';
    return p;
}

std::optional<Amount> Amount::checkedAdd(Amount other) const
{
    qint64 r;
    if (__builtin_add_overflow(m_minor, other.m_minor, &r))
        return std::nullopt;
    return Amount(r);
}

std::optional<Amount> Amount::checkedSub(Amount other) const
{
    qint64 r;
    if (__builtin_sub_overflow(m_minor, other.m_minor, &r))
        return std::nullopt;
    return Amount(r);
}

} // namespace hub
