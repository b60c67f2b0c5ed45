// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/csvreader.h"

#include "core/common/csvwriter.h"

#include <QHash>

#include <algorithm>

namespace hub {

QString CsvRecord::field(qsizetype column) const
{
    return column < fields.size() ? CsvWriter::restored(fields.at(column)) : QString();
}

namespace {

constexpr char16_t Quote = u'"';

// Length of the UTF-8 sequence starting at bytes[i], or 0 if it is not valid
// (stray continuation byte, overlong form, surrogate, beyond U+10FFFF, cut short).
qsizetype utf8SequenceLength(const QByteArray &bytes, qsizetype i)
{
    const auto byteAt = [&](qsizetype k) {
        return static_cast<unsigned char>(bytes.at(k));
    };
    const unsigned char b0 = byteAt(i);
    if (b0 < 0x80)
        return 1;
    qsizetype length = 0;
    char32_t min = 0;
    char32_t cp = 0;
    if ((b0 & 0xE0) == 0xC0) {
        length = 2;
        min = 0x80;
        cp = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
        length = 3;
        min = 0x800;
        cp = b0 & 0x0F;
    } else if ((b0 & 0xF8) == 0xF0) {
        length = 4;
        min = 0x10000;
        cp = b0 & 0x07;
    } else {
        return 0;
    }
    if (i + length > bytes.size())
        return 0;
    for (qsizetype k = 1; k < length; ++k) {
        const unsigned char b = byteAt(i + k);
        if ((b & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return length;
}

} // namespace

int CsvReader::firstBadUtf8Line(const QByteArray &bytes)
{
    int line = 1;
    for (qsizetype i = 0; i < bytes.size();) {
        const char c = bytes.at(i);
        if (c == '\n') {
            ++line;
            ++i;
            continue;
        }
        const qsizetype n = utf8SequenceLength(bytes, i);
        if (n == 0)
            return line;
        i += n;
    }
    return 0;
}

QChar CsvReader::detectSeparator(QStringView headerLine)
{
    bool quoted = false;
    int commas = 0;
    int semicolons = 0;
    for (QChar c : headerLine) {
        if (c == Quote)
            quoted = !quoted; // a doubled quote toggles twice, which is what we want
        else if (quoted)
            continue;
        else if (c == u'\n' || c == u'\r')
            break;
        else if (c == u',')
            ++commas;
        else if (c == u';')
            ++semicolons;
    }
    return semicolons > commas ? QChar(u';') : QChar(u',');
}

namespace {

// Where reading stands in the decoded text.
struct CsvCursor
{
    CsvCursor(const QString &decodedText, QChar separator) : text(decodedText), sep(separator), n(decodedText.size()) {}

    const QString &text;
    const QChar sep;
    const qsizetype n;
    qsizetype i = 0;
    int line = 1;
};

// The bytes as text. Check the encoding first so the message can name the
// line; decoding would silently turn bad bytes into replacement characters.
Result<QString> decoded(const QByteArray &bytes)
{
    if (const int bad = CsvReader::firstBadUtf8Line(bytes))
        return fail(Error::invalid(CsvReader::tr("Line %1 is not valid UTF-8 text. Save the file as "
                                                 "“CSV UTF-8” and try again.")
                                       .arg(bad),
                                   CsvReader::tr("line %1").arg(bad)));
    QString text = QString::fromUtf8(bytes);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    if (text.trimmed().isEmpty())
        return fail(Error::invalid(CsvReader::tr("The file is empty: it needs a header row naming the columns, "
                                                 "then one row per record.")));
    return text;
}

// A field in quotes, from its opening quote to just past the closing one.
Result<QString> readQuoted(CsvCursor &s)
{
    QString field;
    const int quoteLine = s.line;
    ++s.i;
    bool closed = false;
    while (s.i < s.n) {
        const QChar c = s.text.at(s.i);
        if (c == Quote) {
            if (s.i + 1 < s.n && s.text.at(s.i + 1) == Quote) {
                field += Quote;
                s.i += 2;
                continue;
            }
            ++s.i;
            closed = true;
            break;
        }
        if (c == u'\r') {
            // CRLF or a lone CR inside quotes: one line break, stored as "\n".
            field += u'\n';
            ++s.line;
            s.i += (s.i + 1 < s.n && s.text.at(s.i + 1) == u'\n') ? 2 : 1;
            continue;
        }
        if (c == u'\n')
            ++s.line;
        field += c;
        ++s.i;
    }
    if (!closed)
        return fail(Error::invalid(CsvReader::tr("The quote opened on line %1 is never closed.").arg(quoteLine),
                                   CsvReader::tr("line %1").arg(quoteLine)));
    if (s.i < s.n && s.text.at(s.i) != s.sep && s.text.at(s.i) != u'\r' && s.text.at(s.i) != u'\n')
        return fail(Error::invalid(CsvReader::tr("Line %1 has text after a closing quote; a quote inside a quoted "
                                                 "field must be doubled (\"\").")
                                       .arg(s.line),
                                   CsvReader::tr("line %1").arg(s.line)));
    return field;
}

// A field without quotes: up to the next separator or line break.
QString readPlain(CsvCursor &s)
{
    const qsizetype start = s.i;
    while (s.i < s.n) {
        const QChar c = s.text.at(s.i);
        if (c == s.sep || c == u'\r' || c == u'\n')
            break;
        ++s.i;
    }
    return s.text.mid(start, s.i - start);
}

// The fields of one record, and the cursor past its line break.
Result<QStringList> readRecord(CsvCursor &s)
{
    QStringList fields;
    while (true) {
        if (s.i < s.n && s.text.at(s.i) == Quote) {
            auto field = readQuoted(s);
            if (!field)
                return fail(field.error());
            fields.append(*field);
        } else {
            fields.append(readPlain(s));
        }
        if (s.i < s.n && s.text.at(s.i) == s.sep) {
            ++s.i;
            continue;
        }
        // End of line or of the file ends the record.
        if (s.i < s.n) {
            s.i += (s.text.at(s.i) == u'\r' && s.i + 1 < s.n && s.text.at(s.i + 1) == u'\n') ? 2 : 1;
            ++s.line;
        } else {
            ++s.i; // past the end: stops read()'s loop
        }
        return fields;
    }
}

// Spreadsheets often save empty rows as ",,,": they count as blank.
bool isBlank(const QStringList &fields)
{
    return std::all_of(fields.cbegin(), fields.cend(), [](const QString &f) { return f.trimmed().isEmpty(); });
}

Status checkHeader(const QStringList &fields, int line)
{
    if (isBlank(fields))
        return fail(Error::invalid(CsvReader::tr("Line %1 is empty: the first line must be a header row "
                                                 "naming the columns.")
                                       .arg(line),
                                   CsvReader::tr("line %1").arg(line)));
    // Two columns of one name: which one a row's value comes from
    // would be a guess, so the file is refused.
    QHash<QString, qsizetype> seen;
    for (qsizetype c = 0; c < fields.size(); ++c) {
        const QString name = fields.at(c).simplified();
        if (name.isEmpty())
            continue;
        const QString key = name.toCaseFolded();
        const auto it = seen.constFind(key);
        if (it == seen.constEnd()) {
            seen.insert(key, c);
            continue;
        }
        return fail(Error::invalid(CsvReader::tr("The header row names the column “%1” twice (columns %2 and %3); "
                                                 "rename or remove one.")
                                       .arg(name)
                                       .arg(it.value() + 1)
                                       .arg(c + 1),
                                   CsvReader::tr("row 1, column %1").arg(c + 1)));
    }
    return {};
}

} // namespace

Result<CsvTable> CsvReader::read(const QByteArray &bytes)
{
    auto text = decoded(bytes);
    if (!text)
        return fail(text.error());
    CsvTable table;
    // Qt's decoder drops a leading byte-order mark itself; note that there was one.
    table.hadBom = bytes.startsWith("\xEF\xBB\xBF");
    table.separator = detectSeparator(*text);

    CsvCursor s(*text, table.separator);
    int row = 0;
    bool haveHeader = false;
    while (s.i <= s.n) {
        // One record per pass.
        const int recordLine = s.line;
        ++row;
        auto fields = readRecord(s);
        if (!fields)
            return fail(fields.error());
        if (!haveHeader) {
            if (auto ok = checkHeader(*fields, recordLine); !ok)
                return fail(ok.error());
            table.headers = *fields;
            haveHeader = true;
            continue;
        }
        // The file's last line break leaves an empty "record" at the end; a
        // blank line in the middle is skipped but keeps the row numbers a
        // spreadsheet would show.
        if (isBlank(*fields))
            continue;
        table.records.append(CsvRecord{row, recordLine, *fields});
    }
    return table;
}

} // namespace hub
