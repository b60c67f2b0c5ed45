// SPDX-License-Identifier: GPL-3.0-or-later
// Every list pages by key (the sort values of the last row read), never by
// OFFSET: reading a list page by page must give exactly the rows of reading
// it at once, in the same order, whatever the sort, the direction, the ties
// and the empty values.
#include "core/access/usertablemodel.h"
#include "core/audit/audittablemodel.h"
#include "core/gatherings/gatheringservice.h"
#include "core/gatherings/gatheringtablemodel.h"
#include "core/hub.h"
#include "core/ledger/ledgerservice.h"
#include "core/members/memberservice.h"
#include "tests/support/temphub.h"

#include <QAbstractItemModelTester>

#include <algorithm>

using namespace hub;
using hub::test::TempHub;

namespace {

constexpr int PageSize = 7;

/// 60 members under only five names (ties on the name), every third with no
/// joining date and every fourth without an e-mail (empty sort values).
QList<MemberId> fill(TempHub &t)
{
    const QStringList names = {QStringLiteral("Ásta"), QStringLiteral("Bronwen"), QStringLiteral("asta"),
                               QStringLiteral("Zainab"), QStringLiteral("Canal Café")};
    QList<MemberId> ids;
    static int added = 0; // e-mail addresses are unique in a hub
    for (int i = 0; i < 60; ++i) {
        MemberDraft d;
        d.displayName = names.at(i % names.size());
        if (i % 4 != 0)
            d.email = QStringLiteral("m%1@example.org").arg(++added);
        d.postcode = QStringLiteral("CF%1").arg(i % 3);
        if (i % 3 != 0)
            d.joinedOn = QDate(2024, 1, 1).addDays(i % 5);
        auto member = t->members().add(d);
        INFO((member ? QString() : member.error().text()).toStdString());
        REQUIRE(member);
        ids << member->id;
    }
    return ids;
}

/// Reads a whole list page by page with `page(after)` and returns the ids in order.
template<typename Row, typename Fetch, typename IdOf> QList<qint64> paged(Fetch page, IdOf idOf)
{
    QList<qint64> out;
    PageKey after;
    for (int guard = 0; guard < 1000; ++guard) {
        auto p = page(after);
        REQUIRE(p);
        for (const Row &row : std::as_const(p->rows))
            out << idOf(row);
        if (p->rows.size() < PageSize)
            return out;
        after = p->next;
    }
    FAIL("the pages never ended");
    return out;
}

template<typename Row, typename IdOf> QList<qint64> ids(const QList<Row> &rows, IdOf idOf)
{
    QList<qint64> out;
    for (const Row &row : rows)
        out << idOf(row);
    return out;
}

} // namespace

TEST_CASE("members read page by page are the members read at once, for every sort and direction")
{
    TempHub t;
    fill(t);
    const auto memberId = [](const Member &m) {
        return m.id.value();
    };
    for (const MemberSort sort :
         {MemberSort::Name, MemberSort::Email, MemberSort::Postcode, MemberSort::Membership, MemberSort::Joined}) {
        for (const bool descending : {false, true}) {
            INFO("sort " << int(sort) << (descending ? " descending" : " ascending"));
            const auto all = t->members().list({}, -1, sort, descending);
            REQUIRE(all);
            REQUIRE(all->size() == 60);
            const auto pages = paged<Member>(
                [&](const PageKey &after) { return t->members().page({}, after, PageSize, sort, descending); },
                memberId);
            CHECK(pages == ids(*all, memberId));
        }
    }
}

TEST_CASE("a search pages by key as well")
{
    TempHub t;
    fill(t);
    MemberFilter filter;
    filter.search = QStringLiteral("asta");
    const auto memberId = [](const Member &m) {
        return m.id.value();
    };
    const auto all = t->members().list(filter);
    REQUIRE(all);
    REQUIRE(all->size() == 24);
    CHECK(paged<Member>([&](const PageKey &after) { return t->members().page(filter, after, PageSize); }, memberId) ==
          ids(*all, memberId));
}

// A search that finds few members is read as its matches, then sorted; one
// that finds many walks the name index (see MemberService::page): both page
// the same as reading at once, on a file and on a server.
TEST_CASE("a search finding few members and one finding many both page by key, for every sort and direction")
{
    TempHub t;
    for (int i = 0; i < 300; ++i) {
        MemberDraft d;
        d.displayName = QStringLiteral("Bronwen %1").arg(i % 7);
        REQUIRE(t->members().add(d));
    }
    // Nine of 309: fewer than one in thirty, so read as matches.
    const QStringList few = {QStringLiteral("Quillon C"), QStringLiteral("Quillon A"), QStringLiteral("Quillon B"),
                             QStringLiteral("Quillon A"), QStringLiteral("Quillon É"), QStringLiteral("Quillon D"),
                             QStringLiteral("Quillon A"), QStringLiteral("Quillon B"), QStringLiteral("Quillon F")};
    for (int i = 0; i < few.size(); ++i) {
        MemberDraft d;
        d.displayName = few.at(i);
        d.email = i % 2 ? QStringLiteral("q%1@example.org").arg(i) : QString();
        REQUIRE(t->members().add(d));
    }
    const auto memberId = [](const Member &m) {
        return m.id.value();
    };
    for (const auto &[search, expected] :
         {std::pair{QStringLiteral("quil"), 9}, std::pair{QStringLiteral("bronwen"), 300}}) {
        MemberFilter filter;
        filter.search = search;
        REQUIRE(t->members().count(filter) == expected);
        for (const MemberSort sort : {MemberSort::Name, MemberSort::Email}) {
            for (const bool descending : {false, true}) {
                INFO(search.toStdString() << " sort " << int(sort) << (descending ? " descending" : " ascending"));
                const auto all = t->members().list(filter, -1, sort, descending);
                REQUIRE(all);
                REQUIRE(all->size() == expected);
                // In the order of the whole list, however the search was answered.
                const auto everyone = t->members().list({}, -1, sort, descending);
                REQUIRE(everyone);
                QList<Member> theirs;
                for (const Member &m : *everyone)
                    if (m.displayName.startsWith(search, Qt::CaseInsensitive))
                        theirs << m;
                CHECK(ids(*all, memberId) == ids(theirs, memberId));
                if (sort == MemberSort::Name && expected == 9) {
                    QStringList names;
                    for (const Member &m : *all)
                        names << m.displayName;
                    QStringList sorted = {
                        QStringLiteral("Quillon A"), QStringLiteral("Quillon A"), QStringLiteral("Quillon A"),
                        QStringLiteral("Quillon B"), QStringLiteral("Quillon B"), QStringLiteral("Quillon C"),
                        QStringLiteral("Quillon D"), QStringLiteral("Quillon É"), QStringLiteral("Quillon F")};
                    if (descending)
                        std::reverse(sorted.begin(), sorted.end());
                    CHECK(names == sorted);
                }
                const auto pages = paged<Member>(
                    [&](const PageKey &after) { return t->members().page(filter, after, PageSize, sort, descending); },
                    memberId);
                CHECK(pages == ids(*all, memberId));
            }
        }
    }
}

TEST_CASE("accounts and transfers read page by page are the ones read at once")
{
    TempHub t;
    const QList<MemberId> members = fill(t);
    // Balances with many ties (most stay at zero) and some activity.
    for (int i = 0; i < 30; ++i) {
        TransferDraft d;
        d.payer = members.at(i);
        d.payee = members.at((i * 7 + 3) % members.size());
        d.amount = Amount::fromMinor(100 * (1 + i % 3));
        d.memo = QStringLiteral("Help %1").arg(i);
        REQUIRE(t->ledger().pay(d));
    }
    const auto memberOf = [](const Account &a) {
        return a.member.value();
    };
    for (const AccountSort sort : {AccountSort::Name, AccountSort::Balance, AccountSort::LastActivity}) {
        for (const bool descending : {false, true}) {
            INFO("sort " << int(sort) << (descending ? " descending" : " ascending"));
            const auto all = t->ledger().accounts({}, -1, sort, descending);
            REQUIRE(all);
            const auto pages = paged<Account>(
                [&](const PageKey &after) { return t->ledger().accountPage({}, after, PageSize, sort, descending); },
                memberOf);
            CHECK(pages == ids(*all, memberOf));
        }
    }
    const auto transferId = [](const Transfer &x) {
        return x.id.value();
    };
    for (const bool newestFirst : {true, false}) {
        const auto all = t->ledger().transfers({}, -1, newestFirst);
        REQUIRE(all);
        REQUIRE(all->size() == 30);
        CHECK(paged<Transfer>(
                  [&](const PageKey &after) { return t->ledger().transferPage({}, after, PageSize, newestFirst); },
                  transferId) == ids(*all, transferId));
    }
}

TEST_CASE("a row added while a list is read is neither read twice nor makes another row skipped")
{
    TempHub t;
    fill(t);
    auto first = t->members().page({}, {}, PageSize);
    REQUIRE(first);
    // With OFFSET, a member sorting before the page boundary would shift every
    // later row by one, and the next page would repeat the last row read.
    MemberDraft early;
    early.displayName = QStringLiteral("Aaron");
    REQUIRE(t->members().add(early));
    auto next = t->members().page({}, first->next, PageSize);
    REQUIRE(next);
    const auto memberId = [](const Member &m) {
        return m.id.value();
    };
    const QList<qint64> read = ids(first->rows, memberId);
    for (const qint64 id : ids(next->rows, memberId))
        CHECK_FALSE(read.contains(id));
}

TEST_CASE("the audit table pages the trail newest first and passes the model tester")
{
    TempHub t;
    // 60 members make 60 audit rows; the table reads them 200 at a time, so
    // add enough for three pages.
    for (int round = 0; round < 4; ++round)
        fill(t);
    AuditTableModel model(t.hub());
    {
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    }
    REQUIRE(model.matchingCount() >= 240);
    while (model.canFetchMore({}))
        model.fetchMore({});
    REQUIRE(model.rowCount() == model.matchingCount());
    qint64 previous = std::numeric_limits<qint64>::max();
    for (int row = 0; row < model.rowCount(); ++row) {
        const qint64 id = model.index(row, 0).data(AuditTableModel::EntryIdRole).toLongLong();
        CHECK(id < previous);
        previous = id;
    }
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
}

TEST_CASE("the gatherings table pages upcoming and past gatherings and passes the model tester")
{
    TempHub t;
    const QDateTime now = t->clock().now();
    // 230 gatherings that have ended (more than one page) and 5 still to come.
    for (int i = 0; i < 235; ++i) {
        GatheringDraft g;
        g.title = QStringLiteral("Friendly %1").arg(i);
        g.start = i < 230 ? now.addDays(-1 - i) : now.addDays(i - 229);
        g.end = g.start.addSecs(7200);
        REQUIRE(t->gatherings().add(g));
    }
    GatheringTableModel model(t.hub());
    {
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    }
    CHECK(model.matchingCount() == 5);
    CHECK(model.rowCount() == 5);
    CHECK(model.index(0, GatheringTableModel::TitleColumn).data().toString() == QStringLiteral("Friendly 230"));
    CHECK(model.headerData(GatheringTableModel::CameColumn, Qt::Horizontal).toString() == QStringLiteral("Came"));

    model.setUpcoming(false);
    CHECK(model.matchingCount() == 230);
    CHECK(model.rowCount() == GatheringTableModel::BatchSize);
    while (model.canFetchMore({}))
        model.fetchMore({});
    REQUIRE(model.rowCount() == 230);
    // Latest first, each once.
    for (int row = 0; row < model.rowCount(); ++row)
        CHECK(model.index(row, GatheringTableModel::TitleColumn).data().toString() ==
              QStringLiteral("Friendly %1").arg(row));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
}

TEST_CASE("the users table lists users by sign-in name and finds one in any case")
{
    TempHub t;
    MemberDraft d;
    d.displayName = QStringLiteral("Ada Lovelace");
    auto ada = t->members().add(d);
    REQUIRE(ada);
    REQUIRE(t->users().add(QStringLiteral("ada"), ada->id, {Role::Admin, Role::Treasurer},
                           QStringLiteral("a long enough passphrase")));
    UserTableModel model(t.hub());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    REQUIRE(model.rowCount() == 1);
    CHECK(model.matchingCount() == 1);
    CHECK(model.index(0, UserTableModel::MemberColumn).data().toString() == QStringLiteral("Ada Lovelace"));
    CHECK(model.index(0, UserTableModel::RolesColumn).data().toString().contains(QStringLiteral("Treasurer")));
    CHECK(model.rowOfName(QStringLiteral("ADA")) == 0);
    CHECK(model.rowOfName(QStringLiteral("bob")) == -1);
}
