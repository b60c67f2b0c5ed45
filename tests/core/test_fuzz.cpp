// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzing stays in the suite (issue 15): every importer and parser is fed a
// few thousand malformed inputs from a fixed-seed generator, built from real
// samples by flipping, cutting, repeating and splicing bytes. Nothing may
// crash or hang (the sanitizer build runs this too), every refusal is an
// input error, and a refused import writes nothing.
#include "core/common/amount.h"
#include "core/common/csvreader.h"
#include "core/common/localtime.h"
#include "core/hub.h"
#include "core/ledger/ledgerbatch.h"
#include "core/ledger/ledgerservice.h"
#include "core/members/memberimporter.h"
#include "core/members/memberservice.h"
#include "core/settings/settingsservice.h"
#include "core/spaces/icalendarimporter.h"
#include "core/spaces/spaceservice.h"
#include "core/storage/query.h"
#include "core/storage/transaction.h"
#include "tests/support/fuzzinput.h"
#include "tests/support/temphub.h"

#include <QFile>
#include <QRandomGenerator>

using namespace hub;
using hub::test::mutate;
using hub::test::TempHub;

namespace {
QByteArray readData(const char *name)
{
    QFile f(QStringLiteral(HUB_TEST_SOURCE_DIR "/tests/data/") + QString::fromLatin1(name));
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

qint64 count(TempHub &t, const char *table)
{
    Query q(t->database(), QStringLiteral("SELECT count(*) FROM ") + QString::fromLatin1(table));
    return q.scalar()->toLongLong();
}
} // namespace

TEST_CASE("fuzz: the CSV reader reads or refuses 3000 malformed files, never more", "[fuzz][csv]")
{
    QRandomGenerator random(150001);
    const QByteArray seed = "name,email,phone,notes\r\nAda,ada@example.org,+44 20,\"a \"\"quoted\"\", note\"\r\n"
                            "Bo;x,bo@example.org,,\"multi\nline\"\r\n";
    int read = 0;
    for (int i = 0; i < 3000; ++i) {
        const QByteArray input = mutate(seed, random);
        const auto table = CsvReader::read(input);
        if (table)
            ++read;
        else
            REQUIRE(table.error().kind == ErrorKind::Invalid);
    }
    CHECK(read > 100); // the generator also makes files that are still CSV
}

TEST_CASE("fuzz: member import of 1500 malformed files writes all or nothing", "[fuzz][csv][members]")
{
    TempHub t;
    QRandomGenerator random(150002);
    const QByteArray seed = "name,email,phone,postcode,skills,offers\r\n"
                            "Ada Lovelace,ada@example.org,+44 20 7946 0000,N1 9GU,Maths:expert,\"[Maths] tutoring\"\r\n"
                            "Bo,bo@example.org,,,,\r\n";
    int imported = 0;
    for (int i = 0; i < 1500; ++i) {
        const QByteArray input = mutate(seed, random);
        const qint64 before = count(t, "members");
        const auto r = MemberImporter(t.hub()).run(input, false);
        if (!r) {
            REQUIRE(r.error().kind == ErrorKind::Invalid);
            REQUIRE(count(t, "members") == before);
        } else if (!r->ok()) {
            REQUIRE(count(t, "members") == before);
        } else {
            REQUIRE(count(t, "members") == before + r->created.size());
            ++imported;
        }
    }
    CHECK(imported > 0);
    CHECK(t->integrity().runAll().isEmpty());
}

TEST_CASE("fuzz: batch payments from 1500 malformed files post all or nothing", "[fuzz][csv][ledger]")
{
    TempHub t;
    REQUIRE(t->settings().set(QStringLiteral("default_limit_min"), QStringLiteral("-1000")));
    for (const char *email : {"ada@example.org", "bo@example.org", "cy@example.org"}) {
        MemberDraft d;
        d.displayName = QString::fromLatin1(email).section(u'@', 0, 0);
        d.email = QString::fromLatin1(email);
        REQUIRE(t->members().add(d));
    }
    QRandomGenerator random(150003);
    const QByteArray seed = "payer,payee,amount,memo,category\r\n"
                            "ada@example.org,bo@example.org,1.50,bread,food\r\n"
                            "2,3,0.25,\"eggs, six\",\r\n";
    int posted = 0;
    LedgerBatch batch(t.hub());
    for (int i = 0; i < 1500; ++i) {
        const QByteArray input = mutate(seed, random);
        const qint64 before = count(t, "transfers");
        const auto r = batch.payCsv(input, false);
        if (!r) {
            REQUIRE(r.error().kind != ErrorKind::Storage);
            REQUIRE(count(t, "transfers") == before);
        } else if (!r->problems.isEmpty()) {
            REQUIRE(count(t, "transfers") == before);
        } else {
            ++posted;
        }
    }
    CHECK(posted > 0);
    CHECK(t->integrity().runAll().isEmpty());
}

TEST_CASE("fuzz: iCalendar import of 800 malformed files books all or nothing", "[fuzz][ics]")
{
    TempHub t;
    Space hall;
    hall.name = QStringLiteral("Hall");
    auto space = t->spaces().add(hall);
    REQUIRE(space);
    QRandomGenerator random(150004);
    const QList<QByteArray> seeds = {readData("ics/google.ics"), readData("ics/outlook.ics"),
                                     readData("ics/allday.ics"), readData("ics/utc.ics")};
    for (int i = 0; i < 800; ++i) {
        const QByteArray input = mutate(seeds[i % seeds.size()], random);
        const qint64 before = count(t, "bookings");
        const auto r = ICalendarImporter(t.hub()).run(input, space->id, false);
        if (!r) {
            REQUIRE(r.error().kind != ErrorKind::Storage);
            REQUIRE(count(t, "bookings") == before);
        } else if (!r->written) {
            REQUIRE(count(t, "bookings") == before);
        }
    }
    CHECK(t->integrity().runAll().isEmpty());
}

TEST_CASE("fuzz: amounts, dates and times from 5000 random texts parse or are refused as input", "[fuzz][values]")
{
    QRandomGenerator random(150005);
    const QList<QByteArray> seeds = {
        "12.50", "-3.5", "0.01", "1,000.00", "9223372036854775807", "2027-03-28", "2027-03-28 01:30", "24:00"};
    const QTimeZone london("Europe/London");
    for (int i = 0; i < 5000; ++i) {
        const QString text = QString::fromUtf8(mutate(seeds[i % seeds.size()], random));
        for (int decimals : {0, 2, 3}) {
            const auto a = Amount::parse(text, decimals);
            if (a) // what was read is written back the same way
                REQUIRE(Amount::parse(a->toString(decimals), decimals)->minor() == a->minor());
            else
                REQUIRE(a.error().kind == ErrorKind::Invalid);
        }
        const QDate date = QDate::fromString(text.left(10), Qt::ISODate);
        const QTime time = QTime::fromString(text.mid(11, 5), QStringLiteral("HH:mm"));
        const auto at = LocalTime::typed(date, time, london, QStringLiteral("--start"));
        if (at)
            REQUIRE(at->at.isValid());
        else
            REQUIRE(at.error().kind == ErrorKind::Invalid);
    }
}

TEST_CASE("fuzz: member search of 2000 malformed texts counts what it lists and pages the same", "[fuzz][members]")
{
    TempHub t;
    const QStringList names = {QStringLiteral("Zoë Kowalska"),     QStringLiteral("Maria Łódź-Nowak"),
                               QStringLiteral("Marek Wiśniewski"), QStringLiteral("Ciarán Ó Briain"),
                               QStringLiteral("İlker Yılmaz"),     QStringLiteral("Ａｋｉｒａ 東京"),
                               QStringLiteral("Mar Mar")};
    for (int i = 0; i < 42; ++i) {
        MemberDraft d;
        d.displayName = names.at(i % names.size()) + QStringLiteral(" %1").arg(i / names.size());
        d.postcode = QStringLiteral("CF1%1 2AB").arg(i % 10);
        d.notes = i % 3 ? QStringLiteral("plays the fiddle at the café") : QString(120, u'q');
        REQUIRE(t->members().add(d));
    }
    QRandomGenerator random(20261207);
    const QByteArray seed = "mar łódź cf1 zoe qqqq";
    for (int round = 0; round < hub::test::fuzzRounds(2000); ++round) {
        MemberFilter filter;
        filter.search = QString::fromUtf8(mutate(seed, random));
        INFO("round " << round);
        const auto counted = t->members().count(filter);
        const auto all = t->members().list(filter, -1);
        REQUIRE(counted);
        REQUIRE(all);
        CHECK(*counted == all->size());
        // Page by page, by key, gives the same members in the same order.
        QList<qint64> paged;
        PageKey after;
        for (int pages = 0; pages < 20; ++pages) {
            const auto page = t->members().page(filter, after, 7, MemberSort::Name, false);
            REQUIRE(page);
            for (const Member &m : page->rows)
                paged << m.id.value();
            if (page->rows.size() < 7)
                break;
            after = page->next;
        }
        QList<qint64> listed;
        for (const Member &m : *all)
            listed << m.id.value();
        CHECK(paged == listed);
    }
}
