// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/ledger/ledger.h"
#include "core/ledger/ledgertypes.h"
#include "core/storage/unitofwork.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <memory>
#include <optional>

namespace hub {

class AccessControl;
class AccountBook;
class AuditTrail;
class Database;
class SettingsService;
class TransferChain;
class TransferSearch;

/// Posts transfers: one, a batch, a reversal. Limits are checked inside
/// BEGIN IMMEDIATE so two desks cannot overspend together; a transfer, once
/// written, is never changed, only reversed.
class TransferPoster
{
    // The ledger's texts keep the one translation context they always had.
    Q_DECLARE_TR_FUNCTIONS(hub::LedgerService)
public:
    TransferPoster(std::shared_ptr<Database> db, const SettingsService &settings, const AccessControl &access,
                   AuditTrail &audit, AccountBook &accounts, const TransferChain &chain, const TransferSearch &search);

    /// Posts one transfer. Refused (nothing written) when a rule says no; the
    /// message says the limit, the balance and by how much it would breach.
    Result<Posting> pay(const TransferDraft &draft);
    /// Posts many transfers in order in one transaction, each under the same
    /// rules as pay(): every row or none. With any refused row, or when
    /// `write` is false (a dry run), nothing is written; the outcome of every
    /// row says what was (or would be) posted or why not.
    Result<QList<BatchOutcome>> payAll(const QList<TransferDraft> &drafts, bool write);
    /// Posts the opposite of `original`, naming it. A transfer is reversed once.
    Result<Posting> reverse(TransferId original, const QString &memo, bool overrideLimits, const QString &overrideNote);

private:
    /// The permission checks of a new transfer: who may record one, override
    /// a limit, and the front-desk ceiling.
    Status guardTransfer(const TransferDraft &draft) const;
    /// A batch is a levy, and each overriding row needs the override permission.
    Status guardBatch(const QList<TransferDraft> &drafts) const;
    // The body of reverse(), inside its unit of work.
    Result<Posting> reverseIn(Write &w, TransferId original, const QString &memo, bool overrideLimits,
                              const QString &overrideNote);
    Result<Posting> post(const QSqlDatabase &db, const TransferDraft &draft, std::optional<TransferId> reverses);
    /// The one audit row of a written batch, naming its first and last transfer.
    Status auditBatch(const QList<BatchOutcome> &out);

    std::shared_ptr<Database> m_db;
    const SettingsService &m_settings;
    const AccessControl &m_access;
    AuditTrail &m_audit;
    AccountBook &m_accounts;
    const TransferChain &m_chain;
    const TransferSearch &m_search;
    UnitOfWork m_work;
};

} // namespace hub
