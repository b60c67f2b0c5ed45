// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ledger/ledgerverifier.h"

#include "core/ledger/ledger.h"
#include "core/ledger/transferchain.h"
#include "core/storage/database.h"
#include "core/storage/query.h"

namespace hub {

namespace {

void addFinding(QList<Finding> &found, const QString &message, const QString &where)
{
    found << Finding{QStringLiteral("ledger"), message, where};
}

} // namespace

LedgerVerifier::LedgerVerifier(std::shared_ptr<Database> db) : m_db(std::move(db))
{}

QList<Finding> LedgerVerifier::verify() const
{
    QList<Finding> found;
    QHash<qint64, qint64> sums;
    if (verifyChain(found, sums))
        verifyAccounts(found, sums);
    return found;
}

bool LedgerVerifier::verifyChain(QList<Finding> &found, QHash<qint64, qint64> &sums) const
{
    const auto finding = [&](const QString &message, const QString &where) {
        addFinding(found, message, where);
    };
    Query q(*m_db,
            QStringLiteral("SELECT id, payer_account, payee_account, amount_minor, memo, coalesce(category_id, 0), "
                           "reference, reverses_id, override_note, entered_by, created_at, prev_hash, hash "
                           "FROM transfers ORDER BY id"));
    // Read once, in order: a city's million rows are not kept in memory
    // (check grew to 900 MB without this).
    q.raw().setForwardOnly(true);
    if (auto ok = q.exec(); !ok) {
        finding(ok.error().message, {});
        return false;
    }
    QString previous = TransferChain::GenesisHash;
    while (q.next()) {
        Transfer t;
        t.id = TransferId(q.value(0).toLongLong());
        t.payerAccount = AccountId(q.value(1).toLongLong());
        t.payeeAccount = AccountId(q.value(2).toLongLong());
        t.amount = Amount::fromMinor(q.value(3).toLongLong());
        t.memo = q.value(4).toString();
        const qint64 category = q.value(5).toLongLong();
        t.reference = q.value(6).toString();
        if (!q.value(7).isNull())
            t.reverses = TransferId(q.value(7).toLongLong());
        t.overrideNote = q.value(8).toString();
        t.enteredBy = q.value(9).toString();
        t.createdAt = QDateTime::fromSecsSinceEpoch(q.value(10).toLongLong(), Qt::UTC);
        t.prevHash = q.value(11).toString();
        const QString stored = q.value(12).toString();
        const QString where = tr("transfer #%1").arg(t.id.value());
        if (t.prevHash != previous)
            finding(tr("does not follow the previous transfer in the hash chain (rows were removed or reordered)"),
                    where);
        if (TransferChain::hashOf(t, category) != stored)
            finding(tr("its contents do not match its hash: the row was changed outside Hubkeeper"), where);
        if (t.amount.minor() <= 0 || t.payerAccount == t.payeeAccount)
            finding(tr("is not a valid transfer (amount must be above zero and payer differ from payee)"), where);
        previous = stored;
        sums[t.payerAccount.value()] -= t.amount.minor();
        sums[t.payeeAccount.value()] += t.amount.minor();
    }
    return true;
}

void LedgerVerifier::verifyAccounts(QList<Finding> &found, const QHash<qint64, qint64> &sums) const
{
    const auto finding = [&](const QString &message, const QString &where) {
        addFinding(found, message, where);
    };
    Query accounts(
        // The accounts with an override are found in one pass, not one
        // search per account: per account, the server scanned every
        // transfer for each of them (hours on the city demo).
        *m_db, QStringLiteral("SELECT a.id, m.display_name, a.balance_minor, a.limit_min_minor, a.limit_max_minor, "
                              "a.id IN (SELECT l.account_id FROM limit_changes l WHERE l.override <> 0 UNION "
                              "SELECT t.payer_account FROM transfers t WHERE t.override_note <> '' UNION "
                              "SELECT t.payee_account FROM transfers t WHERE t.override_note <> '') "
                              "FROM accounts a JOIN members m ON m.id = a.member_id ORDER BY a.id"));
    if (auto ok = accounts.exec(); !ok) {
        finding(ok.error().message, {});
        return;
    }
    qint64 total = 0;
    while (accounts.next()) {
        const qint64 id = accounts.value(0).toLongLong();
        const qint64 balance = accounts.value(2).toLongLong();
        const QString where = tr("account #%1 (%2)").arg(id).arg(accounts.value(1).toString());
        total += balance;
        if (balance != sums.value(id))
            finding(tr("stored balance %1 differs from the sum of its transfers %2 (minor units)")
                        .arg(balance)
                        .arg(sums.value(id)),
                    where);
        const bool overridden = accounts.value(5).toBool();
        if (!overridden && balance < accounts.value(3).toLongLong())
            finding(tr("balance is below its lower limit without a recorded override"), where);
        if (!overridden && !accounts.value(4).isNull() && balance > accounts.value(4).toLongLong())
            finding(tr("balance is above its upper limit without a recorded override"), where);
    }
    if (total != 0)
        finding(tr("the balances add up to %1 minor units instead of zero").arg(total), tr("all accounts"));
}

} // namespace hub
