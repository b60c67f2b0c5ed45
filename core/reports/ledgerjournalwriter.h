// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>

#include <functional>

class QIODevice;

namespace hub {

class Database;
struct HubSettings;

/// The ledger's transfers as a plain-text accounting journal that hledger and
/// ledger both read without complaint. Each member's account is
/// `assets:members:NAME` (a forgotten member's pseudonym), the hub's own is
/// `equity:hub`, the commodity is the hub's unit. One transaction per
/// transfer: date, `(id)` code, memo, a `; id:N` tag. A period that does not
/// start at the beginning of time opens with a transaction of every balance
/// the day before, so the tools' balances equal the ledger's at its end.
class LedgerJournalWriter
{
    Q_DECLARE_TR_FUNCTIONS(hub::LedgerJournalWriter)
public:
    LedgerJournalWriter(Database &db, const HubSettings &settings);

    /// Writes the transfers of the local dates [from, to] (either may be null:
    /// open) and returns how many. Stops with an error when `cancelled` says so.
    Result<qint64> write(QIODevice &device, QDate from, QDate to, const std::function<bool()> &cancelled = {});

    /// An account-name segment with the characters the tools treat specially
    /// replaced: `:` (separator), `;` (comment), runs of spaces and tabs (end of
    /// the name), brackets (virtual postings) and leading/trailing spaces.
    static QString accountSegment(const QString &name);
    /// A description free of `;` (a comment) and line breaks.
    static QString description(const QString &memo);
    /// The unit as a commodity: bare when it is plain letters, quoted otherwise.
    static QString commodity(const QString &unit);

private:
    Status loadAccounts();

    Database &m_db;
    const HubSettings &m_settings;
    QHash<qint64, QString> m_names; ///< account id → full journal account name
};

} // namespace hub
