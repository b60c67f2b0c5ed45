// SPDX-License-Identifier: GPL-3.0-or-later
// hubctl member import / member export, run as a process.
#include "tests/support/hubctlrunner.h"
#include "tests/support/temphub.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

using hub::test::hubctl;

namespace {

struct Scratch
{
    QTemporaryDir dir;
    QString db = dir.filePath(QStringLiteral("hub.sqlite"));
    QString path(const QString &name) const { return dir.filePath(name); }
    QStringList with(QStringList args) const { return QStringList{QStringLiteral("--db"), db} + args; }
    QString write(const QString &name, const QByteArray &bytes) const
    {
        hub::test::writeBytes(path(name), bytes);
        return path(name);
    }
    void init() const
    {
        const auto r = hubctl(with({QStringLiteral("init"), QStringLiteral("--name"), QStringLiteral("Test hub")}));
        REQUIRE(r.exitCode == 0);
    }
    int members() const
    {
        const auto r = hubctl(with({QStringLiteral("--json"), QStringLiteral("member"), QStringLiteral("export"),
                                    QStringLiteral("--all"), QStringLiteral("--format"), QStringLiteral("json")}));
        REQUIRE(r.exitCode == 0);
        return int(r.json().array().size());
    }
};

const QByteArray goodCsv = "display_name,email,skills,directory_visible,show_email\r\n"
                           "Siân Llŷr,sian@example.org,Guitar:expert,yes,yes\r\n"
                           "Łukasz Żółć,lukasz@example.org,Carpentry,yes,no\r\n"
                           "Hidden Person,hidden@example.org,,no,no\r\n";

const QByteArray badCsv = "display_name,email,status\r\n"
                          "Ann,ann@example.org,active\r\n"
                          ",nobody@example.org,active\r\n"
                          "Bob,bob@@example,active\r\n"
                          "Cat,ann@example.org,sleeping\r\n";

} // namespace

TEST_CASE("member import writes every row and reports JSON with the new ids")
{
    Scratch s;
    s.init();
    const QString file = s.write(QStringLiteral("members.csv"), goodCsv);
    auto r = hubctl(s.with({QStringLiteral("--json"), QStringLiteral("member"), QStringLiteral("import"), file}));
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    const QJsonObject o = r.json().object();
    CHECK(o[QStringLiteral("ok")].toBool());
    CHECK(o[QStringLiteral("rows")].toInt() == 3);
    CHECK(o[QStringLiteral("created")].toInt() == 3);
    CHECK(o[QStringLiteral("ids")].toArray().size() == 3);
    CHECK(s.members() == 3);

    auto again = hubctl(s.with({QStringLiteral("member"), QStringLiteral("import"), file}));
    CHECK(again.exitCode == 2);
    CHECK(again.err.contains(QStringLiteral("duplicate of existing member")));
    CHECK(s.members() == 3);
}

TEST_CASE("member import with bad rows exits 2 lists every bad row and writes nothing")
{
    Scratch s;
    s.init();
    const QString file = s.write(QStringLiteral("bad.csv"), badCsv);
    auto r = hubctl(s.with({QStringLiteral("member"), QStringLiteral("import"), file}));
    CHECK(r.exitCode == 2);
    CHECK(r.out.isEmpty());
    CHECK(r.err.contains(QStringLiteral("row 3, column display_name")));
    CHECK(r.err.contains(QStringLiteral("row 4, column email")));
    CHECK(r.err.contains(QStringLiteral("row 5, column email")));
    CHECK(r.err.contains(QStringLiteral("duplicate of row 2")));
    CHECK(r.err.contains(QStringLiteral("row 5, column status")));
    CHECK(r.err.contains(QStringLiteral("nothing was imported")));
    CHECK(s.members() == 0);

    auto json = hubctl(s.with({QStringLiteral("--json"), QStringLiteral("member"), QStringLiteral("import"), file}));
    CHECK(json.exitCode == 2);
    const QJsonObject o = json.json().object();
    CHECK_FALSE(o[QStringLiteral("ok")].toBool(true));
    CHECK(o[QStringLiteral("rows")].toInt() == 4);
    const QJsonArray problems = o[QStringLiteral("problems")].toArray();
    REQUIRE(problems.size() == 4);
    CHECK(problems[0][QStringLiteral("row")].toInt() == 3);
    CHECK(problems[0][QStringLiteral("column")].toString() == QStringLiteral("display_name"));
    CHECK_FALSE(problems[0][QStringLiteral("message")].toString().isEmpty());
    CHECK(problems[2][QStringLiteral("column")].toString() == QStringLiteral("status"));
    CHECK(problems[3][QStringLiteral("column")].toString() == QStringLiteral("email"));
    CHECK_FALSE(o.contains(QStringLiteral("error")));
    CHECK(s.members() == 0);
}

TEST_CASE("member import --dry-run reports and writes nothing")
{
    Scratch s;
    s.init();
    const QString file = s.write(QStringLiteral("members.csv"), goodCsv);
    const QByteArray before = hub::test::readBytes(s.db) + hub::test::readBytes(s.db + QStringLiteral("-wal"));
    auto r = hubctl(s.with({QStringLiteral("--json"), QStringLiteral("member"), QStringLiteral("import"), file,
                            QStringLiteral("--dry-run")}));
    REQUIRE(r.exitCode == 0);
    const QJsonObject o = r.json().object();
    CHECK(o[QStringLiteral("ok")].toBool());
    CHECK(o[QStringLiteral("dry_run")].toBool());
    CHECK(o[QStringLiteral("rows")].toInt() == 3);
    CHECK(o[QStringLiteral("created")].toInt() == 0);
    CHECK(hub::test::readBytes(s.db) + hub::test::readBytes(s.db + QStringLiteral("-wal")) == before);

    auto bad = hubctl(s.with({QStringLiteral("member"), QStringLiteral("import"), QStringLiteral("--dry-run"),
                              s.write(QStringLiteral("bad.csv"), badCsv)}));
    CHECK(bad.exitCode == 2);
    CHECK(bad.err.contains(QStringLiteral("row 4, column email")));
    CHECK(s.members() == 0);
}

TEST_CASE("member import refuses unreadable files and missing arguments")
{
    Scratch s;
    s.init();
    CHECK(hubctl(s.with({QStringLiteral("member"), QStringLiteral("import")})).exitCode == 1);
    CHECK(hubctl(s.with({QStringLiteral("member"), QStringLiteral("import"), s.path(QStringLiteral("none.csv"))}))
              .exitCode == 4);
    auto utf = hubctl(s.with({QStringLiteral("--json"), QStringLiteral("member"), QStringLiteral("import"),
                              s.write(QStringLiteral("latin1.csv"), "name,email\nJos\xE9,jose@example.org\n")}));
    CHECK(utf.exitCode == 2);
    CHECK(utf.json().object()[QStringLiteral("error")].toObject()[QStringLiteral("where")].toString() ==
          QStringLiteral("line 2"));
    auto empty = hubctl(s.with(
        {QStringLiteral("member"), QStringLiteral("import"), s.write(QStringLiteral("empty.csv"), QByteArray())}));
    CHECK(empty.exitCode == 2);
    CHECK(empty.err.contains(QStringLiteral("empty")));
    // No hub file: refused, not created.
    Scratch fresh;
    CHECK(hubctl(fresh.with(
                     {QStringLiteral("member"), QStringLiteral("import"), s.write(QStringLiteral("ok.csv"), goodCsv)}))
              .exitCode == 5);
    CHECK_FALSE(QFile::exists(fresh.db));
}

TEST_CASE("member export writes the directory or everyone in each format")
{
    Scratch s;
    s.init();
    REQUIRE(hubctl(s.with({QStringLiteral("member"), QStringLiteral("import"),
                           s.write(QStringLiteral("members.csv"), goodCsv)}))
                .exitCode == 0);

    // CSV on stdout by default, consent respected.
    auto csv = hubctl(s.with({QStringLiteral("member"), QStringLiteral("export")}));
    REQUIRE(csv.exitCode == 0);
    CHECK(csv.out.startsWith(QStringLiteral("display_name,kind,")));
    CHECK(csv.out.contains(QStringLiteral("Siân Llŷr")));
    CHECK(csv.out.contains(QStringLiteral("sian@example.org")));
    CHECK_FALSE(csv.out.contains(QStringLiteral("lukasz@example.org")));
    CHECK_FALSE(csv.out.contains(QStringLiteral("Hidden Person")));

    auto json = hubctl(s.with({QStringLiteral("member"), QStringLiteral("export"), QStringLiteral("--format"),
                               QStringLiteral("json"), QStringLiteral("--all")}));
    REQUIRE(json.exitCode == 0);
    const QJsonArray all = json.json().array();
    CHECK(all.size() == 3);

    // To a file: the format follows the suffix; --json describes what was written.
    const QString vcf = s.path(QStringLiteral("members.vcf"));
    auto toFile = hubctl(s.with(
        {QStringLiteral("--json"), QStringLiteral("member"), QStringLiteral("export"), QStringLiteral("-o"), vcf}));
    REQUIRE(toFile.exitCode == 0);
    const QJsonObject o = toFile.json().object();
    CHECK(o[QStringLiteral("format")].toString() == QStringLiteral("vcard"));
    CHECK(o[QStringLiteral("count")].toInt() == 2);
    const QByteArray card = hub::test::readBytes(vcf);
    CHECK(card.startsWith("BEGIN:VCARD\r\nVERSION:4.0\r\n"));
    CHECK(card.count("BEGIN:VCARD") == 2);

    CHECK(hubctl(s.with({QStringLiteral("member"), QStringLiteral("export"), QStringLiteral("--format"),
                         QStringLiteral("xls")}))
              .exitCode == 1);
}

TEST_CASE("member export --all re-imports into a new hub")
{
    Scratch s;
    s.init();
    REQUIRE(hubctl(s.with({QStringLiteral("member"), QStringLiteral("import"),
                           s.write(QStringLiteral("members.csv"), goodCsv)}))
                .exitCode == 0);
    const QString out = s.path(QStringLiteral("all.csv"));
    REQUIRE(hubctl(s.with({QStringLiteral("member"), QStringLiteral("export"), QStringLiteral("--all"),
                           QStringLiteral("-o"), out}))
                .exitCode == 0);

    Scratch t;
    t.init();
    auto r = hubctl(t.with({QStringLiteral("--json"), QStringLiteral("member"), QStringLiteral("import"), out}));
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(r.json().object()[QStringLiteral("created")].toInt() == 3);
    auto a = hubctl(s.with({QStringLiteral("member"), QStringLiteral("export"), QStringLiteral("--all")}));
    auto b = hubctl(t.with({QStringLiteral("member"), QStringLiteral("export"), QStringLiteral("--all")}));
    CHECK(a.out == b.out);
}
