// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/textfold.h"
#include "core/demo/demogenerator.h"
#include "core/members/listingservice.h"
#include "core/members/memberdemopart.h"
#include "core/members/memberservice.h"
#include "core/members/skillservice.h"
#include "core/storage/integritychecker.h"
#include "core/storage/query.h"
#include "core/storage/transaction.h"
#include "tests/support/querydigest.h"
#include "tests/support/temphub.h"

#include <QSet>

#include <algorithm>

using namespace hub;
using hub::test::digest;
using hub::test::TempHub;

namespace {
// Names and e-mails in id order: what "the same data" means for a person reading the list.
const QString DemoMembers = QStringLiteral("SELECT display_name, email FROM members ORDER BY id");

/// Runs the members part alone, inside one transaction as DemoGenerator does,
/// so what other parts add (the ledger's hub account, ...) never changes these counts.
void runDemo(TempHub &t, DemoScale scale, quint32 seed)
{
    MemberDemoPart part;
    DemoContext context({scale, seed}, part.name(), {});
    auto tx = Transaction::begin(t->database());
    REQUIRE(tx);
    auto ok = part.generate(t.hub(), context);
    INFO((ok ? QString() : ok.error().text()).toStdString());
    REQUIRE(ok);
    REQUIRE(tx->commit());
}

QList<Member> allMembers(TempHub &t)
{
    auto all = t->members().list({});
    REQUIRE(all);
    return *all;
}

int countRows(TempHub &t, const QString &sql)
{
    Query q(t->database(), sql);
    auto v = q.scalar();
    REQUIRE(v);
    return v->toInt();
}

} // namespace

TEST_CASE("the small demo makes 60 members with skills and offers and needs and organisations")
{
    TempHub t;
    runDemo(t, DemoScale::Small, 1);
    CHECK(*t->members().count({}) == 60);
    CHECK(MemberDemoPart::memberCount(DemoScale::Town) == 3000);
    CHECK(MemberDemoPart::memberCount(DemoScale::City) == 100000);

    MemberFilter organisations;
    organisations.kind = MemberKind::Organisation;
    const auto orgs = t->members().list(organisations);
    REQUIRE(orgs);
    REQUIRE(orgs->size() == MemberDemoPart::organisationCount(DemoScale::Small));
    for (const Member &org : *orgs) {
        CHECK_FALSE(org.website.isEmpty());
        const auto contacts = t->members().contacts(org.id);
        REQUIRE(contacts);
        CHECK_FALSE(contacts->isEmpty());
    }

    const auto skills = t->skills().list();
    REQUIRE(skills);
    CHECK(skills->size() >= 40);
    int used = 0;
    QSet<QString> categories;
    for (const Skill &s : *skills) {
        used += s.memberCount > 0 ? 1 : 0;
        categories.insert(s.category);
    }
    CHECK(used >= 15);
    CHECK(categories.size() >= 8);
    CHECK_FALSE(categories.contains(QString()));

    CHECK(countRows(t, QStringLiteral("SELECT count(*) FROM offers")) >= 15);
    CHECK(countRows(t, QStringLiteral("SELECT count(*) FROM needs")) >= 10);
    CHECK(countRows(t, QStringLiteral("SELECT count(DISTINCT description) FROM offers")) >= 10);
    // Statuses and consent vary as in a real hub.
    CHECK(countRows(t, QStringLiteral("SELECT count(*) FROM members WHERE status = 'active'")) >= 40);
    CHECK(countRows(t, QStringLiteral("SELECT count(*) FROM members WHERE status <> 'active'")) >= 1);
    CHECK(countRows(t, QStringLiteral("SELECT count(*) FROM members WHERE directory_visible = 0")) >= 1);
    CHECK(countRows(t, QStringLiteral("SELECT count(*) FROM members WHERE email = ''")) >= 1);
}

TEST_CASE("the member demo is identical for the same seed")
{
    TempHub a;
    TempHub b;
    runDemo(a, DemoScale::Small, 42);
    runDemo(b, DemoScale::Small, 42);
    CHECK(digest(a, DemoMembers) == digest(b, DemoMembers));
    CHECK(countRows(a, QStringLiteral("SELECT count(*) FROM offers")) ==
          countRows(b, QStringLiteral("SELECT count(*) FROM offers")));
}

TEST_CASE("the member demo differs between seeds")
{
    TempHub a;
    TempHub b;
    runDemo(a, DemoScale::Small, 1);
    runDemo(b, DemoScale::Small, 2);
    CHECK(digest(a, DemoMembers) != digest(b, DemoMembers));
}

TEST_CASE("demo member names include accented and non-ASCII letters and are found without them")
{
    TempHub t;
    runDemo(t, DemoScale::Small, 1);
    int nonAscii = 0;
    for (const Member &m : allMembers(t)) {
        for (QChar c : m.displayName)
            if (c.unicode() > 127) {
                ++nonAscii;
                break;
            }
    }
    CHECK(nonAscii >= 6);
    // Whatever the accents, the plain spelling finds the member.
    const Member &accented = [&]() -> Member {
        for (const Member &m : allMembers(t))
            if (m.kind == MemberKind::Person && TextFold::fold(m.givenName) != m.givenName.toCaseFolded())
                return m;
        FAIL("no accented given name");
        return {};
    }();
    MemberFilter f;
    f.search = TextFold::fold(accented.givenName);
    const auto found = t->members().list(f);
    REQUIRE(found);
    CHECK(std::any_of(found->cbegin(), found->cend(), [&](const Member &m) { return m.id == accented.id; }));
}

TEST_CASE("demo e-mails are valid and unique and some members have none", "[bulk]")
{
    TempHub t;
    runDemo(t, DemoScale::Town, 3);
    QSet<QString> seen;
    int without = 0;
    for (const Member &m : allMembers(t)) {
        if (m.email.isEmpty()) {
            ++without;
            continue;
        }
        INFO(m.email.toStdString());
        CHECK(MemberService::validate(m));
        for (QChar c : m.email)
            CHECK(c.unicode() < 128);
        CHECK_FALSE(seen.contains(m.email.toCaseFolded()));
        seen.insert(m.email.toCaseFolded());
    }
    CHECK(*t->members().count({}) == 3000);
    CHECK(without > 0);
    CHECK(seen.size() > 2000);
}

TEST_CASE("the hub passes its integrity checks after the member demo")
{
    TempHub t;
    // The whole demo, every part, as hubctl demo makes it.
    auto ran = t->demo().run(t.hub(), {DemoScale::Small, 9});
    INFO((ran ? QString() : ran.error().text()).toStdString());
    REQUIRE(ran);
    REQUIRE(*t->members().count({}) >= 60);
    const QList<Finding> findings = t->integrity().runAll();
    for (const Finding &f : findings)
        UNSCOPED_INFO((f.area + QStringLiteral(": ") + f.message).toStdString());
    CHECK(findings.isEmpty());
}

TEST_CASE("a member demo cancelled half way writes no members")
{
    TempHub t;
    auto r = t->demo().run(t.hub(), {DemoScale::Small, 1}, [](const DemoProgress &p) {
        return p.part != QStringLiteral("members") || p.done < p.total / 2;
    });
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::Refused);
    CHECK(*t->members().count({}) == 0);
    CHECK(countRows(t, QStringLiteral("SELECT count(*) FROM skills")) == 0);
}
