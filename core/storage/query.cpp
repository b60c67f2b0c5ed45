// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/query.h"

#include "core/storage/database.h"

#include <QSqlError>

namespace hub {

Query::Query(const QSqlDatabase &db, const QString &sql) : m_query(db), m_sql(sql)
{
    m_prepared = m_query.prepare(sql);
}

Query::Query(const Database &db, const QString &sql) : Query(db.connection(), sql) {}

Query &Query::bind(const QString &placeholder, const QVariant &value)
{
    // The driver binds a null QString as SQL NULL. Our text columns mean ""
    // by it; a real NULL is always asked for with a typed null QVariant.
    if (value.typeId() == QMetaType::QString && !value.isNull() && value.toString().isNull())
        m_query.bindValue(placeholder, QStringLiteral(""));
    else
        m_query.bindValue(placeholder, value);
    return *this;
}

Status Query::exec()
{
    if (!m_prepared || !m_query.exec())
        return fail(storageError(m_query.lastError()));
    return {};
}

Result<QVariant> Query::scalar()
{
    if (auto ok = exec(); !ok)
        return fail(ok.error());
    if (!m_query.next())
        return QVariant();
    return m_query.value(0);
}

Error Query::storageError(const QSqlError &error)
{
    const QString native = error.nativeErrorCode();
    // SQLITE_BUSY (5) and SQLITE_LOCKED (6): another desk held the file too long.
    if (native == QStringLiteral("5") || native == QStringLiteral("6"))
        return Error::storage(
            tr("The hub file is busy: another Hubkeeper window or hubctl is saving. Try again in a "
               "moment."));
    return Error::storage(tr("The hub file could not be read or written: %1")
                              .arg(error.databaseText().isEmpty() ? error.text()
                                                                  : error.databaseText()));
}

} // namespace hub
