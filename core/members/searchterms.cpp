// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/members/searchterms.h"

#include "core/common/textfold.h"

namespace hub {

namespace {
// As many words as anyone types into a search box; more only cost time.
constexpr qsizetype MostWords = 8;
// member_words keeps words cut at this length (0011_member_words.sql).
constexpr qsizetype LongestWord = 100;

QString n(int i)
{
    return QString::number(i);
}
} // namespace

SearchTerms::SearchTerms(const QString &typed, Backend backend)
    : m_words(TextFold::words(typed).mid(0, MostWords)), m_backend(backend)
{
    if (m_backend == Backend::PostgreSQL)
        for (QString &word : m_words)
            word = word.left(LongestWord);
}

QString SearchTerms::wordRange(int i, const QString &column) const
{
    // Every word that starts with :wN sorts from :wN up to :wN followed by
    // the last code point there is (in byte order, member_words' collation).
    return QStringLiteral("%1 >= :w%2 AND %1 < :w%2 || chr(1114111)").arg(column, n(i));
}

QString SearchTerms::eachWord(const QString &columns) const
{
    // Each word's first-of-a-run rows (shared < its length): a member once per word.
    QStringList each;
    for (int i = 0; i < m_words.size(); ++i)
        each << QStringLiteral("SELECT %1 FROM member_words WHERE %2 AND shared < :n%3")
                    .arg(columns, wordRange(i, QStringLiteral("word")), n(i));
    return each.join(QStringLiteral(" INTERSECT "));
}

QString SearchTerms::ids() const
{
    if (m_backend != Backend::PostgreSQL)
        return QStringLiteral("SELECT rowid AS id FROM member_search WHERE member_search MATCH :match");
    return eachWord(QStringLiteral("member_id AS id"));
}

QString SearchTerms::idsWithSortKeys() const
{
    if (m_backend != Backend::PostgreSQL)
        return QStringLiteral("SELECT f.id, f.sort_key FROM members f WHERE f.id IN (%1)").arg(ids());
    return eachWord(QStringLiteral("member_id AS id, sort_key"));
}

QString SearchTerms::matchesMember() const
{
    if (m_backend != Backend::PostgreSQL)
        return QStringLiteral("m.id IN (%1)").arg(ids());
    // A subquery with LIMIT stays one look-up per member: the planner may
    // not turn it into a join that reads every match first.
    QStringList each;
    for (int i = 0; i < m_words.size(); ++i)
        each << QStringLiteral("(SELECT true FROM member_words w WHERE w.member_id = m.id AND %1 LIMIT 1)")
                    .arg(wordRange(i, QStringLiteral("w.word")));
    return each.join(QStringLiteral(" AND "));
}

QString SearchTerms::count() const
{
    if (m_backend != Backend::PostgreSQL)
        return QStringLiteral("SELECT count(*) FROM member_search WHERE member_search MATCH :match");
    if (m_words.size() == 1)
        return QStringLiteral("SELECT count(*) FROM member_words WHERE %1 AND shared < :n0")
            .arg(wordRange(0, QStringLiteral("word")));
    return QStringLiteral("SELECT count(*) FROM (%1) AS found").arg(ids());
}

QString SearchTerms::countUpTo() const
{
    if (m_backend != Backend::PostgreSQL)
        return QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM member_search WHERE member_search MATCH :match "
                              "LIMIT :cap) AS found");
    return QStringLiteral("SELECT count(*) FROM (%1 LIMIT :cap) AS found").arg(ids());
}

void SearchTerms::bindTo(Binds &binds) const
{
    if (m_words.isEmpty())
        return;
    if (m_backend != Backend::PostgreSQL) {
        binds.append({QStringLiteral(":match"), ftsMatch()});
        return;
    }
    for (int i = 0; i < m_words.size(); ++i) {
        binds.append({QStringLiteral(":w") + n(i), m_words.at(i)});
        // Counted in code points, as the server's length() counts them.
        binds.append({QStringLiteral(":n") + n(i), qsizetype(m_words.at(i).toUcs4().size())});
    }
}

QString SearchTerms::ftsMatch() const
{
    // Words are letters and digits only, so FTS5's syntax needs no escaping.
    QStringList terms;
    for (const QString &word : m_words)
        terms << u'"' + word + QStringLiteral("\"*");
    return terms.join(u' ');
}

} // namespace hub
