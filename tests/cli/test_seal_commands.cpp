// SPDX-License-Identifier: GPL-3.0-or-later
// The seal (issue 15): `hubctl seal` notes the heads of the ledger and audit
// chains; `check --seal` proves later that nothing up to them changed, even
// after someone who held the file cut the chain short and fixed balances.
// `check` also catches a missing immutability trigger and a limit widened in
// the file.
#include "tests/support/hubctlrunner.h"
#include "tests/support/testserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using hub::test::CliRun;
using hub::test::hubctl;

namespace {
struct Treasurer
{
    QTemporaryDir dir;
    QString db = dir.filePath(QStringLiteral("hub.sqlite"));
    Treasurer()
    {
        REQUIRE(hubctl({QStringLiteral("--db"), db, QStringLiteral("init")}).exitCode == 0);
        REQUIRE(run({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("default_limit_min"),
                     QStringLiteral("-100")})
                    .exitCode == 0);
        for (const char *who : {"ada", "bo"})
            REQUIRE(run({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--name"),
                         QString::fromLatin1(who), QStringLiteral("--email"),
                         QString::fromLatin1(who) + QStringLiteral("@example.org")})
                        .exitCode == 0);
    }
    CliRun run(const QStringList &args) const
    {
        return hubctl(QStringList{QStringLiteral("--db"), db, QStringLiteral("--json")} + args);
    }
    void pay(int times) const
    {
        for (int i = 0; i < times; ++i)
            REQUIRE(run({QStringLiteral("pay"), QStringLiteral("--from"), QStringLiteral("ada@example.org"),
                         QStringLiteral("--to"), QStringLiteral("bo@example.org"), QStringLiteral("--amount"),
                         QStringLiteral("1"), QStringLiteral("--memo"), QStringLiteral("lesson %1").arg(i)})
                        .exitCode == 0);
    }
    QString seal() const
    {
        const CliRun r = run({QStringLiteral("seal")});
        REQUIRE(r.exitCode == 0);
        return r.json()[QStringLiteral("seal")].toString();
    }
    // What someone with the sqlite3 tool and the file could do.
    void tamper(const QString &sql) const
    {
        QProcess p;
        p.start(QStringLiteral("sqlite3"), {db, sql});
        REQUIRE(p.waitForFinished());
        INFO(p.readAllStandardError().toStdString());
        REQUIRE(p.exitCode() == 0);
    }
    QStringList findings(const QStringList &more = {}) const
    {
        const CliRun r = run(QStringList{QStringLiteral("check")} + more);
        QStringList out;
        for (const QJsonValue &f : r.json()[QStringLiteral("findings")].toArray())
            out << f[QStringLiteral("area")].toString() + QStringLiteral(": ") +
                       f[QStringLiteral("message")].toString();
        return out;
    }
};

const char *RestoreTriggers =
    "CREATE TRIGGER transfers_never_updated BEFORE UPDATE ON transfers BEGIN SELECT RAISE(ABORT, "
    "'transfers are never changed; post a reversing transfer instead'); END; "
    "CREATE TRIGGER transfers_never_deleted BEFORE DELETE ON transfers BEGIN SELECT RAISE(ABORT, "
    "'transfers are never deleted; post a reversing transfer instead'); END;";
} // namespace

TEST_CASE("a seal noted earlier still holds as the ledger grows", "[cli][seal]")
{
    Treasurer t;
    CHECK(t.seal().startsWith(QStringLiteral("T0 A")));
    t.pay(3);
    const QString noted = t.seal();
    CHECK(noted.startsWith(QStringLiteral("T3:")));
    t.pay(2);
    const CliRun ok = t.run({QStringLiteral("check"), QStringLiteral("--seal"), noted});
    INFO(ok.out.toStdString());
    CHECK(ok.exitCode == 0);
    CHECK(hubctl({QStringLiteral("--db"), t.db, QStringLiteral("check"), QStringLiteral("--seal"),
                  QStringLiteral("nonsense")})
              .exitCode == 1);
    // Reports and backups carry the seal of their moment.
    const CliRun report = t.run({QStringLiteral("report"), QStringLiteral("trial-balance")});
    REQUIRE(report.exitCode == 0);
    CHECK(report.json()[QStringLiteral("seal")].toString() == t.seal());
    const CliRun backup = t.run({QStringLiteral("backup"), t.dir.filePath(QStringLiteral("b.sqlite"))});
    REQUIRE(backup.exitCode == 0);
    CHECK(backup.json()[QStringLiteral("seal")].toString().startsWith(QStringLiteral("T5:")));
}

TEST_CASE("a ledger cut short with balances fixed passes a plain check but not the seal", "[cli][seal][sqlite]")
{
    Treasurer t;
    t.pay(5);
    const QString noted = t.seal();
    // Drop the last two transfers, fix the balances, put the triggers back.
    t.tamper(QStringLiteral("DROP TRIGGER transfers_never_deleted; DROP TRIGGER transfers_never_updated; "
                            "DELETE FROM transfers WHERE id > 3; "
                            "UPDATE accounts SET balance_minor = -300 WHERE member_id = 1; "
                            "UPDATE accounts SET balance_minor = 300 WHERE member_id = 2; ") +
             QString::fromLatin1(RestoreTriggers));
    CHECK(t.findings().isEmpty()); // nothing in the file alone gives it away
    const QStringList sealed = t.findings({QStringLiteral("--seal"), noted});
    INFO(sealed.join(u'\n').toStdString());
    REQUIRE(sealed.size() == 1);
    CHECK(sealed.first().contains(QStringLiteral("Transfer #5 of the seal is missing")));
    CHECK(t.run({QStringLiteral("check"), QStringLiteral("--seal"), noted}).exitCode == 5);
}

TEST_CASE("a rewritten sealed row, a missing trigger and a limit widened in the file are found", "[cli][seal][sqlite]")
{
    Treasurer t;
    t.pay(2);
    REQUIRE(t.run({QStringLiteral("account"), QStringLiteral("limit"), QStringLiteral("ada@example.org"),
                   QStringLiteral("--min"), QStringLiteral("-50")})
                .exitCode == 0);
    const QString noted = t.seal();
    t.tamper(QStringLiteral("DROP TRIGGER transfers_never_updated; "
                            "UPDATE transfers SET hash = 'ffffffffffffffff' || substr(hash, 17) WHERE id = 2; "
                            "UPDATE accounts SET limit_min_minor = -999900 WHERE member_id = 1;"));
    const QStringList found = t.findings({QStringLiteral("--seal"), noted});
    INFO(found.join(u'\n').toStdString());
    CHECK(found.filter(QStringLiteral("seal: Transfer #2 no longer has the sealed hash")).size() == 1);
    CHECK(found.filter(QStringLiteral("trigger transfers_never_updated")).size() == 1);
    CHECK(found.filter(QStringLiteral("has limits -999900")).size() == 1);
}

TEST_CASE("restore refuses a backup that fails the check, with its findings, unless an admin gives a reason",
          "[cli][seal][restore]")
{
    Treasurer t;
    t.pay(3);
    const QString backup = t.dir.filePath(QStringLiteral("backup.sqlite"));
    REQUIRE(t.run({QStringLiteral("backup"), backup}).exitCode == 0);
    // Someone edits a sealed transfer in the backup.
    QProcess p;
    p.start(QStringLiteral("sqlite3"), {backup, QStringLiteral("DROP TRIGGER transfers_never_updated; "
                                                               "UPDATE transfers SET memo = 'changed' WHERE id = 2;")});
    REQUIRE(p.waitForFinished());
    REQUIRE(p.exitCode() == 0);
    t.pay(1);
    // The file byte for byte; a server hub by its seal and its transfers.
    const auto state = [&t] {
        if (hub::test::TestServer::active())
            return (t.run({QStringLiteral("seal")}).out +
                    t.run({QStringLiteral("transfer"), QStringLiteral("list")}).out)
                .toUtf8();
        QFile hubFile(t.db);
        REQUIRE(hubFile.open(QIODevice::ReadOnly));
        return hubFile.readAll();
    };
    const QByteArray before = state();

    const CliRun refused = t.run({QStringLiteral("restore"), backup});
    INFO(refused.err.toStdString());
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.contains(QStringLiteral("does not pass the hub's checks")));
    CHECK(refused.err.contains(QStringLiteral("ledger")));
    CHECK(state() == before); // byte-identical
    CHECK(t.run({QStringLiteral("restore"), backup, QStringLiteral("--despite-problems"), QStringLiteral(" ")})
              .exitCode == 1);

    const CliRun forced = t.run({QStringLiteral("restore"), backup, QStringLiteral("--despite-problems"),
                                 QStringLiteral("the only copy left after the fire")});
    INFO(forced.err.toStdString());
    REQUIRE(forced.exitCode == 0);
    const CliRun audit = t.run({QStringLiteral("audit"), QStringLiteral("--action"), QStringLiteral("hub.restore")});
    REQUIRE(audit.exitCode == 0);
    const QJsonArray entries = audit.json()[QStringLiteral("entries")].toArray();
    REQUIRE(entries.size() == 1);
    CHECK(
        entries[0][QStringLiteral("summary")].toString().contains(QStringLiteral("the only copy left after the fire")));
}
