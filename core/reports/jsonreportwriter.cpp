// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/jsonreportwriter.h"

#include <QCoreApplication>
#include <QIODevice>

#include <cmath>

namespace hub {

namespace {
struct JsonTr
{
    Q_DECLARE_TR_FUNCTIONS(hub::JsonReportWriter)
};

QString typeName(ReportType type)
{
    switch (type) {
    case ReportType::Text:
        return QStringLiteral("text");
    case ReportType::Integer:
        return QStringLiteral("integer");
    case ReportType::Amount:
        return QStringLiteral("amount");
    case ReportType::Percent:
        return QStringLiteral("percent");
    case ReportType::Decimal:
        return QStringLiteral("decimal");
    case ReportType::Date:
        return QStringLiteral("date");
    case ReportType::DateTime:
        return QStringLiteral("datetime");
    }
    return QStringLiteral("text");
}
} // namespace

JsonReportWriter::JsonReportWriter(QIODevice &device, ReportFormat format, std::function<bool()> cancelled)
    : m_device(device), m_format(std::move(format)), m_cancelled(std::move(cancelled))
{}

QString JsonReportWriter::quoted(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += u'"';
    for (QChar c : text) {
        switch (c.unicode()) {
        case u'"':
            out += QStringLiteral("\\\"");
            break;
        case u'\\':
            out += QStringLiteral("\\\\");
            break;
        case u'\n':
            out += QStringLiteral("\\n");
            break;
        case u'\r':
            out += QStringLiteral("\\r");
            break;
        case u'\t':
            out += QStringLiteral("\\t");
            break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += u'"';
    return out;
}

Status JsonReportWriter::write(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    if (m_device.write(bytes) != bytes.size())
        return fail(Error::storage(JsonTr::tr("Could not write the JSON file: %1").arg(m_device.errorString())));
    return {};
}

Status JsonReportWriter::begin(const ReportHeading &heading)
{
    const auto field = [](const QString &key, const QString &value) {
        return quoted(key) + QStringLiteral(": ") + quoted(value) + QStringLiteral(",\n ");
    };
    QString text = QStringLiteral("{") + field(QStringLiteral("report"), heading.name) +
                   field(QStringLiteral("title"), heading.title) + field(QStringLiteral("hub"), heading.hubName) +
                   field(QStringLiteral("period"), heading.period);
    if (heading.at.isValid()) {
        text += field(QStringLiteral("at"), heading.at.toString(Qt::ISODate));
    } else {
        text += field(QStringLiteral("from"), heading.from.toString(Qt::ISODate));
        text += field(QStringLiteral("to"), heading.to.toString(Qt::ISODate));
    }
    text += field(QStringLiteral("unit"), heading.unit);
    if (!heading.seal.isEmpty())
        text += field(QStringLiteral("seal"), heading.seal);
    text += QStringLiteral("\"decimals\": %1,\n \"tables\": [").arg(heading.decimals);
    m_tables = 0;
    return write(text);
}

Status JsonReportWriter::beginTable(const ReportTableHeader &header)
{
    m_columns = header.columns;
    m_keys.clear();
    QStringList columns;
    for (const ReportColumn &c : header.columns) {
        m_keys << quoted(c.key);
        columns << QStringLiteral("{\"key\": %1, \"title\": %2, \"type\": %3}")
                       .arg(quoted(c.key), quoted(c.title), quoted(typeName(c.type)));
    }
    QString text = m_tables++ > 0 ? QStringLiteral(",\n  {") : QStringLiteral("\n  {");
    text += QStringLiteral("\"title\": ") + quoted(header.title) + QStringLiteral(",\n   \"columns\": [") +
            columns.join(QStringLiteral(", ")) + u']';
    if (header.chart.kind != ReportChart::Kind::None) {
        QStringList values;
        for (const QString &key : header.chart.valueKeys)
            values << quoted(key);
        text +=
            QStringLiteral(",\n   \"chart\": {\"kind\": %1, \"category\": %2, \"values\": [%3], \"title\": %4}")
                .arg(quoted(header.chart.kind == ReportChart::Kind::Bars ? QStringLiteral("bars")
                                                                         : QStringLiteral("heat-map")),
                     quoted(header.chart.categoryKey), values.join(QStringLiteral(", ")), quoted(header.chart.title));
    }
    text += QStringLiteral(",\n   \"rows\": [");
    m_rows = 0;
    return write(text);
}

QString JsonReportWriter::object(const QVariantList &values) const
{
    QString text = QStringLiteral("{");
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        const QVariant value = i < values.size() ? values.at(i) : QVariant();
        const ReportType type = m_columns.at(i).type;
        const bool null = value.isNull() || !value.isValid();
        if (i > 0)
            text += QStringLiteral(", ");
        text += m_keys.at(i) + QStringLiteral(": ");
        if (null) {
            text += QStringLiteral("null");
            if (type == ReportType::Amount)
                text += QStringLiteral(", ") + quoted(m_columns.at(i).key + QStringLiteral("_minor")) +
                        QStringLiteral(": null");
            continue;
        }
        switch (type) {
        case ReportType::Integer:
            text += QString::number(value.toLongLong());
            break;
        case ReportType::Percent:
        case ReportType::Decimal:
            // Numbers, rounded as the text shows them; JSON has no NaN.
            text += std::isfinite(value.toDouble()) ? m_format.text(value, type) : QStringLiteral("null");
            break;
        case ReportType::Amount:
            text += quoted(m_format.text(value, type)) + QStringLiteral(", ") +
                    quoted(m_columns.at(i).key + QStringLiteral("_minor")) + QStringLiteral(": ") +
                    QString::number(value.toLongLong());
            break;
        default:
            text += quoted(m_format.text(value, type));
        }
    }
    text += u'}';
    return text;
}

Status JsonReportWriter::row(const QVariantList &values)
{
    return write((m_rows++ > 0 ? QStringLiteral(",\n    ") : QStringLiteral("\n    ")) + object(values));
}

Status JsonReportWriter::endTable(const QVariantList &totals, const QStringList &notes)
{
    QStringList quotedNotes;
    for (const QString &note : notes)
        quotedNotes << quoted(note);
    return write(
        QStringLiteral("],\n   \"totals\": %1,\n   \"notes\": [%2]}")
            .arg(totals.isEmpty() ? QStringLiteral("null") : object(totals), quotedNotes.join(QStringLiteral(", "))));
}

Status JsonReportWriter::end()
{
    return write(m_tables > 0 ? QStringLiteral("\n ]}\n") : QStringLiteral("]}\n"));
}

} // namespace hub
