// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSemaphore>
#include <QString>
#include <QThread>

#include <atomic>

namespace hub::test {

/// A TCP relay on the loopback to a server, on a thread of its own, that can
/// stop passing bytes while keeping every connection open: what a client sees
/// when the network between it and the server goes quiet (nothing refused,
/// nothing answered). Thawed, it passes on what waited.
class FreezingProxy : public QThread
{
public:
    FreezingProxy(const QString &host, quint16 port);
    ~FreezingProxy() override;

    quint16 port() const { return m_port; }
    /// Stops passing bytes, for `atMostMs` at the longest: a client that
    /// waits on the silence shows in the test's timings instead of hanging it.
    void freeze(int atMostMs = 10000);
    void thaw() { m_frozenUntil = 0; }

protected:
    void run() override;

private:
    QString m_host;
    quint16 m_upstreamPort;
    quint16 m_port = 0;
    QSemaphore m_listening;
    std::atomic<qint64> m_frozenUntil = 0; ///< QDeadlineTimer's clock, in ms
    bool frozen() const;
};

} // namespace hub::test
