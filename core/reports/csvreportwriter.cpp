// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/csvreportwriter.h"

#include <QIODevice>

namespace hub {

CsvReportWriter::CsvReportWriter(QIODevice &device, ReportFormat format, bool bom, std::function<bool()> cancelled)
    : m_device(device), m_csv(device, CsvWriter::Options{u',', bom}), m_format(std::move(format)),
      m_cancelled(std::move(cancelled))
{}

Status CsvReportWriter::begin(const ReportHeading &)
{
    return {};
}

Status CsvReportWriter::beginTable(const ReportTableHeader &header)
{
    QStringList keys;
    for (const ReportColumn &c : header.columns)
        keys << c.key;
    m_columns = header.columns;
    if (m_anyTable && keys == m_keys)
        return {};
    if (auto flushed = m_csv.flush(); !flushed)
        return flushed;
    if (m_anyTable && m_device.write("\r\n", 2) != 2)
        return fail(Error::storage(CsvWriter::tr("Could not write the CSV file: %1").arg(m_device.errorString())));
    m_anyTable = true;
    m_keys = keys;
    return m_csv.writeRow(keys);
}

Status CsvReportWriter::row(const QVariantList &values)
{
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        const ReportType type = m_columns.at(i).type;
        const QStringView text = i < values.size() ? m_format.textView(values.at(i), type, m_scratch) : QStringView();
        // A memo or a name may look like a formula; an amount such as -3.50 is a number.
        const bool number = type == ReportType::Integer || type == ReportType::Amount || type == ReportType::Percent ||
                            type == ReportType::Decimal;
        if (number)
            m_csv.addNumber(text);
        else
            m_csv.addField(text);
    }
    return m_csv.endRow();
}

Status CsvReportWriter::endTable(const QVariantList &, const QStringList &)
{
    return m_csv.flush();
}

Status CsvReportWriter::end()
{
    return m_csv.flush();
}

} // namespace hub
