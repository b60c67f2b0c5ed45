// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <optional>

class QFileDevice;
class QIODevice;

namespace hub {

/// A hub holds personal data, and so does every file made from it: the hub
/// file and its -wal/-shm, backups, kept copies, exports, reports. They are
/// readable by their owner only (0600; folders 0700), whatever the umask.
class PrivateFiles
{
    Q_DECLARE_TR_FUNCTIONS(hub::PrivateFiles)
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

    /// Writes an owner-only file all or nothing: `write` fills it and says
    /// how many records it wrote; the file replaces an older one only when
    /// that succeeded and `cancelled` says no. Nothing (nullopt) when it was
    /// cancelled, the writer's error when it failed.
    static Result<std::optional<int>> writeAtomically(const QString &path,
                                                      const std::function<Result<int>(QIODevice &)> &write,
                                                      const std::function<bool()> &cancelled);
};

} // namespace hub
