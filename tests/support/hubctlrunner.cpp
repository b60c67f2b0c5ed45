// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/hubctlrunner.h"

#include <QProcess>

#include <catch2/catch.hpp>

namespace hub::test {

QJsonDocument CliRun::json() const
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(out.toUtf8(), &error);
    INFO("stdout: " << out.toStdString());
    REQUIRE(error.error == QJsonParseError::NoError);
    return doc;
}

CliRun hubctl(const QStringList &args, const QByteArray &stdinData)
{
    QProcess p;
    p.setProgram(QStringLiteral(HUBCTL_PATH));
    p.setArguments(args);
    p.start();
    REQUIRE(p.waitForStarted());
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    REQUIRE(p.waitForFinished(120000));
    CliRun run;
    run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    run.out = QString::fromUtf8(p.readAllStandardOutput());
    run.err = QString::fromUtf8(p.readAllStandardError());
    return run;
}

CliRun hubctlFromThread(const QStringList &args, int timeoutMs)
{
    QProcess p;
    p.setProgram(QStringLiteral(HUBCTL_PATH));
    p.setArguments(args);
    p.start();
    CliRun run;
    if (!p.waitForStarted())
        return run;
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return run;
    }
    run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    run.out = QString::fromUtf8(p.readAllStandardOutput());
    run.err = QString::fromUtf8(p.readAllStandardError());
    return run;
}

} // namespace hub::test
