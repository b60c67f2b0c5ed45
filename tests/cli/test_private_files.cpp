// SPDX-License-Identifier: GPL-3.0-or-later
// Every file hubctl writes holds personal data: owner-only (0600, folders
// 0700) whatever the umask of the person running it (issue 15).
#include "core/hub.h"
#include "tests/support/hubctlrunner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <catch2/catch.hpp>
#include <sys/stat.h>

using hub::test::CliRun;
using hub::test::hubctl;

namespace {
// The mode bits as ls -l shows them, e.g. 0600.
int modeOf(const QString &path)
{
    struct stat st
    {
    };
    const QByteArray name = QFile::encodeName(path);
    REQUIRE(::stat(name.constData(), &st) == 0);
    return int(st.st_mode & 0777);
}

// Sets the umask for this test and gives the old one back.
struct Umask
{
    mode_t old;
    explicit Umask(mode_t mask) : old(::umask(mask)) {}
    ~Umask() { ::umask(old); }
};
} // namespace

TEST_CASE("every kind of file hubctl writes is owner-only whatever the umask", "[privacy][files][sqlite]")
{
    const Umask loose(022);
    QTemporaryDir dir;
    // A data folder that does not exist yet, as on a first start.
    const QString folder = dir.filePath(QStringLiteral("data/hubkeeper"));
    const QString db = QDir(folder).filePath(QStringLiteral("hub.sqlite"));
    const auto run = [&](const QStringList &args) {
        const CliRun r = hubctl(QStringList{QStringLiteral("--db"), db} + args);
        INFO(args.join(u' ').toStdString() << ": " << r.err.toStdString());
        REQUIRE(r.exitCode == 0);
        return r;
    };
    run({QStringLiteral("init"), QStringLiteral("--name"), QStringLiteral("Private")});
    CHECK(modeOf(folder) == 0700);
    CHECK(modeOf(db) == 0600);
    run({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Ada Lovelace"),
         QStringLiteral("--email"), QStringLiteral("ada@example.org")});
    run({QStringLiteral("space"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Hall"),
         QStringLiteral("--capacity"), QStringLiteral("20")});
    run({QStringLiteral("book"), QStringLiteral("--space"), QStringLiteral("Hall"), QStringLiteral("--title"),
         QStringLiteral("Choir"), QStringLiteral("--start"), QStringLiteral("2027-01-05 19:00"),
         QStringLiteral("--end"), QStringLiteral("2027-01-05 21:00")});

    // The -wal and -shm beside a hub held open (as by a window).
    {
        auto opened = hub::Hub::open(db);
        REQUIRE(opened);
        REQUIRE(QFile::exists(db + QStringLiteral("-wal")));
        CHECK(modeOf(db + QStringLiteral("-wal")) == 0600);
        CHECK(modeOf(db + QStringLiteral("-shm")) == 0600);
    }

    const QString out = dir.filePath(QStringLiteral("out"));
    QDir().mkpath(out);
    const auto file = [&](const char *name) {
        return QDir(out).filePath(QString::fromLatin1(name));
    };
    run({QStringLiteral("backup"), file("backup.sqlite")});
    run({QStringLiteral("member"), QStringLiteral("export"), QStringLiteral("--all"), QStringLiteral("-o"),
         file("members.csv")});
    run({QStringLiteral("member"), QStringLiteral("export"), QStringLiteral("--all"), QStringLiteral("-o"),
         file("members.vcf")});
    run({QStringLiteral("member"), QStringLiteral("export"), QStringLiteral("--all"), QStringLiteral("-o"),
         file("members.json")});
    run({QStringLiteral("member"), QStringLiteral("data"), QStringLiteral("ada@example.org"), QStringLiteral("-o"),
         file("ada.json")});
    run({QStringLiteral("calendar"), QStringLiteral("export"), QStringLiteral("-o"), file("bookings.ics")});
    for (const char *format : {"csv", "json", "ledger", "pdf", "text"})
        run({QStringLiteral("report"), QStringLiteral("trial-balance"), QStringLiteral("--format"),
             QString::fromLatin1(format), QStringLiteral("-o"), file(format) + QStringLiteral(".report")});
    const QString kept = run({QStringLiteral("--json"), QStringLiteral("restore"), file("backup.sqlite")})
                             .json()[QStringLiteral("kept")]
                             .toString();

    QStringList written = QDir(out).entryList(QDir::Files);
    REQUIRE(written.size() == 11);
    for (const QString &name : std::as_const(written)) {
        INFO(name.toStdString());
        CHECK(modeOf(QDir(out).filePath(name)) == 0600);
    }
    INFO(kept.toStdString());
    CHECK(modeOf(kept) == 0600);
    CHECK(modeOf(db) == 0600);
}

TEST_CASE("an older hub made readable by others becomes owner-only when opened", "[privacy][files][sqlite]")
{
    const Umask loose(022);
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("old.sqlite"));
    REQUIRE(hubctl({QStringLiteral("--db"), db, QStringLiteral("init")}).exitCode == 0);
    REQUIRE(QFile::setPermissions(db, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                                          QFileDevice::ReadOther));
    REQUIRE(modeOf(db) == 0644);
    REQUIRE(hubctl({QStringLiteral("--db"), db, QStringLiteral("settings"), QStringLiteral("show")}).exitCode == 0);
    CHECK(modeOf(db) == 0600);
}
