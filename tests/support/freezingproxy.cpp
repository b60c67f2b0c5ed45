// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/freezingproxy.h"

#include <QDeadlineTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <vector>

namespace hub::test {

FreezingProxy::FreezingProxy(const QString &host, quint16 port) : m_host(host), m_upstreamPort(port)
{
    start();
    m_listening.acquire();
}

FreezingProxy::~FreezingProxy()
{
    thaw();
    quit();
    wait();
}

void FreezingProxy::freeze(int atMostMs)
{
    m_frozenUntil = QDeadlineTimer(atMostMs).deadline();
}

bool FreezingProxy::frozen() const
{
    return QDeadlineTimer::current().deadline() < m_frozenUntil;
}

void FreezingProxy::run()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    m_port = server.serverPort();
    m_listening.release();

    struct Link
    {
        QTcpSocket *client;
        QTcpSocket *upstream;
    };
    std::vector<Link> links; // the sockets are children of `server`
    const auto pass = [this, &links] {
        if (frozen())
            return;
        for (const Link &l : links) {
            if (l.client->bytesAvailable() > 0)
                l.upstream->write(l.client->readAll());
            if (l.upstream->bytesAvailable() > 0)
                l.client->write(l.upstream->readAll());
            // One side gone: the other is told, as a relay would.
            if (l.client->state() == QAbstractSocket::UnconnectedState)
                l.upstream->disconnectFromHost();
            if (l.upstream->state() == QAbstractSocket::UnconnectedState)
                l.client->disconnectFromHost();
        }
    };
    QObject::connect(&server, &QTcpServer::newConnection, &server, [&] {
        while (QTcpSocket *client = server.nextPendingConnection()) {
            auto *upstream = new QTcpSocket(&server);
            upstream->connectToHost(m_host, m_upstreamPort);
            upstream->waitForConnected(5000);
            links.push_back({client, upstream});
            QObject::connect(client, &QTcpSocket::readyRead, &server, pass);
            QObject::connect(upstream, &QTcpSocket::readyRead, &server, pass);
        }
    });
    // What waited while frozen goes on soon after the thaw.
    QTimer pump;
    pump.setInterval(20);
    QObject::connect(&pump, &QTimer::timeout, &server, pass);
    pump.start();
    exec();
}

} // namespace hub::test
