// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/hubctlrunner.h"
#include "tests/support/temphub.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>

using hub::test::hubctl;

namespace {

const QByteArray AdminPhrase = "correct horse battery staple";
const QByteArray DeskPhrase = "front desk on tuesdays";

// Sets an environment variable for the hubctl runs of one scope.
struct Env
{
    QByteArray name;
    Env(const char *n, const QByteArray &value) : name(n) { qputenv(n, value); }
    ~Env() { qunsetenv(name.constData()); }
};

struct Desk
{
    QTemporaryDir dir;
    QString db = dir.filePath(QStringLiteral("hub.sqlite"));
    Desk()
    {
        REQUIRE(hubctl({QStringLiteral("--db"), db, QStringLiteral("init")}).exitCode == 0);
        for (const QString &who : {QStringLiteral("ada"), QStringLiteral("bo"), QStringLiteral("cy")})
            REQUIRE(run({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--name"), who.toUpper(),
                         QStringLiteral("--email"), who + QStringLiteral("@example.org")})
                        .exitCode == 0);
        // The implicit admin creates the first admin; the passphrase comes from the environment.
        Env phrase("HUBCTL_PASSPHRASE", AdminPhrase);
        REQUIRE(run({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("ada"), QStringLiteral("--member"),
                     QStringLiteral("ada@example.org"), QStringLiteral("--role"), QStringLiteral("admin"),
                     QStringLiteral("--role"), QStringLiteral("treasurer")})
                    .exitCode == 0);
    }
    hub::test::CliRun run(const QStringList &args) const
    {
        return hubctl(QStringList{QStringLiteral("--db"), db, QStringLiteral("--json")} + args);
    }
    hub::test::CliRun as(const QString &user, const QByteArray &phrase, const QStringList &args) const
    {
        Env env("HUBCTL_PASSPHRASE", phrase);
        return hubctl(
            QStringList{QStringLiteral("--db"), db, QStringLiteral("--user"), user, QStringLiteral("--json")} + args);
    }
    void addDesk() const
    {
        Env fresh("HUBCTL_NEW_PASSPHRASE", DeskPhrase);
        REQUIRE(as(QStringLiteral("ada"), AdminPhrase,
                   {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("bo"), QStringLiteral("--member"),
                    QStringLiteral("bo@example.org"), QStringLiteral("--role"), QStringLiteral("front-desk")})
                    .exitCode == 0);
    }
};

} // namespace

TEST_CASE("a hub with users refuses hubctl without --user and exit code 3", "[cli][access]")
{
    Desk d;
    auto refused = d.run({QStringLiteral("member"), QStringLiteral("list")});
    CHECK(refused.exitCode == 3);
    CHECK(refused.err.contains(QStringLiteral("--user")));
}

TEST_CASE("hubctl --user signs in with HUBCTL_PASSPHRASE and a wrong one exits 3 and is audited", "[cli][access]")
{
    Desk d;
    auto listed = d.as(QStringLiteral("ada"), AdminPhrase, {QStringLiteral("user"), QStringLiteral("list")});
    REQUIRE(listed.exitCode == 0);
    const QJsonArray users = listed.json()[QStringLiteral("users")].toArray();
    REQUIRE(users.size() == 1);
    CHECK(users[0][QStringLiteral("name")].toString() == QStringLiteral("ada"));
    CHECK(users[0][QStringLiteral("roles")].toArray().size() == 2);

    auto wrong = d.as(QStringLiteral("ada"), "not the passphrase", {QStringLiteral("user"), QStringLiteral("list")});
    CHECK(wrong.exitCode == 3);
    auto trail = d.as(QStringLiteral("ada"), AdminPhrase,
                      {QStringLiteral("audit"), QStringLiteral("--action"), QStringLiteral("user.sign-in-failed")});
    REQUIRE(trail.exitCode == 0);
    const QJsonArray entries = trail.json()[QStringLiteral("entries")].toArray();
    REQUIRE(entries.size() == 1);
    CHECK(entries[0][QStringLiteral("user")].toString() == QStringLiteral("ada"));
}

TEST_CASE("a front-desk user is refused treasurer work with exit 3 naming who may", "[cli][access]")
{
    Desk d;
    d.addDesk();
    auto paid = d.as(QStringLiteral("bo"), DeskPhrase,
                     {QStringLiteral("pay"), QStringLiteral("--from"), QStringLiteral("bo@example.org"),
                      QStringLiteral("--to"), QStringLiteral("cy@example.org"), QStringLiteral("--amount"),
                      QStringLiteral("1"), QStringLiteral("--memo"), QStringLiteral("Help with a shelf")});
    REQUIRE(paid.exitCode == 0);
    const qint64 id = paid.json()[QStringLiteral("id")].toInteger();
    REQUIRE(id > 0);
    auto reversed = d.as(QStringLiteral("bo"), DeskPhrase, {QStringLiteral("reverse"), QString::number(id)});
    CHECK(reversed.exitCode == 3);
    CHECK(reversed.err.contains(QStringLiteral("Only a treasurer may reverse transfers.")));
    auto settings =
        d.as(QStringLiteral("bo"), DeskPhrase,
             {QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("name"), QStringLiteral("X")});
    CHECK(settings.exitCode == 3);
    auto byTreasurer = d.as(QStringLiteral("ada"), AdminPhrase, {QStringLiteral("reverse"), QString::number(id)});
    CHECK(byTreasurer.exitCode == 0);

    auto trail = d.as(QStringLiteral("ada"), AdminPhrase,
                      {QStringLiteral("audit"), QStringLiteral("--user"), QStringLiteral("bo"),
                       QStringLiteral("--action"), QStringLiteral("transfer")});
    REQUIRE(trail.exitCode == 0);
    const QJsonArray entries = trail.json()[QStringLiteral("entries")].toArray();
    REQUIRE(entries.size() == 1);
    CHECK(entries[0][QStringLiteral("action")].toString() == QStringLiteral("transfer.post"));
    CHECK(entries[0][QStringLiteral("entity_id")].toInteger() == id);
}

TEST_CASE("user role, passwd and remove manage users and refuse the last admin", "[cli][access]")
{
    Desk d;
    d.addDesk();
    auto role = d.as(QStringLiteral("ada"), AdminPhrase,
                     {QStringLiteral("user"), QStringLiteral("role"), QStringLiteral("bo"), QStringLiteral("--add"),
                      QStringLiteral("facilitator")});
    REQUIRE(role.exitCode == 0);
    CHECK(role.json()[QStringLiteral("roles")].toArray().size() == 2);
    CHECK(d.as(QStringLiteral("ada"), AdminPhrase,
               {QStringLiteral("user"), QStringLiteral("role"), QStringLiteral("bo"), QStringLiteral("--add"),
                QStringLiteral("boss")})
              .exitCode == 1);
    {
        Env fresh("HUBCTL_NEW_PASSPHRASE", "a brand new desk phrase");
        CHECK(d.as(QStringLiteral("bo"), DeskPhrase,
                   {QStringLiteral("user"), QStringLiteral("passwd"), QStringLiteral("bo")})
                  .exitCode == 0);
    }
    CHECK(d.as(QStringLiteral("bo"), DeskPhrase, {QStringLiteral("user"), QStringLiteral("list")}).exitCode == 3);
    CHECK(d.as(QStringLiteral("bo"), "a brand new desk phrase",
               {QStringLiteral("user"), QStringLiteral("remove"), QStringLiteral("ada")})
              .exitCode == 3);
    CHECK(d.as(QStringLiteral("ada"), AdminPhrase,
               {QStringLiteral("user"), QStringLiteral("remove"), QStringLiteral("ada")})
              .exitCode == 3);
    CHECK(d.as(QStringLiteral("ada"), AdminPhrase,
               {QStringLiteral("user"), QStringLiteral("remove"), QStringLiteral("bo")})
              .exitCode == 0);
    CHECK(d.as(QStringLiteral("ada"), AdminPhrase,
               {QStringLiteral("user"), QStringLiteral("remove"), QStringLiteral("bo")})
              .exitCode == 4);
}

TEST_CASE("a short passphrase for a new user is invalid input, exit 2", "[cli][access]")
{
    Desk d;
    Env fresh("HUBCTL_NEW_PASSPHRASE", "short");
    auto added = d.as(QStringLiteral("ada"), AdminPhrase,
                      {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("cy"), QStringLiteral("--member"),
                       QStringLiteral("cy@example.org"), QStringLiteral("--role"), QStringLiteral("front-desk")});
    CHECK(added.exitCode == 2);
    CHECK(added.err.contains(QStringLiteral("10")));
}

TEST_CASE("check catches a tampered audit row and a restored backup keeps its users", "[cli][audit][sqlite]")
{
    Desk d;
    const QString copy = d.dir.filePath(QStringLiteral("copy.sqlite"));
    REQUIRE(d.as(QStringLiteral("ada"), AdminPhrase, {QStringLiteral("backup"), copy}).exitCode == 0);
    REQUIRE(d.as(QStringLiteral("ada"), AdminPhrase, {QStringLiteral("check")}).exitCode == 0);
    {
        // Tamper with the file the way someone with sqlite3 would.
        auto opened = hub::Hub::open(d.db);
        REQUIRE(opened);
        for (const char *sql :
             {"DROP TRIGGER audit_log_never_updated", "UPDATE audit_log SET summary = 'nothing to see' WHERE id = 3"}) {
            QSqlQuery q((*opened)->database().connection());
            REQUIRE(q.exec(QString::fromLatin1(sql)));
        }
    }
    auto check = d.as(QStringLiteral("ada"), AdminPhrase, {QStringLiteral("check")});
    CHECK(check.exitCode == 5);
    CHECK(check.out.contains(QStringLiteral("audit row 3")));

    REQUIRE(d.as(QStringLiteral("ada"), AdminPhrase, {QStringLiteral("restore"), copy}).exitCode == 0);
    auto after = d.as(QStringLiteral("ada"), AdminPhrase, {QStringLiteral("check")});
    CHECK(after.exitCode == 0);
    auto trail = d.as(QStringLiteral("ada"), AdminPhrase,
                      {QStringLiteral("audit"), QStringLiteral("--action"), QStringLiteral("hub")});
    REQUIRE(trail.exitCode == 0);
    const QJsonArray entries = trail.json()[QStringLiteral("entries")].toArray();
    REQUIRE(entries.size() >= 1);
    CHECK(entries[0][QStringLiteral("action")].toString() == QStringLiteral("hub.restore"));
}

TEST_CASE("settings show lists the idle lock and the front-desk ceiling the treasurer sets", "[cli][access]")
{
    Desk d;
    auto set = d.as(QStringLiteral("ada"), AdminPhrase,
                    {QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("front_desk_ceiling"),
                     QStringLiteral("2.50")});
    REQUIRE(set.exitCode == 0);
    CHECK(set.json().object()[QStringLiteral("front_desk_ceiling")].toString() == QStringLiteral("2.50"));
    CHECK(set.json().object()[QStringLiteral("front_desk_ceiling_minor")].toInt() == 250);
    REQUIRE(d.as(QStringLiteral("ada"), AdminPhrase,
                 {QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("idle_lock_minutes"),
                  QStringLiteral("7")})
                .exitCode == 0);

    Env phrase("HUBCTL_PASSPHRASE", AdminPhrase);
    auto text = hubctl({QStringLiteral("--db"), d.db, QStringLiteral("--user"), QStringLiteral("ada"),
                        QStringLiteral("settings"), QStringLiteral("show")});
    REQUIRE(text.exitCode == 0);
    CHECK(text.out.contains(QStringLiteral("idle_lock_minutes   7")));
    CHECK(text.out.contains(QStringLiteral("front_desk_ceiling  2.50")));

    auto none = d.as(QStringLiteral("ada"), AdminPhrase,
                     {QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("front_desk_ceiling"),
                      QStringLiteral("none")});
    REQUIRE(none.exitCode == 0);
    CHECK(none.json().object()[QStringLiteral("front_desk_ceiling")].isNull());
    CHECK(none.json().object()[QStringLiteral("idle_lock_minutes")].toInt() == 7);
}

TEST_CASE("user add --new-member adds the member and the user as one change, or neither", "[cli][access]")
{
    Desk d;
    Env fresh("HUBCTL_NEW_PASSPHRASE", DeskPhrase);
    // Counted in the file itself between runs: each signed-in hubctl run
    // costs a passphrase hash, slow under the sanitizer.
    const auto members = [&d] {
        auto opened = hub::Hub::open(hub::test::hubOnTestBackend(d.db));
        REQUIRE(opened);
        QSqlQuery q((*opened)->database().connection());
        REQUIRE(q.exec(QStringLiteral("SELECT count(*) FROM members WHERE forgotten_at IS NULL")));
        REQUIRE(q.next());
        return q.value(0).toInt();
    };
    const auto before = members();

    auto added = d.as(QStringLiteral("ada"), AdminPhrase,
                      {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("dee"),
                       QStringLiteral("--new-member"), QStringLiteral("Dee Okonkwo"), QStringLiteral("--email"),
                       QStringLiteral("dee@example.org"), QStringLiteral("--role"), QStringLiteral("facilitator")});
    INFO(added.err.toStdString());
    REQUIRE(added.exitCode == 0);
    CHECK(added.json().object().value(QStringLiteral("member")).toString() == QStringLiteral("Dee Okonkwo"));
    CHECK(members() == before + 1);
    auto shown = d.as(QStringLiteral("ada"), AdminPhrase,
                      {QStringLiteral("member"), QStringLiteral("show"), QStringLiteral("dee@example.org")});
    CHECK(shown.exitCode == 0);

    // A name already taken: neither the member nor the user is added.
    auto taken =
        d.as(QStringLiteral("ada"), AdminPhrase,
             {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("DEE"), QStringLiteral("--new-member"),
              QStringLiteral("Another Dee"), QStringLiteral("--role"), QStringLiteral("front-desk")});
    CHECK(taken.exitCode == 3); // refused: a conflict with what is there
    CHECK(taken.err.contains(QStringLiteral("already")));
    CHECK(members() == before + 1);

    // The new member's own problem names the argument.
    auto blank =
        d.as(QStringLiteral("ada"), AdminPhrase,
             {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("eve"), QStringLiteral("--new-member"),
              QStringLiteral("  "), QStringLiteral("--role"), QStringLiteral("front-desk")});
    CHECK(blank.exitCode == 2);
    CHECK(blank.err.contains(QStringLiteral("--new-member")));
    CHECK(members() == before + 1);

    // Both, neither, or a member field without a new member: usage, exit 1.
    for (const QStringList &args : {QStringList{QStringLiteral("--member"), QStringLiteral("bo@example.org"),
                                                QStringLiteral("--new-member"), QStringLiteral("Bo Again")},
                                    QStringList{},
                                    QStringList{QStringLiteral("--member"), QStringLiteral("bo@example.org"),
                                                QStringLiteral("--email"), QStringLiteral("x@example.org")}}) {
        auto wrong = d.as(QStringLiteral("ada"), AdminPhrase,
                          QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("fay")} + args +
                              QStringList{QStringLiteral("--role"), QStringLiteral("front-desk")});
        CHECK(wrong.exitCode == 1);
    }
    CHECK(members() == before + 1);

    // Someone who may not manage users adds no member either.
    d.addDesk();
    auto refused =
        d.as(QStringLiteral("bo"), DeskPhrase,
             {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("gus"), QStringLiteral("--new-member"),
              QStringLiteral("Gus Hale"), QStringLiteral("--role"), QStringLiteral("front-desk")});
    CHECK(refused.exitCode == 3);
    CHECK(members() == before + 1);
}

TEST_CASE("a command's help shows its arguments on one usage line, as typed", "[cli][help]")
{
    const auto help = hubctl({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--help")});
    REQUIRE(help.exitCode == 0);
    const QString first = help.out.section(u'\n', 0, 0);
    CHECK(first.startsWith(QStringLiteral("Usage: hubctl user add NAME (--member MEMBER | --new-member")));
    CHECK(first.endsWith(QStringLiteral("[options]")));
    // Qt's own argument column cut the synopsis into fragments ("MEMB / ER").
    CHECK_FALSE(help.out.contains(QStringLiteral("Arguments:")));
    CHECK(help.out.contains(QStringLiteral("--new-member <NAME>")));
    for (const QStringList &command : {QStringList{QStringLiteral("pay")}, QStringList{QStringLiteral("book")},
                                       QStringList{QStringLiteral("member"), QStringLiteral("list")}}) {
        const auto other = hubctl(command + QStringList{QStringLiteral("--help")});
        INFO(command.join(u' ').toStdString());
        CHECK(other.exitCode == 0);
        CHECK(other.out.startsWith(QStringLiteral("Usage: hubctl ") + command.join(u' ')));
        CHECK_FALSE(other.out.contains(QStringLiteral("Arguments:")));
    }
}
