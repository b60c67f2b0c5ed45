// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

class QSettings;

namespace hub {

/// The hub files opened most recently, newest first, kept in the user's
/// QSettings so File → Open Recent and the next start-up find them.
class RecentFiles
{
public:
    static constexpr int MaxFiles = 8;

    explicit RecentFiles(QSettings &settings);

    QStringList files() const;
    /// Moves `path` to the front and stores it as the last opened file.
    void add(const QString &path);
    void remove(const QString &path);
    void clear();
    /// The file that was open when the app last ran (empty if none).
    QString lastFile() const;

private:
    void store(const QStringList &files);

    QSettings &m_settings;
};

} // namespace hub
