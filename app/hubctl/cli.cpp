// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/hubctl/cli.h"

#include "app/hubctl/attendancecommands.h"
#include "app/hubctl/bookingcommands.h"
#include "app/hubctl/calendarcommands.h"
#include "app/hubctl/challengecommands.h"
#include "app/hubctl/commandsession.h"
#include "app/hubctl/freecommand.h"
#include "app/hubctl/gatheringcommands.h"
#include "app/hubctl/groupcommands.h"
#include "app/hubctl/ideacommands.h"
#include "app/hubctl/ledgercommands.h"
#include "app/hubctl/membercommands.h"
#include "app/hubctl/memberexchangecommands.h"
#include "app/hubctl/reportcommands.h"
#include "app/hubctl/setupcommands.h"
#include "app/hubctl/spacecommands.h"
#include "app/hubctl/usercommands.h"
#include "app/hubctl/votingcommands.h"
#include "app/hubctl/walkincommands.h"

#include <QCommandLineParser>
#include <QJsonObject>

#include <cstdio>

namespace hub::cli {

Cli::Cli()
{
    registerSetupCommands(*this);
    registerMemberCommands(*this);
    registerMemberExchangeCommands(*this);
    registerLedgerCommands(*this);
    registerSpaceCommands(*this);
    registerBookingCommands(*this);
    registerCalendarCommands(*this);
    registerFreeCommand(*this);
    registerGatheringCommands(*this);
    registerAttendanceCommands(*this);
    registerIdeaCommands(*this);
    registerGroupCommands(*this);
    registerVotingCommands(*this);
    registerWalkInCommands(*this);
    registerChallengeCommands(*this);
    registerReportCommands(*this);
    registerUserCommands(*this);
}

void Cli::add(CommandSpec spec)
{
    m_commands.append(std::move(spec));
}

const CommandSpec *Cli::find(const QString &name) const
{
    for (const CommandSpec &c : m_commands)
        if (c.name == name)
            return &c;
    return nullptr;
}

QString Cli::helpText() const
{
    QString text = tr("Usage: hubctl [--db PATH] [--user NAME] [--json] COMMAND [ARGS...]\n"
                      "       hubctl --help | hubctl COMMAND --help | hubctl --version\n\n"
                      "Manage a Hubkeeper community hub file without a window.\n\n"
                      "Options:\n"
                      "  --db PATH   the hub file (default: %1)\n"
                      "  --json      print one JSON document on stdout\n"
                      "  --user NAME act as this user of a hub with users; the passphrase comes\n"
                      "              from HUBCTL_PASSPHRASE or is asked for without echo\n"
                      "  --help      show this help\n"
                      "  --version   show the version\n\n"
                      "Commands:\n")
                       .arg(Hub::defaultPath());
    qsizetype width = 0;
    for (const CommandSpec &c : m_commands)
        width = std::max(width, c.name.size());
    for (const CommandSpec &c : m_commands)
        text += QStringLiteral("  ") + c.name.leftJustified(width + 2) + c.summary + u'\n' + QString(width + 4, u' ') +
                QStringLiteral("hubctl ") + c.name + (c.synopsis.isEmpty() ? QString() : u' ' + c.synopsis) + u'\n';
    text += tr("\nExit codes: 0 done, 1 usage, 2 invalid input, 3 refused by a rule, 4 not found, "
               "5 storage.\n");
    return text;
}

int Cli::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption db(QStringLiteral("db"), QString(), QStringLiteral("PATH"));
    const QCommandLineOption json(QStringLiteral("json"));
    const QCommandLineOption user(QStringLiteral("user"), QString(), QStringLiteral("NAME"));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    const QCommandLineOption version(QStringList{QStringLiteral("v"), QStringLiteral("version")});
    parser.addOptions({db, json, user, help, version});
    parser.addPositionalArgument(QStringLiteral("command"), QString());

    if (!parser.parse(arguments)) {
        m_out.setJson(arguments.contains(QStringLiteral("--json")));
        return m_out.error(Error::usage(parser.errorText() + u' ' + tr("(see “hubctl --help”)")));
    }
    m_out.setJson(parser.isSet(json));
    if (parser.isSet(db) && parser.value(db).trimmed().isEmpty())
        return m_out.error(
            Error::usage(tr("--db needs the path of a hub file (see “hubctl --help”)"), QStringLiteral("--db")));
    if (parser.isSet(version)) {
        m_out.result(QJsonObject{{QStringLiteral("version"), QCoreApplication::applicationVersion()}},
                     QStringLiteral("hubctl ") + QCoreApplication::applicationVersion());
        return 0;
    }
    const QStringList rest = parser.positionalArguments();
    if (parser.isSet(help) || (rest.isEmpty() && parser.isSet(help))) {
        std::fputs(helpText().toUtf8().constData(), stdout);
        return 0;
    }
    if (rest.isEmpty()) {
        std::fputs(helpText().toUtf8().constData(), stderr);
        return m_out.error(Error::usage(tr("no command given")));
    }
    // Commands with an action ("member add") are found by their first two words.
    qsizetype words = 2;
    const CommandSpec *command = rest.size() >= 2 ? find(rest[0] + u' ' + rest[1]) : nullptr;
    if (!command) {
        words = 1;
        command = find(rest.first());
    }
    if (!command) {
        QStringList actions;
        for (const CommandSpec &c : m_commands)
            if (c.name.startsWith(rest.first() + u' '))
                actions << c.name.section(u' ', 1);
        if (!actions.isEmpty())
            return m_out.error(
                Error::usage(tr("“%1” needs an action: %2").arg(rest.first(), actions.join(QStringLiteral(", ")))));
        return m_out.error(
            Error::usage(tr("unknown command “%1” (see “hubctl --help” for the list)").arg(rest.first())));
    }

    CommandContext context(*command, rest.mid(words), {parser.value(db), parser.isSet(json), parser.value(user)},
                           m_out);
    if (auto stop = context.parse())
        return *stop;
    if (command->runWithoutHub)
        return command->runWithoutHub(context);
    auto session = CommandSession::open(context);
    if (!session)
        return context.fail(session.error());
    return command->run(context, *session);
}

} // namespace hub::cli
