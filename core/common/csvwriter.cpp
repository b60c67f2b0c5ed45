// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/csvwriter.h"

#include <QIODevice>

namespace hub {

CsvWriter::CsvWriter(QIODevice &device) : CsvWriter(device, Options{})
{}

CsvWriter::CsvWriter(QIODevice &device, Options options) : m_device(device), m_options(options)
{}

QString CsvWriter::quoted(const QString &field, QChar separator)
{
    const bool needsQuotes =
        field.contains(separator) || field.contains(u'"') || field.contains(u'\n') ||
        field.contains(u'\r') ||
        (!field.isEmpty() && (field.front().isSpace() || field.back().isSpace()));
    if (!needsQuotes)
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
        line += quoted(fields.at(i), separator);
    }
    line += QStringLiteral("\r\n");
    return line;
}

Status CsvWriter::writeRow(const QStringList &fields)
{
    QByteArray bytes;
    if (m_rows == 0 && m_options.bom)
        bytes = QByteArrayLiteral("\xEF\xBB\xBF");
    bytes += formatRow(fields, m_options.separator).toUtf8();
    if (m_device.write(bytes) != bytes.size())
        return fail(
            Error::storage(tr("Could not write the CSV file: %1").arg(m_device.errorString())));
    ++m_rows;
    return {};
}

} // namespace hub
