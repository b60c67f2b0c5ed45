// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/previewreportsink.h"

#include <QCoreApplication>

namespace hub {

PreviewReportSink::PreviewReportSink(qint64 rowLimit, std::function<bool()> cancelled)
    : m_limit(rowLimit), m_cancelled(std::move(cancelled))
{}

Status PreviewReportSink::begin(const ReportHeading &heading)
{
    m_heading = heading;
    m_tables.clear();
    m_produced.clear();
    m_kept = 0;
    return {};
}

Status PreviewReportSink::beginTable(const ReportTableHeader &header)
{
    m_tables.append(ReportTable{header, {}, {}, {}});
    m_produced.append(0);
    return {};
}

Status PreviewReportSink::row(const QVariantList &values)
{
    if (m_tables.isEmpty())
        return fail(Error::usage(QStringLiteral("row() before beginTable()")));
    if ((m_produced.last() & 0x3ff) == 0 && isCancelled())
        return fail(Error::refused(QCoreApplication::translate("hub::PreviewReportSink", "The report was cancelled.")));
    ++m_produced.last();
    if (m_kept < m_limit) {
        m_tables.last().rows.append(values);
        ++m_kept;
    }
    return {};
}

Status PreviewReportSink::endTable(const QVariantList &totals, const QStringList &notes)
{
    if (m_tables.isEmpty())
        return fail(Error::usage(QStringLiteral("endTable() before beginTable()")));
    m_tables.last().totals = totals;
    m_tables.last().notes = notes;
    return {};
}

} // namespace hub
