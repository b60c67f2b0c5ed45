// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/privatefiles.h"

#include <QDir>
#include <QFile>
#include <QFileDevice>
#include <QFileInfo>
#include <QSaveFile>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hub {

namespace {
constexpr QFileDevice::Permissions OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
} // namespace

void PrivateFiles::restrictProcess()
{
    ::umask(S_IRWXG | S_IRWXO);
}

bool PrivateFiles::restrict(const QString &path)
{
    return QFile::setPermissions(path, OwnerOnly);
}

bool PrivateFiles::restrict(QFileDevice &file)
{
    return file.setPermissions(OwnerOnly);
}

bool PrivateFiles::createEmpty(const QString &path)
{
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd < 0)
        return false;
    // The umask may have taken bits away, never added them; fchmod makes sure.
    const bool ok = ::fchmod(fd, S_IRUSR | S_IWUSR) == 0;
    ::close(fd);
    return ok;
}

bool PrivateFiles::makeFolder(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (QFileInfo(absolute).isDir())
        return true;
    const QString parent = QFileInfo(absolute).absolutePath();
    if (parent != absolute && !makeFolder(parent))
        return false;
    const QByteArray name = QFile::encodeName(absolute);
    if (::mkdir(name.constData(), S_IRWXU) != 0 && !QFileInfo(absolute).isDir())
        return false;
    return true;
}

Result<std::optional<int>> PrivateFiles::writeAtomically(const QString &path,
                                                         const std::function<Result<int>(QIODevice &)> &write,
                                                         const std::function<bool()> &cancelled)
{
    // A half-written or cancelled file never replaces an older one.
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || !restrict(out))
        return fail(Error::storage(tr("%1 cannot be written: %2").arg(path, out.errorString())));
    auto written = write(out);
    if (!written) {
        out.cancelWriting();
        return fail(written.error());
    }
    if (cancelled()) {
        out.cancelWriting();
        return std::optional<int>();
    }
    if (!out.commit())
        return fail(Error::storage(tr("%1 cannot be written: %2").arg(path, out.errorString())));
    return std::optional<int>(*written);
}

} // namespace hub
