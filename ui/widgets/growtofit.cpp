// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/growtofit.h"

#include <QDialog>
#include <QLayout>

namespace hub {

void growToFit(QDialog *dialog)
{
    QLayout *layout = dialog->layout();
    layout->activate();
    const int needed =
        layout->hasHeightForWidth() ? layout->totalHeightForWidth(dialog->width()) : layout->totalSizeHint().height();
    if (needed > dialog->height())
        dialog->resize(dialog->width(), needed);
}

} // namespace hub
