// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ledger/ledgercategories.h"

#include "core/storage/database.h"
#include "core/storage/query.h"

namespace hub {

LedgerCategories::LedgerCategories(std::shared_ptr<Database> db, const AccessControl &access, AuditTrail &audit)
    : m_db(std::move(db)), m_work(m_db, access, audit)
{}

Result<QStringList> LedgerCategories::categories() const
{
    Query q(*m_db, QStringLiteral("SELECT name FROM transfer_categories ORDER BY name"));
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

Status LedgerCategories::addCategory(const QString &name)
{
    return m_work.run(Permission::RecordTransfer, [&](Write &w) -> Status {
        const QString n = name.simplified();
        if (n.isEmpty() || n.size() > 40)
            return fail(
                Error::invalid(tr("a category needs a name of at most 40 characters"), QStringLiteral("category")));
        Query q(w.connection(),
                QStringLiteral("INSERT INTO transfer_categories(name) VALUES (:n) ON CONFLICT(name) DO NOTHING"));
        q.bind(QStringLiteral(":n"), n);
        if (auto ok = q.exec(); !ok)
            return ok;
        if (q.rowsAffected() > 0)
            w.audit(QStringLiteral("ledger.category"), QStringLiteral("category"), q.lastInsertId(),
                    tr("category “%1” added").arg(n));
        return {};
    });
}

Result<qint64> LedgerCategories::categoryId(const QSqlDatabase &db, const QString &category)
{
    const QString name = category.simplified();
    if (name.isEmpty())
        return 0;
    // Look up first: most transfers use a known category, and an upsert
    // would rewrite its row every time.
    Query find(db, QStringLiteral("SELECT id FROM transfer_categories WHERE name = :n"));
    find.bind(QStringLiteral(":n"), name);
    auto id = find.scalar();
    if (!id)
        return fail(id.error());
    if (id->isNull()) {
        Query ins(db, QStringLiteral("INSERT INTO transfer_categories(name) VALUES (:n) RETURNING id"));
        ins.bind(QStringLiteral(":n"), name);
        id = ins.scalar();
        if (!id)
            return fail(id.error());
    }
    return id->toLongLong();
}

} // namespace hub
