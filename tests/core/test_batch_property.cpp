// SPDX-License-Identifier: GPL-3.0-or-later
// Property test of batch posting (issue 14): batches that touch far more
// accounts than any container's first capacity, in random order, over many
// seeds. A kept pointer into a growing hash once wrote balances into freed
// memory here; after every batch the stored balances must equal both an
// independent model and the transfers, the sum must be zero, and the chain
// must hold.
#include "core/ledger/ledgerservice.h"
#include "core/members/memberservice.h"
#include "core/settings/settingsservice.h"
#include "core/storage/integritychecker.h"
#include "core/storage/query.h"
#include "core/storage/transaction.h"
#include "tests/support/temphub.h"

#include <QHash>
#include <QRandomGenerator>

#include <map>

using namespace hub;
using hub::test::TempHub;

namespace {
QList<MemberId> addMembers(TempHub &t, int count)
{
    QList<MemberId> ids;
    auto tx = Transaction::begin(t->database());
    REQUIRE(tx);
    for (int i = 0; i < count; ++i) {
        MemberDraft d;
        d.displayName = QStringLiteral("Batch member %1").arg(i);
        auto m = t->members().add(d);
        REQUIRE(m);
        ids << m->id;
    }
    REQUIRE(tx->commit());
    return ids;
}

// Balances straight from the transfers, not from the stored column.
std::map<qint64, qint64> balancesFromTransfers(TempHub &t)
{
    std::map<qint64, qint64> sums;
    Query q(t->database(), QStringLiteral("SELECT payer_account, payee_account, amount_minor FROM transfers"));
    REQUIRE(q.exec());
    while (q.next()) {
        sums[q.value(0).toLongLong()] -= q.value(2).toLongLong();
        sums[q.value(1).toLongLong()] += q.value(2).toLongLong();
    }
    return sums;
}
} // namespace

TEST_CASE("batches over hundreds of accounts in random order keep every balance, the zero sum and the chain",
          "[ledger][batch][property]")
{
    TempHub t;
    REQUIRE(t->settings().set(QStringLiteral("default_limit_min"), QStringLiteral("-1000")));
    const QList<MemberId> people = addMembers(t, 400);
    std::map<qint64, qint64> model; // member id -> expected balance
    int batches = 0;
    for (quint32 seed : {1u, 7u, 42u, 2026u, 31337u, 99991u, 123456u, 8675309u}) {
        QRandomGenerator random(seed);
        QList<TransferDraft> drafts;
        // Between 1 and 600 rows; each row draws two fresh random members, so
        // a batch touches up to all 400 accounts, first seen in random order.
        const int rows = 1 + random.bounded(600);
        for (int i = 0; i < rows; ++i) {
            TransferDraft d;
            d.payer = people[random.bounded(int(people.size()))];
            do {
                d.payee = people[random.bounded(int(people.size()))];
            } while (d.payee == d.payer);
            d.amount = Amount::fromMinor(1 + random.bounded(250));
            d.memo = QStringLiteral("seed %1 row %2").arg(seed).arg(i);
            drafts << d;
        }
        auto outcomes = t->ledger().payAll(drafts);
        REQUIRE(outcomes);
        bool allPosted = true;
        for (const BatchOutcome &o : *outcomes)
            allPosted = allPosted && o.posting.has_value();
        REQUIRE(allPosted); // limits are wide: every row is valid
        for (const TransferDraft &d : drafts) {
            model[d.payer.value()] -= d.amount.minor();
            model[d.payee.value()] += d.amount.minor();
        }
        ++batches;

        INFO("seed " << seed << ", " << rows << " rows");
        auto accounts = t->ledger().accounts();
        REQUIRE(accounts);
        qint64 sum = 0;
        const std::map<qint64, qint64> fromTransfers = balancesFromTransfers(t);
        for (const Account &a : *accounts) {
            sum += a.balance.minor();
            const auto expected = model.find(a.member.value());
            CHECK(a.balance.minor() == (expected == model.end() ? 0 : expected->second));
            const auto derived = fromTransfers.find(a.id.value());
            CHECK(a.balance.minor() == (derived == fromTransfers.end() ? 0 : derived->second));
        }
        CHECK(sum == 0);
        CHECK(t->ledger().verify().isEmpty());
    }
    CHECK(batches == 8);
    CHECK(t->integrity().runAll().isEmpty());
}

TEST_CASE("a batch refused on one row leaves every balance as it was", "[ledger][batch][property]")
{
    TempHub t;
    REQUIRE(t->settings().set(QStringLiteral("default_limit_min"), QStringLiteral("-5")));
    const QList<MemberId> people = addMembers(t, 300);
    QList<TransferDraft> drafts;
    for (int i = 0; i + 1 < people.size(); ++i) {
        TransferDraft d;
        d.payer = people[i];
        d.payee = people[i + 1];
        d.amount = Amount::fromMinor(100);
        d.memo = QStringLiteral("chain %1").arg(i);
        drafts << d;
    }
    TransferDraft tooMuch;
    tooMuch.payer = people.first();
    tooMuch.payee = people.last();
    tooMuch.amount = Amount::fromMinor(1000); // past -5.00
    tooMuch.memo = QStringLiteral("over the limit");
    drafts << tooMuch;
    auto outcomes = t->ledger().payAll(drafts);
    REQUIRE(outcomes);
    CHECK(outcomes->last().error.has_value());
    CHECK(*t->ledger().transferCount() == 0);
    // Kept in a local: a range-for over *temporary would dangle.
    const auto accounts = t->ledger().accounts();
    REQUIRE(accounts);
    for (const Account &a : *accounts)
        CHECK(a.balance.minor() == 0);
    CHECK(t->integrity().runAll().isEmpty());
}
