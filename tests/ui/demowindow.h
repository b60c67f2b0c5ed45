// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The main window on a fresh demo hub, shown and active: what the fit,
// accessibility and screenshot tests look at.

#include "core/demo/demogenerator.h"
#include "core/hub.h"
#include "tests/support/temphub.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QSize>
#include <QTest>

#include <catch2/catch.hpp>

namespace hub::test {

struct DemoWindow
{
    TempHub temp;
    MainWindow window;

    explicit DemoWindow(QSize size)
    {
        temp.close();
        const QString path = temp.file(QStringLiteral("demo.sqlite"));
        REQUIRE(DemoGenerator::createDemoHub(path, DemoOptions{}));
        REQUIRE(window.openHub(path));
        window.resize(size);
        window.show();
        QApplication::setActiveWindow(&window);
        REQUIRE(QTest::qWaitForWindowActive(&window));
    }
    Hub &hub() { return *window.hub(); }
};

} // namespace hub::test
