// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/hubctl/secretprompt.h"

#include <QCoreApplication>

#include <cstdio>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace hub::cli {

std::optional<QString> readSecret(const QString &prompt)
{
    const bool tty = isatty(STDIN_FILENO) == 1;
    termios saved{};
    if (tty) {
        std::fputs(prompt.toUtf8().constData(), stderr);
        std::fflush(stderr);
        if (tcgetattr(STDIN_FILENO, &saved) == 0) {
            termios quiet = saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            quiet.c_lflag |= ECHONL;
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        }
    }
    std::string line;
    bool any = false;
    for (int c = std::fgetc(stdin); c != EOF; c = std::fgetc(stdin)) {
        any = true;
        if (c == '\n')
            break;
        line.push_back(char(c));
    }
    if (tty)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    if (!any)
        return std::nullopt;
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return QString::fromStdString(line);
}

std::optional<QString> signInSecret(const QString &user)
{
    if (qEnvironmentVariableIsSet("HUBCTL_PASSPHRASE"))
        return qEnvironmentVariable("HUBCTL_PASSPHRASE");
    return readSecret(QCoreApplication::translate("hub::cli", "Passphrase for %1: ").arg(user));
}

} // namespace hub::cli
