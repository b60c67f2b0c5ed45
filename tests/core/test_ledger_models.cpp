// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ledger/accounttablemodel.h"
#include "core/ledger/ledgerservice.h"
#include "core/ledger/transfertablemodel.h"
#include "core/members/memberservice.h"
#include "core/settings/settingsservice.h"
#include "tests/support/temphub.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTimeZone>

using namespace hub;
using hub::test::TempHub;

namespace {

MemberId addMemberInLedgerModels(TempHub &t, const QString &name, MemberStatus status = MemberStatus::Active)
{
    MemberDraft d;
    d.displayName = name;
    d.status = status;
    if (status == MemberStatus::Lapsed)
        d.lapsedOn = QDate(2024, 1, 1);
    auto added = t->members().add(d);
    INFO((added ? QString() : added.error().text()).toStdString());
    REQUIRE(added);
    return added->id;
}

/// "Account 000" ... in name order.
QList<MemberId> addMembersInLedgerModels(TempHub &t, int count)
{
    QList<MemberId> ids;
    for (int i = 0; i < count; ++i)
        ids << addMemberInLedgerModels(t, QStringLiteral("Account %1").arg(i, 3, 10, QLatin1Char('0')));
    return ids;
}

Amount hours(double h)
{
    return Amount::fromMinor(qint64(h * 100));
}

Posting pay(TempHub &t, MemberId payer, MemberId payee, Amount amount, const QString &memo)
{
    TransferDraft d;
    d.payer = payer;
    d.payee = payee;
    d.amount = amount;
    d.memo = memo;
    auto posted = t->ledger().pay(d);
    INFO((posted ? QString() : posted.error().text()).toStdString());
    REQUIRE(posted);
    return *posted;
}

/// See test_member_model.cpp: a tester attached across a reset of a lazily
/// fetched model trips over Qt 6.4's own ordering, so each check is fresh.
template<typename Model> void checkModel(Model &model)
{
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
}

QStringList column(const QAbstractItemModel &model, int c, int role = Qt::DisplayRole)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, c).data(role).toString();
    return out;
}

} // namespace

TEST_CASE("the accounts table fetches its rows lazily in batches of 200")
{
    TempHub t;
    addMembersInLedgerModels(t, 450);
    AccountTableModel model(t.hub());

    CHECK(model.columnCount() == AccountTableModel::ColumnCount);
    CHECK(model.matchingCount() == 450);
    CHECK(model.rowCount() == AccountTableModel::BatchSize);
    REQUIRE(model.canFetchMore({}));

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.fetchMore({});
    CHECK(model.rowCount() == 400);
    CHECK(inserted.count() == 1);
    model.fetchMore({});
    CHECK(model.rowCount() == 450);
    CHECK_FALSE(model.canFetchMore({}));
    checkModel(model);

    QStringList names = column(model, AccountTableModel::MemberColumn);
    CHECK(names.first() == QStringLiteral("Account 000"));
    CHECK(names.last() == QStringLiteral("Account 449"));
    names.removeDuplicates();
    CHECK(names.size() == 450);

    // Accounts not opened yet show as they would open: zero and the default limit.
    const QModelIndex balance = model.index(0, AccountTableModel::BalanceColumn);
    CHECK(balance.data().toString() == QStringLiteral("0.00 Hours"));
    CHECK(model.index(0, AccountTableModel::LowerLimitColumn).data().toString() == QStringLiteral("-20.00 Hours"));
    CHECK(model.index(0, AccountTableModel::UpperLimitColumn).data().toString() == QStringLiteral("None"));
    CHECK(model.index(0, AccountTableModel::StatusColumn).data().toString() == QStringLiteral("Open"));
    CHECK(model.index(0, AccountTableModel::LastActivityColumn).data().toString().isEmpty());
    CHECK_FALSE(balance.data(AccountTableModel::NegativeRole).toBool());
    CHECK(model.headerData(AccountTableModel::LastActivityColumn, Qt::Horizontal).toString() ==
          QStringLiteral("Last activity"));
}

TEST_CASE("the accounts table shows balances in the hub's unit and marks negative ones")
{
    TempHub t;
    const MemberId ana = addMemberInLedgerModels(t, QStringLiteral("Ana Ferreira"));
    const MemberId bryn = addMemberInLedgerModels(t, QStringLiteral("Bryn Hughes"));
    t->setClock(Clock::fixed(QDateTime(QDate(2025, 7, 1), QTime(12, 30), QTimeZone::utc())));
    pay(t, ana, bryn, hours(3.5), QStringLiteral("3.5h gardening"));

    AccountTableModel model(t.hub());
    checkModel(model);
    REQUIRE(model.rowCount() == 2);
    const int anaRow = model.rowOf(ana);
    const int brynRow = model.rowOf(bryn);
    REQUIRE(anaRow >= 0);
    REQUIRE(brynRow >= 0);

    const QModelIndex anaBalance = model.index(anaRow, AccountTableModel::BalanceColumn);
    CHECK(anaBalance.data().toString() == QStringLiteral("-3.50 Hours"));
    CHECK(anaBalance.data(AccountTableModel::AmountRole).toLongLong() == -350);
    CHECK(anaBalance.data(AccountTableModel::NegativeRole).toBool());
    // Limits are negative by nature and are not marked.
    CHECK_FALSE(
        model.index(anaRow, AccountTableModel::LowerLimitColumn).data(AccountTableModel::NegativeRole).toBool());
    const QModelIndex brynBalance = model.index(brynRow, AccountTableModel::BalanceColumn);
    CHECK(brynBalance.data().toString() == QStringLiteral("3.50 Hours"));
    CHECK_FALSE(brynBalance.data(AccountTableModel::NegativeRole).toBool());
    CHECK(model.index(anaRow, 0).data(AccountTableModel::MemberIdRole).toLongLong() == ana.value());
    CHECK(model.index(anaRow, 0).data(AccountTableModel::AccountIdRole).toLongLong() > 0);

    // Last activity in the hub's time zone, not UTC.
    HubSettings s = *t->settings().load();
    s.timeZone = QStringLiteral("Europe/London");
    REQUIRE(t->settings().save(s));
    model.reload();
    const QModelIndex last = model.index(model.rowOf(ana), AccountTableModel::LastActivityColumn);
    CHECK(last.data(Qt::EditRole).toDateTime() == QDateTime(QDate(2025, 7, 1), QTime(12, 30), QTimeZone::utc()));
    CHECK(last.data().toString().endsWith(QStringLiteral("13:30")));

    const auto account = model.accountAt(model.index(model.rowOf(ana), 0));
    REQUIRE(account);
    CHECK(account->member == ana);
    CHECK(account->balance == hours(-3.5));
    CHECK_FALSE(model.accountAt({}));
}

TEST_CASE("the accounts table filters by name status and risk and sorts by balance in SQL")
{
    TempHub t;
    const QList<MemberId> ids = addMembersInLedgerModels(t, 30);
    const MemberId zoe = addMemberInLedgerModels(t, QStringLiteral("Zoë Łukasiewicz"));
    // Account 000 pays 19 hours: within 10% of the −20 limit, so at risk.
    pay(t, ids[0], ids[1], hours(19), QStringLiteral("a long job"));
    pay(t, ids[2], zoe, hours(2), QStringLiteral("bread"));
    REQUIRE(t->ledger().setStatus(ids[5], AccountStatus::Frozen));

    AccountTableModel model(t.hub());
    CHECK(model.matchingCount() == 31);
    CHECK_FALSE(model.isFiltered());

    AccountFilter byName;
    byName.search = QStringLiteral("zoe");
    model.setFilter(byName);
    checkModel(model);
    CHECK(model.isFiltered());
    CHECK(model.matchingCount() == 1);
    CHECK(column(model, AccountTableModel::MemberColumn) == QStringList{QStringLiteral("Zoë Łukasiewicz")});

    AccountFilter frozen;
    frozen.status = AccountStatus::Frozen;
    model.setFilter(frozen);
    CHECK(column(model, AccountTableModel::MemberColumn) == QStringList{QStringLiteral("Account 005")});
    CHECK(model.index(0, AccountTableModel::StatusColumn).data().toString() == QStringLiteral("Frozen"));
    CHECK(model.index(0, 0).data(AccountTableModel::StatusRole).toInt() == int(AccountStatus::Frozen));

    AccountFilter risky;
    risky.atRiskOnly = true;
    model.setFilter(risky);
    CHECK(column(model, AccountTableModel::MemberColumn) == QStringList{QStringLiteral("Account 000")});

    model.setFilter({});
    CHECK(AccountTableModel::isSortable(AccountTableModel::BalanceColumn));
    CHECK_FALSE(AccountTableModel::isSortable(AccountTableModel::StatusColumn));
    model.sort(AccountTableModel::BalanceColumn, Qt::AscendingOrder);
    checkModel(model);
    CHECK(model.sortColumn() == AccountTableModel::BalanceColumn);
    CHECK(model.index(0, 0).data().toString() == QStringLiteral("Account 000"));
    CHECK(model.index(1, 0).data().toString() == QStringLiteral("Account 002"));
    model.sort(AccountTableModel::BalanceColumn, Qt::DescendingOrder);
    CHECK(model.index(0, 0).data().toString() == QStringLiteral("Account 001"));
    CHECK(model.index(1, 0).data().toString() == QStringLiteral("Zoë Łukasiewicz"));
    // A column core cannot sort by changes nothing.
    model.sort(AccountTableModel::StatusColumn, Qt::AscendingOrder);
    CHECK(model.sortColumn() == AccountTableModel::BalanceColumn);
}

TEST_CASE("the accounts table refreshes posted accounts in place")
{
    TempHub t;
    const QList<MemberId> ids = addMembersInLedgerModels(t, 3);
    AccountTableModel model(t.hub());
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    pay(t, ids[0], ids[2], hours(1.25), QStringLiteral("lift to the station"));
    model.refreshMembers({ids[0], ids[2]});
    CHECK(resets.isEmpty());
    CHECK(changed.count() == 2);
    CHECK(model.index(0, AccountTableModel::BalanceColumn).data().toString() == QStringLiteral("-1.25 Hours"));
    CHECK(model.index(2, AccountTableModel::BalanceColumn).data().toString() == QStringLiteral("1.25 Hours"));
    checkModel(model);
}

TEST_CASE("the transfers table fetches newest first 200 at a time")
{
    TempHub t;
    const QList<MemberId> ids = addMembersInLedgerModels(t, 4);
    // Limits stay out of the way: credit goes round in a circle.
    for (int i = 0; i < 450; ++i)
        pay(t, ids[i % 4], ids[(i + 1) % 4], hours(0.5), QStringLiteral("job %1").arg(i + 1));

    TransferTableModel model(t.hub());
    CHECK(model.columnCount() == TransferTableModel::ColumnCount);
    CHECK(model.rowCount() == TransferTableModel::BatchSize);
    CHECK(model.canFetchMore({}));
    checkModel(model);
    CHECK(model.index(0, TransferTableModel::IdColumn).data().toString() == QStringLiteral("450"));
    CHECK(model.index(0, TransferTableModel::MemoColumn).data().toString() == QStringLiteral("job 450"));
    CHECK(model.index(0, TransferTableModel::AmountColumn).data().toString() == QStringLiteral("0.50 Hours"));
    CHECK_FALSE(model.index(0, TransferTableModel::AmountColumn).data(TransferTableModel::NegativeRole).toBool());

    model.fetchMore({});
    model.fetchMore({});
    CHECK(model.rowCount() == 450);
    CHECK_FALSE(model.canFetchMore({}));
    CHECK(model.index(449, TransferTableModel::IdColumn).data(Qt::EditRole).toLongLong() == 1);
    checkModel(model);
    CHECK(model.rowOf(TransferId(1)) == 449);
    const auto first = model.transferAt(model.index(449, 0));
    REQUIRE(first);
    CHECK(first->payer == ids[0]);
    CHECK(first->payee == ids[1]);
}

TEST_CASE("the transfers table shows one member's transfers signed from their side")
{
    TempHub t;
    const MemberId ana = addMemberInLedgerModels(t, QStringLiteral("Ana Ferreira"));
    const MemberId bryn = addMemberInLedgerModels(t, QStringLiteral("Bryn Hughes"));
    const MemberId cai = addMemberInLedgerModels(t, QStringLiteral("Cai Jones"));
    HubSettings s = *t->settings().load();
    s.timeZone = QStringLiteral("Europe/London");
    REQUIRE(t->settings().save(s));
    t->setClock(Clock::fixed(QDateTime(QDate(2025, 1, 10), QTime(18, 5), QTimeZone::utc())));
    const Posting lesson = pay(t, ana, bryn, hours(2), QStringLiteral("2h guitar lesson"));
    t->setClock(Clock::fixed(QDateTime(QDate(2025, 7, 10), QTime(18, 5), QTimeZone::utc())));
    pay(t, cai, ana, hours(1), QStringLiteral("bread for the community dinner"));
    pay(t, bryn, cai, hours(4), QStringLiteral("moving boxes"));
    auto reversal = t->ledger().reverse(lesson.transfer.id);
    REQUIRE(reversal);

    TransferTableModel model(t.hub());
    REQUIRE(model.rowCount() == 4);
    CHECK(model.index(0, TransferTableModel::ReversalColumn).data().toString() == QStringLiteral("Reverses #1"));
    CHECK(model.index(0, 0).data(TransferTableModel::ReversalRole).toBool());
    CHECK(model.index(3, TransferTableModel::ReversalColumn).data().toString() == QStringLiteral("Reversed by #4"));
    CHECK(model.index(3, 0).data(TransferTableModel::ReversedRole).toBool());
    CHECK(model.index(2, TransferTableModel::ReversalColumn).data().toString().isEmpty());
    // Winter is GMT, summer BST: the hub's zone, not UTC.
    CHECK(model.index(3, TransferTableModel::DateColumn).data().toString().endsWith(QStringLiteral("18:05")));
    CHECK(model.index(2, TransferTableModel::DateColumn).data().toString().endsWith(QStringLiteral("19:05")));
    CHECK(model.index(3, TransferTableModel::PayerColumn).data().toString() == QStringLiteral("Ana Ferreira"));
    CHECK(model.index(3, TransferTableModel::PayeeColumn).data().toString() == QStringLiteral("Bryn Hughes"));

    TransferFilter onlyAna;
    onlyAna.member = ana;
    model.setFilter(onlyAna);
    checkModel(model);
    REQUIRE(model.rowCount() == 3);
    CHECK(column(model, TransferTableModel::MemoColumn) ==
          QStringList{QStringLiteral("Reversal of #1: 2h guitar lesson"),
                      QStringLiteral("bread for the community dinner"), QStringLiteral("2h guitar lesson")});
    // Ana received the reversal and the bread, and paid for the lesson.
    CHECK(column(model, TransferTableModel::AmountColumn) ==
          QStringList{QStringLiteral("2.00 Hours"), QStringLiteral("1.00 Hours"), QStringLiteral("-2.00 Hours")});
    CHECK(model.index(2, TransferTableModel::AmountColumn).data(TransferTableModel::NegativeRole).toBool());
    CHECK(model.index(2, TransferTableModel::AmountColumn).data(TransferTableModel::AmountRole).toLongLong() == -200);
    CHECK_FALSE(model.index(1, TransferTableModel::AmountColumn).data(TransferTableModel::NegativeRole).toBool());
    CHECK_FALSE(model.canFetchMore({}));

    TransferFilter nobody;
    nobody.member = addMemberInLedgerModels(t, QStringLiteral("Dewi Evans"));
    model.setFilter(nobody);
    CHECK(model.rowCount() == 0);
    CHECK_FALSE(model.canFetchMore({}));
    CHECK_FALSE(model.lastError());
    checkModel(model);
}

TEST_CASE("an empty ledger gives empty tables")
{
    TempHub t;
    AccountTableModel accounts(t.hub());
    TransferTableModel transfers(t.hub());
    CHECK(accounts.rowCount() == 0);
    CHECK(accounts.matchingCount() == 0);
    CHECK(transfers.rowCount() == 0);
    CHECK_FALSE(accounts.canFetchMore({}));
    CHECK_FALSE(transfers.canFetchMore({}));
    checkModel(accounts);
    checkModel(transfers);
}
