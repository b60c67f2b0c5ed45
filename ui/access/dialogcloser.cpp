// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/access/dialogcloser.h"

#include <QApplication>
#include <QDialog>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>

#include <algorithm>

namespace hub {

namespace {

bool isOver(const QWidget *dialog, const QWidget *window)
{
    for (const QWidget *w = dialog->parentWidget(); w; w = w->parentWidget())
        if (w == window)
            return true;
    // A box opened without a parent still blocks the window while it is modal.
    return dialog->isModal() || dialog->windowModality() != Qt::NonModal;
}

int depth(const QWidget *dialog)
{
    int n = 0;
    for (const QWidget *w = dialog->parentWidget(); w; w = w->parentWidget())
        ++n;
    return n;
}

/// The button Esc would press: the one that keeps things as they are.
QAbstractButton *keepButton(QMessageBox *box)
{
    if (QAbstractButton *escape = box->escapeButton())
        return escape;
    const QList<QAbstractButton *> buttons = box->buttons();
    for (QMessageBox::ButtonRole role : {QMessageBox::RejectRole, QMessageBox::NoRole})
        for (QAbstractButton *button : buttons)
            if (box->buttonRole(button) == role)
                return button;
    return nullptr;
}

void closeUnsaved(QDialog *dialog)
{
    if (auto *box = qobject_cast<QMessageBox *>(dialog)) {
        if (QAbstractButton *keep = keepButton(box)) {
            keep->click();
            return;
        }
    } else if (auto *progress = qobject_cast<QProgressDialog *>(dialog)) {
        // Its Cancel button is what emits canceled(), which the work listens to.
        if (auto *cancel = progress->findChild<QPushButton *>()) {
            cancel->click();
            return;
        }
    }
    // QDialog's own done(), not the dialog's override: a form that asks
    // "Save changes?" before it closes must not ask an empty desk.
    dialog->QDialog::done(QDialog::Rejected);
}

} // namespace

QStringList closeDialogsOver(QWidget *window)
{
    // An open menu (a context menu's nested loop) would act behind the lock.
    for (int guard = 0; guard < 8 && QApplication::activePopupWidget(); ++guard)
        QApplication::activePopupWidget()->close();

    QList<QPointer<QDialog>> open;
    const QWidgetList windows = QApplication::topLevelWidgets();
    for (QWidget *w : windows)
        if (auto *dialog = qobject_cast<QDialog *>(w); dialog && dialog->isVisible() && isOver(dialog, window))
            open << dialog;
    // Innermost first: a question over a form is answered before the form closes.
    std::stable_sort(open.begin(), open.end(),
                     [](const QPointer<QDialog> &a, const QPointer<QDialog> &b) { return depth(a) > depth(b); });

    QStringList forms;
    for (const QPointer<QDialog> &dialog : std::as_const(open)) {
        if (!dialog || !dialog->isVisible())
            continue;
        if (!qobject_cast<QMessageBox *>(dialog.data())) {
            const QString title = dialog->windowTitle().trimmed();
            forms << (title.isEmpty() ? QApplication::translate("hub::DialogCloser", "a form") : title);
        }
        closeUnsaved(dialog);
    }
    forms.removeDuplicates();
    return forms;
}

} // namespace hub
