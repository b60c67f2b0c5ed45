// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/sqldialect.h"

#include <QRegularExpression>

namespace hub {

namespace {
// SQLite's min(a, b) and max(a, b) with two or more arguments are scalar;
// PostgreSQL calls them least() and greatest(). The one-argument aggregates
// stay as they are.
QString scalarMinMax(QString sql)
{
    static const QRegularExpression call(QStringLiteral("\\b(min|max)\\("), QRegularExpression::CaseInsensitiveOption);
    qsizetype from = 0;
    for (auto m = call.match(sql, from); m.hasMatch(); m = call.match(sql, from)) {
        const qsizetype open = m.capturedEnd() - 1;
        int depth = 0;
        bool scalar = false;
        bool quoted = false;
        for (qsizetype i = open; i < sql.size(); ++i) {
            const QChar c = sql.at(i);
            if (c == u'\'')
                quoted = !quoted;
            else if (quoted)
                continue;
            else if (c == u'(')
                ++depth;
            else if (c == u')' && --depth == 0)
                break;
            else if (c == u',' && depth == 1)
                scalar = true;
        }
        if (scalar) {
            const bool isMin = m.captured(1).compare(QStringLiteral("min"), Qt::CaseInsensitive) == 0;
            sql.replace(m.capturedStart(), m.capturedLength() - 1,
                        isMin ? QStringLiteral("least") : QStringLiteral("greatest"));
        }
        from = m.capturedStart() + 1;
    }
    return sql;
}
} // namespace

QString SqlDialect::forServer(const QString &sql)
{
    QString out = scalarMinMax(sql);
    static const QRegularExpression orIgnore(QStringLiteral("\\bINSERT OR IGNORE INTO\\b"),
                                             QRegularExpression::CaseInsensitiveOption);
    if (out.contains(orIgnore)) {
        out.replace(orIgnore, QStringLiteral("INSERT INTO"));
        out = out.trimmed();
        if (out.endsWith(u';'))
            out.chop(1);
        out += QStringLiteral(" ON CONFLICT DO NOTHING");
    }
    static const QRegularExpression groupConcat(QStringLiteral("\\bgroup_concat\\("),
                                                QRegularExpression::CaseInsensitiveOption);
    out.replace(groupConcat, QStringLiteral("string_agg("));
    static const QRegularExpression match(QStringLiteral("\\b(\\w+) MATCH (:\\w+)"));
    out.replace(match, QStringLiteral("\\1.document @@ to_tsquery('simple', \\2)"));
    // SQLite reads LIMIT -1 as "no limit"; PostgreSQL's "no limit" is NULL.
    static const QRegularExpression limit(QStringLiteral("\\bLIMIT (:\\w+)"));
    out.replace(limit, QStringLiteral("LIMIT nullif(\\1, -1)"));
    static const QRegularExpression indexedBy(QStringLiteral(" INDEXED BY \\w+"));
    out.remove(indexedBy);
    out.replace(QStringLiteral("strftime('%s', 'now')"), QStringLiteral("CAST(extract(epoch FROM now()) AS BIGINT)"));
    return out;
}

} // namespace hub
