// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QFileDevice;

namespace hub {

/// A hub holds personal data, and so does every file made from it: the hub
/// file and its -wal/-shm, backups, kept copies, exports, reports. They are
/// readable by their owner only (0600; folders 0700), whatever the umask.
class PrivateFiles
{
public:
    /// Both apps call this first: every file the process creates from then on
    /// is 0600 and every folder 0700, including those SQLite and Qt create.
    static void restrictProcess();
    /// Makes an existing file owner-only; false if that was refused.
    static bool restrict(const QString &path);
    /// The same for a file being written (a QSaveFile before commit()).
    static bool restrict(QFileDevice &file);
    /// Creates an empty owner-only file, e.g. for VACUUM INTO to fill;
    /// false if the file exists or cannot be made.
    static bool createEmpty(const QString &path);
    /// Creates `path` and any missing parents as owner-only folders.
    static bool makeFolder(const QString &path);
};

} // namespace hub
