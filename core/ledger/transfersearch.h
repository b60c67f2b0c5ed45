// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/ledger/ledger.h"
#include "core/ledger/ledgertypes.h"
#include "core/storage/keysetorder.h"

#include <QCoreApplication>

#include <memory>

namespace hub {

class AccountBook;
class Database;
class SettingsService;

/// Reading the posted transfers: one, a filtered page, a count, and a
/// member's statement over a period in the hub's time zone.
class TransferSearch
{
    // The ledger's texts keep the one translation context they always had.
    Q_DECLARE_TR_FUNCTIONS(hub::LedgerService)
public:
    TransferSearch(std::shared_ptr<Database> db, const SettingsService &settings, AccountBook &accounts);

    Result<Transfer> transfer(TransferId id) const;
    Result<QList<Transfer>> transfers(const TransferFilter &filter, int limit, bool newestFirst) const;
    /// The transfers after `after` (keyset paging), and the key of the page after them.
    Result<Page<Transfer>> transferPage(const TransferFilter &filter, const PageKey &after, int limit,
                                        bool newestFirst) const;
    Result<int> transferCount(const TransferFilter &filter) const;
    /// Opening balance, each transfer with its running balance, closing, totals.
    Result<Statement> statement(MemberId member, QDate from, QDate to);

    /// The UTC instant where a hub-local date begins.
    QDateTime startOfDay(QDate date) const;

private:
    std::shared_ptr<Database> m_db;
    const SettingsService &m_settings;
    AccountBook &m_accounts;
};

} // namespace hub
