// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"

#include <QCoreApplication>
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

    Status writeRow(const QStringList &fields);
    int rowsWritten() const { return m_rows; }

    /// One row as CSV text including its CRLF.
    static QString formatRow(const QStringList &fields, QChar separator = u',');
    /// One field, quoted if it holds the separator, a quote, a line break or
    /// leading/trailing spaces (which readers would otherwise trim).
    static QString quoted(const QString &field, QChar separator = u',');

private:
    QIODevice &m_device;
    Options m_options;
    int m_rows = 0;
};

} // namespace hub
