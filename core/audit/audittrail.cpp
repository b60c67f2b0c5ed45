// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/audit/audittrail.h"

#include "core/access/accesscontrol.h"
#include "core/storage/changetracker.h"
#include "core/storage/database.h"
#include "core/storage/query.h"
#include "core/storage/transaction.h"

#include <QCryptographicHash>
#include <QTimeZone>

namespace hub {

namespace {

const QString GenesisHash = QString(64, u'0');

// Per thread: demo data generated on a worker thread must not silence the desk.
thread_local int t_quietDepth = 0;

AuditEntry entryFrom(const Query &q)
{
    AuditEntry e;
    e.id = q.value(0).toLongLong();
    e.at = QDateTime::fromSecsSinceEpoch(q.value(1).toLongLong(), QTimeZone::utc());
    e.userName = q.value(2).toString();
    e.action = q.value(3).toString();
    e.entity = q.value(4).toString();
    e.entityId = q.value(5).toLongLong();
    e.summary = q.value(6).toString();
    e.prevHash = q.value(7).toString();
    e.hash = q.value(8).toString();
    return e;
}

const QString Columns = QStringLiteral("id, at, user_name, action, entity, entity_id, summary, prev_hash, hash");

// The WHERE clause of a filter; every value is bound, never spliced.
QString whereOf(const AuditFilter &f)
{
    QStringList parts;
    if (f.from.isValid())
        parts << QStringLiteral("at >= :from");
    if (f.to.isValid())
        parts << QStringLiteral("at < :to");
    if (!f.userName.isEmpty())
        parts << QStringLiteral("user_name = :user COLLATE NOCASE");
    if (!f.action.isEmpty())
        parts << QStringLiteral("(action = :action OR substr(action, 1, length(:action) + 1) = :action || '.')");
    if (f.beforeId)
        parts << QStringLiteral("id < :before");
    return parts.isEmpty() ? QString() : QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
}

void bindFilter(Query &q, const AuditFilter &f)
{
    if (f.from.isValid())
        q.bind(QStringLiteral(":from"), f.from.toSecsSinceEpoch());
    if (f.to.isValid())
        q.bind(QStringLiteral(":to"), f.to.toSecsSinceEpoch());
    if (!f.userName.isEmpty())
        q.bind(QStringLiteral(":user"), f.userName);
    if (!f.action.isEmpty())
        q.bind(QStringLiteral(":action"), f.action);
    if (f.beforeId)
        q.bind(QStringLiteral(":before"), *f.beforeId);
}

} // namespace

AuditTrail::Quiet::Quiet()
{
    ++t_quietDepth;
}

AuditTrail::Quiet::~Quiet()
{
    --t_quietDepth;
}

AuditTrail::AuditTrail(std::shared_ptr<Database> db, const Clock &clock, const QString &actor)
    : m_db(std::move(db)), m_clock(clock), m_actor(actor)
{}

QString AuditTrail::hashOf(const AuditEntry &e)
{
    // Length-prefixed fields, so shifting text from one field to the next
    // cannot produce the same bytes.
    QByteArray canonical;
    auto add = [&canonical](const QString &field) {
        const QByteArray utf8 = field.toUtf8();
        canonical += QByteArray::number(utf8.size());
        canonical += ':';
        canonical += utf8;
        canonical += ';';
    };
    add(QString::number(e.id));
    add(QString::number(e.at.toSecsSinceEpoch()));
    add(e.userName);
    add(e.action);
    add(e.entity);
    add(QString::number(e.entityId));
    add(e.summary);
    add(e.prevHash);
    return QString::fromLatin1(QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex());
}

Status AuditTrail::record(const QString &action, const QString &entity, qint64 entityId, const QString &summary)
{
    return recordAs(m_actor, action, entity, entityId, summary);
}

Status AuditTrail::recordAs(const QString &userName, const QString &action, const QString &entity, qint64 entityId,
                            const QString &summary)
{
    if (t_quietDepth > 0) {
        // Bulk work records no row, but its change is still news to the pages.
        ChangeTracker::note(m_db->connection(), entity, entityId);
        return {};
    }
    // Joins the caller's transaction as a savepoint; on its own it is one
    // BEGIN IMMEDIATE, so two desks never chain onto the same last row.
    auto tx = Transaction::begin(*m_db, Transaction::Mode::Immediate);
    if (!tx)
        return fail(tx.error());
    Query last(tx->connection(), QStringLiteral("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"));
    if (auto ok = last.exec(); !ok)
        return fail(ok.error());
    AuditEntry e;
    e.id = 1;
    e.prevHash = GenesisHash;
    if (last.next()) {
        e.id = last.value(0).toLongLong() + 1;
        e.prevHash = last.value(1).toString();
    }
    e.at = m_clock.now();
    e.userName = userName;
    e.action = action;
    e.entity = entity;
    e.entityId = entityId;
    e.summary = summary;
    e.hash = hashOf(e);
    Query insert(tx->connection(),
                 QStringLiteral("INSERT INTO audit_log (id, at, user_name, action, entity, entity_id, summary, "
                                "prev_hash, hash) VALUES (:id, :at, :user, :action, :entity, :eid, :summary, "
                                ":prev, :hash)"));
    insert.bind(QStringLiteral(":id"), e.id)
        .bind(QStringLiteral(":at"), e.at.toSecsSinceEpoch())
        .bind(QStringLiteral(":user"), e.userName)
        .bind(QStringLiteral(":action"), e.action)
        .bind(QStringLiteral(":entity"), e.entity)
        .bind(QStringLiteral(":eid"), e.entityId)
        .bind(QStringLiteral(":summary"), e.summary)
        .bind(QStringLiteral(":prev"), e.prevHash)
        .bind(QStringLiteral(":hash"), e.hash);
    if (auto ok = insert.exec(); !ok)
        return fail(ok.error());
    ChangeTracker::note(tx->connection(), entity, entityId);
    return tx->commit();
}

Status AuditTrail::mayRead() const
{
    return m_access ? m_access->require(Permission::ViewAudit) : Status();
}

Result<QList<AuditEntry>> AuditTrail::list(const AuditFilter &filter) const
{
    if (auto ok = mayRead(); !ok)
        return fail(ok.error());
    QString sql = QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM audit_log") + whereOf(filter) +
                  QStringLiteral(" ORDER BY id DESC");
    if (filter.limit >= 0)
        sql += QStringLiteral(" LIMIT :limit");
    Query q(*m_db, sql);
    bindFilter(q, filter);
    if (filter.limit >= 0)
        q.bind(QStringLiteral(":limit"), filter.limit);
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    QList<AuditEntry> out;
    while (q.next())
        out << entryFrom(q);
    return out;
}

Result<int> AuditTrail::count(const AuditFilter &filter) const
{
    if (auto ok = mayRead(); !ok)
        return fail(ok.error());
    Query q(*m_db, QStringLiteral("SELECT count(*) FROM audit_log") + whereOf(filter));
    bindFilter(q, filter);
    auto n = q.scalar();
    if (!n)
        return fail(n.error());
    return n->toInt();
}

Result<QStringList> AuditTrail::actions() const
{
    if (auto ok = mayRead(); !ok)
        return fail(ok.error());
    Query q(*m_db, QStringLiteral("SELECT DISTINCT action FROM audit_log ORDER BY action"));
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

QList<Finding> AuditTrail::verify() const
{
    QList<Finding> found;
    Query q(*m_db, QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM audit_log ORDER BY id"));
    if (auto ok = q.exec(); !ok) {
        found << Finding{QStringLiteral("audit"), ok.error().message, {}};
        return found;
    }
    QString previous = GenesisHash;
    while (q.next()) {
        const AuditEntry e = entryFrom(q);
        const QString where = tr("audit row %1").arg(e.id);
        if (e.prevHash != previous)
            found << Finding{QStringLiteral("audit"),
                             tr("does not follow the previous audit row in the hash chain (rows were removed or "
                                "reordered)"),
                             where};
        if (hashOf(e) != e.hash)
            found << Finding{QStringLiteral("audit"),
                             tr("its contents do not match its hash: the row was changed outside Hubkeeper"), where};
        previous = e.hash;
    }
    return found;
}

Status AuditTrail::pseudonymise(const QString &userName, const QString &pseudonym)
{
    if (userName.isEmpty())
        return {};
    auto tx = Transaction::begin(*m_db, Transaction::Mode::Immediate);
    if (!tx)
        return fail(tx.error());
    Query first(tx->connection(),
                QStringLiteral("SELECT min(id) FROM audit_log WHERE user_name = :user COLLATE NOCASE"));
    first.bind(QStringLiteral(":user"), userName);
    auto from = first.scalar();
    if (!from)
        return fail(from.error());
    if (from->isNull())
        return tx->commit();

    Query unlock(tx->connection(), QStringLiteral("INSERT INTO audit_erasure (one) VALUES (1)"));
    if (auto ok = unlock.exec(); !ok)
        return fail(ok.error());

    // Re-seal the chain from the first changed row on: later rows keep their
    // contents, only their links change.
    Query rows(tx->connection(),
               QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM audit_log WHERE id >= :from ORDER BY id"));
    rows.bind(QStringLiteral(":from"), from->toLongLong());
    if (auto ok = rows.exec(); !ok)
        return fail(ok.error());
    QList<AuditEntry> entries;
    while (rows.next())
        entries << entryFrom(rows);

    Query before(tx->connection(),
                 QStringLiteral("SELECT hash FROM audit_log WHERE id < :from ORDER BY id DESC LIMIT 1"));
    before.bind(QStringLiteral(":from"), from->toLongLong());
    auto prev = before.scalar();
    if (!prev)
        return fail(prev.error());
    QString previous = prev->isNull() ? GenesisHash : prev->toString();

    Query update(tx->connection(), QStringLiteral("UPDATE audit_log SET user_name = :user, prev_hash = :prev, "
                                                  "hash = :hash WHERE id = :id"));
    for (AuditEntry e : std::as_const(entries)) {
        if (e.userName.compare(userName, Qt::CaseInsensitive) == 0)
            e.userName = pseudonym;
        e.prevHash = previous;
        e.hash = hashOf(e);
        update.bind(QStringLiteral(":user"), e.userName)
            .bind(QStringLiteral(":prev"), e.prevHash)
            .bind(QStringLiteral(":hash"), e.hash)
            .bind(QStringLiteral(":id"), e.id);
        if (auto ok = update.exec(); !ok)
            return fail(ok.error());
        previous = e.hash;
    }

    Query lock(tx->connection(), QStringLiteral("DELETE FROM audit_erasure"));
    if (auto ok = lock.exec(); !ok)
        return fail(ok.error());
    return tx->commit();
}

} // namespace hub
