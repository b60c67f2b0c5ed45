// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/hubseal.h"

#include "core/storage/database.h"
#include "core/storage/query.h"
#include "core/storage/transaction.h"

#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QUuid>

namespace hub {

namespace {
struct Head
{
    qint64 id = 0;
    QString hash;
};

Result<Head> head(const QSqlDatabase &db, const QString &table)
{
    // Only two fixed table names reach here, never input.
    Query q(db, QStringLiteral("SELECT id, hash FROM %1 ORDER BY id DESC LIMIT 1").arg(table));
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    Head h;
    if (q.next()) {
        h.id = q.value(0).toLongLong();
        h.hash = q.value(1).toString().left(HubSeal::HashDigits);
    }
    q.raw().finish();
    return h;
}

Result<QString> hashAt(const QSqlDatabase &db, const QString &table, qint64 id)
{
    Query q(db, QStringLiteral("SELECT hash FROM %1 WHERE id = :id").arg(table));
    q.bind(QStringLiteral(":id"), id);
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    const QString hash = q.next() ? q.value(0).toString() : QString();
    q.raw().finish();
    return hash;
}
} // namespace

QString HubSeal::text() const
{
    const auto part = [](QChar kind, qint64 id, const QString &hash) {
        return id == 0 ? QString(kind) + u'0' : QString(kind) + QString::number(id) + u':' + hash;
    };
    return part(u'T', transferId, transferHash) + u' ' + part(u'A', auditId, auditHash);
}

Result<HubSeal> HubSeal::parse(const QString &text, const QString &where)
{
    static const QRegularExpression form(QStringLiteral("^\\s*T(?:0|(\\d{1,18}):([0-9a-fA-F]{6,64}))[\\s/"
                                                        ",]+A(?:0|(\\d{1,18}):([0-9a-fA-F]{6,64}))\\s*$"));
    const auto m = form.match(text);
    if (!m.hasMatch())
        return fail(Error::usage(tr("“%1” is not a seal; a seal reads like T1234:9f2c4b1a0e77 "
                                    "A5678:0c1d2e3f4a5b (see “hubctl seal”)")
                                     .arg(text),
                                 where));
    HubSeal s;
    s.transferId = m.captured(1).toLongLong();
    s.transferHash = m.captured(2).toLower();
    s.auditId = m.captured(3).toLongLong();
    s.auditHash = m.captured(4).toLower();
    return s;
}

Result<HubSeal> HubSeal::of(const Database &db)
{
    auto tx = Transaction::begin(db, Transaction::Mode::Deferred);
    if (!tx)
        return fail(tx.error());
    auto transfers = head(tx->connection(), QStringLiteral("transfers"));
    if (!transfers)
        return fail(transfers.error());
    auto audit = head(tx->connection(), QStringLiteral("audit_log"));
    if (!audit)
        return fail(audit.error());
    return HubSeal{transfers->id, transfers->hash, audit->id, audit->hash};
}

Result<HubSeal> HubSeal::ofBackup(const QString &path)
{
    const QString name = QStringLiteral("hub-seal-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    Result<HubSeal> result = fail(Error::storage(tr("The backup %1 could not be read.").arg(path)));
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open()) {
            // One read transaction, so both heads belong together.
            db.transaction();
            auto transfers = head(db, QStringLiteral("transfers"));
            auto audit = head(db, QStringLiteral("audit_log"));
            db.rollback();
            if (!transfers)
                result = fail(transfers.error());
            else if (!audit)
                result = fail(audit.error());
            else
                result = HubSeal{transfers->id, transfers->hash, audit->id, audit->hash};
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

QList<Finding> HubSeal::verify(const Database &db, const HubSeal &seal)
{
    QList<Finding> found;
    const auto check = [&](const QString &area, const QString &table, qint64 id, const QString &prefix,
                           const QString &what) {
        if (id == 0)
            return;
        auto hash = hashAt(db.connection(), table, id);
        if (!hash) {
            found << Finding{area, hash.error().message, {}};
        } else if (hash->isEmpty()) {
            found << Finding{
                area,
                tr("%1 #%2 of the seal is missing: the chain was cut short after it was sealed").arg(what).arg(id),
                tr("%1 #%2").arg(table).arg(id)};
        } else if (!hash->startsWith(prefix, Qt::CaseInsensitive)) {
            found << Finding{area,
                             tr("%1 #%2 no longer has the sealed hash %3 (now %4…): it was "
                                "rewritten after it was "
                                "sealed")
                                 .arg(what)
                                 .arg(id)
                                 .arg(prefix, hash->left(HashDigits)),
                             tr("%1 #%2").arg(table).arg(id)};
        }
    };
    check(QStringLiteral("seal"), QStringLiteral("transfers"), seal.transferId, seal.transferHash, tr("Transfer"));
    check(QStringLiteral("seal"), QStringLiteral("audit_log"), seal.auditId, seal.auditHash, tr("Audit row"));
    return found;
}

} // namespace hub
