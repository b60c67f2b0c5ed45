// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/hubctlrunner.h"
#include "tests/support/temphub.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

using hub::test::hubctl;

namespace {
struct Hubfile
{
    QTemporaryDir dir;
    QString db = dir.filePath(QStringLiteral("hub.sqlite"));
    Hubfile() { REQUIRE(hubctl({QStringLiteral("--db"), db, QStringLiteral("init")}).exitCode == 0); }
    hub::test::CliRun run(const QStringList &args) const
    {
        return hubctl(QStringList{QStringLiteral("--db"), db, QStringLiteral("--json")} + args);
    }
};
QJsonObject errorOf(const hub::test::CliRun &r)
{
    return r.json().object()[QStringLiteral("error")].toObject();
}
} // namespace

TEST_CASE("member add creates a member with skills and offers and needs and prints it as JSON")
{
    Hubfile h;
    auto r = h.run({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--name"),
                    QStringLiteral("Łucja Wiśniewska"), QStringLiteral("--email"), QStringLiteral("lucja@example.org"),
                    QStringLiteral("--postcode"), QStringLiteral("cf24 3aa"), QStringLiteral("--skill"),
                    QStringLiteral("Polish:expert"), QStringLiteral("--skill"), QStringLiteral("Sewing"),
                    QStringLiteral("--offer"), QStringLiteral("Polish: conversation classes"), QStringLiteral("--need"),
                    QStringLiteral("Help with a CV")});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    const QJsonObject m = r.json().object();
    CHECK(m[QStringLiteral("id")].toInt() == 1);
    CHECK(m[QStringLiteral("display_name")].toString() == QStringLiteral("Łucja Wiśniewska"));
    CHECK(m[QStringLiteral("postcode")].toString() == QStringLiteral("CF24 3AA"));
    CHECK(m[QStringLiteral("skills")].toArray().size() == 2);
    CHECK(m[QStringLiteral("offers")].toArray()[0][QStringLiteral("skill")].toString() == QStringLiteral("Polish"));
    CHECK(m[QStringLiteral("needs")].toArray()[0][QStringLiteral("description")].toString() ==
          QStringLiteral("Help with a CV"));

    auto shown = h.run({QStringLiteral("member"), QStringLiteral("show"), QStringLiteral("LUCJA@example.org")});
    CHECK(shown.exitCode == 0);
    CHECK(shown.json().object()[QStringLiteral("id")].toInt() == 1);
}

TEST_CASE("member add with bad input exits 2 naming the option and writes nothing")
{
    Hubfile h;
    auto bad = h.run({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("A"),
                      QStringLiteral("--email"), QStringLiteral("not-an-email")});
    CHECK(bad.exitCode == 2);
    CHECK(errorOf(bad)[QStringLiteral("where")].toString() == QStringLiteral("--email"));
    // A bad offer after a good member: nothing at all is written.
    auto offer = h.run({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("B"),
                        QStringLiteral("--offer"), QStringLiteral("Guitar:   ")});
    CHECK(offer.exitCode == 2);
    CHECK(h.run({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--skill"), QStringLiteral("X")})
              .exitCode == 1);
    CHECK(h.run({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("C"),
                 QStringLiteral("--skill"), QStringLiteral("Guitar:wizard")})
              .exitCode == 2);
    CHECK(h.run({QStringLiteral("member"), QStringLiteral("list")}).json().array().isEmpty());

    const auto d = h.run({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--name"),
                          QStringLiteral("D"), QStringLiteral("--email"), QStringLiteral("d@example.org")});
    REQUIRE(d.exitCode == 0);
    // (A server's numbers may skip those of the writes refused above.)
    const int id = d.json().object()[QStringLiteral("id")].toInt();
    auto dup = h.run({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("E"),
                      QStringLiteral("--email"), QStringLiteral("D@EXAMPLE.org")});
    CHECK(dup.exitCode == 2);
    CHECK(errorOf(dup)[QStringLiteral("message")].toString().contains(QStringLiteral("#%1").arg(id)));
}

TEST_CASE("member list searches with accents and filters and unknown members exit 4")
{
    Hubfile h;
    for (const QString &name :
         {QStringLiteral("Zoë Adébáyọ̀"), QStringLiteral("Ciarán Murphy"), QStringLiteral("Şule Çelik")})
        REQUIRE(h.run({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--name"), name}).exitCode == 0);
    REQUIRE(h.run({QStringLiteral("member"), QStringLiteral("edit"), QStringLiteral("2"), QStringLiteral("--status"),
                   QStringLiteral("lapsed")})
                .exitCode == 0);
    auto zoe = h.run(
        {QStringLiteral("member"), QStringLiteral("list"), QStringLiteral("--search"), QStringLiteral("adebayo")});
    REQUIRE(zoe.json().array().size() == 1);
    CHECK(zoe.json().array()[0][QStringLiteral("display_name")].toString() == QStringLiteral("Zoë Adébáyọ̀"));
    auto sule = h.run(
        {QStringLiteral("member"), QStringLiteral("list"), QStringLiteral("--search"), QStringLiteral("sule cel")});
    CHECK(sule.json().array().size() == 1);
    auto lapsed =
        h.run({QStringLiteral("member"), QStringLiteral("list"), QStringLiteral("--status"), QStringLiteral("lapsed")});
    REQUIRE(lapsed.json().array().size() == 1);
    CHECK(lapsed.json().array()[0][QStringLiteral("lapsed_on")].isString());
    CHECK(h.run({QStringLiteral("member"), QStringLiteral("list"), QStringLiteral("--status"), QStringLiteral("gone")})
              .exitCode == 1);
    CHECK(h.run({QStringLiteral("member"), QStringLiteral("show"), QStringLiteral("99")}).exitCode == 4);
    CHECK(h.run({QStringLiteral("member"), QStringLiteral("edit"), QStringLiteral("nobody@example.org")}).exitCode ==
          4);
    CHECK(h.run({QStringLiteral("member")}).exitCode == 1);

    // People get an aligned table.
    auto people = hubctl({QStringLiteral("--db"), h.db, QStringLiteral("member"), QStringLiteral("list")});
    CHECK(people.out.startsWith(QStringLiteral("ID")));
    CHECK(people.out.contains(QStringLiteral("Ciarán Murphy")));
}

TEST_CASE("match lists offers for needs with reasons and skill merge joins two skills")
{
    Hubfile h;
    REQUIRE(h.run({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Needer"),
                   QStringLiteral("--need"), QStringLiteral("Bike repair: fix my gears")})
                .exitCode == 0);
    REQUIRE(h.run({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Fixer"),
                   QStringLiteral("--offer"), QStringLiteral("Bicycle maintenance: gears and brakes")})
                .exitCode == 0);
    auto m = h.run({QStringLiteral("match")});
    REQUIRE(m.exitCode == 0);
    REQUIRE(m.json().array().size() == 1);
    CHECK(m.json().array()[0][QStringLiteral("reasons")].toArray()[0].toString().contains(QStringLiteral("gears")));

    REQUIRE(h.run({QStringLiteral("skill"), QStringLiteral("merge"), QStringLiteral("Bicycle maintenance"),
                   QStringLiteral("bike REPAIR")})
                .exitCode == 0);
    auto after = h.run({QStringLiteral("match"), QStringLiteral("--member"), QStringLiteral("1")});
    CHECK(after.json().array()[0][QStringLiteral("same_skill")].toBool());
    auto skills = h.run({QStringLiteral("skill"), QStringLiteral("list")});
    REQUIRE(skills.json().array().size() == 1);
    CHECK(
        h.run({QStringLiteral("skill"), QStringLiteral("merge"), QStringLiteral("Nope"), QStringLiteral("Bike repair")})
            .exitCode == 4);
}

TEST_CASE("member data writes the subject access file and member forget erases the person")
{
    Hubfile h;
    REQUIRE(h.run({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--name"),
                   QStringLiteral("Róisín Byrne"), QStringLiteral("--email"), QStringLiteral("roisin@example.ie"),
                   QStringLiteral("--skill"), QStringLiteral("Gardening")})
                .exitCode == 0);
    const QString file = h.dir.filePath(QStringLiteral("roisin.json"));
    CHECK(h.run({QStringLiteral("member"), QStringLiteral("data"), QStringLiteral("1")}).exitCode == 1); // -o required
    auto data = h.run({QStringLiteral("member"), QStringLiteral("data"), QStringLiteral("roisin@example.ie"),
                       QStringLiteral("-o"), file});
    REQUIRE(data.exitCode == 0);
    const QJsonObject doc = QJsonDocument::fromJson(hub::test::readBytes(file)).object();
    CHECK(doc[QStringLiteral("member")].toObject()[QStringLiteral("email")].toString() ==
          QStringLiteral("roisin@example.ie"));
    CHECK(doc[QStringLiteral("skills")].toArray().size() == 1);
    CHECK(doc[QStringLiteral("subject_access")].toObject()[QStringLiteral("sections")].toArray().size() >= 5);

    auto forget = h.run({QStringLiteral("member"), QStringLiteral("forget"), QStringLiteral("1")});
    REQUIRE(forget.exitCode == 0);
    CHECK(forget.json().object()[QStringLiteral("display_name")].toString() == QStringLiteral("Former member #1"));
    CHECK(h.run({QStringLiteral("member"), QStringLiteral("forget"), QStringLiteral("1")}).exitCode == 3);
    CHECK(h.run({QStringLiteral("member"), QStringLiteral("show"), QStringLiteral("roisin@example.ie")}).exitCode == 4);
    CHECK(h.run({QStringLiteral("check")}).exitCode == 0);
}
