// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/textrules.h"

#include <QList>

namespace hub {

namespace {
QString codeOf(char32_t c)
{
    return QStringLiteral("U+") + QString::number(uint(c), 16).toUpper().rightJustified(4, u'0');
}

Status check(const QString &text, const QString &where, bool multiLine)
{
    qsizetype position = 0;
    for (const uint code : text.toUcs4()) {
        const char32_t c = code;
        ++position;
        if (TextRules::isForbidden(c, multiLine)) {
            const QString what = c == 0 ? TextRules::tr("a NUL character")
                                 : (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
                                     ? TextRules::tr("a text-direction override (%1)").arg(codeOf(c))
                                     : TextRules::tr("a control character (%1)").arg(codeOf(c));
            return fail(Error::invalid(
                TextRules::tr("%1 at character %2 cannot be kept; remove it").arg(what).arg(position), where));
        }
    }
    return {};
}
} // namespace

bool TextRules::isForbidden(char32_t c, bool multiLine)
{
    if (multiLine && (c == u'\n' || c == u'\r' || c == u'\t'))
        return false;
    return c < 0x20 ||
           (c >= 0x7F && c <= 0x9F)
           // bidi embeddings and overrides, isolates
           || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069)
           // line and paragraph separators break one-line fields too
           || ((c == 0x2028 || c == 0x2029) && !multiLine);
}

bool TextRules::isInvisible(char32_t c)
{
    return QChar::isSpace(c) || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF ||
           c == 0x180E || c == 0x00AD;
}

Status TextRules::oneLine(const QString &text, const QString &where)
{
    return check(text, where, false);
}

Status TextRules::multiLine(const QString &text, const QString &where)
{
    return check(text, where, true);
}

Status TextRules::name(const QString &text, const QString &where)
{
    if (auto ok = oneLine(text, where); !ok)
        return ok;
    for (const uint c : text.toUcs4())
        if (!isInvisible(c))
            return {};
    return fail(Error::invalid(tr("a name is required: spaces and invisible characters alone are not one"), where));
}

QString TextRules::printable(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const uint code : text.toUcs4()) {
        const char32_t c = code;
        if (isForbidden(c, true))
            out += QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0'));
        else
            out += QString::fromUcs4(&c, 1);
    }
    return out;
}

} // namespace hub
