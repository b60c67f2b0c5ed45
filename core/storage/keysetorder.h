// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QVariantList>

namespace hub {

class Query;

/// Where the next page of a list starts: the sort values of the last row
/// fetched. Empty: the first page.
struct PageKey
{
    QVariantList values;
    bool isFirst() const { return values.isEmpty(); }
};

/// One page of a list, and the key of the page after it.
template<typename Row> struct Page
{
    QList<Row> rows;
    PageKey next;
};

/// The ORDER BY of a list and the condition "after this key" for keyset
/// paging: a page deep in a long list costs what the first does, where
/// OFFSET would read and skip every row before it. The last column must
/// make the order total (an id), and no column may be NULL (wrap it in
/// coalesce), since a NULL compares as neither before nor after.
class KeysetOrder
{
public:
    struct Column
    {
        QString expression;      ///< constant SQL, e.g. "m.sort_key"
        bool descending = false; ///< relative to the list's direction
    };

    KeysetOrder(QList<Column> columns, bool descending);

    /// "a DESC, b ASC, c ASC"
    QString orderBy() const;
    /// The sort expressions as extra result columns, ", a, b, c", to read
    /// the key of a page's last row with keyOf().
    QString keyColumns() const;
    /// "(a, b) > (:key0, :key1)" when every column runs one way (an index
    /// range), "(a < :key0 OR (a = :key0 AND b > :key1))" when they do not,
    /// or empty on the first page.
    QString after(const PageKey &key) const;
    /// `where` (empty, or " WHERE …") narrowed to the rows after `key`.
    QString narrowed(const QString &where, const PageKey &key) const;
    /// Binds the values after() names.
    void bind(Query &query, const PageKey &key) const;
    /// The key of the row `query` stands on, whose key columns start at `firstColumn`.
    PageKey keyOf(const Query &query, int firstColumn) const;

private:
    bool descendingAt(qsizetype column) const;

    QList<Column> m_columns;
    bool m_descending;
};

} // namespace hub
