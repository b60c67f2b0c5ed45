// SPDX-License-Identifier: GPL-3.0-or-later
// Catch2 main for report tests: PDF rendering (fonts, QPdfWriter) needs a
// QGuiApplication; the offscreen platform needs no display.
#define CATCH_CONFIG_RUNNER
#include <QGuiApplication>

#include <catch2/catch.hpp>

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    return Catch::Session().run(argc, argv);
}
