// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI entry point: read the command line and hand over to the main window.
#include "core/common/privatefiles.h"
#include "core/common/translations.h"
#include "core/storage/hubwatcher.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QIcon>

int main(int argc, char *argv[])
{
    // Everything the window writes holds personal data: owner-only, whatever the umask.
    hub::PrivateFiles::restrictProcess();
    // The icons live in a static library; its resources must be registered by hand.
    Q_INIT_RESOURCE(resources);

    QApplication app(argc, argv);
    hub::Translations::install();
    QApplication::setApplicationName(QStringLiteral("hubkeeper"));
    QApplication::setApplicationDisplayName(QStringLiteral("Hubkeeper"));
    QApplication::setOrganizationName(QStringLiteral("Hubkeeper"));
    QApplication::setApplicationVersion(QStringLiteral(HUB_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/hubkeeper.svg")));
    // Lets Wayland desktops match the window to packaging/org.hubkeeper.Hubkeeper.desktop.
    QApplication::setDesktopFileName(QStringLiteral("org.hubkeeper.Hubkeeper"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Front desk of a neighbourhood community hub."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption db(QStringLiteral("db"), QApplication::translate("main", "Open the hub file at <path>."),
                                QApplication::translate("main", "path"));
    parser.addOption(db);
    parser.process(app);

    int code = 0;
    {
        hub::MainWindow window;
        if (!window.start(parser.value(db)))
            return 0;
        window.show();
        code = app.exec();
    }
    // The window is gone at once; a probe still waiting on a hub server that
    // stopped answering ends within its connection's few seconds.
    hub::HubWatcher::waitForEndedProbes(QDeadlineTimer(10000));
    return code;
}
