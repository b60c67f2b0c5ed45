// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/inputguard.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QEvent>
#include <QPointer>
#include <QTimer>

namespace hub {

namespace {
// Mouse events land on a date field's inner line edit, focus on either.
QDateTimeEdit *dateTimeEditOf(QObject *o)
{
    if (auto *edit = qobject_cast<QDateTimeEdit *>(o))
        return edit;
    return o && o->isWidgetType() ? qobject_cast<QDateTimeEdit *>(o->parent()) : nullptr;
}

bool changesOnWheel(QObject *o)
{
    return qobject_cast<QAbstractSpinBox *>(o) || qobject_cast<QComboBox *>(o);
}

// After Qt has placed the cursor (a click) or its own selection (Tab), the
// section where the cursor is gets selected, so what is typed replaces it.
void selectSectionLater(QDateTimeEdit *edit)
{
    QTimer::singleShot(0, edit, [guarded = QPointer<QDateTimeEdit>(edit)] {
        if (!guarded || !guarded->hasFocus())
            return;
        const QDateTimeEdit::Section section = guarded->currentSection();
        if (section != QDateTimeEdit::NoSection)
            guarded->setSelectedSection(section);
    });
}
} // namespace

void InputGuard::install()
{
    static InputGuard *guard = nullptr;
    if (guard || !qApp)
        return;
    guard = new InputGuard(qApp);
    qApp->installEventFilter(guard);
}

bool InputGuard::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::Polish:
        // WheelFocus would hand the field focus at the first wheel turn.
        if (changesOnWheel(watched)) {
            auto *w = static_cast<QWidget *>(watched);
            if (w->focusPolicy() == Qt::WheelFocus)
                w->setFocusPolicy(Qt::StrongFocus);
        }
        break;
    case QEvent::Wheel:
        if (changesOnWheel(watched) && !static_cast<QWidget *>(watched)->hasFocus()) {
            // Ignored and filtered: Qt passes the wheel on to the parent, which scrolls.
            event->ignore();
            return true;
        }
        break;
    case QEvent::FocusIn:
    case QEvent::MouseButtonRelease:
        if (QDateTimeEdit *edit = dateTimeEditOf(watched))
            selectSectionLater(edit);
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace hub
