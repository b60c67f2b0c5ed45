// SPDX-License-Identifier: GPL-3.0-or-later
// Erasure that says the truth (issue 15): with another desk holding a read
// open, "forget" may not claim the old values are gone; it says the erasure
// is recorded, and the next open of the hub completes it.
#include "core/members/memberservice.h"
#include "core/storage/database.h"
#include "core/storage/query.h"
#include "tests/support/openreader.h"
#include "tests/support/temphub.h"

using namespace hub;
using hub::test::OpenReader;
using hub::test::TempHub;

TEST_CASE("forget with a reader open says the erasure is pending, and the next open completes it",
          "[privacy][erasure][sqlite]")
{
    TempHub t;
    MemberDraft d;
    d.displayName = QStringLiteral("Zebulon Quartzfeather");
    d.email = QStringLiteral("zebulon.quartzfeather@example.org");
    auto added = t->members().add(d);
    REQUIRE(added);

    OpenReader reader(t.path());
    auto erased = t->members().forget(added->id);
    REQUIRE(erased);
    // The truth: the reader keeps the old pages in use.
    CHECK_FALSE(erased->complete);
    CHECK(test::snapshot(t.path()).contains("Quartzfeather"));
    Query pending(t->database(), QStringLiteral("SELECT count(*) FROM pending_scrub"));
    CHECK(pending.scalar()->toInt() == 1);

    // The reader goes; the next open (any window, hubctl or worker) finishes it.
    reader.close();
    t.reopen();
    Query after(t->database(), QStringLiteral("SELECT count(*) FROM pending_scrub"));
    CHECK(after.scalar()->toInt() == 0);
    t.close();
    CHECK_FALSE(test::snapshot(t.path()).contains("Quartzfeather"));
    CHECK_FALSE(test::snapshot(t.path()).contains("zebulon.quartzfeather"));
}

TEST_CASE("forget with nobody else reading is complete at once", "[privacy][erasure]")
{
    TempHub t;
    MemberDraft d;
    d.displayName = QStringLiteral("Wilhelmina Snapdragon");
    auto added = t->members().add(d);
    REQUIRE(added);
    auto erased = t->members().forget(added->id);
    REQUIRE(erased);
    CHECK(erased->complete);
    CHECK_FALSE(test::snapshot(t.path()).contains("Snapdragon"));
}

TEST_CASE("a pending erasure is tried without waiting while a reader stays, and completes once it goes",
          "[privacy][erasure][sqlite]")
{
    TempHub t;
    MemberDraft d;
    d.displayName = QStringLiteral("Ottoline Brackenbury");
    auto added = t->members().add(d);
    REQUIRE(added);
    OpenReader reader(t.path());
    auto erased = t->members().forget(added->id);
    REQUIRE(erased);
    REQUIRE_FALSE(erased->complete);

    // A window's tick while the other desk still reads: not yet, and no error.
    auto early = t->members().completePendingScrub(MemberService::ScrubWait::None);
    REQUIRE(early);
    CHECK_FALSE(*early);
    CHECK(test::snapshot(t.path()).contains("Brackenbury"));
    // The connection waits for other desks as before.
    Query timeout(t->database(), QStringLiteral("PRAGMA busy_timeout"));
    CHECK(timeout.scalar()->toInt() == Database::BusyTimeoutMs);

    reader.close();
    auto done = t->members().completePendingScrub(MemberService::ScrubWait::None);
    REQUIRE(done);
    CHECK(*done);
    t.close();
    CHECK_FALSE(test::snapshot(t.path()).contains("Brackenbury"));
}
