// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A temporary hub made by "hubctl init", driven through hubctl processes:
// the fixture CLI tests share (compile tests/support/hubctlrunner.cpp in).

#include "tests/support/hubctlrunner.h"

#include <QTemporaryDir>

#include <catch2/catch.hpp>

namespace hub::test {

struct CliHub
{
    QTemporaryDir dir;
    QString db = dir.filePath(QStringLiteral("hub.sqlite"));

    explicit CliHub(const QStringList &initArgs = {})
    {
        REQUIRE(dir.isValid());
        const CliRun init = hubctl(QStringList{QStringLiteral("--db"), db, QStringLiteral("init")} + initArgs);
        INFO(init.err.toStdString());
        REQUIRE(init.exitCode == 0);
    }
    /// hubctl --db HUB --json ARGS
    CliRun run(const QStringList &args, const QByteArray &stdinData = {}) const
    {
        return hubctl(QStringList{QStringLiteral("--db"), db, QStringLiteral("--json")} + args, stdinData);
    }
    /// Runs ARGS and requires exit 0.
    CliRun ok(const QStringList &args) const
    {
        const CliRun r = run(args);
        INFO(QStringList(args).join(u' ').toStdString() << "\n" << r.err.toStdString());
        REQUIRE(r.exitCode == 0);
        return r;
    }
    QString file(const QString &name) const { return dir.filePath(name); }
};

} // namespace hub::test
