// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/members/memberservice.h"
#include "core/settings/settingsservice.h"
#include "core/storage/changetracker.h"
#include "core/storage/hubwatcher.h"
#include "core/storage/query.h"
#include "core/storage/transaction.h"
#include "tests/support/temphub.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>

using namespace hub;
using hub::test::TempHub;

namespace {

// Every event the hub signals while it lives.
class Events
{
public:
    explicit Events(Hub &hub)
    {
        QObject::connect(&hub.changes(), &ChangeTracker::changed, &m_context,
                         [this](const ChangeEvent &e) { m_events.append(e); });
    }
    const QList<ChangeEvent> &all() const { return m_events; }
    void clear() { m_events.clear(); }

private:
    QObject m_context;
    QList<ChangeEvent> m_events;
};

MemberDraft personInChangeEvents(const QString &name)
{
    MemberDraft d;
    d.displayName = name;
    return d;
}

} // namespace

TEST_CASE("a committed write signals one change event naming its area and record")
{
    TempHub t;
    Events events(t.hub());
    auto m = t->members().add(personInChangeEvents(QStringLiteral("Ada Okafor")));
    REQUIRE(m);
    REQUIRE(events.all().size() == 1);
    const ChangeEvent &e = events.all().first();
    CHECK(e.touches(ChangeArea::Members));
    CHECK_FALSE(e.touches(ChangeArea::Bookings));
    CHECK_FALSE(e.elsewhere);
    CHECK(e.records.contains(ChangedRecord{QStringLiteral("member"), m->id.value()}));
}

TEST_CASE("a refused write and a rolled-back transaction signal nothing")
{
    TempHub t;
    Events events(t.hub());
    CHECK_FALSE(t->members().add(personInChangeEvents(QString())));
    {
        auto tx = Transaction::begin(t->database());
        REQUIRE(tx);
        REQUIRE(t->members().add(personInChangeEvents(QStringLiteral("Bea Lund"))));
        // The member's own savepoint was released: still nothing, until the commit.
        CHECK(events.all().isEmpty());
    }
    CHECK(events.all().isEmpty());
    auto all = t->members().list({});
    REQUIRE(all);
    CHECK(all->isEmpty());
}

TEST_CASE("writes inside one transaction are one event after its commit")
{
    TempHub t;
    Events events(t.hub());
    auto tx = Transaction::begin(t->database());
    REQUIRE(tx);
    auto a = t->members().add(personInChangeEvents(QStringLiteral("Ada Okafor")));
    auto b = t->members().add(personInChangeEvents(QStringLiteral("Bea Lund")));
    REQUIRE(a);
    REQUIRE(b);
    CHECK(events.all().isEmpty());
    REQUIRE(tx->commit());
    REQUIRE(events.all().size() == 1);
    CHECK(events.all().first().records.size() == 2);
}

TEST_CASE("a savepoint rolled back takes its records out of the event")
{
    TempHub t;
    Events events(t.hub());
    auto tx = Transaction::begin(t->database());
    REQUIRE(tx);
    auto kept = t->members().add(personInChangeEvents(QStringLiteral("Ada Okafor")));
    REQUIRE(kept);
    qint64 droppedId = 0;
    {
        auto inner = Transaction::begin(t->database());
        REQUIRE(inner);
        auto dropped = t->members().add(personInChangeEvents(QStringLiteral("Bea Lund")));
        REQUIRE(dropped);
        droppedId = dropped->id.value();
        inner->rollback();
    }
    REQUIRE(tx->commit());
    REQUIRE(events.all().size() == 1);
    const auto &records = events.all().first().records;
    CHECK(records.contains(ChangedRecord{QStringLiteral("member"), kept->id.value()}));
    CHECK_FALSE(records.contains(ChangedRecord{QStringLiteral("member"), droppedId}));
}

TEST_CASE("a transaction that only reads signals nothing, and one that writes unnamed rows signals every area",
          "[sqlite]")
{
    TempHub t;
    Events events(t.hub());
    {
        auto tx = Transaction::begin(t->database());
        REQUIRE(tx);
        Query q(tx->connection(), QStringLiteral("SELECT count(*) FROM members"));
        REQUIRE(q.scalar());
        REQUIRE(tx->commit());
    }
    CHECK(events.all().isEmpty());
    {
        auto tx = Transaction::begin(t->database());
        REQUIRE(tx);
        Query q(tx->connection(), QStringLiteral("CREATE TABLE scratch (x INTEGER)"));
        REQUIRE(q.exec());
        Query insert(tx->connection(), QStringLiteral("INSERT INTO scratch VALUES (1)"));
        REQUIRE(insert.exec());
        REQUIRE(tx->commit());
    }
    REQUIRE(events.all().size() == 1);
    CHECK(events.all().first().areas == ChangeEvent::everything());
    CHECK(events.all().first().records.isEmpty());
}

TEST_CASE("a large change names its areas but not every record")
{
    TempHub t;
    Events events(t.hub());
    auto tx = Transaction::begin(t->database());
    REQUIRE(tx);
    for (int i = 0; i < ChangeEvent::RecordLimit + 5; ++i)
        ChangeTracker::note(tx->connection(), QStringLiteral("booking"), i + 1);
    Query insert(tx->connection(), QStringLiteral("CREATE TABLE scratch (x INTEGER)"));
    REQUIRE(insert.exec());
    REQUIRE(tx->commit());
    REQUIRE(events.all().size() == 1);
    CHECK(events.all().first().areas == ChangeEvent::areaOf(QStringLiteral("booking")));
    CHECK(events.all().first().records.isEmpty());
}

TEST_CASE("every audited entity belongs to a named area")
{
    // An entity missing from the table would refresh every page after each of its changes.
    for (const char *entity :
         {"member",  "walk-in", "offer",     "need", "skill", "category", "account",   "transfer", "space", "closure",
          "booking", "series",  "gathering", "idea", "group", "action",   "challenge", "settings", "hub",   "user"})
        CHECK(ChangeEvent::areaOf(QString::fromLatin1(entity)) != ChangeEvent::everything());
    CHECK(ChangeEvent::areaOf(QStringLiteral("no-such-thing")) == ChangeEvent::everything());
}

TEST_CASE("a change committed on another connection is noticed by the watcher, not signalled here")
{
    TempHub t;
    Events events(t.hub());
    HubWatcher watcher(t->sharedDatabase());
    int noticed = 0;
    QObject::connect(&watcher, &HubWatcher::changedElsewhere, [&noticed] { ++noticed; });
    watcher.poll();
    CHECK(noticed == 0);
    // Another desk: a thread with its own connection and its own Hub.
    // Catch's assertions are not for other threads: the desk reports back.
    bool added = false;
    QThread *desk = QThread::create([path = t.path(), &added] {
        auto other = Hub::open(path);
        added = other && (*other)->members().add(personInChangeEvents(QStringLiteral("Cy Twombly")));
    });
    desk->start();
    REQUIRE(desk->wait(20000));
    delete desk;
    REQUIRE(added);
    CHECK(events.all().isEmpty());
    // A file is looked at on each poll; a server's notification comes in
    // through the event loop, within a second.
    QDeadlineTimer deadline(5000);
    while (noticed == 0 && !deadline.hasExpired()) {
        watcher.poll();
        if (noticed == 0)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    CHECK(noticed == 1);
    watcher.poll();
    QCoreApplication::processEvents(QEventLoop::AllEvents, 100);
    watcher.poll();
    CHECK(noticed == 1);
}
