// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/inputguard.h"

#include "ui/widgets/formlabels.h"

#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QEvent>
#include <QKeyEvent>
#include <QPlainTextEdit>
#include <QPointer>
#include <QTextEdit>
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

// The next (or previous) field Tab would reach from `from`, skipping the
// parts inside it. The focus chain is a ring; the count only guards a
// broken one.
bool moveFocusOn(QWidget *from, bool forward)
{
    QWidget *w = from;
    for (int step = 0; step < 100000; ++step) {
        w = forward ? w->nextInFocusChain() : w->previousInFocusChain();
        if (!w || w == from)
            return false;
        if (from->isAncestorOf(w) || w->window() != from->window())
            continue;
        if (w->isVisible() && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus)) {
            w->setFocus(forward ? Qt::TabFocusReason : Qt::BacktabFocusReason);
            return true;
        }
    }
    return false;
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
        // Tab leaves a table or a notes field for the next control; the
        // arrow keys move in a table, and nobody types a tab into notes.
        if (auto *view = qobject_cast<QAbstractItemView *>(watched))
            view->setTabKeyNavigation(false);
        else if (auto *notes = qobject_cast<QPlainTextEdit *>(watched))
            notes->setTabChangesFocus(true);
        else if (auto *text = qobject_cast<QTextEdit *>(watched))
            text->setTabChangesFocus(true);
        break;
    case QEvent::KeyPress: {
        // Tab leaves a date or time field, as in other desktop applications
        // (Qt's own walks its day, month and year first). Typing moves from
        // one part to the next by itself; the arrow keys do too.
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool tab = key->key() == Qt::Key_Tab && !(key->modifiers() & ~Qt::KeypadModifier);
        const bool backtab = key->key() == Qt::Key_Backtab;
        if (auto *edit = qobject_cast<QDateTimeEdit *>(watched); edit && (tab || backtab) && moveFocusOn(edit, tab))
            return true;
        break;
    }
    case QEvent::Wheel:
        if (changesOnWheel(watched) && !static_cast<QWidget *>(watched)->hasFocus()) {
            // Ignored and filtered: Qt passes the wheel on to the parent, which scrolls.
            event->ignore();
            return true;
        }
        break;
    case QEvent::Show:
        if (auto *w = qobject_cast<QWidget *>(watched); w && w->isWindow())
            FormLabels::link(w);
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
