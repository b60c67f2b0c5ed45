// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/formlabels.h"

#include <QFormLayout>
#include <QLabel>

namespace hub {

namespace {

QWidget *takesFocus(QWidget *w)
{
    while (w && w->focusProxy())
        w = w->focusProxy();
    return w && (w->focusPolicy() & Qt::TabFocus) ? w : nullptr;
}

// The first control inside `box` that Tab would reach.
QWidget *firstControlIn(QWidget *box)
{
    if (QWidget *w = takesFocus(box))
        return w;
    for (QWidget *w = box->nextInFocusChain(); w && w != box && box->isAncestorOf(w); w = w->nextInFocusChain())
        if (QWidget *target = takesFocus(w); target && !target->isHidden())
            return target;
    return nullptr;
}

// "&Business:" is read "Business".
QString plain(QString text)
{
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(u'&');
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    text = text.trimmed();
    if (text.endsWith(u':'))
        text.chop(1);
    return text.trimmed();
}

} // namespace

void FormLabels::link(QWidget *root)
{
    for (QFormLayout *form : root->findChildren<QFormLayout *>()) {
        for (int row = 0; row < form->rowCount(); ++row) {
            QLayoutItem *labelItem = form->itemAt(row, QFormLayout::LabelRole);
            QLayoutItem *fieldItem = form->itemAt(row, QFormLayout::FieldRole);
            auto *label = labelItem ? qobject_cast<QLabel *>(labelItem->widget()) : nullptr;
            QWidget *field = fieldItem ? fieldItem->widget() : nullptr;
            if (!label || !field || label->text().isEmpty())
                continue;
            QWidget *target = firstControlIn(label->buddy() ? label->buddy() : field);
            if (!target)
                continue;
            label->setBuddy(target);
            if (target->accessibleName().isEmpty())
                target->setAccessibleName(plain(label->text()));
        }
    }
}

} // namespace hub
