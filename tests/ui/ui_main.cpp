// SPDX-License-Identifier: GPL-3.0-or-later
// Catch2 main for GUI tests: an offscreen QApplication, and a private home for
// QSettings and the default hub path so tests never touch the user's files.
#include "tests/support/catchsession.h"

#include <QApplication>
#include <QFile>
#include <QTemporaryDir>

int main(int argc, char *argv[])
{
    Q_INIT_RESOURCE(resources);

    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QTemporaryDir home;
    if (!home.isValid())
        return 1;
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(home.filePath(QStringLiteral("config"))));
    qputenv("XDG_DATA_HOME", QFile::encodeName(home.filePath(QStringLiteral("data"))));
    qputenv("XDG_CACHE_HOME", QFile::encodeName(home.filePath(QStringLiteral("cache"))));

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("hubkeeper"));
    QApplication::setOrganizationName(QStringLiteral("Hubkeeper"));
    return hub::test::runCatch(argc, argv);
}
