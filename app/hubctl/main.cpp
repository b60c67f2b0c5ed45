// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/hubctl/cli.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("hubctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HUB_VERSION));
    return hub::cli::Cli().run(QCoreApplication::arguments());
}
