// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/delegates/amountdelegate.h"

#include <QPalette>

namespace hub {

AmountDelegate::AmountDelegate(int negativeRole, QObject *parent)
    : QStyledItemDelegate(parent), m_negativeRole(negativeRole)
{}

QColor AmountDelegate::negativeColor(const QPalette &palette)
{
    // The same reds as field errors: dark on light windows, light on dark ones.
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20);
}

void AmountDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (!index.data(m_negativeRole).toBool())
        return;
    // A selected row keeps the highlight's own text colour: red on the
    // selection blue would be hard to read.
    option->palette.setColor(QPalette::Text, negativeColor(option->palette));
}

} // namespace hub
