// SPDX-License-Identifier: GPL-3.0-or-later
// Catch2 main for core tests: Qt SQL needs a QCoreApplication.
#include "tests/support/catchsession.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    return hub::test::runCatch(argc, argv);
}
