// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace hub {

/// Draws amounts so a negative one stands out: the model says which cells are
/// below zero through `negativeRole` (core models know no colours), and this
/// delegate paints them in a red that reads on light and dark palettes. The
/// minus sign stays in the text, so the mark never depends on colour alone.
class AmountDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    AmountDelegate(int negativeRole, QObject *parent = nullptr);

    /// The colour negative amounts are drawn in on `palette`.
    static QColor negativeColor(const QPalette &palette);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    int m_negativeRole;
};

} // namespace hub
