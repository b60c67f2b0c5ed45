// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/access/accesscontrol.h"
#include "core/audit/audittrail.h"
#include "core/settings/settingsservice.h"
#include "core/storage/backupservice.h"
#include "core/storage/query.h"
#include "tests/support/temphub.h"

#include <QDir>
#include <QFile>

using namespace hub;
using hub::test::TempHub;

TEST_CASE("a backup is a consistent hub that restores with its data and keeping the old file", "[sqlite]")
{
    TempHub t;
    REQUIRE(t->settings().set(QStringLiteral("name"), QStringLiteral("Before Backup")));
    const QString backup = t.file(QStringLiteral("backup.sqlite"));
    REQUIRE(BackupService::backup(t->database(), backup));
    REQUIRE(QFile::exists(backup));

    REQUIRE(t->settings().set(QStringLiteral("name"), QStringLiteral("After Backup")));
    const QString hubPath = t.path();
    t.close();

    const QDateTime at(QDate(2026, 11, 23), QTime(10, 30, 0), Qt::UTC);
    auto kept = BackupService::restore(hubPath, backup, QStringLiteral("tester"), at);
    REQUIRE(kept);
    CHECK(*kept == hubPath + QStringLiteral(".before-restore-20261123-103000"));
    CHECK(QFile::exists(*kept));

    t.reopen();
    CHECK(t->settings().load()->name == QStringLiteral("Before Backup"));

    auto old = Hub::open(*kept);
    REQUIRE(old);
    CHECK((*old)->settings().load()->name == QStringLiteral("After Backup"));
}

TEST_CASE("a backup never overwrites an existing file")
{
    TempHub t;
    const QString target = t.file(QStringLiteral("exists.sqlite"));
    test::writeBytes(target, "keep me");
    auto r = BackupService::backup(t->database(), target);
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::Invalid);
    CHECK(test::readBytes(target) == "keep me");
}

TEST_CASE("restore refuses a file that is not a valid hub and leaves the hub as it was")
{
    TempHub t;
    const QString hubPath = t.path();
    t.close();
    const QByteArray before = test::readBytes(hubPath);
    const QString junk = t.file(QStringLiteral("junk.sqlite"));
    test::writeBytes(junk, "not a database at all");

    auto r = BackupService::restore(hubPath, junk, QStringLiteral("tester"));
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::Invalid);
    CHECK(test::readBytes(hubPath) == before);
    CHECK(QDir(t.dir()).entryList({QStringLiteral("*.before-restore-*")}).isEmpty());

    auto missing = BackupService::restore(hubPath, t.file(QStringLiteral("missing.sqlite")), QStringLiteral("tester"));
    REQUIRE_FALSE(missing);
    CHECK(missing.error().kind == ErrorKind::NotFound);
}

namespace {
QString newestAction(Hub &hub)
{
    Query q(hub.database(),
            QStringLiteral("SELECT action || ' by ' || user_name FROM audit_log ORDER BY id DESC LIMIT 1"));
    auto v = q.scalar();
    REQUIRE(v);
    return v->toString();
}
} // namespace

TEST_CASE("a restore into the open hub replaces its contents in place, audited, keeping the old one",
          "[backup][restore][sqlite]")
{
    TempHub t;
    REQUIRE(t->settings().set(QStringLiteral("name"), QStringLiteral("Before Backup")));
    const QString backup = t.file(QStringLiteral("backup.sqlite"));
    REQUIRE(BackupService::backup(t->database(), backup));
    REQUIRE(t->settings().set(QStringLiteral("name"), QStringLiteral("After Backup")));

    const QDateTime at(QDate(2026, 12, 6), QTime(9, 15, 0), Qt::UTC);
    auto kept = BackupService::restoreInto(t->database(), backup, t->access(), QStringLiteral("ana"), at);
    REQUIRE(kept);
    CHECK(*kept == t.path() + QStringLiteral(".before-restore-20261206-091500"));
    // The same open hub, without reopening, now reads the restored contents.
    CHECK(t->settings().load()->name == QStringLiteral("Before Backup"));
    CHECK(newestAction(t.hub()) == QStringLiteral("hub.restore by ana"));
    CHECK(t->integrity().runAll().isEmpty());
    // No staging file is left beside the hub.
    CHECK(QDir(t.dir()).entryList({QStringLiteral("*.restoring-*")}).isEmpty());

    auto old = Hub::open(*kept);
    REQUIRE(old);
    CHECK((*old)->settings().load()->name == QStringLiteral("After Backup"));

    // A second restore is recorded again and moves the marker windows watch.
    auto marker = BackupService::restoreMarker(t->database());
    REQUIRE(marker);
    CHECK_FALSE(marker->isEmpty());
    REQUIRE(BackupService::restoreInto(t->database(), backup, t->access(), QStringLiteral("bo"), at.addSecs(5)));
    CHECK(*BackupService::restoreMarker(t->database()) != *marker);
}

TEST_CASE("a refused restore into the open hub changes nothing", "[backup][restore][sqlite]")
{
    TempHub t;
    REQUIRE(t->settings().set(QStringLiteral("name"), QStringLiteral("Stays")));
    const QString junk = t.file(QStringLiteral("junk.sqlite"));
    test::writeBytes(junk, "not a database at all");
    auto r = BackupService::restoreInto(t->database(), junk, t->access(), QStringLiteral("ana"));
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::Invalid);
    CHECK(t->settings().load()->name == QStringLiteral("Stays"));
    CHECK(QDir(t.dir()).entryList({QStringLiteral("*.before-restore-*"), QStringLiteral("*.restoring-*")}).isEmpty());

    // The file-level restore is only for a hub nobody in this process has open.
    const QString backup = t.file(QStringLiteral("b.sqlite"));
    REQUIRE(BackupService::backup(t->database(), backup));
    auto busy = BackupService::restore(t.path(), backup, QStringLiteral("ana"));
    REQUIRE_FALSE(busy);
    CHECK(t->settings().load()->name == QStringLiteral("Stays"));
}
