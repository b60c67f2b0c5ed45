// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/shotsdir.h"

#include <QDir>

namespace hub::test {

QString shotsDir()
{
    const QString dir = QStringLiteral(HUB_TEST_BUILD_DIR "/shots");
    QDir().mkpath(dir);
    return dir;
}

} // namespace hub::test
