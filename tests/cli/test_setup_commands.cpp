// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/query.h"
#include "tests/support/hubctlrunner.h"
#include "tests/support/temphub.h"
#include "tests/support/testserver.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

using hub::test::hubctl;

namespace {
struct ScratchInSetupCommands
{
    QTemporaryDir dir;
    QString db = dir.filePath(QStringLiteral("hub.sqlite"));
    QString path(const QString &name) const { return dir.filePath(name); }
    QStringList with(QStringList args) const { return QStringList{QStringLiteral("--db"), db} + args; }
};
} // namespace

TEST_CASE("hubctl --help lists every command and exits 0")
{
    auto r = hubctl({QStringLiteral("--help")});
    CHECK(r.exitCode == 0);
    for (const char *c : {"init", "settings", "demo", "check", "backup", "restore"})
        CHECK(r.out.contains(QString::fromLatin1(c)));
    auto v = hubctl({QStringLiteral("--version")});
    CHECK(v.exitCode == 0);
    CHECK(v.out.startsWith(QStringLiteral("hubctl ")));
    auto sub = hubctl({QStringLiteral("init"), QStringLiteral("--help")});
    CHECK(sub.exitCode == 0);
    CHECK(sub.out.contains(QStringLiteral("--timezone")));
}

TEST_CASE("unknown commands and options and missing arguments are usage errors with exit 1")
{
    ScratchInSetupCommands s;
    CHECK(hubctl({}).exitCode == 1);
    auto unknown = hubctl(s.with({QStringLiteral("frobnicate")}));
    CHECK(unknown.exitCode == 1);
    CHECK(unknown.err.contains(QStringLiteral("frobnicate")));
    CHECK(hubctl(s.with({QStringLiteral("init"), QStringLiteral("--colour"), QStringLiteral("red")})).exitCode == 1);
    CHECK(hubctl(s.with({QStringLiteral("backup")})).exitCode == 1);
    CHECK(hubctl({QStringLiteral("--bogus")}).exitCode == 1);
    CHECK_FALSE(QFile::exists(s.db));

    auto json = hubctl(s.with({QStringLiteral("--json"), QStringLiteral("frobnicate")}));
    CHECK(json.exitCode == 1);
    CHECK(json.json().object()[QStringLiteral("error")].toObject()[QStringLiteral("kind")].toString() ==
          QStringLiteral("usage"));
}

TEST_CASE("init creates a hub with the given settings and JSON describes it")
{
    ScratchInSetupCommands s;
    auto r = hubctl(s.with({QStringLiteral("--json"), QStringLiteral("init"), QStringLiteral("--name"),
                            QStringLiteral("Canolfan Gymunedol Aberystwyth"), QStringLiteral("--timezone"),
                            QStringLiteral("Europe/London"), QStringLiteral("--unit"), QStringLiteral("Credits"),
                            QStringLiteral("--decimals"), QStringLiteral("0")}));
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    const QJsonObject o = r.json().object();
    CHECK(o[QStringLiteral("created")].toBool());
    CHECK(o[QStringLiteral("name")].toString() == QStringLiteral("Canolfan Gymunedol Aberystwyth"));
    CHECK(o[QStringLiteral("unit")].toString() == QStringLiteral("Credits"));
    CHECK(o[QStringLiteral("decimals")].toInt() == 0);
    CHECK(QFile::exists(s.db) != hub::test::TestServer::active());

    // Running init again keeps the hub and reports it ready.
    auto again = hubctl(s.with({QStringLiteral("--json"), QStringLiteral("init")}));
    REQUIRE(again.exitCode == 0);
    CHECK_FALSE(again.json().object()[QStringLiteral("created")].toBool());
    CHECK(again.json().object()[QStringLiteral("name")].toString() == QStringLiteral("Canolfan Gymunedol Aberystwyth"));
}

TEST_CASE("init with a bad value exits 2 and creates no file")
{
    ScratchInSetupCommands s;
    auto r = hubctl(s.with({QStringLiteral("--json"), QStringLiteral("init"), QStringLiteral("--timezone"),
                            QStringLiteral("Mars/Olympus")}));
    CHECK(r.exitCode == 2);
    const QJsonObject e = r.json().object()[QStringLiteral("error")].toObject();
    CHECK(e[QStringLiteral("kind")].toString() == QStringLiteral("invalid"));
    CHECK(e[QStringLiteral("where")].toString() == QStringLiteral("--timezone"));
    CHECK(r.err.contains(QStringLiteral("Mars/Olympus")));
    CHECK_FALSE(QFile::exists(s.db));
}

TEST_CASE("commands other than init and demo refuse a missing hub file with exit 5", "[sqlite]")
{
    ScratchInSetupCommands s;
    for (const QStringList &args :
         {QStringList{QStringLiteral("check")}, QStringList{QStringLiteral("settings"), QStringLiteral("show")},
          QStringList{QStringLiteral("backup"), s.path(QStringLiteral("b.sqlite"))},
          QStringList{QStringLiteral("restore"), s.path(QStringLiteral("b.sqlite"))}}) {
        auto r = hubctl(s.with(args));
        INFO(args.join(u' ').toStdString());
        CHECK(r.exitCode == 5);
        CHECK(r.err.contains(QStringLiteral("no hub file")));
    }
    CHECK_FALSE(QFile::exists(s.db));
}

TEST_CASE("a file that is not a hub is refused with exit 5 and left as it was")
{
    ScratchInSetupCommands s;
    hub::test::writeBytes(s.db, "name,email\nAda,ada@example.org\n");
    auto r = hubctl(s.with({QStringLiteral("--json"), QStringLiteral("check")}));
    CHECK(r.exitCode == 5);
    CHECK(r.json().object()[QStringLiteral("error")].toObject()[QStringLiteral("kind")].toString() ==
          QStringLiteral("storage"));
    CHECK(hub::test::readBytes(s.db) == "name,email\nAda,ada@example.org\n");
}

TEST_CASE("settings show and set work and a bad value exits 2 naming the key")
{
    ScratchInSetupCommands s;
    REQUIRE(hubctl(s.with({QStringLiteral("init")})).exitCode == 0);
    auto set = hubctl(s.with({QStringLiteral("--json"), QStringLiteral("settings"), QStringLiteral("set"),
                              QStringLiteral("default_limit_min"), QStringLiteral("-40")}));
    REQUIRE(set.exitCode == 0);
    CHECK(set.json().object()[QStringLiteral("default_limit_min")].toString() == QStringLiteral("-40.00"));
    CHECK(set.json().object()[QStringLiteral("default_limit_min_minor")].toInteger() == -4000);

    auto bad = hubctl(s.with({QStringLiteral("--json"), QStringLiteral("settings"), QStringLiteral("set"),
                              QStringLiteral("default_limit_min"), QStringLiteral("-40.001")}));
    CHECK(bad.exitCode == 2);
    CHECK(bad.json().object()[QStringLiteral("error")].toObject()[QStringLiteral("where")].toString() ==
          QStringLiteral("default_limit_min"));
    CHECK(hubctl(s.with({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("colour"),
                         QStringLiteral("red")}))
              .exitCode == 1);

    auto show = hubctl(s.with({QStringLiteral("settings"), QStringLiteral("show")}));
    CHECK(show.exitCode == 0);
    CHECK(show.out.contains(QStringLiteral("-40.00")));
    // --json may also come after the command.
    auto jsonAfter = hubctl(s.with({QStringLiteral("settings"), QStringLiteral("show"), QStringLiteral("--json")}));
    CHECK(jsonAfter.json().object()[QStringLiteral("unit")].toString() == QStringLiteral("Hours"));
}

TEST_CASE("check passes on a good hub and exits 5 with a list on a broken one")
{
    ScratchInSetupCommands s;
    REQUIRE(hubctl(s.with({QStringLiteral("init")})).exitCode == 0);
    auto ok = hubctl(s.with({QStringLiteral("--json"), QStringLiteral("check")}));
    CHECK(ok.exitCode == 0);
    CHECK(ok.json().object()[QStringLiteral("ok")].toBool());
    CHECK(ok.json().object()[QStringLiteral("checks")].toArray().size() >= 2);

    // A settings value only a hand-edit of the file could produce.
    {
        auto hub = hub::Hub::open(hub::test::hubOnTestBackend(s.db));
        REQUIRE(hub);
        hub::Query q((*hub)->database(), QStringLiteral("UPDATE settings SET value = 'Mars/Olympus' "
                                                        "WHERE key = 'timezone'"));
        REQUIRE(q.exec());
    }
    auto bad = hubctl(s.with({QStringLiteral("--json"), QStringLiteral("check")}));
    CHECK(bad.exitCode == 5);
    const QJsonArray findings = bad.json().object()[QStringLiteral("findings")].toArray();
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].toObject()[QStringLiteral("where")].toString() == QStringLiteral("timezone"));
    CHECK_FALSE(bad.json().object()[QStringLiteral("quick")].toBool());

    // The daily quick check runs every domain check too, and says what it left out.
    auto quick = hubctl(s.with({QStringLiteral("--json"), QStringLiteral("check"), QStringLiteral("--quick")}));
    CHECK(quick.exitCode == 5);
    CHECK(quick.json().object()[QStringLiteral("quick")].toBool());
    CHECK(quick.json().object()[QStringLiteral("findings")].toArray().size() == 1);
    auto quickText = hubctl(s.with({QStringLiteral("check"), QStringLiteral("--quick")}));
    CHECK(quickText.out.contains(QStringLiteral("did not compare the indexes")));
}

TEST_CASE("backup then restore brings the hub back and keeps the replaced file")
{
    ScratchInSetupCommands s;
    REQUIRE(hubctl(s.with({QStringLiteral("init"), QStringLiteral("--name"), QStringLiteral("Kept Hub")})).exitCode ==
            0);
    const QString copy = s.path(QStringLiteral("copy.sqlite"));
    auto b = hubctl(s.with({QStringLiteral("--json"), QStringLiteral("backup"), copy}));
    REQUIRE(b.exitCode == 0);
    CHECK(b.json().object()[QStringLiteral("bytes")].toInteger() > 0);
    CHECK(hubctl(s.with({QStringLiteral("backup"), copy})).exitCode == 2); // never overwrites

    REQUIRE(hubctl(s.with({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("name"),
                           QStringLiteral("Changed Hub")}))
                .exitCode == 0);
    auto r = hubctl(s.with({QStringLiteral("--json"), QStringLiteral("restore"), copy}));
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    const QString kept = r.json().object()[QStringLiteral("kept")].toString();
    CHECK(kept.contains(QStringLiteral(".before-restore-")));
    CHECK(QFile::exists(kept));
    auto show = hubctl(s.with({QStringLiteral("--json"), QStringLiteral("settings"), QStringLiteral("show")}));
    CHECK(show.json().object()[QStringLiteral("name")].toString() == QStringLiteral("Kept Hub"));

    const QString junk = s.path(QStringLiteral("junk.sqlite"));
    hub::test::writeBytes(junk, "junk");
    CHECK(hubctl(s.with({QStringLiteral("restore"), junk})).exitCode == 2);
    CHECK(hubctl(s.with({QStringLiteral("restore"), s.path(QStringLiteral("none.sqlite"))})).exitCode == 4);
}

TEST_CASE("demo makes a new hub and is deterministic for a seed and refuses an existing file")
{
    ScratchInSetupCommands s;
    const QString a = s.path(QStringLiteral("a.sqlite"));
    const QString b = s.path(QStringLiteral("b.sqlite"));
    auto ra = hubctl({QStringLiteral("--db"), a, QStringLiteral("--json"), QStringLiteral("demo"),
                      QStringLiteral("--seed"), QStringLiteral("5")});
    auto rb = hubctl({QStringLiteral("--db"), b, QStringLiteral("--json"), QStringLiteral("demo"),
                      QStringLiteral("--seed"), QStringLiteral("5")});
    REQUIRE(ra.exitCode == 0);
    REQUIRE(rb.exitCode == 0);
    CHECK(ra.err.contains(QStringLiteral("demo:"))); // progress for people on stderr
    CHECK(ra.json().object()[QStringLiteral("name")] == rb.json().object()[QStringLiteral("name")]);
    CHECK(hubctl({QStringLiteral("--db"), a, QStringLiteral("check")}).exitCode == 0);

    CHECK(hubctl({QStringLiteral("--db"), a, QStringLiteral("demo")}).exitCode == 3);
    CHECK(hubctl(s.with({QStringLiteral("demo"), QStringLiteral("--scale"), QStringLiteral("village")})).exitCode == 1);
    CHECK(hubctl(s.with({QStringLiteral("demo"), QStringLiteral("--seed"), QStringLiteral("-3")})).exitCode == 1);
    CHECK_FALSE(QFile::exists(s.db));
}
