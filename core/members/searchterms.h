// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/storage/backend.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <utility>

namespace hub {

/// What a person typed into a member search, as SQL over the hub's search
/// index: every word a prefix of some word of the member's, all required.
/// A file asks its FTS5 table; a server asks `member_words`, a plain table
/// of each member's words whose index answers a prefix as a range without
/// reading the members (its tsvector index had to recheck every match).
/// Every fragment names its values as placeholders; bindTo() adds them.
class SearchTerms
{
public:
    using Binds = QList<std::pair<QString, QVariant>>;

    SearchTerms(const QString &typed, Backend backend);

    bool isEmpty() const { return m_words.isEmpty(); }
    /// A query of the ids of the members found, as column `id`.
    QString ids() const;
    /// On a server: the ids and sort keys (columns `id`, `sort_key`) of the
    /// members found, read from the word index alone.
    QString idsWithSortKeys() const;
    /// A condition true for the member row `m` when it is found, tested one
    /// member at a time: for walking the members in name order.
    QString matchesMember() const;
    /// "SELECT count(*) …" of the members found.
    QString count() const;
    /// "SELECT count(*) …" of the members found, counting at most `:cap`.
    QString countUpTo() const;
    void bindTo(Binds &binds) const;
    /// A file's FTS5 query: every word a prefix ("mar"* "kow"*).
    QString ftsMatch() const;

private:
    QString wordRange(int i, const QString &column) const;
    /// On a server: `columns` of the members having every word, one query per word, intersected.
    QString eachWord(const QString &columns) const;

    QStringList m_words;
    Backend m_backend;
};

} // namespace hub
