// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonDocument>
#include <QString>
#include <QStringList>

namespace hub::test {

/// What one run of the built hubctl printed and returned.
struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
    QJsonDocument json() const;
};

/// On a `pg` run (TestServer active), every `--db PATH` in `args` becomes
/// an empty database on the test cluster, the same one for the same path.
QStringList onTestBackend(QStringList args);
/// The hub a test's file stands for on this run: the file itself, or its
/// database on the test cluster (for a test opening it in-process too).
QString hubOnTestBackend(const QString &path);
/// Runs the built hubctl (path configured by CMake) with `args`.
CliRun hubctl(const QStringList &args, const QByteArray &stdinData = {});
/// The same with `args` as given: a file stays a file on a `pg` run too.
CliRun hubctlExact(const QStringList &args, const QByteArray &stdinData = {});
/// The same without Catch assertions, so threads may call it (Catch's are
/// not thread-safe): a process that does not start or finish gives exit -1.
CliRun hubctlFromThread(const QStringList &args, int timeoutMs = 120000);

/// Text from a UTF-8 literal, for the many option values and JSON keys of
/// the CLI tests.
inline QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

} // namespace hub::test
