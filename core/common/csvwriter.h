// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"

#include <QCoreApplication>
#include <QStringConverter>
#include <QStringList>

class QIODevice;

namespace hub {

/// Writes RFC 4180 CSV to a device, one row at a time so large exports never
/// sit in memory: UTF-8, CRLF line ends, fields quoted only when they need it.
class CsvWriter
{
    Q_DECLARE_TR_FUNCTIONS(hub::CsvWriter)
public:
    struct Options
    {
        QChar separator = u',';
        /// Starts the file with a UTF-8 byte-order mark, which spreadsheet
        /// programs need to read the file as UTF-8 rather than a legacy code page.
        bool bom = false;
    };

    explicit CsvWriter(QIODevice &device);
    CsvWriter(QIODevice &device, Options options);

    /// One row, written to the device at once.
    Status writeRow(const QStringList &fields);
    /// The same one field at a time, for exports of many rows: fields go
    /// straight into a UTF-8 buffer that reaches the device a block at a
    /// time, so nothing is allocated per row. flush() after the last row.
    void addField(QStringView field);
    Status endRow();
    Status flush();
    int rowsWritten() const { return m_rows; }

    /// One row as CSV text including its CRLF.
    static QString formatRow(const QStringList &fields, QChar separator = u',');
    /// One field, quoted if it holds the separator, a quote, a line break or
    /// leading/trailing spaces (which readers would otherwise trim).
    static QString quoted(const QString &field, QChar separator = u',');

private:
    static bool needsQuotes(QStringView field, QChar separator);
    /// Appends UTF-8 from `out` on; `out` has room for three bytes a character.
    char *appendUtf8(char *out, QStringView text);

    QIODevice &m_device;
    Options m_options;
    QByteArray m_separator; ///< in UTF-8
    int m_rows = 0;
    bool m_rowStarted = false;
    QByteArray m_bytes; ///< rows not yet written
    QStringEncoder m_utf8{QStringEncoder::Utf8, QStringEncoder::Flag::Stateless};
};

} // namespace hub
