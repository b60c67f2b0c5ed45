// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/storage/unitofwork.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QStringList>

#include <memory>

namespace hub {

class AccessControl;
class AuditTrail;
class Database;

/// The managed list of transfer categories, which a transfer naming a new
/// category joins.
class LedgerCategories
{
    // The ledger's texts keep the one translation context they always had.
    Q_DECLARE_TR_FUNCTIONS(hub::LedgerService)
public:
    LedgerCategories(std::shared_ptr<Database> db, const AccessControl &access, AuditTrail &audit);

    Result<QStringList> categories() const;
    Status addCategory(const QString &name);

    /// The id of `category` on `db`, added to the list if new; 0 for none.
    static Result<qint64> categoryId(const QSqlDatabase &db, const QString &category);

private:
    std::shared_ptr<Database> m_db;
    UnitOfWork m_work;
};

} // namespace hub
