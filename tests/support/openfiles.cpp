// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/openfiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>
#include <unistd.h>

namespace hub::test {

QStringList openFileTargets()
{
    // QFile::symLinkTarget() drops " (deleted)", so the link text is read as is.
    QStringList targets;
    const QDir fds(QStringLiteral("/proc/self/fd"));
    for (const QString &fd : fds.entryList(QDir::System | QDir::NoDotAndDotDot)) {
        char buffer[4096];
        const QByteArray link = QFile::encodeName(fds.filePath(fd));
        const ssize_t n = ::readlink(link.constData(), buffer, sizeof buffer - 1);
        if (n > 0)
            targets << QFile::decodeName(QByteArray(buffer, int(n)));
    }
    return targets;
}

QStringList deletedHubFiles(const QString &path)
{
    QStringList found;
    const QString canonical = QFileInfo(QFileInfo(path).absolutePath()).canonicalFilePath() + u'/'
                              + QFileInfo(path).fileName();
    for (const QString &target : openFileTargets())
        if (target.startsWith(canonical) && target.endsWith(QStringLiteral(" (deleted)")))
            found << target;
    return found;
}

bool holdsCurrentWal(const QString &path)
{
    const QString wal = path + QStringLiteral("-wal");
    struct stat onDisk{};
    const QByteArray walName = QFile::encodeName(wal);
    const bool exists = ::stat(walName.constData(), &onDisk) == 0;
    const QDir fds(QStringLiteral("/proc/self/fd"));
    const QString canonicalWal = QFileInfo(QFileInfo(path).absolutePath()).canonicalFilePath() + u'/'
                                 + QFileInfo(path).fileName() + QStringLiteral("-wal");
    for (const QString &fd : fds.entryList(QDir::System | QDir::NoDotAndDotDot)) {
        char buffer[4096];
        const QByteArray link = QFile::encodeName(fds.filePath(fd));
        const ssize_t n = ::readlink(link.constData(), buffer, sizeof buffer - 1);
        if (n <= 0 || !QFile::decodeName(QByteArray(buffer, int(n))).startsWith(canonicalWal))
            continue;
        struct stat held{};
        if (::stat(link.constData(), &held) != 0 || !exists || held.st_ino != onDisk.st_ino
            || held.st_dev != onDisk.st_dev)
            return false;
    }
    return true;
}

} // namespace hub::test
