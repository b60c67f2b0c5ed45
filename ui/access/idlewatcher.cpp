// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/access/idlewatcher.h"

#include <QCoreApplication>
#include <QEvent>

namespace hub {

IdleWatcher::IdleWatcher(QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_armed)
            Q_EMIT idle();
    });
    if (QCoreApplication *app = QCoreApplication::instance())
        app->installEventFilter(this);
}

IdleWatcher::~IdleWatcher()
{
    if (QCoreApplication *app = QCoreApplication::instance())
        app->removeEventFilter(this);
}

void IdleWatcher::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = timeout;
    restart();
}

void IdleWatcher::setArmed(bool armed)
{
    m_armed = armed;
    restart();
}

void IdleWatcher::poke()
{
    restart();
}

void IdleWatcher::restart()
{
    if (m_armed && m_timeout.count() > 0)
        m_timer.start(m_timeout);
    else
        m_timer.stop();
}

bool IdleWatcher::eventFilter(QObject *watched, QEvent *event)
{
    // Only what a person does counts: paints, timers and mouse-over effects
    // must not keep an unattended desk unlocked.
    switch (event->type()) {
    case QEvent::KeyPress:
    // A key that is a shortcut never arrives as a KeyPress; typing through
    // an input method arrives as InputMethod.
    case QEvent::ShortcutOverride:
    case QEvent::InputMethod:
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TabletPress:
        if (m_armed && m_timer.isActive()) {
            m_timer.start(m_timeout);
            Q_EMIT activity();
        }
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace hub
