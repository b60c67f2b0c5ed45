// SPDX-License-Identifier: GPL-3.0-or-later
// CSV reading and writing, member import (all rows or none) and export
// (CSV, vCard, JSON), checked against Debian's python3 csv and vobject.
#include "core/common/csvreader.h"
#include "core/common/csvwriter.h"
#include "tests/support/catchqt.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using namespace hub;

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
    CHECK(t.records.first().fields
          == QStringList{str(u8"Łukasz, W"), QStringLiteral("l@example.org"), QStringLiteral("a;b")});
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
    for (const QByteArray &bytes : {QByteArray(), QByteArray("\xEF\xBB\xBF"), QByteArray("\r\n\r\n"),
                                    QByteArray("   \n")}) {
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
                                QStringLiteral("two\nlines"), QStringLiteral(" pad"), QString()})
          == QStringLiteral("a,\"b,c\",\"say \"\"x\"\"\",\"two\nlines\",\" pad\",\r\n"));
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
    const QByteArray json = python(QStringLiteral(
        "import csv, io, json, sys\n"
        "data = sys.stdin.buffer.read().decode('utf-8-sig')\n"
        "print(json.dumps(list(csv.reader(io.StringIO(data, newline='')))))\n"), buffer.data());
    const QJsonArray parsed = QJsonDocument::fromJson(json).array();
    REQUIRE(parsed.size() == 3);
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 2; ++c)
            CHECK(parsed[r].toArray()[c].toString() == rows[r][c]);
}
