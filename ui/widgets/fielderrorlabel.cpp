// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/fielderrorlabel.h"

#include <QPalette>

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
    // Core's messages are fragments ("the hub needs a name") so hubctl can put
    // the key in front; standing alone beside a field they read as sentences.
    QString text = message;
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    setText(text);
    setAccessibleName(text);
    setVisible(!text.isEmpty());
}

void FieldErrorLabel::clearError()
{
    showError(QString());
}

} // namespace hub
