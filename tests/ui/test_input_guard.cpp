// SPDX-License-Identifier: GPL-3.0-or-later
// Fields behave as in any desktop application (issue 16): typing into a
// time field replaces the section clicked, and the wheel over a form
// scrolls it instead of changing the field under the mouse.
#include "ui/widgets/inputguard.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QLineEdit>
#include <QScrollArea>
#include <QTest>
#include <QTimeEdit>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <catch2/catch.hpp>

namespace {
/// One notch down over `target`; true when the event was left for the parent
/// (Qt passes an ignored wheel event from the window system on to the parent,
/// which scrolls; an event sent by a test stops at its receiver).
bool wheelOver(QWidget *target)
{
    const QPointF local(target->width() / 2.0, target->height() / 2.0);
    QWheelEvent wheel(local, target->mapToGlobal(local), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(target, &wheel);
    return !wheel.isAccepted();
}
} // namespace

TEST_CASE("typing into a clicked time field replaces the hour and the minutes", "[ui][input]")
{
    hub::InputGuard::install();
    QWidget form;
    auto *layout = new QVBoxLayout(&form);
    auto *other = new QLineEdit; // Tab inside a time field moves between its sections
    auto *time = new QTimeEdit(QTime(10, 0));
    time->setDisplayFormat(QStringLiteral("HH:mm"));
    layout->addWidget(other);
    layout->addWidget(time);
    form.show();
    form.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&form));
    other->setFocus();

    // A click in the hour part (the cursor lands between digits), then 1, 9, 3, 0.
    auto *line = time->findChild<QLineEdit *>();
    REQUIRE(line);
    QTest::mouseClick(line, Qt::LeftButton, {}, QPoint(8, line->height() / 2));
    QTest::qWait(20);
    QTest::keyClicks(time, QStringLiteral("1930"));
    CHECK(time->time() == QTime(19, 30));

    // Tab from the field before: the same.
    other->setFocus();
    QTest::keyClick(other, Qt::Key_Tab);
    QTest::qWait(20);
    REQUIRE(time->hasFocus());
    QTest::keyClicks(time, QStringLiteral("0715"));
    CHECK(time->time() == QTime(7, 15));
    // Tab leaves the field at once (not after walking its hour and minutes),
    // and Shift+Tab comes back.
    QTest::keyClick(time, Qt::Key_Tab);
    QTest::qWait(20);
    CHECK_FALSE(time->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
    QTest::qWait(20);
    CHECK(time->hasFocus());
    // And focus leaves again.
    other->setFocus(Qt::TabFocusReason);
    QTest::qWait(20);
    CHECK(other->hasFocus());
}

TEST_CASE("the wheel over a form leaves dates and choices alone and passes on to the form", "[ui][input]")
{
    hub::InputGuard::install();
    QScrollArea area;
    auto *form = new QWidget;
    auto *layout = new QVBoxLayout(form);
    auto *date = new QDateEdit(QDate(2027, 5, 1));
    auto *combo = new QComboBox;
    combo->addItems({QStringLiteral("active"), QStringLiteral("lapsed"), QStringLiteral("left")});
    layout->addWidget(date);
    layout->addWidget(combo);
    layout->addSpacing(2000);
    area.setWidget(form);
    area.resize(300, 200);
    area.show();
    REQUIRE(QTest::qWaitForWindowExposed(&area));
    area.setFocus();

    // The wheel no longer hands them focus on its way past.
    CHECK(date->focusPolicy() == Qt::StrongFocus);
    CHECK(combo->focusPolicy() == Qt::StrongFocus);
    CHECK(wheelOver(date));
    CHECK(wheelOver(combo));
    CHECK(date->date() == QDate(2027, 5, 1));
    CHECK(combo->currentIndex() == 0);
    CHECK_FALSE(date->hasFocus());

    // With focus, the wheel changes the field as before.
    combo->setFocus();
    wheelOver(combo);
    CHECK(combo->currentIndex() == 1);
}
