// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace hub::test {

class TempHub;

/// A SHA-256, in hex, of every row `select` reads from the hub: two hubs
/// whose digests are equal hold the same values in those columns, which is
/// how the demo tests check that a seed gives the same hub every time.
QByteArray digest(TempHub &t, const QString &select);

} // namespace hub::test
