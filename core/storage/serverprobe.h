// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include <memory>

namespace hub {

class Database;

/// Asks a hub server whether it answers, on a thread and connection of its
/// own, so a network that went quiet holds up this probe (for up to the
/// connection's timeouts), never the window's thread.
class ServerProbe : public QObject
{
    Q_OBJECT
public:
    explicit ServerProbe(std::shared_ptr<const Database> db);

public slots:
    /// Runs one `SELECT 1`; answers with answered().
    void probe();
    /// Closes this thread's connection (run on the probe's thread at its end).
    void release();

signals:
    void answered(bool alive);

private:
    std::shared_ptr<const Database> m_db;
};

} // namespace hub
