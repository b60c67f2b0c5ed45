// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace hub {

/// One record of a CSV file.
struct CsvRecord
{
    int row = 0;  ///< as a spreadsheet numbers it: the header is row 1
    int line = 0; ///< 1-based line of the file where the record starts
    QStringList fields;

    /// The field in `column`, or an empty string when the record is short.
    /// A text our CSV writers neutralised ("'=SUM(…)") comes back as it was.
    QString field(qsizetype column) const;
};

/// A whole CSV file: the header row and the records after it.
struct CsvTable
{
    QChar separator = u',';
    bool hadBom = false;
    QStringList headers;
    QList<CsvRecord> records; ///< data records only; blank lines are skipped but still counted as rows
};

/// Reads RFC 4180 CSV: UTF-8 with or without a byte-order mark, `,` or `;`
/// separators (detected from the header line), quoted fields with doubled
/// quotes, separators and line breaks inside them. Line breaks inside a
/// quoted field come back as "\n" whatever the file used.
class CsvReader
{
    Q_DECLARE_TR_FUNCTIONS(hub::CsvReader)
public:
    /// Parses `bytes`. Errors (Error::invalid) name the line: bad UTF-8, an
    /// unterminated quote, text after a closing quote, an empty file or a
    /// missing header row.
    static Result<CsvTable> read(const QByteArray &bytes);

    /// The separator the header line uses outside quotes: `;` when it has more
    /// semicolons than commas, else `,`.
    static QChar detectSeparator(QStringView headerLine);

    /// The 1-based line of the first byte that is not valid UTF-8, or 0 if all is well.
    static int firstBadUtf8Line(const QByteArray &bytes);
};

} // namespace hub
