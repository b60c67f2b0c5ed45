// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace hub::test {

/// What this process's descriptors point at (/proc/self/fd), e.g.
/// "/tmp/x/hub.sqlite-wal (deleted)".
QStringList openFileTargets();
/// The descriptors of `path` and its -wal/-shm that point at deleted files:
/// a process writing through one of them writes where no one else looks.
QStringList deletedHubFiles(const QString &path);
/// True when every descriptor this process holds on `path`-wal is the file
/// now at that path (same inode), or it holds none.
bool holdsCurrentWal(const QString &path);

} // namespace hub::test
