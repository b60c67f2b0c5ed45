// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/storage/integritychecker.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>

#include <memory>

namespace hub {

class Database;

/// Checks the stored ledger against itself: the zero sum, every stored
/// balance against its transfers, the hash chain and the limits.
class LedgerVerifier
{
    // The ledger's texts keep the one translation context they always had.
    Q_DECLARE_TR_FUNCTIONS(hub::LedgerService)
public:
    explicit LedgerVerifier(std::shared_ptr<Database> db);

    /// Each failing row is named.
    QList<Finding> verify() const;

private:
    /// Walks the transfers in order, summing each account's movements into
    /// `sums`; false when they could not be read.
    bool verifyChain(QList<Finding> &found, QHash<qint64, qint64> &sums) const;
    void verifyAccounts(QList<Finding> &found, const QHash<qint64, qint64> &sums) const;

    std::shared_ptr<Database> m_db;
};

} // namespace hub
