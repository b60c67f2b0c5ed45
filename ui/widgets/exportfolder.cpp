// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/exportfolder.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace hub {

namespace {
const QString KeyLastFolder = QStringLiteral("export/lastFolder");
} // namespace

QString ExportFolder::folder()
{
    const QString last = QSettings().value(KeyLastFolder).toString();
    if (!last.isEmpty() && QFileInfo(last).isDir())
        return last;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (!documents.isEmpty() && QFileInfo(documents).isDir())
        return documents;
    return QDir::homePath();
}

QString ExportFolder::suggest(const QString &fileName)
{
    return QDir(folder()).filePath(fileName);
}

void ExportFolder::remember(const QString &filePath)
{
    const QString dir = QFileInfo(filePath).absolutePath();
    if (QFileInfo(dir).isDir())
        QSettings().setValue(KeyLastFolder, dir);
}

} // namespace hub
