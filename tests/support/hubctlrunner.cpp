// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/hubctlrunner.h"

#include "tests/support/testserver.h"

#include <QHash>
#include <QMutex>
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

namespace {

// Each hub file a test names stands for one empty database on the cluster.
QString serverHubFor(const QString &path)
{
    static QMutex mutex;
    static QHash<QString, QString> urls;
    const QMutexLocker lock(&mutex);
    auto it = urls.find(path);
    if (it == urls.end())
        it = urls.insert(path, TestServer::createEmptyDatabase());
    return *it;
}

} // namespace

QString hubOnTestBackend(const QString &path)
{
    return TestServer::active() ? serverHubFor(path) : path;
}

QStringList onTestBackend(QStringList args)
{
    if (!TestServer::active())
        return args;
    for (qsizetype i = 0; i + 1 < args.size(); ++i) {
        const QString &value = args.at(i + 1);
        if (args.at(i) == QStringLiteral("--db") && !value.isEmpty() &&
            !value.startsWith(QStringLiteral("postgresql:")))
            args[i + 1] = serverHubFor(value);
    }
    return args;
}

CliRun hubctl(const QStringList &args, const QByteArray &stdinData)
{
    return hubctlExact(onTestBackend(args), stdinData);
}

CliRun hubctlExact(const QStringList &args, const QByteArray &stdinData)
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
    p.setArguments(onTestBackend(args));
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
