// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/storage/integritychecker.h"

#include <QCoreApplication>
#include <QString>

namespace hub {

class Database;

/// The hub's seal: the heads of its two hash chains, the last transfer's id
/// and hash and the audit trail's, short enough to write down
/// ("T1234:9f2c4b1a0e77 A5678:0c1d2e3f4a5b"). Anyone holding the file can
/// rewrite it, re-hashing every row; a seal noted earlier (on a printed trial
/// balance, in a backup's output) proves later that nothing up to it changed.
struct HubSeal
{
    Q_DECLARE_TR_FUNCTIONS(hub::HubSeal)
public:
    static constexpr int HashDigits = 12; ///< 48 bits: enough to tell, short to copy

    qint64 transferId = 0; ///< 0: no transfer yet
    QString transferHash;  ///< the first HashDigits hex digits
    qint64 auditId = 0;
    QString auditHash;

    QString text() const;
    /// Reads text() back; a usage error naming `where` if it is not a seal.
    static Result<HubSeal> parse(const QString &text, const QString &where);

    /// The seal of the hub as it is now (in one read, so both heads belong together).
    static Result<HubSeal> of(const Database &db);
    /// The seal of a backup file just written (VACUUM INTO leaves it in
    /// rollback mode), read through a throw-away read-only connection: no
    /// hub is opened for it, so no check runs over the whole copy.
    static Result<HubSeal> ofBackup(const QString &path);
    /// What differs between the hub and a seal noted earlier: a row that is
    /// gone (the chain was cut short) or holds another hash (rewritten).
    /// Empty when the hub still holds the seal; the full check proves the
    /// chains continue from it.
    static QList<Finding> verify(const Database &db, const HubSeal &seal);
};

} // namespace hub
