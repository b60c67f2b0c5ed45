// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/hubctl/clioutput.h"

#include "core/common/textrules.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace hub::cli {

namespace {
// Text from the hub may hold what a terminal would obey (ESC sequences,
// direction overrides): such characters are printed as \uXXXX, never raw.
void write(FILE *stream, const QString &text)
{
    const QByteArray bytes = TextRules::printable(text).toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

// Width on a terminal: combining marks take none, so "Zoë" in NFD still aligns.
qsizetype displayWidth(const QString &s)
{
    qsizetype w = 0;
    for (QChar c : s)
        if (!c.isMark() && !c.isLowSurrogate())
            ++w;
    return w;
}
} // namespace

void CliOutput::document(const QJsonValue &value) const
{
    if (!m_json)
        return;
    QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    write(stdout, QString::fromUtf8(doc.toJson(QJsonDocument::Indented)));
}

void CliOutput::text(const QString &text) const
{
    if (m_json)
        return;
    write(stdout, text.endsWith(u'\n') ? text : text + u'\n');
}

void CliOutput::table(const QStringList &headers, const QList<QStringList> &rows) const
{
    if (m_json)
        return;
    QList<qsizetype> widths;
    for (const QString &h : headers)
        widths << displayWidth(h);
    for (const QStringList &row : rows)
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], displayWidth(row[i]));
    const auto line = [&](const QStringList &cells) {
        QString out;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            out += cells[i];
            if (i + 1 < cells.size())
                out += QString(widths[i] - displayWidth(cells[i]) + 2, u' ');
        }
        return out + u'\n';
    };
    QString out = line(headers);
    for (const QStringList &row : rows)
        out += line(row);
    write(stdout, out);
}

void CliOutput::result(const QJsonValue &value, const QString &text) const
{
    if (m_json)
        document(value);
    else
        this->text(text);
}

void CliOutput::message(const QString &text) const
{
    write(stderr, text.endsWith(u'\n') ? text : text + u'\n');
}

int CliOutput::error(const Error &error) const
{
    if (m_json) {
        QJsonObject e{{QStringLiteral("kind"), error.kindName()},
                      {QStringLiteral("message"), error.message},
                      {QStringLiteral("exit_code"), error.exitCode()}};
        e.insert(QStringLiteral("where"), error.where.isEmpty() ? QJsonValue() : QJsonValue(error.where));
        document(QJsonObject{{QStringLiteral("error"), e}});
    }
    message(QStringLiteral("hubctl: ") + error.text());
    return error.exitCode();
}

QString CliOutput::shownPath(const QString &path)
{
    return QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
}

} // namespace hub::cli
