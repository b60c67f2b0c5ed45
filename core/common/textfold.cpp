// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/textfold.h"

#include <QHash>

namespace hub {

QString TextFold::fold(const QString &text)
{
    static const QHash<char16_t, QString> special = {
        {u'ł', QStringLiteral("l")},  {u'đ', QStringLiteral("d")},  {u'ø', QStringLiteral("o")},
        {u'ß', QStringLiteral("ss")}, {u'æ', QStringLiteral("ae")}, {u'œ', QStringLiteral("oe")},
        {u'ı', QStringLiteral("i")},  {u'þ', QStringLiteral("th")}, {u'ð', QStringLiteral("d")},
        {u'ħ', QStringLiteral("h")},  {u'ŀ', QStringLiteral("l")},  {u'ŧ', QStringLiteral("t")},
    };
    const QString decomposed = text.toCaseFolded().normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (QChar c : decomposed) {
        if (c.isMark())
            continue;
        const auto it = special.constFind(c.unicode());
        if (it != special.cend())
            out += *it;
        else
            out += c;
    }
    // Simple case folding leaves a few capitals alone (Turkish "İ" has only
    // a full folding); without their dot they fold now, so "İlker" sorts
    // and is found with the i's.
    return out.toCaseFolded();
}

QStringList TextFold::words(const QString &text)
{
    QStringList out;
    QString current;
    for (QChar c : fold(text)) {
        if (c.isLetterOrNumber()) {
            current += c;
        } else if (!current.isEmpty()) {
            out << current;
            current.clear();
        }
    }
    if (!current.isEmpty())
        out << current;
    return out;
}

} // namespace hub
