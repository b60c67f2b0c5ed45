// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/clock.h"
#include "core/common/error.h"
#include "core/ledger/ledger.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <optional>
#include <utility>

namespace hub {

class AccessControl;

/// The transfers as a hash chain: each row seals its own fields and the hash
/// of the row before, so a changed, removed or reordered row shows.
class TransferChain
{
    // The ledger's texts keep the one translation context they always had.
    Q_DECLARE_TR_FUNCTIONS(hub::LedgerService)
public:
    /// The previous hash of the first transfer.
    static const QString GenesisHash;

    TransferChain(const Clock &clock, const QString &actor, const AccessControl &access);

    /// SHA-256 over a transfer's canonical fields and the previous hash.
    static QString hashOf(const Transfer &t, qint64 categoryId);
    /// The last transfer's id and hash: where the next one links on.
    static Result<std::pair<TransferId, QString>> chainEnd(const QSqlDatabase &db);
    /// The next link: the draft between two accounts, entered now by whoever
    /// is at the desk, sealed after `prevHash`.
    Transfer build(const TransferDraft &d, const Account &payer, const Account &payee,
                   std::optional<TransferId> reverses, TransferId id, const QString &prevHash, qint64 categoryId) const;
    static Status insert(const QSqlDatabase &db, const Transfer &t, qint64 categoryId);

private:
    const Clock &m_clock;
    const QString &m_actor;
    const AccessControl &m_access;
};

} // namespace hub
