// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/hubctlrunner.h"
#include "tests/support/temphub.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

using hub::test::hubctl;

namespace {
struct Ledger
{
    QTemporaryDir dir;
    QString db = dir.filePath(QStringLiteral("hub.sqlite"));
    Ledger()
    {
        REQUIRE(hubctl({QStringLiteral("--db"), db, QStringLiteral("init"), QStringLiteral("--name"),
                        QStringLiteral("Riverside")})
                    .exitCode == 0);
        REQUIRE(run({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("default_limit_min"),
                     QStringLiteral("-20")})
                    .exitCode == 0);
        for (const QString &who : {QStringLiteral("ada"), QStringLiteral("bo"), QStringLiteral("cy")})
            REQUIRE(run({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--name"), who.toUpper(),
                         QStringLiteral("--email"), who + QStringLiteral("@example.org")})
                        .exitCode == 0);
    }
    hub::test::CliRun run(const QStringList &args) const
    {
        return hubctl(QStringList{QStringLiteral("--db"), db, QStringLiteral("--json")} + args);
    }
    hub::test::CliRun pay(const QString &from, const QString &to, const QString &amount,
                          const QStringList &more = {}) const
    {
        return run(QStringList{QStringLiteral("pay"), QStringLiteral("--from"), from, QStringLiteral("--to"), to,
                               QStringLiteral("--amount"), amount, QStringLiteral("--memo"),
                               QStringLiteral("2h guitar lesson")} +
                   more);
    }
    qint64 balance(const QString &name) const
    {
        for (const QJsonValue &a : run({QStringLiteral("account"), QStringLiteral("list")}).json().array())
            if (a[QStringLiteral("member")].toString() == name)
                return a[QStringLiteral("balance_minor")].toInteger();
        FAIL("no account for " << name.toStdString());
        return 0;
    }
};
} // namespace

TEST_CASE("pay moves credit and prints the transfer with amounts in the unit and in minor units")
{
    Ledger l;
    auto r = l.pay(QStringLiteral("ada@example.org"), QStringLiteral("2"), QStringLiteral("2.50"),
                   {QStringLiteral("--category"), QStringLiteral("lessons")});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    const QJsonObject t = r.json().object();
    CHECK(t[QStringLiteral("id")].toInt() == 1);
    CHECK(t[QStringLiteral("amount")].toString() == QStringLiteral("2.50"));
    CHECK(t[QStringLiteral("amount_minor")].toInteger() == 250);
    CHECK(t[QStringLiteral("category")].toString() == QStringLiteral("lessons"));
    CHECK(t[QStringLiteral("at")].toString().contains(u'T'));
    CHECK(l.balance(QStringLiteral("ADA")) == -250);
    CHECK(l.balance(QStringLiteral("BO")) == 250);

    auto people = hubctl({QStringLiteral("--db"), l.db, QStringLiteral("account"), QStringLiteral("list")});
    CHECK(people.out.contains(QStringLiteral("-2.50")));
    CHECK(people.out.contains(QStringLiteral("Sum of all balances: 0.00 Hours")));
}

TEST_CASE("pay refuses bad input with exit 2 and limit breaches with exit 3 and unknown members with exit 4")
{
    Ledger l;
    auto decimals = l.pay(QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("1.234"));
    CHECK(decimals.exitCode == 2);
    CHECK(decimals.json().object()[QStringLiteral("error")].toObject()[QStringLiteral("where")].toString() ==
          QStringLiteral("--amount"));
    CHECK(l.pay(QStringLiteral("1"), QStringLiteral("1"), QStringLiteral("1")).exitCode == 2);
    CHECK(l.pay(QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("1e3")).exitCode == 2);
    CHECK(l.pay(QStringLiteral("nobody@example.org"), QStringLiteral("2"), QStringLiteral("1")).exitCode == 4);
    CHECK(l.run({QStringLiteral("pay"), QStringLiteral("--from"), QStringLiteral("1")}).exitCode == 1);

    auto breach = l.pay(QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("25"));
    CHECK(breach.exitCode == 3);
    CHECK(breach.err.contains(QStringLiteral("5.00 Hours beyond the limit")));
    CHECK(l.balance(QStringLiteral("ADA")) == 0);
    auto overridden = l.pay(QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("25"),
                            {QStringLiteral("--override"), QStringLiteral("emergency repair fund")});
    CHECK(overridden.exitCode == 0);
    CHECK(l.run({QStringLiteral("check")}).exitCode == 0);
}

TEST_CASE("reverse posts the opposite once and statement shows the running balance")
{
    Ledger l;
    REQUIRE(l.pay(QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")).exitCode == 0);
    REQUIRE(l.pay(QStringLiteral("2"), QStringLiteral("1"), QStringLiteral("1")).exitCode == 0);
    auto rev = l.run({QStringLiteral("reverse"), QStringLiteral("1")});
    REQUIRE(rev.exitCode == 0);
    CHECK(rev.json().object()[QStringLiteral("reverses")].toInt() == 1);
    CHECK(l.run({QStringLiteral("reverse"), QStringLiteral("1")}).exitCode == 3);
    CHECK(l.run({QStringLiteral("reverse"), QStringLiteral("42")}).exitCode == 4);
    CHECK(l.run({QStringLiteral("reverse"), QStringLiteral("abc")}).exitCode == 1);

    auto st = l.run({QStringLiteral("statement"), QStringLiteral("ada@example.org")});
    REQUIRE(st.exitCode == 0);
    const QJsonObject o = st.json().object();
    CHECK(o[QStringLiteral("opening_minor")].toInteger() == 0);
    CHECK(o[QStringLiteral("closing_minor")].toInteger() == 100);
    const QJsonArray lines = o[QStringLiteral("lines")].toArray();
    REQUIRE(lines.size() == 3);
    CHECK(lines[0][QStringLiteral("running_balance_minor")].toInteger() == -300);
    CHECK(lines[2][QStringLiteral("running_balance_minor")].toInteger() == 100);
    CHECK(l.run({QStringLiteral("statement"), QStringLiteral("1"), QStringLiteral("--from"),
                 QStringLiteral("2026-13-01")})
              .exitCode == 1);
    auto people = hubctl({QStringLiteral("--db"), l.db, QStringLiteral("statement"), QStringLiteral("1")});
    CHECK(people.out.contains(QStringLiteral("Opening balance")));
    CHECK(people.out.contains(QStringLiteral("Closing balance")));
}

TEST_CASE("account limit refuses a limit the balance already breaches unless overridden")
{
    Ledger l;
    REQUIRE(l.pay(QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("15")).exitCode == 0);
    auto refused = l.run({QStringLiteral("account"), QStringLiteral("limit"), QStringLiteral("1"),
                          QStringLiteral("--min"), QStringLiteral("-10")});
    CHECK(refused.exitCode == 3);
    auto ok = l.run({QStringLiteral("account"), QStringLiteral("limit"), QStringLiteral("1"), QStringLiteral("--min"),
                     QStringLiteral("-10"), QStringLiteral("--override"), QStringLiteral("repayment plan agreed")});
    REQUIRE(ok.exitCode == 0);
    CHECK(ok.json().object()[QStringLiteral("limit_min_minor")].toInteger() == -1000);
    CHECK(l.run({QStringLiteral("account"), QStringLiteral("limit"), QStringLiteral("1"), QStringLiteral("--min"),
                 QStringLiteral("5")})
              .exitCode == 2);
    CHECK(l.run({QStringLiteral("account"), QStringLiteral("status"), QStringLiteral("1"), QStringLiteral("closed")})
              .exitCode == 3);
    CHECK(l.run({QStringLiteral("account"), QStringLiteral("status"), QStringLiteral("3"), QStringLiteral("frozen")})
              .exitCode == 0);
    CHECK(l.pay(QStringLiteral("3"), QStringLiteral("2"), QStringLiteral("1")).exitCode == 3);
    auto risky = l.run({QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--at-risk")});
    REQUIRE(risky.json().array().size() == 1);
    CHECK(risky.json().array()[0][QStringLiteral("member")].toString() == QStringLiteral("ADA"));
}

TEST_CASE("pay --batch posts all rows or none and lists every bad row")
{
    Ledger l;
    const QString good = l.dir.filePath(QStringLiteral("good.csv"));
    hub::test::writeBytes(good, "payer,payee,amount,memo,category\nada@example.org,bo@example.org,2,bread,food\n"
                                "bo@example.org,cy@example.org,1.25,eggs,food\n");
    auto dry = l.run({QStringLiteral("pay"), QStringLiteral("--batch"), good, QStringLiteral("--dry-run")});
    REQUIRE(dry.exitCode == 0);
    CHECK(dry.json().object()[QStringLiteral("dry_run")].toBool());
    CHECK(l.balance(QStringLiteral("ADA")) == 0);
    REQUIRE(l.run({QStringLiteral("pay"), QStringLiteral("--batch"), good}).exitCode == 0);
    CHECK(l.balance(QStringLiteral("CY")) == 125);

    const QString bad = l.dir.filePath(QStringLiteral("bad.csv"));
    hub::test::writeBytes(bad, "payer,payee,amount,memo\nada@example.org,bo@example.org,1,ok\n"
                               "ghost@example.org,bo@example.org,1,x\nada@example.org,bo@example.org,1.001,x\n");
    auto r = l.run({QStringLiteral("pay"), QStringLiteral("--batch"), bad});
    CHECK(r.exitCode == 2);
    const QJsonArray problems = r.json().object()[QStringLiteral("problems")].toArray();
    REQUIRE(problems.size() == 2);
    CHECK(problems[0][QStringLiteral("row")].toInt() == 3);
    CHECK(problems[1][QStringLiteral("column")].toString() == QStringLiteral("amount"));
    CHECK(r.err.contains(QStringLiteral("row 3, column payer")));
    CHECK(l.balance(QStringLiteral("ADA")) == -200);
    CHECK(l.run({QStringLiteral("pay"), QStringLiteral("--batch"), l.dir.filePath(QStringLiteral("none.csv"))})
              .exitCode == 4);
}

TEST_CASE("levy charges every active member to the hub or nobody and check includes the ledger")
{
    Ledger l;
    auto dry = l.run({QStringLiteral("levy"), QStringLiteral("--amount"), QStringLiteral("5"), QStringLiteral("--memo"),
                      QStringLiteral("November contribution"), QStringLiteral("--dry-run")});
    REQUIRE(dry.exitCode == 0);
    CHECK(dry.json().object()[QStringLiteral("members")].toInt() == 3);
    CHECK(dry.json().object()[QStringLiteral("total_minor")].toInteger() == 1500);
    REQUIRE(l.pay(QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("18")).exitCode == 0);
    auto blocked = l.run({QStringLiteral("levy"), QStringLiteral("--amount"), QStringLiteral("5"),
                          QStringLiteral("--memo"), QStringLiteral("November contribution")});
    CHECK(blocked.exitCode == 3);
    CHECK(blocked.json().object()[QStringLiteral("blocked")].toBool());
    auto fine = l.run({QStringLiteral("levy"), QStringLiteral("--amount"), QStringLiteral("1"),
                       QStringLiteral("--memo"), QStringLiteral("Tea fund")});
    REQUIRE(fine.exitCode == 0);
    CHECK(fine.json().object()[QStringLiteral("transfers")].toArray().size() == 3);
    auto check = l.run({QStringLiteral("check")});
    CHECK(check.exitCode == 0);
    CHECK(check.json().object()[QStringLiteral("checks")].toArray().size() >= 3);
    auto list =
        l.run({QStringLiteral("transfer"), QStringLiteral("list"), QStringLiteral("--member"), QStringLiteral("1")});
    CHECK(list.json().array().size() == 2);
}
