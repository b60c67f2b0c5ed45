// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/openfiles.h"

#include "core/storage/database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>
#include <unistd.h>

namespace hub::test {

namespace {
struct Descriptor
{
    QByteArray link; ///< /proc/self/fd/N
    QString target;  ///< what it points at, " (deleted)" included
};

// QFile::symLinkTarget() drops " (deleted)", so the link text is read as is.
QList<Descriptor> descriptors()
{
    QList<Descriptor> out;
    const QDir fds(QStringLiteral("/proc/self/fd"));
    for (const QString &fd : fds.entryList(QDir::System | QDir::NoDotAndDotDot)) {
        char buffer[4096];
        const QByteArray link = QFile::encodeName(fds.filePath(fd));
        const ssize_t n = ::readlink(link.constData(), buffer, sizeof buffer - 1);
        if (n > 0)
            out << Descriptor{link, QFile::decodeName(QByteArray(buffer, int(n)))};
    }
    return out;
}
} // namespace

QStringList openFileTargets()
{
    QStringList targets;
    for (const Descriptor &d : descriptors())
        targets << d.target;
    return targets;
}

QStringList deletedHubFiles(const QString &path)
{
    QStringList found;
    const QString canonical = Database::canonicalPath(path);
    for (const QString &target : openFileTargets())
        if (target.startsWith(canonical) && target.endsWith(QStringLiteral(" (deleted)")))
            found << target;
    return found;
}

bool holdsCurrentWal(const QString &path)
{
    const QString wal = Database::canonicalPath(path) + QStringLiteral("-wal");
    struct stat onDisk
    {
    };
    const QByteArray walName = QFile::encodeName(wal);
    const bool exists = ::stat(walName.constData(), &onDisk) == 0;
    for (const Descriptor &d : descriptors()) {
        if (!d.target.startsWith(wal))
            continue;
        struct stat held
        {
        };
        if (!exists || ::stat(d.link.constData(), &held) != 0 || held.st_ino != onDisk.st_ino ||
            held.st_dev != onDisk.st_dev)
            return false;
    }
    return true;
}

} // namespace hub::test
