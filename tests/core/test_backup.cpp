// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/settings/settingsservice.h"
#include "core/storage/backupservice.h"
#include "tests/support/temphub.h"

#include <QDir>
#include <QFile>

using namespace hub;
using hub::test::TempHub;

TEST_CASE("a backup is a consistent hub that restores with its data and keeping the old file")
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
    auto kept = BackupService::restore(hubPath, backup, at);
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

    auto r = BackupService::restore(hubPath, junk);
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::Invalid);
    CHECK(test::readBytes(hubPath) == before);
    CHECK(QDir(t.dir()).entryList({QStringLiteral("*.before-restore-*")}).isEmpty());

    auto missing = BackupService::restore(hubPath, t.file(QStringLiteral("missing.sqlite")));
    REQUIRE_FALSE(missing);
    CHECK(missing.error().kind == ErrorKind::NotFound);
}
