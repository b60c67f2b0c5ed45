// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/ui/screenshot.h"

#include "tests/support/shotsdir.h"

#include <QDir>
#include <QString>
#include <QTest>
#include <QWidget>

#include <catch2/catch.hpp>

namespace hub::test {

void shoot(QWidget *widget, const QString &name)
{
    QTest::qWait(50); // let layouts and deferred paints settle
    const QString file = QDir(shotsDir()).filePath(name + QStringLiteral(".png"));
    REQUIRE(widget->grab().save(file));
}

} // namespace hub::test
