// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>

namespace hub {

/// Notices when nobody has touched the application for a while: every key,
/// click, wheel turn or touch anywhere in it (an application-wide event
/// filter) starts the wait again. The window locks itself on idle().
class IdleWatcher : public QObject
{
    Q_OBJECT
public:
    explicit IdleWatcher(QObject *parent = nullptr);
    ~IdleWatcher() override;

    /// How long without input counts as idle; zero switches the watch off.
    void setTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds timeout() const { return m_timeout; }
    /// Watching only while armed (someone is signed in); arming starts the wait afresh.
    void setArmed(bool armed);
    bool isArmed() const { return m_armed; }
    /// Starts the wait again, as input does.
    void poke();

Q_SIGNALS:
    void idle();
    /// Someone used the application (in the window or in any dialog over it)
    /// while armed: the wait started again.
    void activity();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void restart();

    QTimer m_timer;
    std::chrono::milliseconds m_timeout{0};
    bool m_armed = false;
};

} // namespace hub
