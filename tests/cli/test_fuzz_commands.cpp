// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzing at the command a user runs (issue 15): malformed files and
// arguments from a fixed-seed generator go through hubctl processes. Each
// run ends with a documented exit code (never a crash, a signal, a sanitizer
// report, or 5 — no validation failure is a storage error), and whatever
// was refused left the hub as it was.
#include "core/storage/database.h"
#include "core/storage/hubaddress.h"
#include "tests/support/clihub.h"
#include "tests/support/fuzzinput.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

using hub::test::CliHub;
using hub::test::CliRun;
using hub::test::fuzzRounds;
using hub::test::mutate;

namespace {

/// What a write would change: row counts, the ledger's sum of amounts and
/// the audit trail's head, read through a throw-away connection.
QString fingerprintOf(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    REQUIRE(q.exec(QStringLiteral("SELECT (SELECT count(*) FROM members), (SELECT count(*) FROM member_skills), "
                                  "(SELECT count(*) FROM offers), (SELECT count(*) FROM bookings), (SELECT count(*) "
                                  "FROM transfers), (SELECT coalesce(sum(amount_minor), 0) FROM transfers), (SELECT "
                                  "coalesce(max(id), 0) FROM audit_log), (SELECT count(*) FROM spaces)")));
    REQUIRE(q.next());
    QStringList parts;
    for (int i = 0; i < 8; ++i)
        parts << q.value(i).toString();
    return parts.join(u'/');
}

QString fingerprint(const QString &path)
{
    // On a pg run the hub lives on the test cluster.
    const QString hubPath = hub::test::hubOnTestBackend(path);
    if (hub::HubAddress::looksLikeServer(hubPath)) {
        auto db = hub::Database::open(hub::HubAddress::parse(hubPath).value(), hub::OpenMode::ExistingOnly);
        REQUIRE(db);
        return fingerprintOf((*db)->connection());
    }
    const QString name = QStringLiteral("fingerprint-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString result;
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        REQUIRE(db.open());
        result = fingerprintOf(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

/// A London hub with a hall and three members who may go 1,000 into debit.
struct FuzzHub : CliHub
{
    FuzzHub() : CliHub({QStringLiteral("--timezone"), QStringLiteral("Europe/London")})
    {
        ok({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("default_limit_min"),
            QStringLiteral("-1000")});
        ok({QStringLiteral("space"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Hall"),
            QStringLiteral("--capacity"), QStringLiteral("40")});
        for (const char *who : {"ada", "bo", "cy"})
            ok({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--name"),
                QString::fromLatin1(who).toUpper(), QStringLiteral("--email"),
                QString::fromLatin1(who) + QStringLiteral("@example.org")});
    }
};

struct Tally
{
    QMap<int, int> byExit;
    QString text() const
    {
        QStringList parts;
        for (auto it = byExit.cbegin(); it != byExit.cend(); ++it)
            parts << QStringLiteral("exit %1: %2").arg(it.key()).arg(it.value());
        return parts.join(QStringLiteral(", "));
    }
};

/// Runs one fuzzed command and checks what the issue promises of it.
void expectInputOutcome(const FuzzHub &h, const QStringList &args, const QSet<int> &allowed, Tally &tally, int round)
{
    const QString before = fingerprint(h.db);
    const CliRun r = h.run(args);
    tally.byExit[r.exitCode]++;
    INFO("round " << round << ": hubctl " << args.join(u' ').left(300).toStdString() << "\nexit " << r.exitCode
                  << "\nstderr: " << r.err.left(2000).toStdString());
    REQUIRE(r.exitCode >= 0); // not killed by a signal
    REQUIRE_FALSE(r.err.contains(QStringLiteral("Sanitizer")));
    REQUIRE_FALSE(r.err.contains(QStringLiteral("runtime error:")));
    REQUIRE(allowed.contains(r.exitCode));
    if (r.exitCode != 0) {
        REQUIRE(fingerprint(h.db) == before);
        // Still one JSON document on stdout (an error, or an import's report of its bad rows).
        REQUIRE(r.json().isObject());
    }
}

QByteArray readData(const char *name)
{
    QFile f(QStringLiteral(HUB_TEST_SOURCE_DIR "/tests/data/") + QString::fromLatin1(name));
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

void write(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(f.write(bytes) == bytes.size());
}

// Printable-ish text for an argument: a process argument cannot hold NUL.
QString argument(const QByteArray &bytes)
{
    QByteArray b = bytes.left(4096);
    b.replace('\0', "\\0");
    return QString::fromUtf8(b);
}

} // namespace

TEST_CASE("fuzz through hubctl: malformed member CSV files import all or nothing", "[cli][fuzz][csv]")
{
    FuzzHub h;
    QRandomGenerator random(151001);
    const QByteArray seed = "name,email,phone,postcode,skills,offers\r\n"
                            "Dee Lovelace,dee@example.org,+44 20 7946 0000,N1 9GU,Maths:expert,\"[Maths] tutoring\"\r\n"
                            "Eli,eli@example.org,,,,\r\n";
    const QString file = h.file(QStringLiteral("members.csv"));
    Tally tally;
    for (int i = 0; i < fuzzRounds(80); ++i) {
        write(file, mutate(seed, random));
        const QStringList args = i % 4 == 3 ? QStringList{QStringLiteral("member"), QStringLiteral("import"), file,
                                                          QStringLiteral("--dry-run")}
                                            : QStringList{QStringLiteral("member"), QStringLiteral("import"), file};
        expectInputOutcome(h, args, {0, 2}, tally, i);
    }
    WARN("member import: " << tally.text().toStdString());
    CHECK(tally.byExit.value(2) > 0);
    h.ok({QStringLiteral("check")});
}

TEST_CASE("fuzz through hubctl: malformed batch payment files post all or nothing", "[cli][fuzz][csv][ledger]")
{
    FuzzHub h;
    QRandomGenerator random(151002);
    const QByteArray seed = "payer,payee,amount,memo,category\r\n"
                            "ada@example.org,bo@example.org,1.50,bread,food\r\n"
                            "cy@example.org,ada@example.org,0.25,\"eggs, six\",\r\n";
    const QString file = h.file(QStringLiteral("batch.csv"));
    Tally tally;
    for (int i = 0; i < fuzzRounds(80); ++i) {
        write(file, mutate(seed, random));
        expectInputOutcome(h, {QStringLiteral("pay"), QStringLiteral("--batch"), file}, {0, 2, 3, 4}, tally, i);
    }
    WARN("pay --batch: " << tally.text().toStdString());
    CHECK(tally.byExit.value(2) + tally.byExit.value(4) > 0);
    h.ok({QStringLiteral("check")});
}

TEST_CASE("fuzz through hubctl: malformed .ics files book all or nothing", "[cli][fuzz][ics]")
{
    FuzzHub h;
    QRandomGenerator random(151003);
    const QList<QByteArray> seeds = {readData("ics/google.ics"), readData("ics/outlook.ics"),
                                     readData("ics/allday.ics"), readData("ics/utc.ics")};
    const QString file = h.file(QStringLiteral("events.ics"));
    Tally tally;
    for (int i = 0; i < fuzzRounds(60); ++i) {
        write(file, mutate(seeds[i % seeds.size()], random));
        expectInputOutcome(h,
                           {QStringLiteral("calendar"), QStringLiteral("import"), file, QStringLiteral("--space"),
                            QStringLiteral("Hall")},
                           {0, 2, 3}, tally, i);
    }
    WARN("calendar import: " << tally.text().toStdString());
    CHECK(tally.byExit.value(2) > 0);
    h.ok({QStringLiteral("check")});
}

TEST_CASE("fuzz through hubctl: malformed amounts, times and dates are input errors", "[cli][fuzz][values]")
{
    FuzzHub h;
    QRandomGenerator random(151004);
    Tally amounts;
    const QList<QByteArray> amountSeeds = {"12.50", "-3.5", "0.01", "1,000.00", "9223372036854775807"};
    for (int i = 0; i < fuzzRounds(80); ++i) {
        const QString amount = argument(mutate(amountSeeds[i % amountSeeds.size()], random));
        expectInputOutcome(h,
                           {QStringLiteral("pay"), QStringLiteral("--from"), QStringLiteral("ada@example.org"),
                            QStringLiteral("--to"), QStringLiteral("bo@example.org"), QStringLiteral("--amount"),
                            amount, QStringLiteral("--memo"), QStringLiteral("fuzz")},
                           {0, 1, 2, 3}, amounts, i);
    }
    WARN("pay --amount: " << amounts.text().toStdString());
    CHECK(amounts.byExit.value(1) + amounts.byExit.value(2) > 0);

    Tally times;
    const QList<QByteArray> timeSeeds = {"2027-03-28 01:30", "2027-10-31 01:30", "2027-06-01 19:00",
                                         "2027-06-01T24:00"};
    for (int i = 0; i < fuzzRounds(80); ++i) {
        const QString start = argument(mutate(timeSeeds[i % timeSeeds.size()], random));
        expectInputOutcome(h,
                           {QStringLiteral("book"), QStringLiteral("--space"), QStringLiteral("Hall"),
                            QStringLiteral("--title"), QStringLiteral("Fuzz"), QStringLiteral("--start"), start,
                            QStringLiteral("--end"), QStringLiteral("2027-06-01 21:00")},
                           {0, 1, 2, 3}, times, i);
    }
    WARN("book --start: " << times.text().toStdString());
    CHECK(times.byExit.value(1) + times.byExit.value(2) > 0);

    Tally dates;
    for (int i = 0; i < fuzzRounds(40); ++i) {
        const QString from = argument(mutate("2027-06-01", random));
        expectInputOutcome(h, {QStringLiteral("booking"), QStringLiteral("list"), QStringLiteral("--from"), from},
                           {0, 1, 2}, dates, i);
    }
    WARN("booking list --from: " << dates.text().toStdString());
    h.ok({QStringLiteral("check")});
}
