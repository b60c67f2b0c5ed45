// SPDX-License-Identifier: GPL-3.0-or-later
// hubctl report: formats, files, exit codes, and the real tools reading what it
// writes: hledger and ledger balance the exported journal exactly as
// `hubctl account list` does, Python's csv module reads the CSV.
#include "tests/support/hubctlrunner.h"
#include "tests/support/temphub.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>

using hub::test::hubctl;

namespace {

struct Tool
{
    int exitCode = -1;
    QString out;
    QString err;
};

// The interop tools are part of the build's dependencies: a missing one fails the test.
Tool runTool(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(10000))
        FAIL(program.toStdString() << " could not be started: " << p.errorString().toStdString()
                                   << " (install it: it is one of the test dependencies)");
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

const QString Zoe = QStringLiteral("Zoë: café; two  spaces");

struct Treasury
{
    QTemporaryDir dir;
    QString db = dir.filePath(QStringLiteral("hub.sqlite"));
    explicit Treasury(const QString &unit = QStringLiteral("Hours"))
    {
        REQUIRE(hubctl({QStringLiteral("--db"), db, QStringLiteral("init"), QStringLiteral("--name"),
                        QStringLiteral("Riverside; Hub"), QStringLiteral("--timezone"), QStringLiteral("Europe/London"),
                        QStringLiteral("--unit"), unit})
                    .exitCode == 0);
        for (const QString &name :
             {Zoe, QStringLiteral("Bo (plumber)"), QStringLiteral("[Cy]"), QStringLiteral("  Dai   Jones ")})
            REQUIRE(run({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--name"), name}).exitCode ==
                    0);
        REQUIRE(pay(QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("12.50"), QStringLiteral("Tiles; grout"))
                    .exitCode == 0);
        REQUIRE(pay(QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("3"), QStringLiteral("*urgent* (call)"))
                    .exitCode == 0);
        REQUIRE(pay(QStringLiteral("3"), QStringLiteral("1"), QStringLiteral("0.25"), QStringLiteral("Tea  for two"))
                    .exitCode == 0);
        REQUIRE(
            pay(QStringLiteral("4"), QStringLiteral("1"), QStringLiteral("1"), QStringLiteral("Café crème")).exitCode ==
            0);
        auto levy = run({QStringLiteral("levy"), QStringLiteral("--amount"), QStringLiteral("0.5"),
                         QStringLiteral("--memo"), QStringLiteral("Annual levy")});
        INFO(levy.err.toStdString());
        REQUIRE(levy.exitCode == 0);
    }
    hub::test::CliRun run(const QStringList &args) const
    {
        return hubctl(QStringList{QStringLiteral("--db"), db} + args);
    }
    hub::test::CliRun pay(const QString &from, const QString &to, const QString &amount, const QString &memo) const
    {
        return run({QStringLiteral("pay"), QStringLiteral("--from"), from, QStringLiteral("--to"), to,
                    QStringLiteral("--amount"), amount, QStringLiteral("--memo"), memo});
    }
    QString file(const QString &name) const { return dir.filePath(name); }

    /// The journal's account name → balance in minor units, as `account list --json` has it.
    QMap<QString, qint64> expectedBalances() const
    {
        const QMap<QString, QString> journalNames = {
            // The directory keeps one space of the two; the journal escapes ":" and ";".
            {QStringLiteral("Zoë: café; two spaces"), QStringLiteral("assets:members:Zoë- café, two spaces")},
            {QStringLiteral("Bo (plumber)"), QStringLiteral("assets:members:Bo <plumber>")},
            {QStringLiteral("[Cy]"), QStringLiteral("assets:members:<Cy>")},
        };
        auto list = run({QStringLiteral("--json"), QStringLiteral("account"), QStringLiteral("list")});
        REQUIRE(list.exitCode == 0);
        QMap<QString, qint64> out;
        for (const QJsonValue &a : list.json().array()) {
            const qint64 balance = a[QStringLiteral("balance_minor")].toInteger();
            if (balance == 0)
                continue;
            const QString member = a[QStringLiteral("member")].toString();
            // However the directory normalised "  Dai   Jones ", the journal has one plain space.
            const QString name = a[QStringLiteral("hub_account")].toBool() ? QStringLiteral("equity:hub")
                                 : member.contains(QStringLiteral("Dai"))  ? QStringLiteral("assets:members:Dai Jones")
                                                                           : journalNames.value(member);
            INFO("member " << member.toStdString());
            REQUIRE_FALSE(name.isEmpty());
            out.insert(name, balance);
        }
        REQUIRE(out.size() >= 5);
        return out;
    }
};

// "12.50" → 1250 (two decimals)
qint64 minorOf(QString text)
{
    text = text.trimmed();
    const bool negative = text.startsWith(u'-');
    if (negative)
        text.remove(0, 1);
    const QStringList parts = text.split(u'.');
    qint64 minor = parts.at(0).toLongLong() * 100;
    if (parts.size() > 1)
        minor += parts.at(1).leftJustified(2, u'0').left(2).toLongLong();
    return negative ? -minor : minor;
}

// Lines of "account<TAB>quantity" → map
QMap<QString, qint64> parseBalances(const QString &out)
{
    QMap<QString, qint64> balances;
    for (const QString &line : out.split(u'\n', Qt::SkipEmptyParts)) {
        const QStringList parts = line.split(u'\t');
        REQUIRE(parts.size() == 2);
        balances.insert(parts.at(0), minorOf(parts.at(1)));
    }
    return balances;
}

QMap<QString, qint64> hledgerBalances(const QString &journal)
{
    // --strict: every account and commodity is declared; -O csv: machine-readable rows.
    const Tool t =
        runTool(QStringLiteral("/usr/bin/hledger"),
                {QStringLiteral("-f"), journal, QStringLiteral("--strict"), QStringLiteral("bal"),
                 QStringLiteral("--flat"), QStringLiteral("--no-total"), QStringLiteral("-O"), QStringLiteral("csv")});
    INFO("hledger: " << t.err.toStdString() << t.out.toStdString());
    REQUIRE(t.exitCode == 0);
    REQUIRE(t.err.trimmed().isEmpty());
    QString out;
    // "account","12.50 Hours" — account names may hold commas, so split at the last ",".
    for (const QString &line : t.out.split(u'\n', Qt::SkipEmptyParts).mid(1)) {
        const qsizetype split = line.lastIndexOf(QStringLiteral("\",\""));
        REQUIRE(split > 0);
        out += line.mid(1, split - 1) + u'\t' + line.mid(split + 3).section(u' ', 0, 0) + u'\n';
    }
    return parseBalances(out);
}

QMap<QString, qint64> ledgerBalances(const QString &journal)
{
    // --pedantic: an undeclared account or commodity is an error, not a warning.
    const Tool t = runTool(QStringLiteral("/usr/bin/ledger"),
                           {QStringLiteral("-f"), journal, QStringLiteral("--pedantic"), QStringLiteral("bal"),
                            QStringLiteral("--flat"), QStringLiteral("--no-total"), QStringLiteral("--format"),
                            QStringLiteral("%(account)\t%(quantity(scrub(display_total)))\n")});
    INFO("ledger: " << t.err.toStdString() << t.out.toStdString());
    REQUIRE(t.exitCode == 0);
    REQUIRE(t.err.trimmed().isEmpty());
    return parseBalances(t.out);
}

QString tomorrow(int days = 1)
{
    return QDate::currentDate().addDays(days).toString(Qt::ISODate);
}

} // namespace

TEST_CASE("hledger and ledger read the exported journal and balance it as account list does", "[cli][reports][interop]")
{
    Treasury t(QStringLiteral("Time credits"));
    const QString journal = t.file(QStringLiteral("all.journal"));
    auto r = t.run({QStringLiteral("report"), QStringLiteral("journal"), QStringLiteral("--from"),
                    QStringLiteral("2000-01-01"), QStringLiteral("--to"), tomorrow(), QStringLiteral("--format"),
                    QStringLiteral("ledger"), QStringLiteral("-o"), journal});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.isEmpty());
    CHECK(r.err.contains(QStringLiteral("8 transfers written to")));
    const QString text = QString::fromUtf8(hub::test::readBytes(journal));
    INFO(text.toStdString());
    CHECK(text.contains(QStringLiteral("\"Time credits\"")));
    CHECK(text.contains(QStringLiteral("; id:1\n")));
    CHECK_FALSE(text.contains(QStringLiteral("Opening balances")));
    const auto expected = t.expectedBalances();
    CHECK(hledgerBalances(journal) == expected);
    CHECK(ledgerBalances(journal) == expected);
}

TEST_CASE("a journal from a later date opens with the balances and still matches account list",
          "[cli][reports][interop]")
{
    Treasury t;
    const QString journal = t.file(QStringLiteral("later.journal"));
    auto r = t.run({QStringLiteral("report"), QStringLiteral("journal"), QStringLiteral("--from"), tomorrow(),
                    QStringLiteral("--to"), tomorrow(2), QStringLiteral("--format"), QStringLiteral("ledger"),
                    QStringLiteral("-o"), journal});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    const QString text = QString::fromUtf8(hub::test::readBytes(journal));
    CHECK(text.contains(QDate::currentDate().toString(Qt::ISODate) + QStringLiteral(" Opening balances\n")));
    const auto expected = t.expectedBalances();
    CHECK(hledgerBalances(journal) == expected);
    CHECK(ledgerBalances(journal) == expected);
}

TEST_CASE("the trial balance as CSV is read by Python's csv module with accents intact", "[cli][reports][interop]")
{
    Treasury t;
    const QString csv = t.file(QStringLiteral("tb.csv"));
    auto r = t.run({QStringLiteral("report"), QStringLiteral("trial-balance"), QStringLiteral("--format"),
                    QStringLiteral("csv"), QStringLiteral("--excel"), QStringLiteral("-o"), csv});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(hub::test::readBytes(csv).startsWith("\xEF\xBB\xBF"));
    const Tool py =
        runTool(QStringLiteral("/usr/bin/python3"),
                {QStringLiteral("-c"),
                 QStringLiteral("import csv, json, sys\n"
                                "rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8-sig', newline='')))\n"
                                "print(json.dumps(rows))\n"),
                 csv});
    INFO(py.err.toStdString());
    REQUIRE(py.exitCode == 0);
    const QJsonArray rows = QJsonDocument::fromJson(py.out.toUtf8()).array();
    REQUIRE(rows.size() == 5);
    QMap<QString, QString> balance;
    qint64 sum = 0;
    for (const QJsonValue &row : rows) {
        balance.insert(row[QStringLiteral("account")].toString(), row[QStringLiteral("balance")].toString());
        sum += minorOf(row[QStringLiteral("balance")].toString());
    }
    CHECK(sum == 0);
    // Paid Bo 12.50, got 0.25 from Cy and 1 from Dai, paid the 0.50 levy.
    CHECK(balance.value(QStringLiteral("Zoë: café; two spaces")) == QStringLiteral("-11.75"));
    CHECK(balance.value(QStringLiteral("Riverside; Hub (hub)")) == QStringLiteral("2.00"));
}

TEST_CASE("report writes JSON and CSV to standard output without -o", "[cli][reports]")
{
    Treasury t;
    auto json = t.run(
        {QStringLiteral("report"), QStringLiteral("journal"), QStringLiteral("--format"), QStringLiteral("json")});
    INFO(json.err.toStdString());
    REQUIRE(json.exitCode == 0);
    const QJsonObject doc = json.json().object();
    CHECK(doc[QStringLiteral("report")].toString() == QStringLiteral("journal"));
    const QJsonArray rows = doc[QStringLiteral("tables")].toArray().first()[QStringLiteral("rows")].toArray();
    REQUIRE(rows.size() >= 5);
    CHECK(rows.first()[QStringLiteral("payer")].toString() == QStringLiteral("Zoë: café; two spaces"));
    CHECK(rows.first()[QStringLiteral("amount_minor")].toInteger() == 1250);
    CHECK(json.err.contains(QStringLiteral("standard output")));

    auto csv = t.run({QStringLiteral("report"), QStringLiteral("ledger-activity"), QStringLiteral("--format"),
                      QStringLiteral("csv")});
    REQUIRE(csv.exitCode == 0);
    CHECK(csv.out.startsWith(QStringLiteral("month,transfers,volume,active_traders,velocity,near_limit,at_limit,"
                                            "top_categories\r\n")));
}

TEST_CASE("report without --format prints aligned text and with --json the JSON document", "[cli][reports]")
{
    Treasury t;
    auto text = t.run({QStringLiteral("report"), QStringLiteral("trial-balance")});
    INFO(text.err.toStdString());
    REQUIRE(text.exitCode == 0);
    CHECK(text.out.startsWith(QStringLiteral("Trial balance — ")));
    CHECK(text.out.contains(QStringLiteral("Debit  ")));
    CHECK(text.out.contains(QStringLiteral("Debits equal credits")));
    CHECK(text.out.contains(QStringLiteral("Zoë: café; two spaces")));
    CHECK_FALSE(text.err.contains(QStringLiteral("standard output")));
    // Every line of a table has its columns where the header put them.
    const QStringList lines = text.out.split(u'\n');
    const auto header =
        std::find_if(lines.begin(), lines.end(), [](const QString &l) { return l.startsWith(QStringLiteral("No.")); });
    REQUIRE(header != lines.end());
    const qsizetype balanceEnd = header->size();
    const QString total =
        *std::find_if(lines.begin(), lines.end(), [](const QString &l) { return l.contains(QStringLiteral("Total")); });
    CHECK(total.size() == balanceEnd); // the balance column is right-aligned under its title

    auto json = t.run({QStringLiteral("--json"), QStringLiteral("report"), QStringLiteral("trial-balance")});
    REQUIRE(json.exitCode == 0);
    CHECK(json.json().object()[QStringLiteral("report")].toString() == QStringLiteral("trial-balance"));
}

TEST_CASE("report refuses what it cannot do with the exit codes of CLI.md", "[cli][reports]")
{
    Treasury t;
    const QString out = t.file(QStringLiteral("x.out"));
    const auto code = [&](const QStringList &args) {
        auto r = t.run(QStringList{QStringLiteral("--json"), QStringLiteral("report")} + args);
        INFO(r.err.toStdString());
        return std::pair{r.exitCode,
                         r.json().object()[QStringLiteral("error")].toObject()[QStringLiteral("where")].toString()};
    };
    CHECK(code({QStringLiteral("nonsense"), QStringLiteral("--format"), QStringLiteral("csv")}) ==
          std::pair{1, QStringLiteral("NAME")});
    CHECK(code({QStringLiteral("journal"), QStringLiteral("--format"), QStringLiteral("xls")}) ==
          std::pair{1, QStringLiteral("--format")});
    CHECK(code({QStringLiteral("journal"), QStringLiteral("-o"), out}) == std::pair{1, QStringLiteral("--format")});
    CHECK(code({QStringLiteral("ledger-activity"), QStringLiteral("--format"), QStringLiteral("ledger"),
                QStringLiteral("-o"), out}) == std::pair{1, QStringLiteral("--format")});
    CHECK(code({QStringLiteral("trial-balance"), QStringLiteral("--from"), QStringLiteral("2026-01-01"),
                QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("-o"), out}) ==
          std::pair{1, QStringLiteral("--from")});
    CHECK(code({QStringLiteral("journal"), QStringLiteral("--from"), QStringLiteral("2026-02-01"),
                QStringLiteral("--to"), QStringLiteral("2026-01-01"), QStringLiteral("--format"), QStringLiteral("csv"),
                QStringLiteral("-o"), out}) == std::pair{1, QStringLiteral("--from")});
    CHECK(code({QStringLiteral("journal"), QStringLiteral("--from"), QStringLiteral("2026-13-01"),
                QStringLiteral("--format"), QStringLiteral("csv")})
              .first == 1);
    CHECK(
        code({QStringLiteral("journal"), QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--excel")})
            .first == 1);
    CHECK(code({QStringLiteral("journal"), QStringLiteral("--format"), QStringLiteral("pdf")}) ==
          std::pair{1, QStringLiteral("-o")});
    // A refused export leaves no file behind.
    CHECK_FALSE(QFile::exists(out));
    auto missing = hubctl({QStringLiteral("--db"), t.file(QStringLiteral("none.sqlite")), QStringLiteral("report"),
                           QStringLiteral("journal"), QStringLiteral("--format"), QStringLiteral("csv")});
    CHECK(missing.exitCode == 5);
}

TEST_CASE("report with -o and --json prints what it wrote", "[cli][reports]")
{
    Treasury t;
    const QString path = t.file(QStringLiteral("statements.csv"));
    auto r = t.run({QStringLiteral("--json"), QStringLiteral("report"), QStringLiteral("statements"),
                    QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("-o"), path});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    const QJsonObject o = r.json().object();
    CHECK(o[QStringLiteral("report")].toString() == QStringLiteral("statements"));
    CHECK(o[QStringLiteral("format")].toString() == QStringLiteral("csv"));
    CHECK(o[QStringLiteral("tables")].toInt() == 5);
    const QString text = QString::fromUtf8(hub::test::readBytes(path));
    // One sheet: a single header row however many statements.
    CHECK(text.count(QStringLiteral("account,at,transfer,memo")) == 1);
    CHECK(text.contains(QStringLiteral("Opening balance")));
}

namespace {

// Sets an environment variable for the hubctl runs of one scope.
struct Env
{
    QByteArray name;
    Env(const char *n, const QByteArray &value) : name(n) { qputenv(n, value); }
    ~Env() { qunsetenv(name.constData()); }
};

} // namespace

TEST_CASE("a front-desk user is refused every report format with exit 3 and no file", "[cli][reports][access]")
{
    Treasury t;
    const QByteArray adminPhrase = "the treasurer's long phrase";
    const QByteArray deskPhrase = "front desk on tuesdays";
    {
        Env phrase("HUBCTL_PASSPHRASE", adminPhrase);
        REQUIRE(t.run({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("ada"), QStringLiteral("--member"),
                       QStringLiteral("1"), QStringLiteral("--role"), QStringLiteral("admin"), QStringLiteral("--role"),
                       QStringLiteral("treasurer")})
                    .exitCode == 0);
        Env fresh("HUBCTL_NEW_PASSPHRASE", deskPhrase);
        REQUIRE(t.run({QStringLiteral("--user"), QStringLiteral("ada"), QStringLiteral("user"), QStringLiteral("add"),
                       QStringLiteral("bo"), QStringLiteral("--member"), QStringLiteral("2"), QStringLiteral("--role"),
                       QStringLiteral("front-desk")})
                    .exitCode == 0);
    }
    const auto filesBeside = [&] {
        return QDir(t.dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    };
    const QStringList before = filesBeside();
    for (const QString &format :
         {QStringLiteral("csv"), QStringLiteral("json"), QStringLiteral("ledger"), QStringLiteral("pdf")}) {
        const QString out = t.file(QStringLiteral("refused.") + format);
        Env phrase("HUBCTL_PASSPHRASE", deskPhrase);
        auto refused =
            t.run({QStringLiteral("--user"), QStringLiteral("bo"), QStringLiteral("report"),
                   QStringLiteral("trial-balance"), QStringLiteral("--format"), format, QStringLiteral("-o"), out});
        INFO(format.toStdString() << ": " << refused.err.toStdString());
        CHECK(refused.exitCode == 3);
        CHECK(refused.err.contains(QStringLiteral("treasurer")));
        CHECK_FALSE(QFile::exists(out));
        // Standard output gets nothing either.
        if (format != QStringLiteral("pdf")) {
            auto piped = t.run({QStringLiteral("--user"), QStringLiteral("bo"), QStringLiteral("report"),
                                QStringLiteral("journal"), QStringLiteral("--format"), format});
            CHECK(piped.exitCode == 3);
            CHECK(piped.out.isEmpty());
        }
    }
    // Not even a temporary file is left beside the hub (the audit may add its WAL pages, not files).
    QStringList after = filesBeside();
    for (const QString &name : before)
        after.removeAll(name);
    CHECK(after.isEmpty());

    Env phrase("HUBCTL_PASSPHRASE", adminPhrase);
    const QString journal = t.file(QStringLiteral("allowed.journal"));
    auto allowed = t.run({QStringLiteral("--user"), QStringLiteral("ada"), QStringLiteral("report"),
                          QStringLiteral("trial-balance"), QStringLiteral("--format"), QStringLiteral("ledger"),
                          QStringLiteral("-o"), journal});
    INFO(allowed.err.toStdString());
    CHECK(allowed.exitCode == 0);
    CHECK(QFile::exists(journal));
}

TEST_CASE("the trial balance as PDF shows the debit and credit totals the JSON reports", "[cli][reports][interop]")
{
    Treasury t;
    auto json = t.run({QStringLiteral("report"), QStringLiteral("trial-balance"), QStringLiteral("--format"),
                       QStringLiteral("json")});
    INFO(json.err.toStdString());
    REQUIRE(json.exitCode == 0);
    const QJsonObject table = json.json()[QStringLiteral("tables")].toArray().first().toObject();
    const QJsonObject totals = table[QStringLiteral("totals")].toObject();
    const QString debit = totals[QStringLiteral("debit")].toString();
    const QString credit = totals[QStringLiteral("credit")].toString();
    REQUIRE(totals[QStringLiteral("debit_minor")].toInteger() > 0);
    REQUIRE(debit == credit);
    const QString check = table[QStringLiteral("notes")].toArray().first().toString();
    REQUIRE(check.contains(debit));

    const QString pdf = t.file(QStringLiteral("trial-balance.pdf"));
    auto r = t.run({QStringLiteral("report"), QStringLiteral("trial-balance"), QStringLiteral("--format"),
                    QStringLiteral("pdf"), QStringLiteral("-o"), pdf});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(hub::test::readBytes(pdf).startsWith("%PDF-"));
    // -layout keeps each table row on one line: the totals row holds both totals.
    const Tool text =
        runTool(QStringLiteral("/usr/bin/pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    INFO(text.out.toStdString());
    REQUIRE(text.exitCode == 0);
    QString totalsLine;
    for (const QString &line : text.out.split(u'\n'))
        if (line.trimmed().startsWith(QStringLiteral("Total")))
            totalsLine = line.simplified();
    CHECK(totalsLine == QStringLiteral("Total ") + debit + u' ' + credit + QStringLiteral(" 0.00"));
    CHECK(text.out.contains(check));
    // The hub, the report and the date are in the page header.
    CHECK(text.out.contains(QStringLiteral("Riverside; Hub")));
    CHECK(text.out.contains(QStringLiteral("Trial balance")));
}
