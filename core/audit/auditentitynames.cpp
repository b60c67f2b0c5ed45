// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/audit/auditentitynames.h"

#include "core/common/displayformat.h"
#include "core/storage/database.h"
#include "core/storage/query.h"

namespace hub {

namespace {
// One fixed query per kind of record: the name, and for the records that
// happen at a time (bookings, gatherings), the time, to tell them apart.
QString queryFor(const QString &entity)
{
    static const QHash<QString, QString> queries = {
        {QStringLiteral("member"), QStringLiteral("SELECT display_name, NULL FROM members WHERE id = :id")},
        {QStringLiteral("user"), QStringLiteral("SELECT name, NULL FROM users WHERE id = :id")},
        {QStringLiteral("space"), QStringLiteral("SELECT name, NULL FROM spaces WHERE id = :id")},
        {QStringLiteral("skill"), QStringLiteral("SELECT name, NULL FROM skills WHERE id = :id")},
        {QStringLiteral("group"), QStringLiteral("SELECT name, NULL FROM working_groups WHERE id = :id")},
        {QStringLiteral("action"), QStringLiteral("SELECT title, NULL FROM group_actions WHERE id = :id")},
        {QStringLiteral("idea"), QStringLiteral("SELECT title, NULL FROM ideas WHERE id = :id")},
        {QStringLiteral("challenge"), QStringLiteral("SELECT title, NULL FROM business_challenges WHERE id = :id")},
        {QStringLiteral("booking"), QStringLiteral("SELECT title, start_utc FROM bookings WHERE id = :id")},
        {QStringLiteral("gathering"), QStringLiteral("SELECT title, start_utc FROM gatherings WHERE id = :id")},
        {QStringLiteral("offer"), QStringLiteral("SELECT description, NULL FROM offers WHERE id = :id")},
        {QStringLiteral("need"), QStringLiteral("SELECT description, NULL FROM needs WHERE id = :id")},
        {QStringLiteral("account"),
         QStringLiteral("SELECT m.display_name, NULL FROM accounts a JOIN members m ON m.id = a.member_id "
                        "WHERE a.id = :id")},
        {QStringLiteral("transfer"),
         QStringLiteral("SELECT pm.display_name || ' → ' || qm.display_name, NULL FROM transfers t "
                        "JOIN accounts pa ON pa.id = t.payer_account JOIN members pm ON pm.id = pa.member_id "
                        "JOIN accounts qa ON qa.id = t.payee_account JOIN members qm ON qm.id = qa.member_id "
                        "WHERE t.id = :id")},
    };
    return queries.value(entity);
}
} // namespace

AuditEntityNames::AuditEntityNames(std::shared_ptr<const Database> db, QTimeZone zone)
    : m_db(std::move(db)), m_zone(std::move(zone))
{}

QString AuditEntityNames::name(const QString &entity, qint64 id) const
{
    if (entity.isEmpty())
        return {};
    QString kind = entity;
    kind[0] = kind[0].toUpper();
    if (id == 0)
        return kind;
    const QString key = entity + u':' + QString::number(id);
    if (const auto found = m_cache.constFind(key); found != m_cache.constEnd())
        return *found;
    QString named = lookUp(entity, id);
    if (named.isEmpty())
        named = tr("%1 #%2").arg(kind).arg(id);
    m_cache.insert(key, named);
    return named;
}

QString AuditEntityNames::lookUp(const QString &entity, qint64 id) const
{
    const QString sql = queryFor(entity);
    if (sql.isEmpty() || !m_db)
        return {};
    Query q(*m_db, sql);
    q.bind(QStringLiteral(":id"), id);
    if (!q.exec() || !q.next())
        return {};
    const QString title = q.value(0).toString();
    const QVariant at = q.value(1);
    q.raw().finish();
    if (entity == QStringLiteral("transfer"))
        return tr("Transfer #%1: %2").arg(id).arg(title);
    if (!at.isNull())
        return tr("%1 — %2").arg(
            title, DisplayFormat::date(QDateTime::fromSecsSinceEpoch(at.toLongLong()).toTimeZone(m_zone).date()));
    return title;
}

} // namespace hub
