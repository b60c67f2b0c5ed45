// SPDX-License-Identifier: GPL-3.0-or-later
// The one write path: permission, transaction, body, audit rows, commit and
// the change event, in that order, all of it or nothing.
#include "core/access/accesscontrol.h"
#include "core/access/userservice.h"
#include "core/audit/audittrail.h"
#include "core/members/memberservice.h"
#include "core/storage/changetracker.h"
#include "core/storage/query.h"
#include "core/storage/unitofwork.h"
#include "tests/support/temphub.h"

using namespace hub;
using hub::test::TempHub;

namespace {

int rows(Hub &hub, const QString &sql)
{
    Query q(hub.database(), sql);
    auto v = q.scalar();
    REQUIRE(v);
    return v->toInt();
}

int scratchTables(Hub &hub)
{
    return rows(hub, hub.database().backend() == Backend::PostgreSQL
                         ? QStringLiteral("SELECT count(*) FROM information_schema.tables WHERE table_name = 'scratch'")
                         : QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'scratch'"));
}

struct Watch
{
    QObject context;
    int events = 0;
    explicit Watch(Hub &hub)
    {
        QObject::connect(&hub.changes(), &ChangeTracker::changed, &context, [this] { ++events; });
    }
};

// A unit of its own on the hub's database, as a service holds one.
UnitOfWork unitOf(Hub &hub)
{
    return UnitOfWork(hub.sharedDatabase(), hub.access(), hub.audit());
}

} // namespace

TEST_CASE("a unit of work writes its body and its audit rows in one commit, then signals once", "[storage][unit]")
{
    TempHub t;
    Watch watch(t.hub());
    const auto before = rows(t.hub(), QStringLiteral("SELECT count(*) FROM audit_log"));
    const UnitOfWork work = unitOf(t.hub());
    auto done = work.run<int>(std::nullopt, [](Write &w) -> Result<int> {
        Query q(w.connection(), QStringLiteral("CREATE TABLE scratch (x INTEGER)"));
        if (auto ok = q.exec(); !ok)
            return fail(ok.error());
        w.audit(QStringLiteral("settings.edit"), QStringLiteral("settings"), 0, QStringLiteral("first"));
        w.audit(QStringLiteral("settings.edit"), QStringLiteral("settings"), 0, QStringLiteral("second"));
        return 7;
    });
    REQUIRE(done);
    CHECK(*done == 7);
    CHECK(scratchTables(t.hub()) == 1);
    CHECK(rows(t.hub(), QStringLiteral("SELECT count(*) FROM audit_log")) == before + 2);
    Query last(t->database(), QStringLiteral("SELECT summary FROM audit_log ORDER BY id DESC LIMIT 1"));
    CHECK(last.scalar()->toString() == QStringLiteral("second"));
    CHECK(watch.events == 1);
    CHECK(t->audit().verify().isEmpty());
}

TEST_CASE("a refused body leaves nothing: no rows, no audit, no event", "[storage][unit]")
{
    TempHub t;
    Watch watch(t.hub());
    const auto before = rows(t.hub(), QStringLiteral("SELECT count(*) FROM audit_log"));
    const UnitOfWork work = unitOf(t.hub());
    const Status refused = work.run(std::nullopt, [](Write &w) -> Status {
        Query q(w.connection(), QStringLiteral("CREATE TABLE scratch (x INTEGER)"));
        if (auto ok = q.exec(); !ok)
            return ok;
        w.audit(QStringLiteral("settings.edit"), QStringLiteral("settings"), 0, QStringLiteral("never"));
        return fail(Error::invalid(QStringLiteral("no, after all"), QStringLiteral("field")));
    });
    REQUIRE_FALSE(refused);
    CHECK(refused.error().where == QStringLiteral("field"));
    CHECK(scratchTables(t.hub()) == 0);
    CHECK(rows(t.hub(), QStringLiteral("SELECT count(*) FROM audit_log")) == before);
    CHECK(watch.events == 0);
}

TEST_CASE("a unit needing a permission the desk lacks never runs its body", "[storage][unit]")
{
    TempHub t;
    MemberDraft d;
    d.displayName = QStringLiteral("Fran Desk");
    auto fran = t->members().add(d);
    REQUIRE(fran);
    d.displayName = QStringLiteral("Ada Admin");
    auto ada = t->members().add(d);
    REQUIRE(ada);
    const QString phrase = QStringLiteral("correct horse battery staple");
    REQUIRE(t->users().add(QStringLiteral("ada"), ada->id, {Role::Admin}, phrase));
    REQUIRE(t->access().signIn(QStringLiteral("ada"), phrase));
    REQUIRE(t->users().add(QStringLiteral("fran"), fran->id, {Role::FrontDesk}, phrase));
    t->access().signOut();
    REQUIRE(t->access().signIn(QStringLiteral("fran"), phrase));

    Watch watch(t.hub());
    bool ran = false;
    const UnitOfWork work = unitOf(t.hub());
    const Status refused = work.run(Permission::ManageSpaces, [&ran](Write &) -> Status {
        ran = true;
        return {};
    });
    REQUIRE_FALSE(refused);
    CHECK(refused.error().kind == ErrorKind::Refused);
    CHECK_FALSE(ran);
    CHECK(watch.events == 0);
}

TEST_CASE("a unit inside another is a savepoint: one commit, one event, the inner refusal undone alone",
          "[storage][unit][sqlite]")
{
    TempHub t;
    Watch watch(t.hub());
    const UnitOfWork work = unitOf(t.hub());
    const Status outer = work.run(std::nullopt, [&work](Write &w) -> Status {
        Query make(w.connection(), QStringLiteral("CREATE TABLE scratch (x INTEGER)"));
        if (auto ok = make.exec(); !ok)
            return ok;
        const Status inner = work.run(std::nullopt, [](Write &iw) -> Status {
            Query q(iw.connection(), QStringLiteral("INSERT INTO scratch VALUES (1)"));
            if (auto ok = q.exec(); !ok)
                return ok;
            return fail(Error::refused(QStringLiteral("not this one")));
        });
        if (inner)
            return fail(Error::storage(QStringLiteral("the inner unit should have been refused")));
        Query keep(w.connection(), QStringLiteral("INSERT INTO scratch VALUES (2)"));
        return keep.exec();
    });
    REQUIRE(outer);
    CHECK(rows(t.hub(), QStringLiteral("SELECT count(*) FROM scratch")) == 1);
    CHECK(rows(t.hub(), QStringLiteral("SELECT sum(x) FROM scratch")) == 2);
    CHECK(watch.events == 1);
}
