// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/demogenerator.h"
#include "core/ledger/ledgerdemopart.h"
#include "core/ledger/ledgerservice.h"
#include "core/storage/integritychecker.h"
#include "core/storage/query.h"
#include "tests/support/querydigest.h"
#include "tests/support/temphub.h"

#include <QMap>
#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <functional>

using namespace hub;
using hub::test::digest;
using hub::test::TempHub;

namespace {
// The hash chain's head covers every transfer's fields and order; amounts and
// memos are added so a failure says more than "the hashes differ".
const QString DemoTransfers = QStringLiteral("SELECT amount_minor, memo, hash FROM transfers ORDER BY id");

// Transfers are stamped with the hub's clock: a fixed "now" makes the hashes,
// which cover the time, comparable between runs.
const QDateTime Now = QDateTime(QDate(2025, 6, 14), QTime(16, 30), QTimeZone::utc());

void runDemo(TempHub &t, quint32 seed)
{
    t->setClock(Clock::fixed(Now));
    auto ok = t->demo().run(t.hub(), {DemoScale::Small, seed});
    INFO((ok ? QString() : ok.error().text()).toStdString());
    REQUIRE(ok);
}

qint64 scalar(TempHub &t, const QString &sql)
{
    Query q(t->database(), sql);
    auto v = q.scalar();
    REQUIRE(v);
    return v->toLongLong();
}

} // namespace

TEST_CASE("the small demo posts 500 transfers through the ledger and every check passes")
{
    TempHub t;
    runDemo(t, 1);
    CHECK(LedgerDemoPart::transferCount(DemoScale::Small) == 500);
    CHECK(LedgerDemoPart::transferCount(DemoScale::Town) == 30'000);
    CHECK(LedgerDemoPart::transferCount(DemoScale::City) == 1'000'000);
    CHECK(*t->ledger().transferCount() == 500);

    const auto findings = t->integrity().runAll();
    for (const Finding &f : findings)
        UNSCOPED_INFO((f.area + QStringLiteral(": ") + f.where + QStringLiteral(": ") + f.message).toStdString());
    CHECK(findings.isEmpty());

    // Every member has an account, and none is beyond its limits (no override is used).
    CHECK(scalar(t, QStringLiteral("SELECT count(*) FROM members m LEFT JOIN accounts a ON a.member_id = m.id "
                                   "WHERE a.id IS NULL")) == 0);
    CHECK(scalar(t, QStringLiteral("SELECT count(*) FROM accounts WHERE balance_minor < limit_min_minor OR "
                                   "(limit_max_minor IS NOT NULL AND balance_minor > limit_max_minor)")) == 0);
    CHECK(scalar(t, QStringLiteral("SELECT count(*) FROM transfers WHERE override_note <> ''")) == 0);
    CHECK(scalar(t, QStringLiteral("SELECT count(*) FROM limit_changes WHERE override <> 0")) == 0);
    CHECK(scalar(t, QStringLiteral("SELECT coalesce(sum(balance_minor), 0) FROM accounts")) == 0);
}

TEST_CASE("demo trade is the same for the same seed and differs for another")
{
    TempHub a;
    TempHub b;
    TempHub c;
    runDemo(a, 42);
    runDemo(b, 42);
    runDemo(c, 43);
    CHECK(digest(a, DemoTransfers) == digest(b, DemoTransfers));
    CHECK(digest(a, DemoTransfers) != digest(c, DemoTransfers));
}

TEST_CASE("demo trade looks like a year of a real hub")
{
    TempHub t;
    runDemo(t, 1);
    auto all = t->ledger().transfers({}, -1, false);
    REQUIRE(all);
    REQUIRE(all->size() == 500);

    // Time runs forward with the ids, over about a year up to the hub's "now".
    for (qsizetype i = 1; i < all->size(); ++i)
        REQUIRE((*all)[i - 1].createdAt <= (*all)[i].createdAt);
    CHECK(all->first().createdAt >= Now.addDays(-366));
    CHECK(all->first().createdAt < Now.addDays(-300));
    CHECK(all->last().createdAt <= Now);
    CHECK(all->last().createdAt > Now.addDays(-7));

    QSet<QString> categories;
    const auto hub = t->ledger().hubAccount();
    REQUIRE(hub);
    const MemberId hubMember = hub->member;
    QMap<MemberId, int> perTrader;
    int reversals = 0;
    int levies = 0;
    int typical = 0;
    for (const Transfer &tr : *all) {
        CHECK_FALSE(tr.memo.trimmed().isEmpty());
        CHECK(tr.enteredBy == QStringLiteral("demo"));
        categories.insert(tr.category);
        if (tr.category != QStringLiteral("levy") && tr.payer != hubMember && tr.payee != hubMember) {
            ++perTrader[tr.payer];
            ++perTrader[tr.payee];
        }
        if (tr.reverses) {
            ++reversals;
            CHECK(tr.memo.startsWith(QStringLiteral("Reversal of #%1").arg(tr.reverses->value())));
        }
        if (tr.category == QStringLiteral("levy"))
            ++levies;
        if (tr.amount >= Amount::fromMinor(25) && tr.amount <= Amount::fromMinor(400))
            ++typical;
    }
    for (const char *c : {"lessons", "food", "repairs", "care", "events", "admin", "levy"})
        CHECK(categories.contains(QString::fromLatin1(c)));
    CHECK(levies > 0);
    CHECK(reversals <= 10); // about 0.5%; a reversal the balance cannot take is not made
    CHECK(typical > 400);   // mostly a quarter of an hour to four hours

    // A few busy traders, many occasional ones (member to member trade).
    QList<int> counts = perTrader.values();
    std::sort(counts.begin(), counts.end(), std::greater<>());
    const int median = counts[counts.size() / 2];
    CHECK(counts.first() >= 3 * median);
    CHECK(counts.last() * 3 <= median);

    // Some limits were changed, through the service and its log.
    CHECK(scalar(t, QStringLiteral("SELECT count(*) FROM limit_changes")) > 0);
}

TEST_CASE("a memo agrees with its amount when it names the time")
{
    TempHub t;
    runDemo(t, 5);
    auto all = t->ledger().transfers({}, -1, false);
    REQUIRE(all);
    int named = 0;
    for (const Transfer &tr : *all) {
        // "2h guitar lesson", not "2h 30 min guitar lesson".
        if (!tr.memo.startsWith(QStringLiteral("2h ")) || tr.memo.at(3).isDigit())
            continue;
        ++named;
        CHECK(tr.amount == Amount::fromMinor(200));
    }
    CHECK(named > 0);
}
