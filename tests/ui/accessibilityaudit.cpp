// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/ui/accessibilityaudit.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QButtonGroup>
#include <QCalendarWidget>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QScrollBar>
#include <QSet>
#include <QSlider>
#include <QTabBar>
#include <QTest>
#include <QTextEdit>

namespace hub::test {

namespace {

QString describe(const QWidget *w)
{
    QString text = QString::fromLatin1(w->metaObject()->className());
    if (!w->objectName().isEmpty())
        text += u' ' + w->objectName();
    if (const auto *button = qobject_cast<const QAbstractButton *>(w); button && !button->text().isEmpty())
        text += QStringLiteral(" “%1”").arg(button->text());
    for (const QWidget *p = w->parentWidget(); p; p = p->parentWidget())
        if (!p->objectName().isEmpty() && !p->objectName().startsWith(u"qt_")) {
            text += QStringLiteral(" in %1").arg(p->objectName());
            break;
        }
    return text;
}

/// Parts Qt builds inside a control (a spin box's line edit, a combo's
/// popup, a scroll area's bars, a calendar's navigation, a line edit's clear
/// button, which Escape or select-and-delete replace): the control itself is
/// what is checked.
bool isInnerPart(const QWidget *w)
{
    if (w->objectName().startsWith(u"qt_"))
        return true;
    for (const QWidget *p = w->parentWidget(); p; p = p->parentWidget()) {
        if (qobject_cast<const QAbstractSpinBox *>(p) || qobject_cast<const QComboBox *>(p) ||
            qobject_cast<const QTabBar *>(p) || qobject_cast<const QCalendarWidget *>(p) ||
            qobject_cast<const QHeaderView *>(p) || qobject_cast<const QLineEdit *>(p))
            return true;
        if (p->objectName().startsWith(u"qt_scrollarea"))
            return qobject_cast<const QScrollBar *>(w) != nullptr;
    }
    return qobject_cast<const QScrollBar *>(w) != nullptr || qobject_cast<const QHeaderView *>(w) != nullptr;
}

bool isControl(const QWidget *w)
{
    return qobject_cast<const QAbstractButton *>(w) || qobject_cast<const QComboBox *>(w) ||
           qobject_cast<const QLineEdit *>(w) || qobject_cast<const QAbstractSpinBox *>(w) ||
           qobject_cast<const QAbstractItemView *>(w) || qobject_cast<const QTextEdit *>(w) ||
           qobject_cast<const QPlainTextEdit *>(w) || qobject_cast<const QSlider *>(w) ||
           qobject_cast<const QTabBar *>(w);
}

QList<QWidget *> shownControls(QWidget *root)
{
    QList<QWidget *> out;
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (!w->isVisible() || !w->isEnabled() || !isControl(w) || isInnerPart(w))
            continue;
        out.append(w);
    }
    return out;
}

void checkNames(QWidget *root, QStringList &problems)
{
    for (QWidget *w : shownControls(root)) {
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
        const QString name = iface ? iface->text(QAccessible::Name).trimmed() : QString();
        if (name.isEmpty())
            problems << QStringLiteral("no accessible name: %1").arg(describe(w));
    }
}

bool holdsFocusable(QWidget *w)
{
    if (w->focusPolicy() & Qt::TabFocus)
        return true;
    for (QWidget *c : w->findChildren<QWidget *>())
        if (c->isVisibleTo(w) && (c->focusPolicy() & Qt::TabFocus))
            return true;
    return false;
}

void checkBuddies(QWidget *root, QStringList &problems)
{
    for (QFormLayout *form : root->findChildren<QFormLayout *>()) {
        if (!form->parentWidget() || !form->parentWidget()->isVisible())
            continue;
        for (int row = 0; row < form->rowCount(); ++row) {
            QLayoutItem *labelItem = form->itemAt(row, QFormLayout::LabelRole);
            QLayoutItem *fieldItem = form->itemAt(row, QFormLayout::FieldRole);
            auto *label = labelItem ? qobject_cast<QLabel *>(labelItem->widget()) : nullptr;
            QWidget *field = fieldItem ? fieldItem->widget() : nullptr;
            if (!label || !field || !label->isVisible() || !field->isVisible() || label->text().isEmpty())
                continue;
            if (!label->buddy() && holdsFocusable(field))
                problems << QStringLiteral("label “%1” is no field's buddy (%2)").arg(label->text(), describe(field));
        }
    }
}

// Tab stops at the checked button of an exclusive group (radio buttons, the
// Day/Week switch); the arrow keys move between them, as everywhere.
// The Cancel of a dialog's button box is Escape (Shift+Tab reaches it too:
// Qt's forward Tab passes it by).
bool reachedByArrows(QWidget *w)
{
    auto *button = qobject_cast<QAbstractButton *>(w);
    if (!button)
        return false;
    if (auto *box = qobject_cast<QDialogButtonBox *>(button->parentWidget()))
        if (box->buttonRole(button) == QDialogButtonBox::RejectRole)
            return true;
    if (button->isChecked() || !button->isCheckable())
        return false;
    QList<QAbstractButton *> group;
    if (button->group() && button->group()->exclusive())
        group = button->group()->buttons();
    else if (button->autoExclusive() && button->parentWidget())
        group = button->parentWidget()->findChildren<QAbstractButton *>(Qt::FindDirectChildrenOnly);
    for (QAbstractButton *other : std::as_const(group))
        if (other->isChecked() && other->isVisible())
            return true;
    return false;
}

void checkTabOrder(QWidget *root, QStringList &problems)
{
    QList<QWidget *> wanted;
    for (QWidget *w : shownControls(root))
        if (reachedByArrows(w))
            continue;
        else if (w->focusPolicy() & Qt::TabFocus)
            wanted.append(w);
        else if (qobject_cast<QAbstractButton *>(w) || qobject_cast<QComboBox *>(w) || qobject_cast<QLineEdit *>(w) ||
                 qobject_cast<QAbstractSpinBox *>(w))
            problems << QStringLiteral("takes no keyboard focus: %1").arg(describe(w));
    if (wanted.isEmpty())
        return;
    wanted.first()->setFocus(Qt::TabFocusReason);
    QApplication::processEvents();
    QSet<QWidget *> reached;
    QWidget *previous = nullptr;
    int stuck = 0;
    // Twice round is plenty: a control that Tab never reaches stays unreached.
    const int presses = int(root->findChildren<QWidget *>().size()) * 2 + 10;
    for (int i = 0; i < presses; ++i) {
        QWidget *focus = QApplication::focusWidget();
        if (!focus)
            break;
        for (QWidget *w = focus; w; w = w->parentWidget())
            reached.insert(w);
        if (focus->focusProxy())
            reached.insert(focus->focusProxy());
        stuck = focus == previous ? stuck + 1 : 0;
        if (stuck >= 3) {
            problems << QStringLiteral("Tab is trapped in %1").arg(describe(focus));
            break;
        }
        previous = focus;
        if (qEnvironmentVariableIsSet("HUB_AUDIT_TRACE"))
            qInfo("tab %d: %s", i, qPrintable(describe(focus)));
        QTest::keyClick(focus, Qt::Key_Tab);
    }
    for (QWidget *w : std::as_const(wanted)) {
        bool found = reached.contains(w);
        // A control whose focus goes to a part of it (a spin box's line edit) counts.
        for (QWidget *r : std::as_const(reached))
            if (!found && r->focusProxy() == w)
                found = true;
        if (!found) {
            problems << QStringLiteral("Tab never reaches %1").arg(describe(w));
            if (qEnvironmentVariableIsSet("HUB_AUDIT_TRACE")) {
                int steps = 0;
                for (QWidget *c = w->nextInFocusChain(); c != w && steps < 400; c = c->nextInFocusChain(), ++steps)
                    if (c->focusPolicy() & Qt::TabFocus && c->isVisible())
                        qInfo("  chain after it: %s", qPrintable(describe(c)));
                qInfo("  policy %d visible %d enabled %d", int(w->focusPolicy()), w->isVisible(), w->isEnabled());
            }
        }
    }
}

} // namespace

QStringList auditAccessibility(QWidget *root)
{
    QStringList problems;
    QApplication::processEvents();
    checkNames(root, problems);
    checkBuddies(root, problems);
    checkTabOrder(root, problems);
    return problems;
}

} // namespace hub::test
