// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/access/passphrasehasher.h"

#include <atomic>
#include <sodium.h>

namespace hub {

namespace {
std::atomic<PassphraseHasher::Cost> g_cost{PassphraseHasher::Cost::Interactive};

bool ready()
{
    // sodium_init is safe to call more than once and from several threads.
    static const bool ok = sodium_init() >= 0;
    return ok;
}
} // namespace

PassphraseHasher::Cost PassphraseHasher::cost()
{
    return g_cost.load();
}

void PassphraseHasher::setCost(Cost cost)
{
    g_cost.store(cost);
}

Result<QString> PassphraseHasher::hash(const QString &secret, Purpose purpose)
{
    if (!ready())
        return fail(Error::storage(tr("The passphrase library (libsodium) could not start.")));
    const QByteArray utf8 = secret.toUtf8();
    const bool low = cost() == Cost::Minimum;
    const bool pin = purpose == Purpose::Pin;
    const unsigned long long ops = low ? crypto_pwhash_OPSLIMIT_MIN : pin ? 3ULL : crypto_pwhash_OPSLIMIT_INTERACTIVE;
    const size_t memory = low   ? crypto_pwhash_MEMLIMIT_MIN
                          : pin ? size_t(192) << 20
                                : crypto_pwhash_MEMLIMIT_INTERACTIVE;
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, utf8.constData(), static_cast<unsigned long long>(utf8.size()), ops, memory) != 0)
        return fail(Error::storage(tr("There was not enough memory to hash the passphrase.")));
    return QString::fromLatin1(out);
}

bool PassphraseHasher::verify(const QString &hash, const QString &secret)
{
    if (!ready() || hash.isEmpty())
        return false;
    const QByteArray stored = hash.toLatin1();
    const QByteArray utf8 = secret.toUtf8();
    return crypto_pwhash_str_verify(stored.constData(), utf8.constData(),
                                    static_cast<unsigned long long>(utf8.size())) == 0;
}

} // namespace hub
