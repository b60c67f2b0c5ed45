// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/hintlabel.h"

#include <QLabel>
#include <QPalette>
#include <QString>

namespace hub {

QLabel *hintLabel(const QString &text)
{
    auto *label = new QLabel(text);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace hub
