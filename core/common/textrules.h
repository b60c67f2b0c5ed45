// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"

#include <QCoreApplication>
#include <QString>

namespace hub {

/// What a text field may hold, checked in core for every program. Control
/// characters (C0, DEL, C1) and the bidirectional overrides that can make
/// "Ada" display as something else are refused; notes may keep line breaks
/// and tabs. A name must show something: spaces and invisible characters
/// alone are no name.
class TextRules
{
    Q_DECLARE_TR_FUNCTIONS(hub::TextRules)
public:
    /// A one-line field (a name, a title, a memo): no control characters at all.
    static Status oneLine(const QString &text, const QString &where);
    /// A field of several lines (notes, an address): line breaks and tabs allowed.
    static Status multiLine(const QString &text, const QString &where);
    /// A name that must be there: oneLine, and not only spaces or zero-width characters.
    static Status name(const QString &text, const QString &where);

    /// True for a character no field may hold (see above); `multiLine` lets
    /// LF, CR and TAB through.
    static bool isForbidden(char32_t c, bool multiLine);
    /// True for a character that shows nothing: a space or a zero-width one.
    static bool isInvisible(char32_t c);
    /// `text` safe to print on a terminal: every forbidden character as \uXXXX.
    static QString printable(const QString &text);
};

} // namespace hub
