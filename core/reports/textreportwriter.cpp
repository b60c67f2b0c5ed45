// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/textreportwriter.h"

#include <QCoreApplication>
#include <QIODevice>

namespace hub {

namespace {

struct TextTr
{
    Q_DECLARE_TR_FUNCTIONS(hub::TextReportWriter)
};

bool rightAligned(ReportType type)
{
    switch (type) {
    case ReportType::Integer:
    case ReportType::Amount:
    case ReportType::Percent:
    case ReportType::Decimal:
        return true;
    case ReportType::Text:
    case ReportType::Date:
    case ReportType::DateTime:
        return false;
    }
    return false;
}

} // namespace

TextReportWriter::TextReportWriter(QIODevice &device, ReportFormat format, std::function<bool()> cancelled)
    : m_device(device), m_format(std::move(format)), m_cancelled(std::move(cancelled))
{}

Status TextReportWriter::write(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    if (m_device.write(bytes) != bytes.size())
        return fail(Error::storage(TextTr::tr("Could not write the report: %1").arg(m_device.errorString())));
    return {};
}

Status TextReportWriter::begin(const ReportHeading &heading)
{
    QString line = heading.title;
    if (!heading.hubName.isEmpty())
        line += QStringLiteral(" — ") + heading.hubName;
    if (!heading.period.isEmpty())
        line += QStringLiteral(" — ") + heading.period;
    if (!heading.unit.isEmpty())
        line += QStringLiteral(" (") + TextTr::tr("amounts in %1").arg(heading.unit) + u')';
    if (!heading.seal.isEmpty())
        line += u'\n' + TextTr::tr("Seal %1").arg(heading.seal);
    return write(line + u'\n');
}

QStringList TextReportWriter::cells(const QVariantList &values) const
{
    QStringList out;
    for (qsizetype i = 0; i < m_columns.size(); ++i)
        out << (i < values.size() ? m_format.display(values[i], m_columns[i].type) : QString());
    return out;
}

Status TextReportWriter::beginTable(const ReportTableHeader &header)
{
    m_columns = header.columns;
    m_widths.clear();
    for (const ReportColumn &c : std::as_const(m_columns))
        m_widths << c.title.size();
    m_sample.clear();
    m_widthsFixed = false;
    m_rows = 0;
    return write(QStringLiteral("\n") + header.title + u'\n');
}

Status TextReportWriter::writeLine(const QStringList &cells)
{
    QString line;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            line += QStringLiteral("  ");
        const bool right = rightAligned(m_columns[i].type);
        const bool last = i + 1 == cells.size();
        // The last left-aligned column is not padded: no trailing blanks.
        line += right ? cells[i].rightJustified(m_widths[i]) : last ? cells[i] : cells[i].leftJustified(m_widths[i]);
    }
    while (line.endsWith(u' '))
        line.chop(1);
    return write(line + u'\n');
}

Status TextReportWriter::flushSample()
{
    m_widthsFixed = true;
    QStringList titles;
    QStringList rules;
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        titles << m_columns[i].title;
        rules << QString(m_widths[i], u'-');
    }
    if (auto ok = writeLine(titles); !ok)
        return ok;
    if (auto ok = writeLine(rules); !ok)
        return ok;
    for (const QStringList &sampled : std::as_const(m_sample))
        if (auto ok = writeLine(sampled); !ok)
            return ok;
    m_sample.clear();
    return {};
}

Status TextReportWriter::row(const QVariantList &values)
{
    ++m_rows;
    const QStringList line = cells(values);
    if (m_widthsFixed)
        return writeLine(line);
    for (qsizetype i = 0; i < line.size(); ++i)
        m_widths[i] = std::max(m_widths[i], line[i].size());
    m_sample << line;
    if (m_sample.size() >= SampleRows)
        return flushSample();
    return {};
}

Status TextReportWriter::endTable(const QVariantList &totals, const QStringList &notes)
{
    QStringList totalCells;
    if (!totals.isEmpty()) {
        totalCells = cells(totals);
        if (!m_widthsFixed)
            for (qsizetype i = 0; i < totalCells.size(); ++i)
                m_widths[i] = std::max(m_widths[i], totalCells[i].size());
    }
    if (!m_widthsFixed)
        if (auto ok = flushSample(); !ok)
            return ok;
    if (m_rows == 0)
        if (auto ok = write(TextTr::tr("(nothing in this period)") + u'\n'); !ok)
            return ok;
    if (!totals.isEmpty()) {
        QStringList rules;
        for (qsizetype i = 0; i < m_columns.size(); ++i)
            rules << QString(m_widths[i], u'-');
        if (auto ok = writeLine(rules); !ok)
            return ok;
        if (auto ok = writeLine(totalCells); !ok)
            return ok;
    }
    for (const QString &note : notes)
        if (auto ok = write(note + u'\n'); !ok)
            return ok;
    return {};
}

Status TextReportWriter::end()
{
    return {};
}

} // namespace hub
