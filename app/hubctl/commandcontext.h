// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/hubctl/clioutput.h"
#include "core/hub.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <functional>
#include <optional>

namespace hub::cli {

class CommandContext;
struct CommandSession;

/// How many positional arguments a command takes.
struct ArgumentCount
{
    int min = 0;
    int max = 0; ///< -1: any number
};

/// One hubctl command, declared: its name, how it is called, its options and
/// arguments, and what it does. The framework parses the arguments, refuses a
/// missing required option, opens the hub once and only then runs the body,
/// so a command holds only its own logic.
struct CommandSpec
{
    QString name;
    QString synopsis; ///< arguments after the name, e.g. "FILE"
    QString summary;
    QList<QCommandLineOption> options = {};
    ArgumentCount arguments = {};
    QStringList required = {}; ///< names of options that must be given, in the order they are checked
    /// The body of a command that works on the hub named by --db: the
    /// framework opens it (signed in, with its settings) before calling it.
    std::function<int(CommandContext &, CommandSession &)> run = {};
    /// The body of a command that opens no hub, or opens it its own way
    /// (init creates one, restore replaces one).
    std::function<int(CommandContext &)> runWithoutHub = {};
};

/// The options every command accepts, before or after its name.
struct GlobalOptions
{
    QString dbPath;
    bool json = false;
    QString user; ///< --user NAME: who hubctl acts as on a hub with users
};

/// What a running command sees: its own arguments, parsed as its spec says,
/// the global options and the output. Turns usage mistakes into exit code 1.
class CommandContext
{
    Q_DECLARE_TR_FUNCTIONS(hub::cli::CommandContext)
public:
    CommandContext(const CommandSpec &spec, const QStringList &args, GlobalOptions globals, CliOutput &out);

    /// Parses the command's arguments as its spec declares them and checks
    /// its required options. Returns an exit code when the command should
    /// stop here (help shown: 0; usage error: 1).
    std::optional<int> parse();

    QStringList positional() const;
    bool isSet(const QString &name) const { return m_parser.isSet(name); }
    QString value(const QString &name) const { return unwrap(m_parser.value(name)); }
    QStringList values(const QString &name) const;

    CliOutput &out() { return m_out; }
    bool json() const { return m_globals.json; }
    QString dbPath() const;
    /// Opens the hub named by --db (or the default); a missing file is refused
    /// unless `mode` allows creating it. With --user, signs in (a wrong
    /// passphrase is refused and audited); a hub with users refuses to open
    /// without --user, while a hub without users runs as the implicit admin.
    Result<std::unique_ptr<Hub>> openHub(OpenMode mode = OpenMode::ExistingOnly) const;
    /// The --user name, if one was given.
    QString user() const { return m_globals.user; }

    int fail(const Error &error) { return m_out.error(error); }
    int usage(const QString &message, const QString &where = {});

private:
    static QString unwrap(QString value);

    const CommandSpec &m_spec;
    QStringList m_args;
    GlobalOptions m_globals;
    CliOutput &m_out;
    QCommandLineParser m_parser;
};

} // namespace hub::cli
