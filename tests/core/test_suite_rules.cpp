// SPDX-License-Identifier: GPL-3.0-or-later
// Rules the suite itself keeps, so that no test is silently left out.
#include "tests/support/catchqt.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>

TEST_CASE("every test's name can be run by CTest", "[suite]")
{
    // CTest keeps test names in lists split at ';': a name with one is
    // registered cut short, matches no test, and "passes" without running.
    const QRegularExpression name(QStringLiteral(R"re(TEST_CASE\(\s*"([^"]*)")re"));
    QStringList cut;
    int names = 0;
    QDirIterator files(QStringLiteral(HUB_TEST_SOURCE_DIR "/tests"), {QStringLiteral("*.cpp")}, QDir::Files,
                       QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        for (auto it = name.globalMatch(text); it.hasNext();) {
            const QString test = it.next().captured(1);
            ++names;
            if (test.contains(u';'))
                cut << path.section(u'/', -1) + QStringLiteral(": ") + test;
        }
    }
    CHECK(names > 300);
    INFO(cut.join(u'\n').toStdString());
    CHECK(cut.isEmpty());
}
