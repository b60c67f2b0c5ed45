// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/pageheading.h"

#include <QLabel>

namespace hub {

QLabel *PageHeading::title(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    styleAsTitle(label);
    return label;
}

void PageHeading::styleAsTitle(QLabel *label)
{
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    font.setBold(true);
    label->setFont(font);
}

QLabel *PageHeading::count(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace hub
