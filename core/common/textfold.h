// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace hub {

/// Folds text for searching, sorting and comparing names: case-folded,
/// accents removed, and letters without a Unicode decomposition mapped by
/// hand (ł→l, ø→o, ß→ss, ...), so "Zoë" matches "Zoe" and "Łódź" matches "Lodz".
class TextFold
{
public:
    /// Bumped when the rules change; a hub re-folds stored keys once (Hub::open).
    static constexpr int Version = 2;
    static QString fold(const QString &text);
    /// Folded words of `text` (letters and digits), for building FTS queries.
    static QStringList words(const QString &text);
};

} // namespace hub
