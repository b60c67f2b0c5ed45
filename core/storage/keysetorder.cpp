// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/keysetorder.h"

#include "core/storage/query.h"

namespace hub {

namespace {
QString placeholder(qsizetype i)
{
    return QStringLiteral(":key%1").arg(i);
}
} // namespace

KeysetOrder::KeysetOrder(QList<Column> columns, bool descending)
    : m_columns(std::move(columns)), m_descending(descending)
{}

bool KeysetOrder::descendingAt(qsizetype column) const
{
    // Only the first column follows the list's direction; the tie-breakers
    // keep their own, so names stay A to Z within one date either way.
    const bool own = m_columns.at(column).descending;
    return column == 0 ? own != m_descending : own;
}

QString KeysetOrder::orderBy() const
{
    QStringList parts;
    for (qsizetype i = 0; i < m_columns.size(); ++i)
        parts << m_columns.at(i).expression + (descendingAt(i) ? QStringLiteral(" DESC") : QStringLiteral(" ASC"));
    return parts.join(QStringLiteral(", "));
}

QString KeysetOrder::keyColumns() const
{
    QString out;
    for (const Column &c : m_columns)
        out += QStringLiteral(", ") + c.expression;
    return out;
}

QString KeysetOrder::after(const PageKey &key) const
{
    if (key.isFirst())
        return {};
    // All in one direction: one row-value comparison, which SQLite (and
    // PostgreSQL) answer with a range of an index on those columns.
    bool oneWay = true;
    for (qsizetype i = 1; i < m_columns.size(); ++i)
        oneWay = oneWay && descendingAt(i) == descendingAt(0);
    if (oneWay && m_columns.size() > 1) {
        QStringList left;
        QStringList right;
        for (qsizetype i = 0; i < m_columns.size(); ++i) {
            left << m_columns.at(i).expression;
            right << placeholder(i);
        }
        return QStringLiteral("(%1) %2 (%3)")
            .arg(left.join(QStringLiteral(", ")), descendingAt(0) ? QStringLiteral("<") : QStringLiteral(">"),
                 right.join(QStringLiteral(", ")));
    }
    // Mixed directions, built from the last column outwards: each level is "beyond on this
    // column, or equal on it and beyond on the next".
    QString condition;
    for (qsizetype i = m_columns.size() - 1; i >= 0; --i) {
        const QString &e = m_columns.at(i).expression;
        const QString beyond = e + (descendingAt(i) ? QStringLiteral(" < ") : QStringLiteral(" > ")) + placeholder(i);
        condition = condition.isEmpty()
                        ? beyond
                        : QStringLiteral("(%1 OR (%2 = %3 AND %4))").arg(beyond, e, placeholder(i), condition);
    }
    return condition;
}

QString KeysetOrder::narrowed(const QString &where, const PageKey &key) const
{
    const QString beyond = after(key);
    if (beyond.isEmpty())
        return where;
    return where + (where.isEmpty() ? QStringLiteral(" WHERE ") : QStringLiteral(" AND ")) + beyond;
}

void KeysetOrder::bind(Query &query, const PageKey &key) const
{
    for (qsizetype i = 0; i < key.values.size() && i < m_columns.size(); ++i)
        query.bind(placeholder(i), key.values.at(i));
}

PageKey KeysetOrder::keyOf(const Query &query, int firstColumn) const
{
    PageKey key;
    for (qsizetype i = 0; i < m_columns.size(); ++i)
        key.values << query.value(firstColumn + int(i));
    return key;
}

} // namespace hub
