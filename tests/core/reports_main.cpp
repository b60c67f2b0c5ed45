// SPDX-License-Identifier: GPL-3.0-or-later
// Catch2 main for report tests: PDF rendering (fonts, QPdfWriter) needs a
// QGuiApplication; the offscreen platform needs no display.
#include "tests/support/catchsession.h"

#include <QGuiApplication>

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    return hub::test::runCatch(argc, argv);
}
