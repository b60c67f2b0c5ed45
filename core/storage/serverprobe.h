// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/storage/hubaddress.h"

#include <QObject>
#include <QString>

namespace hub {

/// Asks a hub server whether it answers, on a thread and a connection of its
/// own, so a network that went quiet holds up this probe, never the
/// window's thread. The connection gives up sooner than a desk's (a few
/// seconds), and the probe needs nothing of the window's: a window may close
/// while a probe still waits, and the probe ends on its own.
class ServerProbe : public QObject
{
    Q_OBJECT
public:
    explicit ServerProbe(HubAddress address);

public slots:
    /// Runs one `SELECT 1`; answers with answered().
    void probe();
    /// Closes the probe's connection (run on the probe's thread at its end).
    void release();

signals:
    void answered(bool alive);

private:
    HubAddress m_address;
    QString m_name; ///< of the probe's own connection
};

} // namespace hub
