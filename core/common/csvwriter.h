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
        /// Text cells a spreadsheet would run as a formula get a leading
        /// quote (see isFormulaLike); numbers go through addNumber() as they are.
        bool neutraliseFormulas = true;
    };

    explicit CsvWriter(QIODevice &device);
    CsvWriter(QIODevice &device, Options options);

    /// One row of text cells, written to the device at once.
    Status writeRow(const QStringList &fields);
    /// The same one field at a time, for exports of many rows: fields go
    /// straight into a UTF-8 buffer that reaches the device a block at a
    /// time, so nothing is allocated per row. flush() after the last row.
    void addField(QStringView field);
    /// A number (an amount such as -3.50, a count): never neutralised.
    void addNumber(QStringView field);
    Status endRow();
    Status flush();
    int rowsWritten() const { return m_rows; }

    /// True when a spreadsheet would run `text` as a formula: it starts with
    /// =, +, -, @, TAB or CR (OWASP's list), or with a quote followed by such
    /// a text (so that prefixing one quote can always be undone exactly).
    static bool isFormulaLike(QStringView text);
    /// `text` with a leading quote when isFormulaLike(), as the writers put it.
    static QString neutralised(const QString &text);
    /// Undoes neutralised(): what a reader of our own CSV gives back.
    static QString restored(const QString &field);

    /// One row as CSV text including its CRLF.
    static QString formatRow(const QStringList &fields, QChar separator = u',');
    /// One field, quoted if it holds the separator, a quote, a line break or
    /// leading/trailing spaces (which readers would otherwise trim).
    static QString quoted(const QString &field, QChar separator = u',');

private:
    static bool needsQuotes(QStringView field, QChar separator);
    void appendField(QStringView field, bool neutralise);
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
