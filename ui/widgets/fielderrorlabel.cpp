// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/fielderrorlabel.h"

#include "ui/widgets/sentence.h"

#include <QPalette>
#include <QVBoxLayout>

namespace hub {

FieldErrorLabel::FieldErrorLabel(QWidget *parent) : QLabel(parent)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A dark red that stays readable on light and dark palettes alike.
    QPalette p = palette();
    const bool dark = p.color(QPalette::Window).lightness() < 128;
    p.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20));
    setPalette(p);
    hide();
}

void FieldErrorLabel::showError(const QString &message)
{
    const QString text = sentence(message);
    if (text.isEmpty()) {
        clearError();
        return;
    }
    setText(text);
    setAccessibleName(text);
    show();
}

FieldErrorLabel *FieldErrorLabel::named(const char *objectName)
{
    auto *label = new FieldErrorLabel;
    label->setObjectName(QString::fromLatin1(objectName));
    return label;
}

QWidget *FieldErrorLabel::withError(QWidget *field, FieldErrorLabel *error)
{
    auto *box = new QWidget;
    auto *column = new QVBoxLayout(box);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    column->addWidget(field);
    column->addWidget(error);
    return box;
}

void FieldErrorLabel::clearError()
{
    if (isHidden())
        return;
    // The room keeps the height the words had on screen.
    setMinimumHeight(isVisible() ? height() : 0);
    QSizePolicy policy = sizePolicy();
    policy.setRetainSizeWhenHidden(true);
    setSizePolicy(policy);
    hide();
    setText(QString());
    setAccessibleName(QString());
}

void FieldErrorLabel::reset()
{
    setMinimumHeight(0);
    QSizePolicy policy = sizePolicy();
    policy.setRetainSizeWhenHidden(false);
    setSizePolicy(policy);
    hide();
    setText(QString());
    setAccessibleName(QString());
}

} // namespace hub
