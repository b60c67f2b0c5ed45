// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/ui/messageboxanswerer.h"

#include <QAbstractButton>
#include <QApplication>

namespace hub::test {

MessageBoxAnswerer::MessageBoxAnswerer(QMessageBox::StandardButton answer) : m_answer(answer)
{
    // A modal box runs its own event loop, in which this timer keeps firing.
    m_timer.setInterval(10);
    connect(&m_timer, &QTimer::timeout, this, &MessageBoxAnswerer::answerVisibleBoxes);
    m_timer.start();
}

void MessageBoxAnswerer::answerVisibleBoxes()
{
    const QWidgetList windows = QApplication::topLevelWidgets();
    for (QWidget *window : windows) {
        auto *box = qobject_cast<QMessageBox *>(window);
        if (!box || !box->isVisible())
            continue;
        m_titles << box->windowTitle();
        m_texts << box->text();
        QAbstractButton *button = box->button(m_answer);
        if (!button)
            button = box->button(QMessageBox::Ok);
        if (button)
            button->click();
        else
            box->reject();
    }
}

} // namespace hub::test
