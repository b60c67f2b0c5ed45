// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/hubctl/commandcontext.h"

#include <QCoreApplication>
#include <QList>

namespace hub::cli {

/// hubctl's front door: global options, the command table and dispatch.
/// Commands call core services only; no rule lives here.
class Cli
{
    Q_DECLARE_TR_FUNCTIONS(hub::cli::Cli)
public:
    Cli();
    int run(const QStringList &arguments);

    void add(CommandSpec spec);

private:
    QString helpText() const;
    const CommandSpec *find(const QString &name) const;

    QList<CommandSpec> m_commands;
    CliOutput m_out;
};

} // namespace hub::cli
