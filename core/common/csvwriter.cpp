// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/csvwriter.h"

#include <QIODevice>

namespace hub {

CsvWriter::CsvWriter(QIODevice &device) : CsvWriter(device, Options{})
{}

CsvWriter::CsvWriter(QIODevice &device, Options options)
    : m_device(device), m_options(options), m_separator(QString(options.separator).toUtf8())
{
    if (m_options.bom)
        m_bytes = QByteArrayLiteral("\xEF\xBB\xBF");
}

bool CsvWriter::needsQuotes(QStringView field, QChar separator)
{
    if (field.isEmpty())
        return false;
    if (field.front().isSpace() || field.back().isSpace())
        return true;
    for (QChar c : field)
        if (c == separator || c == u'"' || c == u'\n' || c == u'\r')
            return true;
    return false;
}

QString CsvWriter::quoted(const QString &field, QChar separator)
{
    if (!needsQuotes(field, separator))
        return field;
    QString out;
    out.reserve(field.size() + 2);
    out += u'"';
    for (QChar c : field) {
        if (c == u'"')
            out += u'"';
        out += c;
    }
    out += u'"';
    return out;
}

QString CsvWriter::formatRow(const QStringList &fields, QChar separator)
{
    QString line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += separator;
        line += quoted(neutralised(fields.at(i)), separator);
    }
    line += QStringLiteral("\r\n");
    return line;
}

Status CsvWriter::writeRow(const QStringList &fields)
{
    for (const QString &field : fields)
        addField(field);
    if (auto ok = endRow(); !ok)
        return ok;
    return flush();
}

char *CsvWriter::appendUtf8(char *out, QStringView text)
{
    // Plain ASCII by hand (most fields are); Qt's encoder from the first
    // character beyond it, so surrogate pairs are never split.
    qsizetype i = 0;
    for (; i < text.size() && text[i].unicode() < 0x80; ++i)
        *out++ = char(text[i].unicode());
    return i < text.size() ? m_utf8.appendToBuffer(out, text.sliced(i)) : out;
}

bool CsvWriter::isFormulaLike(QStringView text)
{
    qsizetype i = 0;
    while (i < text.size() && text[i] == u'\'')
        ++i;
    if (i >= text.size())
        return false;
    switch (text[i].unicode()) {
    case u'=':
    case u'+':
    case u'-':
    case u'@':
    case u'\t':
    case u'\r':
        return true;
    default:
        return false;
    }
}

QString CsvWriter::neutralised(const QString &text)
{
    return isFormulaLike(text) ? u'\'' + text : text;
}

QString CsvWriter::restored(const QString &field)
{
    return field.startsWith(u'\'') && isFormulaLike(QStringView(field).sliced(1)) ? field.sliced(1) : field;
}

void CsvWriter::addField(QStringView field)
{
    appendField(field, m_options.neutraliseFormulas && isFormulaLike(field));
}

void CsvWriter::addNumber(QStringView field)
{
    appendField(field, false);
}

void CsvWriter::appendField(QStringView field, bool neutralise)
{
    if (m_rowStarted)
        m_bytes += m_separator;
    m_rowStarted = true;
    const bool quote = needsQuotes(field, m_options.separator);
    const qsizetype start = m_bytes.size();
    // Three bytes a character is the most UTF-8 needs (a doubled quote takes
    // two, a surrogate pair four); two more for the quotes around, one for
    // the neutralising quote.
    m_bytes.resize(start + 3 * field.size() + 3);
    char *out = m_bytes.data() + start;
    if (!quote) {
        if (neutralise)
            *out++ = '\'';
        out = appendUtf8(out, field);
    } else {
        *out++ = '"';
        if (neutralise)
            *out++ = '\'';
        qsizetype from = 0;
        for (qsizetype i = 0; i < field.size(); ++i) {
            if (field[i] == u'"') {
                out = appendUtf8(out, field.sliced(from, i + 1 - from));
                *out++ = '"';
                from = i + 1;
            }
        }
        out = appendUtf8(out, field.sliced(from));
        *out++ = '"';
    }
    m_bytes.resize(out - m_bytes.constData());
}

Status CsvWriter::endRow()
{
    m_bytes += "\r\n";
    m_rowStarted = false;
    ++m_rows;
    constexpr qsizetype BlockBytes = 1 << 16;
    return m_bytes.size() >= BlockBytes ? flush() : Status{};
}

Status CsvWriter::flush()
{
    if (m_bytes.isEmpty())
        return {};
    if (m_device.write(m_bytes) != m_bytes.size())
        return fail(Error::storage(tr("Could not write the CSV file: %1").arg(m_device.errorString())));
    // resize() keeps the capacity: the next block reuses it.
    m_bytes.resize(0);
    return {};
}

} // namespace hub
