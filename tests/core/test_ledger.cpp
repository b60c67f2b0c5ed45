// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ledger/accountposition.h"
#include "core/ledger/ledgerbatch.h"
#include "core/ledger/ledgerservice.h"
#include "core/members/memberservice.h"
#include "core/reports/reportservice.h"
#include "core/reports/reportsink.h"
#include "core/settings/settingsservice.h"
#include "core/storage/integritychecker.h"
#include "core/storage/query.h"
#include "core/storage/transaction.h"
#include "tests/support/temphub.h"

#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QThread>

#include <atomic>
#include <limits>

using namespace hub;
using hub::test::TempHub;

namespace {
MemberId memberInLedger(TempHub &t, const QString &name, const QStringList &interests = {})
{
    MemberDraft d;
    d.displayName = name;
    d.interests = interests;
    auto m = t->members().add(d);
    REQUIRE(m);
    return m->id;
}

Amount hours(const char *text)
{
    return *Amount::parse(QString::fromLatin1(text), 2);
}

TransferDraft draft(MemberId payer, MemberId payee, const char *amount,
                    const QString &memo = QStringLiteral("2h guitar lesson"))
{
    TransferDraft d;
    d.payer = payer;
    d.payee = payee;
    d.amount = hours(amount);
    d.memo = memo;
    return d;
}

qint64 balance(TempHub &t, MemberId m)
{
    return t->ledger().account(m)->balance.minor();
}

int transferRows(TempHub &t)
{
    return *t->ledger().transferCount();
}

// Opens the same file with a plain connection, as someone with the sqlite3 tool would.
void tamper(const QString &path, const QStringList &statements)
{
    const QString name = QStringLiteral("tamper");
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        REQUIRE(db.open());
        QSqlQuery q(db);
        for (const QString &s : statements)
            REQUIRE(q.exec(s));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}
} // namespace

TEST_CASE("every account starts at zero and a transfer moves credit so balances sum to zero")
{
    TempHub t;
    const MemberId ada = memberInLedger(t, QStringLiteral("Ada"));
    const MemberId bo = memberInLedger(t, QStringLiteral("Bo"));
    CHECK(balance(t, ada) == 0);
    auto p = t->ledger().pay(draft(ada, bo, "2.50"));
    REQUIRE(p);
    CHECK(p->transfer.id.value() == 1);
    CHECK(p->transfer.hash.size() == 64);
    CHECK(balance(t, ada) == -250);
    CHECK(balance(t, bo) == 250);
    CHECK(t->integrity().runAll().isEmpty());
}

TEST_CASE("a transfer that would go below the credit limit is refused and writes nothing")
{
    TempHub t;
    REQUIRE(t->settings().set(QStringLiteral("default_limit_min"), QStringLiteral("-50")));
    const MemberId ada = memberInLedger(t, QStringLiteral("Ada Lovelace"));
    const MemberId bo = memberInLedger(t, QStringLiteral("Bo"));
    REQUIRE(t->ledger().pay(draft(ada, bo, "45")));
    auto r = t->ledger().pay(draft(ada, bo, "10"));
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::Refused);
    const QString msg = r.error().message;
    INFO(msg.toStdString());
    CHECK(msg.contains(QStringLiteral("-45.00 Hours")));      // the balance
    CHECK(msg.contains(QStringLiteral("-50.00 Hours")));      // the limit
    CHECK(msg.contains(QStringLiteral("5.00 Hours beyond"))); // the breach
    CHECK(balance(t, ada) == -4500);
    CHECK(transferRows(t) == 1);

    // An override needs a note, and is recorded on the transfer.
    TransferDraft over = draft(ada, bo, "10");
    over.overrideLimits = true;
    CHECK(t->ledger().pay(over).error().kind == ErrorKind::Invalid);
    over.overrideNote = QStringLiteral("agreed by the treasurer for the roof fund");
    auto posted = t->ledger().pay(over);
    REQUIRE(posted);
    CHECK(posted->transfer.overrideNote == over.overrideNote);
    CHECK(t->integrity().runAll().isEmpty());
}

TEST_CASE("the upper limit and the soft warning level are applied")
{
    TempHub t;
    const MemberId ada = memberInLedger(t, QStringLiteral("Ada"));
    const MemberId bo = memberInLedger(t, QStringLiteral("Bo"));
    REQUIRE(t->ledger().setLimits(bo, {hours("-20"), hours("5"), std::nullopt, false, {}}));
    CHECK(t->ledger().pay(draft(ada, bo, "6")).error().message.contains(QStringLiteral("upper limit")));
    REQUIRE(t->ledger().setLimits(ada, {hours("-20"), std::nullopt, hours("-3"), false, {}}));
    auto quiet = t->ledger().pay(draft(ada, bo, "2"));
    REQUIRE(quiet);
    CHECK(quiet->warnings.isEmpty());
    auto warned = t->ledger().pay(draft(ada, bo, "2"));
    REQUIRE(warned);
    REQUIRE(warned->warnings.size() == 1);
    CHECK(warned->warnings[0].contains(QStringLiteral("warning level")));
}

TEST_CASE("bad transfers are refused naming the field")
{
    TempHub t;
    const MemberId ada = memberInLedger(t, QStringLiteral("Ada"));
    const MemberId bo = memberInLedger(t, QStringLiteral("Bo"));
    CHECK(t->ledger().pay(draft(ada, ada, "1")).error().where == QStringLiteral("payee"));
    CHECK(t->ledger().pay(draft(ada, bo, "0")).error().where == QStringLiteral("amount"));
    CHECK(t->ledger().pay(draft(ada, bo, "1", QStringLiteral("   "))).error().where == QStringLiteral("memo"));
    CHECK(t->ledger().pay(draft(ada, MemberId(999), "1")).error().kind == ErrorKind::NotFound);
    CHECK(transferRows(t) == 0);
}

TEST_CASE("every field problem of a transfer is listed, the first being the one validate reports")
{
    TransferDraft d;
    d.payee = MemberId(2);
    d.memo = QStringLiteral("  ");
    d.category = QString(LedgerService::MaxCategoryLength + 1, u'c');
    const QList<Error> found = LedgerService::problems(d);
    QStringList where;
    for (const Error &e : found)
        where << e.where;
    CHECK(where == QStringList{QStringLiteral("payer"), QStringLiteral("amount"), QStringLiteral("memo"),
                               QStringLiteral("category")});
    CHECK(LedgerService::validate(d).error().message == found.first().message);
    d.payer = MemberId(1);
    d.amount = Amount::fromMinor(1);
    d.memo = QStringLiteral("bread");
    d.category.clear();
    CHECK(LedgerService::problems(d).isEmpty());
    CHECK(LedgerService::validate(d));
}

TEST_CASE("amounts at the int64 edges are refused cleanly")
{
    TempHub t;
    const MemberId ada = memberInLedger(t, QStringLiteral("Ada"));
    const MemberId bo = memberInLedger(t, QStringLiteral("Bo"));
    REQUIRE(t->ledger().setLimits(
        ada, {Amount::fromMinor(std::numeric_limits<qint64>::min()), std::nullopt, std::nullopt, false, {}}));
    TransferDraft huge = draft(ada, bo, "1");
    huge.amount = Amount::fromMinor(std::numeric_limits<qint64>::max());
    REQUIRE(t->ledger().pay(huge));
    TransferDraft more = draft(ada, bo, "0.01");
    auto r = t->ledger().pay(more);
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::Invalid);
    CHECK(r.error().message.contains(QStringLiteral("too large")));
    CHECK(transferRows(t) == 1);
    CHECK(t->integrity().runAll().isEmpty());
}

TEST_CASE("frozen accounts receive but do not pay and an account closes only at zero")
{
    TempHub t;
    const MemberId ada = memberInLedger(t, QStringLiteral("Ada"));
    const MemberId bo = memberInLedger(t, QStringLiteral("Bo"));
    REQUIRE(t->ledger().setStatus(ada, AccountStatus::Frozen));
    CHECK(t->ledger().pay(draft(ada, bo, "1")).error().kind == ErrorKind::Refused);
    REQUIRE(t->ledger().pay(draft(bo, ada, "1")));
    CHECK(t->ledger().setStatus(ada, AccountStatus::Closed).error().kind == ErrorKind::Refused);
    REQUIRE(t->ledger().setStatus(ada, AccountStatus::Open));
    REQUIRE(t->ledger().pay(draft(ada, bo, "1")));
    REQUIRE(t->ledger().setStatus(ada, AccountStatus::Closed));
    CHECK(t->ledger().pay(draft(bo, ada, "1")).error().kind == ErrorKind::Refused);
}

TEST_CASE("transfers are never edited or deleted and a reversal corrects a mistake once")
{
    TempHub t;
    const MemberId ada = memberInLedger(t, QStringLiteral("Ada"));
    const MemberId bo = memberInLedger(t, QStringLiteral("Bo"));
    auto p = t->ledger().pay(draft(ada, bo, "3"));
    REQUIRE(p);
    for (const QString &sql :
         {QStringLiteral("UPDATE transfers SET amount_minor = 1"), QStringLiteral("DELETE FROM transfers")}) {
        Query q(t->database(), sql);
        auto r = q.exec();
        REQUIRE_FALSE(r);
        CHECK(r.error().message.contains(QStringLiteral("reversing transfer")));
    }
    auto rev = t->ledger().reverse(p->transfer.id);
    REQUIRE(rev);
    CHECK(rev->transfer.reverses == p->transfer.id);
    CHECK(rev->transfer.memo.startsWith(QStringLiteral("Reversal of #1")));
    CHECK(rev->transfer.memo == LedgerService::reversalMemo(p->transfer));
    CHECK_FALSE(t->ledger().transfer(p->transfer.id)->isReversible());
    CHECK_FALSE(rev->transfer.isReversible());
    CHECK(balance(t, ada) == 0);
    CHECK(t->ledger().transfer(p->transfer.id)->reversedBy == rev->transfer.id);
    CHECK(t->ledger().reverse(p->transfer.id).error().kind == ErrorKind::Refused);
    CHECK(t->ledger().reverse(rev->transfer.id).error().kind == ErrorKind::Refused);
    CHECK(t->ledger().reverse(TransferId(99)).error().kind == ErrorKind::NotFound);
}

TEST_CASE("a reversal that would breach a limit is refused unless overridden")
{
    TempHub t;
    REQUIRE(t->settings().set(QStringLiteral("default_limit_min"), QStringLiteral("-5")));
    const MemberId ada = memberInLedger(t, QStringLiteral("Ada"));
    const MemberId bo = memberInLedger(t, QStringLiteral("Bo"));
    const MemberId cy = memberInLedger(t, QStringLiteral("Cy"));
    auto p = t->ledger().pay(draft(ada, bo, "5"));
    REQUIRE(p);
    REQUIRE(t->ledger().pay(draft(bo, cy, "5")));
    REQUIRE(t->ledger().pay(draft(bo, cy, "5"))); // Bo is at -5 now
    CHECK(t->ledger().reverse(p->transfer.id).error().kind == ErrorKind::Refused);
    REQUIRE(t->ledger().reverse(p->transfer.id, {}, true, QStringLiteral("paid to the wrong person")));
    CHECK(t->integrity().runAll().isEmpty());
}

TEST_CASE("changing a limit never silently puts a balance in breach")
{
    TempHub t;
    const MemberId ada = memberInLedger(t, QStringLiteral("Ada"));
    const MemberId bo = memberInLedger(t, QStringLiteral("Bo"));
    REQUIRE(t->ledger().pay(draft(ada, bo, "15")));
    auto r = t->ledger().setLimits(ada, {hours("-10"), std::nullopt, std::nullopt, false, {}});
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::Refused);
    CHECK(t->ledger().account(ada)->limitMin.minor() == -2000);
    REQUIRE(
        t->ledger().setLimits(ada, {hours("-10"), std::nullopt, std::nullopt, true, QStringLiteral("repayment plan")}));
    CHECK(t->ledger().account(ada)->limitMin.minor() == -1000);
    CHECK(t->integrity().runAll().isEmpty()); // the override is on record
    CHECK(t->ledger().setLimits(ada, {hours("1"), std::nullopt, std::nullopt, false, {}}).error().kind ==
          ErrorKind::Invalid);
}

TEST_CASE("editing a transfer row outside Hubkeeper is caught by the check", "[sqlite]")
{
    TempHub t;
    const MemberId ada = memberInLedger(t, QStringLiteral("Ada"));
    const MemberId bo = memberInLedger(t, QStringLiteral("Bo"));
    for (int i = 0; i < 3; ++i)
        REQUIRE(t->ledger().pay(draft(ada, bo, "1")));
    const QString path = t.path();
    t.close();
    tamper(path, {QStringLiteral("DROP TRIGGER transfers_never_updated"),
                  QStringLiteral("UPDATE transfers SET amount_minor = 5 WHERE id = 2")});
    t.reopen();
    const QList<Finding> found = t->integrity().runAll();
    QStringList where;
    for (const Finding &f : found)
        where << f.where;
    INFO(where.join(QStringLiteral("; ")).toStdString());
    CHECK(where.contains(QStringLiteral("transfer #2")));
    CHECK(where.contains(QStringLiteral("account #1 (Ada)")));
}

TEST_CASE("a statement shows opening and running and closing balances for a period in the hub's zone")
{
    TempHub t;
    REQUIRE(t->settings().set(QStringLiteral("timezone"), QStringLiteral("Europe/London")));
    const MemberId ada = memberInLedger(t, QStringLiteral("Ada"));
    const MemberId bo = memberInLedger(t, QStringLiteral("Bo"));
    const auto at = [&](int month, int day, int hour) {
        t->setClock(Clock::fixed(QDateTime(QDate(2026, month, day), QTime(hour, 30), Qt::UTC)));
    };
    at(2, 10, 12);
    REQUIRE(t->ledger().pay(draft(ada, bo, "4")));
    at(3, 31, 23); // 00:30 on 1 April in London (BST)
    REQUIRE(t->ledger().pay(draft(bo, ada, "1")));
    at(4, 15, 9);
    REQUIRE(t->ledger().pay(draft(ada, bo, "2")));
    auto st = t->ledger().statement(ada, QDate(2026, 4, 1), QDate(2026, 4, 30));
    REQUIRE(st);
    CHECK(st->opening.minor() == -400);
    REQUIRE(st->lines.size() == 2);
    CHECK(st->lines[0].change.minor() == 100);
    CHECK(st->lines[0].runningBalance.minor() == -300);
    CHECK(st->lines[1].runningBalance.minor() == -500);
    CHECK(st->closing.minor() == -500);
    CHECK(st->totalIn.minor() == 100);
    CHECK(st->totalOut.minor() == 200);
    CHECK(t->ledger().statement(ada, QDate(2026, 5, 1), QDate(2026, 4, 1)).error().kind == ErrorKind::Invalid);
}

TEST_CASE("10000 random transfers and reversals keep the zero sum and balances and chain", "[bulk]")
{
    TempHub t;
    REQUIRE(t->settings().set(QStringLiteral("default_limit_min"), QStringLiteral("-30")));
    QList<MemberId> people;
    for (int i = 0; i < 25; ++i)
        people << memberInLedger(t, QStringLiteral("Trader %1").arg(i));
    QRandomGenerator random(20261123);
    QList<TransferId> posted;
    int refused = 0;
    // Commit every 1,000 operations: each posting is still its own (nested)
    // transaction, without paying for 10,000 fsyncs in the test suite.
    std::optional<Transaction> chunk;
    for (int i = 0; i < 10000; ++i) {
        if (i % 1000 == 0) {
            if (chunk)
                REQUIRE(chunk->commit());
            chunk.emplace(*Transaction::begin(t->database()));
        }
        if (!posted.isEmpty() && random.bounded(20) == 0) {
            auto r = t->ledger().reverse(posted[random.bounded(int(posted.size()))]);
            if (!r)
                ++refused;
            continue;
        }
        const MemberId a = people[random.bounded(int(people.size()))];
        const MemberId b = people[random.bounded(int(people.size()))];
        TransferDraft d = draft(a, b, "1");
        d.amount = Amount::fromMinor(1 + random.bounded(1500));
        auto p = t->ledger().pay(d);
        if (p)
            posted << p->transfer.id;
        else
            ++refused;
    }
    REQUIRE(chunk->commit());
    CHECK(refused > 0); // limits and self-payments were exercised
    CHECK(t->integrity().runAll().isEmpty());
    auto accounts = t->ledger().accounts();
    qint64 sum = 0;
    for (const Account &a : *accounts) {
        sum += a.balance.minor();
        CHECK(a.balance >= a.limitMin);
    }
    CHECK(sum == 0);
}

TEST_CASE("two hubs on one file racing to overspend one account never breach its limit")
{
    TempHub t;
    REQUIRE(t->settings().set(QStringLiteral("default_limit_min"), QStringLiteral("-50")));
    const MemberId ada = memberInLedger(t, QStringLiteral("Ada"));
    const MemberId bo = memberInLedger(t, QStringLiteral("Bo"));
    REQUIRE(t->ledger().account(ada));
    std::atomic<int> posted{0};
    const QString path = t.path();
    const auto desk = [&] {
        auto hub = Hub::open(path);
        if (!hub)
            return;
        for (int i = 0; i < 40; ++i)
            if ((*hub)->ledger().pay(draft(ada, bo, "1.50")))
                ++posted;
        (*hub)->database().releaseThreadConnection();
    };
    QThread *one = QThread::create(desk);
    QThread *two = QThread::create(desk);
    one->start();
    two->start();
    one->wait();
    two->wait();
    delete one;
    delete two;
    CHECK(posted.load() == 33); // 33 × 1.50 = 49.50; a 34th would breach -50
    CHECK(balance(t, ada) == -4950);
    CHECK(t->integrity().runAll().isEmpty());
}

TEST_CASE("a batch posts all rows in order or none and reports every bad row")
{
    TempHub t;
    REQUIRE(t->settings().set(QStringLiteral("default_limit_min"), QStringLiteral("-10")));
    MemberDraft d;
    d.displayName = QStringLiteral("Ada");
    d.email = QStringLiteral("ada@example.org");
    const MemberId ada = t->members().add(d)->id;
    const MemberId bo = memberInLedger(t, QStringLiteral("Bo"));
    LedgerBatch batch(t.hub());
    const QByteArray good =
        "payer,payee,amount,memo\nada@example.org,2,6,bread\n2,1,1.5,eggs\nada@example.org,2,5,jam\n";
    auto dry = batch.payCsv(good, true);
    REQUIRE(dry);
    CHECK(dry->problems.isEmpty());
    CHECK(dry->postings.size() == 3);
    CHECK(transferRows(t) == 0);
    auto real = batch.payCsv(good, false);
    REQUIRE(real);
    CHECK(real->problems.isEmpty());
    CHECK(balance(t, ada) == -950);

    const QByteArray bad =
        "payer,payee,amount,memo\n1,2,0.25,ok\nnobody@x.org,2,1,x\n1,2,1.234,x\n1,2,1,too far\n1,1,1,self\n"
        "nobody@x.org,2,1,again\n";
    auto r = batch.payCsv(bad, false);
    REQUIRE(r);
    REQUIRE(r->problems.size() == 5);
    // A member looked up once for the whole batch is still named on every row.
    CHECK(r->problems[4].row == 7);
    CHECK(r->problems[4].column == QStringLiteral("payer"));
    CHECK(r->problems[4].message.contains(QStringLiteral("nobody@x.org")));
    CHECK(r->problems[0].row == 3);
    CHECK(r->problems[0].column == QStringLiteral("payer"));
    CHECK(r->problems[1].column == QStringLiteral("amount"));
    CHECK(r->problems[2].row == 5); // checked after row 2 took Ada to -9.75
    CHECK(r->problems[2].message.contains(QStringLiteral("limit")));
    CHECK(r->problems[3].column == QStringLiteral("payee"));
    CHECK(balance(t, ada) == -950);
    CHECK(balance(t, bo) == 950);
    CHECK(batch.payCsv("who,what\n1,2\n", false).error().kind == ErrorKind::Invalid);
}

TEST_CASE("a levy charges every active member to the hub's account or no one")
{
    TempHub t;
    REQUIRE(t->settings().set(QStringLiteral("default_limit_min"), QStringLiteral("-10")));
    const MemberId ada = memberInLedger(t, QStringLiteral("Ada"), {QStringLiteral("volunteer")});
    const MemberId bo = memberInLedger(t, QStringLiteral("Bo"));
    const MemberId cy = memberInLedger(t, QStringLiteral("Cy"));
    REQUIRE(t->members().setStatus(cy, MemberStatus::Lapsed));
    LedgerBatch batch(t.hub());
    auto preview = batch.previewLevy(hours("3"), QStringLiteral("November contribution"));
    REQUIRE(preview);
    CHECK(preview->lines.size() == 2);
    CHECK_FALSE(preview->blocked());
    CHECK(transferRows(t) == 0);
    REQUIRE(batch.levy(hours("3"), QStringLiteral("November contribution")));
    CHECK(balance(t, ada) == -300);
    CHECK(balance(t, bo) == -300);
    CHECK(balance(t, cy) == 0);
    CHECK(t->ledger().hubAccount()->balance.minor() == 600);

    REQUIRE(t->ledger().pay(draft(bo, ada, "6")));
    auto blocked = batch.previewLevy(hours("3"), QStringLiteral("December"));
    REQUIRE(blocked->blocked());
    // Now that every member has an account, the balances come from one read of them all.
    for (const LevyLine &line : std::as_const(blocked->lines)) {
        if (line.member == ada)
            CHECK(line.before.minor() == 300);
        if (line.member == bo) {
            CHECK(line.before.minor() == -900);
            CHECK_FALSE(line.refusal.isEmpty());
        }
    }
    const int before = transferRows(t);
    auto refused = batch.levy(hours("3"), QStringLiteral("December"));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("Bo")));
    CHECK(transferRows(t) == before);
    auto group = batch.levy(hours("1"), QStringLiteral("Volunteer tea fund"), QStringLiteral("volunteer"));
    REQUIRE(group);
    CHECK(group->size() == 1);
    CHECK(t->integrity().runAll().isEmpty());
}

TEST_CASE("near the limit means the same in the account list and in the ledger activity report")
{
    TempHub t;
    REQUIRE(t->settings().set(QStringLiteral("default_limit_min"), QStringLiteral("-10")));
    const MemberId ada = memberInLedger(t, QStringLiteral("Ada at her lower limit"));
    const MemberId cy = memberInLedger(t, QStringLiteral("Cy within ten percent of it"));
    const MemberId dee = memberInLedger(t, QStringLiteral("Dee past her warning level"));
    const MemberId eve = memberInLedger(t, QStringLiteral("Eve nowhere near"));
    const MemberId bo = memberInLedger(t, QStringLiteral("Bo at his upper limit"));
    REQUIRE(t->ledger().setLimits(dee, {hours("-10"), std::nullopt, hours("-4"), false, {}}));
    REQUIRE(t->ledger().setLimits(bo, {hours("-10"), hours("20"), std::nullopt, false, {}}));
    REQUIRE(t->ledger().pay(draft(ada, bo, "10")));  // Ada -10.00: at the limit
    REQUIRE(t->ledger().pay(draft(cy, bo, "9.5")));  // Cy -9.50: within 10 %
    REQUIRE(t->ledger().pay(draft(dee, eve, "4")));  // Eve 4.00: fine
    REQUIRE(t->ledger().pay(draft(dee, bo, "0.5"))); // Dee -4.50 past -4.00; Bo 20.00 at his upper limit

    // The Ledger page's and hubctl's "near the limit only" (SQL)...
    hub::AccountFilter risky;
    risky.atRiskOnly = true;
    auto listed = t->ledger().accounts(risky);
    REQUIRE(listed);
    QSet<qint64> shown;
    for (const hub::Account &a : std::as_const(*listed))
        shown.insert(a.member.value());
    CHECK(shown == QSet<qint64>{ada.value(), cy.value(), dee.value(), bo.value()});
    // ...is the in-memory rule, account by account.
    auto all = t->ledger().accounts();
    REQUIRE(all);
    int near = 0, at = 0;
    for (const hub::Account &a : std::as_const(*all)) {
        const auto p = hub::AccountPosition::of(a);
        INFO(a.memberName.toStdString() << " at " << a.balance.minor());
        CHECK(shown.contains(a.member.value()) == p.atRisk());
        near += p.nearLimit() ? 1 : 0;
        at += p.atLimit() ? 1 : 0;
    }
    CHECK(near == 2);
    CHECK(at == 2);

    // The activity report's month counts the same accounts, near and at apart.
    hub::ReportRequest request;
    request.to = t->members().today();
    request.from = QDate(request.to.year(), request.to.month(), 1);
    hub::CollectingReportSink sink;
    REQUIRE(t->reports().run(QStringLiteral("ledger-activity"), request, sink));
    const QList<hub::ReportTable> &tables = sink.tables();
    REQUIRE_FALSE(tables.isEmpty());
    REQUIRE_FALSE(tables.first().rows.isEmpty());
    const QVariantList &month = tables.first().rows.last();
    CHECK(month.at(5).toLongLong() == near);
    CHECK(month.at(6).toLongLong() == at);
}
