// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/hubctl/commandcontext.h"

#include "app/hubctl/secretprompt.h"
#include "core/access/accesscontrol.h"
#include "core/access/userservice.h"

#include <QRegularExpression>

#include <cstdio>
#include <unistd.h>

namespace hub::cli {

namespace {
constexpr QChar NegativeMark(0xE000); // a private-use character no one types
} // namespace

CommandContext::CommandContext(const CommandSpec &spec, const QStringList &args, GlobalOptions globals, CliOutput &out)
    : m_spec(spec), m_args(args), m_globals(std::move(globals)), m_out(out)
{}

std::optional<int> CommandContext::parse()
{
    const QList<QCommandLineOption> &options = m_spec.options;
    const int minPositional = m_spec.arguments.min;
    const int maxPositional = m_spec.arguments.max;
    m_parser.setApplicationDescription(m_spec.summary);
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
    const QCommandLineOption db(QStringLiteral("db"), tr("The hub file (default: %1).").arg(Hub::defaultPath()),
                                tr("PATH"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print one JSON document on stdout."));
    const QCommandLineOption user(QStringLiteral("user"),
                                  tr("Act as this user (passphrase from HUBCTL_PASSPHRASE or the terminal)."),
                                  tr("NAME"));
    // A command with its own --user (audit's filter) takes the global one
    // only before the command's name.
    bool ownUser = false;
    for (const QCommandLineOption &o : options)
        ownUser = ownUser || o.names().contains(QStringLiteral("user"));
    m_parser.addOptions(options);
    m_parser.addOption(help);
    m_parser.addOption(db);
    m_parser.addOption(json);
    if (!ownUser)
        m_parser.addOption(user);

    const QString program = QStringLiteral("hubctl ") + m_spec.name;
    // "-40" is a negative amount, not an option: shield such arguments from the
    // parser and unwrap them again in positional() and value().
    QStringList args = m_args;
    static const QRegularExpression negativeNumber(QStringLiteral("^-[0-9.]"));
    for (QString &a : args)
        if (negativeNumber.match(a).hasMatch())
            a.prepend(NegativeMark);
    if (!m_parser.parse(QStringList{program} + args))
        return usage(m_parser.errorText());
    if (m_parser.isSet(json))
        m_globals.json = true;
    m_out.setJson(m_globals.json);
    if (m_parser.isSet(db)) {
        if (m_parser.value(db).trimmed().isEmpty())
            return usage(tr("--db needs the path of a hub file"), QStringLiteral("--db"));
        m_globals.dbPath = m_parser.value(db);
    }
    if (!ownUser && m_parser.isSet(user))
        m_globals.user = m_parser.value(user);
    if (m_parser.isSet(help)) {
        // Qt's usage line names the program binary and would wrap the
        // synopsis into a narrow "Arguments:" column: the command is shown
        // as it is typed instead, its arguments on the usage line.
        QString text = m_parser.helpText();
        text = text.mid(text.indexOf(u'\n') + 1);
        QString usageLine = QStringLiteral("Usage: ") + program;
        if (!m_spec.synopsis.isEmpty())
            usageLine += u' ' + m_spec.synopsis;
        text.prepend(usageLine + QStringLiteral(" [options]\n"));
        std::fputs(text.toUtf8().constData(), stdout);
        return 0;
    }
    const int count = int(m_parser.positionalArguments().size());
    if (count < minPositional)
        return usage(tr("missing arguments; usage: hubctl %1 %2").arg(m_spec.name, m_spec.synopsis));
    if (maxPositional >= 0 && count > maxPositional)
        return usage(tr("unexpected argument “%1”; usage: hubctl %2 %3")
                         .arg(m_parser.positionalArguments().value(maxPositional), m_spec.name, m_spec.synopsis));
    for (const QString &name : m_spec.required)
        if (!m_parser.isSet(name))
            return usage(tr("--%1 is required").arg(name), QStringLiteral("--") + name);
    return std::nullopt;
}

QString CommandContext::unwrap(QString value)
{
    if (value.startsWith(NegativeMark))
        value.remove(0, 1);
    return value;
}

QStringList CommandContext::positional() const
{
    QStringList out = m_parser.positionalArguments();
    for (QString &a : out)
        a = unwrap(a);
    return out;
}

QStringList CommandContext::values(const QString &name) const
{
    QStringList out = m_parser.values(name);
    for (QString &a : out)
        a = unwrap(a);
    return out;
}

QString CommandContext::dbPath() const
{
    return m_globals.dbPath.isEmpty() ? Hub::defaultPath() : m_globals.dbPath;
}

Result<std::unique_ptr<Hub>> CommandContext::openHub(OpenMode mode) const
{
    auto hub = Hub::open(dbPath(), mode);
    // A hub server that wants a password neither PGPASSWORD nor ~/.pgpass
    // gave: asked at the terminal, kept in memory only.
    if (!hub && hub.error().where == QStringLiteral("password") && isatty(STDIN_FILENO) == 1) {
        if (auto address = HubAddress::parse(dbPath())) {
            if (const auto secret = readSecret(tr("Password for %1 on %2: ").arg(address->user(), address->host()))) {
                address->setPassword(*secret);
                hub = Hub::open(*address, mode);
            }
        }
    }
    if (!hub)
        return hub;
    for (const QString &warning : (*hub)->database().warnings())
        m_out.message(tr("Warning: %1").arg(warning));
    if (!m_globals.user.isEmpty()) {
        const auto secret = signInSecret(m_globals.user);
        if (!secret)
            return hub::fail(Error::usage(
                tr("No passphrase for %1: set HUBCTL_PASSPHRASE or run hubctl in a terminal.").arg(m_globals.user),
                QStringLiteral("--user")));
        if (auto signedIn = (*hub)->access().signIn(m_globals.user, *secret); !signedIn)
            return hub::fail(signedIn.error());
    } else if ((*hub)->users().hasUsers()) {
        return hub::fail(Error::refused(tr("This hub has users: run hubctl as one of them with --user NAME (the "
                                           "passphrase comes from HUBCTL_PASSPHRASE or the terminal)."),
                                        QStringLiteral("--user")));
    }
    return hub;
}

int CommandContext::usage(const QString &message, const QString &where)
{
    return m_out.error(Error::usage(message + u' ' + tr("(see “hubctl %1 --help”)").arg(m_spec.name), where));
}

} // namespace hub::cli
