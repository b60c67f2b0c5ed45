// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ledger/transferchain.h"

#include "core/access/accesscontrol.h"
#include "core/storage/query.h"

#include <QCryptographicHash>

namespace hub {

const QString TransferChain::GenesisHash = QString(64, u'0');

TransferChain::TransferChain(const Clock &clock, const QString &actor, const AccessControl &access)
    : m_clock(clock), m_actor(actor), m_access(access)
{}

QString TransferChain::hashOf(const Transfer &t, qint64 categoryId)
{
    // Each field is length-prefixed so no choice of memo can make two
    // different transfers hash alike.
    QByteArray canonical("hubkeeper-transfer-v1");
    const auto add = [&](const QString &field) {
        const QByteArray utf8 = field.toUtf8();
        canonical += '|' + QByteArray::number(utf8.size()) + ':' + utf8;
    };
    add(QString::number(t.id.value()));
    add(QString::number(t.payerAccount.value()));
    add(QString::number(t.payeeAccount.value()));
    add(QString::number(t.amount.minor()));
    add(t.memo);
    add(QString::number(categoryId));
    add(t.reference);
    add(t.reverses ? QString::number(t.reverses->value()) : QString());
    add(t.overrideNote);
    add(t.enteredBy);
    add(QString::number(t.createdAt.toSecsSinceEpoch()));
    add(t.prevHash);
    return QString::fromLatin1(QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex());
}

Result<std::pair<TransferId, QString>> TransferChain::chainEnd(const QSqlDatabase &db)
{
    Query last(db, QStringLiteral("SELECT id, hash FROM transfers ORDER BY id DESC LIMIT 1"));
    if (auto ok = last.exec(); !ok)
        return fail(ok.error());
    if (!last.next())
        return std::pair{TransferId(0), GenesisHash};
    return std::pair{TransferId(last.value(0).toLongLong()), last.value(1).toString()};
}

Transfer TransferChain::build(const TransferDraft &d, const Account &payer, const Account &payee,
                              std::optional<TransferId> reverses, TransferId id, const QString &prevHash,
                              qint64 categoryId) const
{
    Transfer t;
    t.id = id;
    t.prevHash = prevHash;
    t.payerAccount = payer.id;
    t.payeeAccount = payee.id;
    t.payer = d.payer;
    t.payee = d.payee;
    t.payerName = payer.memberName;
    t.payeeName = payee.memberName;
    t.amount = d.amount;
    t.memo = d.memo.trimmed();
    t.category = d.category.simplified();
    t.reference = d.reference.trimmed();
    t.reverses = reverses;
    t.overrideNote = d.overrideLimits ? d.overrideNote.trimmed() : QString();
    // A transfer is immutable and sealed in the chain, so it names a signed-in
    // user by number: erasing that person later leaves no name behind here
    // (the audit trail, which names them, is pseudonymised instead).
    if (const auto user = m_access.currentUser())
        t.enteredBy = QStringLiteral("user #%1").arg(user->id.value());
    else
        t.enteredBy = m_actor;
    t.createdAt = QDateTime::fromSecsSinceEpoch(m_clock.nowSecs(), Qt::UTC);
    t.hash = hashOf(t, categoryId);
    return t;
}

Status TransferChain::insert(const QSqlDatabase &db, const Transfer &t, qint64 categoryId)
{
    Query ins(db, QStringLiteral("INSERT INTO transfers(id, payer_account, payee_account, amount_minor, memo, "
                                 "category_id, reference, reverses_id, override_note, entered_by, created_at, "
                                 "prev_hash, hash) VALUES (:id, :payer, :payee, :amount, :memo, :cat, :ref, :rev, "
                                 ":override, :by, :at, :prev, :hash)"));
    ins.bind(QStringLiteral(":id"), t.id.value())
        .bind(QStringLiteral(":payer"), t.payerAccount.value())
        .bind(QStringLiteral(":payee"), t.payeeAccount.value())
        .bind(QStringLiteral(":amount"), t.amount.minor())
        .bind(QStringLiteral(":memo"), t.memo)
        .bind(QStringLiteral(":cat"), categoryId ? QVariant(categoryId) : QVariant(QMetaType(QMetaType::LongLong)))
        .bind(QStringLiteral(":ref"), t.reference)
        .bind(QStringLiteral(":rev"),
              t.reverses ? QVariant(t.reverses->value()) : QVariant(QMetaType(QMetaType::LongLong)))
        .bind(QStringLiteral(":override"), t.overrideNote)
        .bind(QStringLiteral(":by"), t.enteredBy)
        .bind(QStringLiteral(":at"), t.createdAt.toSecsSinceEpoch())
        .bind(QStringLiteral(":prev"), t.prevHash)
        .bind(QStringLiteral(":hash"), t.hash);
    if (auto ok = ins.exec(); !ok) {
        if (t.reverses && ok.error().message.contains(QStringLiteral("reverses_id")))
            return fail(Error::refused(tr("transfer #%1 has already been reversed").arg(t.reverses->value())));
        return ok;
    }
    return {};
}

} // namespace hub
