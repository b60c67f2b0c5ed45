// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/sentence.h"

namespace hub {

QString sentence(const QString &fragment)
{
    QString text = fragment;
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

} // namespace hub
