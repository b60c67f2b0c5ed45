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

/// Runs the built hubctl (path configured by CMake) with `args`.
CliRun hubctl(const QStringList &args, const QByteArray &stdinData = {});

} // namespace hub::test
