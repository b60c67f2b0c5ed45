// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"

#include <QCoreApplication>
#include <QString>

namespace hub {

/// Argon2id hashes of passphrases and PINs through libsodium's
/// crypto_pwhash_str: the salt and the cost live inside the hash string, so
/// stored hashes stay verifiable when the cost is raised later.
class PassphraseHasher
{
    Q_DECLARE_TR_FUNCTIONS(hub::PassphraseHasher)
public:
    enum class Cost
    {
        Interactive, ///< libsodium's interactive limits: what a sign-in should cost
        Minimum,     ///< the smallest limits: for tests only, which hash many times
    };

    /// What is hashed. A PIN has only a million values or so, so each try
    /// costs more: Argon2id at 3 passes over 192 MiB (about half a second
    /// on the hub's PC) against a passphrase's 2 passes over 64 MiB.
    enum class Purpose
    {
        Passphrase,
        Pin
    };

    /// The cost new hashes get in this process (Interactive unless a test lowered it).
    static Cost cost();
    static void setCost(Cost cost);

    static Result<QString> hash(const QString &secret, Purpose purpose = Purpose::Passphrase);
    static bool verify(const QString &hash, const QString &secret);
};

} // namespace hub
