// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/storage/hubaddress.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>

namespace hub {

class Database;

/// Copies a whole hub into an empty file or an empty server database, in
/// either direction (how a desk moves its hub to a server and back, and how
/// a server hub is backed up as a portable file):
///  1. the target is made with the current schema (it must be new or empty);
///  2. every row of every table is copied in one transaction on the target,
///     read from one consistent snapshot of the source;
///  3. the copy is verified: the hub's full check on the target, the same
///     row counts in every table and the same heads of the transfer and
///     audit hash chains as the source.
/// On any failure the target is left empty (a file is removed).
class HubCopier
{
    Q_DECLARE_TR_FUNCTIONS(hub::HubCopier)
public:
    struct Summary
    {
        QHash<QString, qint64> rows; ///< rows per table
        QString transferHead;        ///< hash of the last transfer ("" when none)
        QString auditHead;           ///< hash of the last audit row
        qint64 totalRows() const;
    };

    static Result<Summary> copy(const Database &source, const HubAddress &target);
    /// What the check compares: rows per table and the chain heads.
    static Result<Summary> summarise(const Database &db);
    /// Replaces every row of the hub server `target` with those of `source`
    /// in one transaction under the hub's write lock (how a backup is
    /// restored into a server): other desks see the old hub or the new one.
    /// The rows and chain heads are compared before the commit. Only the
    /// role owning the tables may: it lifts the immutability guards for
    /// this transaction alone.
    static Result<Summary> replace(const Database &source, const Database &target);

    struct Table
    {
        QString name;
        QStringList columns; ///< those a copy writes: no generated ones
    };

private:
    /// Copies every row; returns the source's summary in the snapshot copied.
    static Result<Summary> copyRows(const Database &source, Database &target);
    static Status loadRows(const QSqlDatabase &from, const QSqlDatabase &to, const QList<Table> &tables);
    static Status verify(const HubAddress &target, const Summary &expected);
    static void empty(const HubAddress &target);
    /// VACUUM (ANALYZE) of a server after its rows were loaded in bulk.
    static void settle(const HubAddress &target);
};

} // namespace hub
