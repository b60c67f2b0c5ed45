// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace hub::cli {

/// Reads a passphrase from the terminal without echo, the prompt on stderr.
/// Without a terminal (a pipe), reads one line from stdin. Nothing at all
/// (end of input) gives nothing.
std::optional<QString> readSecret(const QString &prompt);

/// The passphrase of the user hubctl signs in as: $HUBCTL_PASSPHRASE, else
/// asked for on the terminal.
std::optional<QString> signInSecret(const QString &user);

} // namespace hub::cli
