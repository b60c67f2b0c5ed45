// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/recentfiles.h"

#include "core/storage/hubaddress.h"

#include <QFileInfo>
#include <QSettings>

namespace hub {

namespace {
const QString KeyRecent = QStringLiteral("recentFiles");
const QString KeyLast = QStringLiteral("lastFile");

QString canonical(const QString &path)
{
    // One file reached through two spellings must be one entry.
    // A hub server's address (never with a password: HubAddress refuses one) stays as written.
    if (HubAddress::looksLikeServer(path))
        return path;
    const QFileInfo info(path);
    const QString resolved = info.canonicalFilePath();
    return resolved.isEmpty() ? info.absoluteFilePath() : resolved;
}
} // namespace

RecentFiles::RecentFiles(QSettings &settings) : m_settings(settings)
{}

QStringList RecentFiles::files() const
{
    return m_settings.value(KeyRecent).toStringList();
}

void RecentFiles::add(const QString &path)
{
    const QString file = canonical(path);
    QStringList list = files();
    list.removeAll(file);
    list.prepend(file);
    while (list.size() > MaxFiles)
        list.removeLast();
    store(list);
    m_settings.setValue(KeyLast, file);
}

void RecentFiles::remove(const QString &path)
{
    QStringList list = files();
    list.removeAll(canonical(path));
    list.removeAll(path);
    store(list);
}

void RecentFiles::clear()
{
    store({});
}

QString RecentFiles::lastFile() const
{
    return m_settings.value(KeyLast).toString();
}

void RecentFiles::store(const QStringList &files)
{
    m_settings.setValue(KeyRecent, files);
}

} // namespace hub
