// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/members/matchfinder.h"

#include "core/common/textfold.h"
#include "core/storage/database.h"
#include "core/storage/query.h"

#include <QSet>

#include <algorithm>

namespace hub {

namespace {

// Words too common in offers and needs to say anything about a match.
const QSet<QString> &stopWords()
{
    static const QSet<QString> words = {
        QStringLiteral("and"),   QStringLiteral("the"),     QStringLiteral("with"),    QStringLiteral("for"),
        QStringLiteral("can"),   QStringLiteral("help"),    QStringLiteral("need"),    QStringLiteral("needs"),
        QStringLiteral("some"),  QStringLiteral("our"),     QStringLiteral("your"),    QStringLiteral("you"),
        QStringLiteral("who"),   QStringLiteral("someone"), QStringLiteral("looking"), QStringLiteral("offer"),
        QStringLiteral("happy"), QStringLiteral("from"),    QStringLiteral("any"),     QStringLiteral("all"),
        QStringLiteral("have"),  QStringLiteral("has"),     QStringLiteral("will"),    QStringLiteral("this"),
        QStringLiteral("that"),  QStringLiteral("into"),    QStringLiteral("out"),     QStringLiteral("get"),
    };
    return words;
}

QStringList meaningfulWords(const QString &text)
{
    QStringList out;
    for (const QString &w : TextFold::words(text))
        if (w.size() >= 3 && !stopWords().contains(w) && !out.contains(w))
            out << w;
    return out;
}

// Any of the words, as an FTS5 query (or a tsquery on a hub server); empty
// when there is nothing to look for. Words are letters and digits only.
QString anyOf(const QStringList &words, Backend backend)
{
    if (backend == Backend::PostgreSQL)
        return words.mid(0, 12).join(QStringLiteral(" | "));
    QStringList quoted;
    for (const QString &w : words.mid(0, 12))
        quoted << u'"' + w + u'"';
    return quoted.join(QStringLiteral(" OR "));
}

QString district(const QString &postcode)
{
    Member m;
    m.postcode = postcode;
    return m.postcodeDistrict();
}

struct Side
{
    qint64 id = 0;
    MemberId member;
    SkillId skill;
    QString skillName;
    QString description;
    QString memberName;
    QString postcode;
    QVariant extra; // rate for an offer, urgency for a need
};

// The listing a match starts from, and the other side's candidates.
const QString OfferSide = QStringLiteral(
    "SELECT o.id, o.member_id, o.skill_id, coalesce(s.name, ''), o.description, m.display_name, m.postcode, "
    "o.rate_minor FROM offers o JOIN members m ON m.id = o.member_id LEFT JOIN skills s ON s.id = o.skill_id ");
const QString NeedSide = QStringLiteral(
    "SELECT n.id, n.member_id, n.skill_id, coalesce(s.name, ''), n.description, m.display_name, m.postcode, "
    "n.urgency FROM needs n JOIN members m ON m.id = n.member_id LEFT JOIN skills s ON s.id = n.skill_id ");

Side sideFrom(const Query &q)
{
    return Side{q.value(0).toLongLong(),
                MemberId(q.value(1).toLongLong()),
                SkillId(q.value(2).toLongLong()),
                q.value(3).toString(),
                q.value(4).toString(),
                q.value(5).toString(),
                q.value(6).toString(),
                q.value(7)};
}

Offer offerFrom(const Side &s)
{
    Offer o;
    o.id = OfferId(s.id);
    o.member = s.member;
    o.skill = s.skill;
    o.skillName = s.skillName;
    o.description = s.description;
    if (!s.extra.isNull())
        o.rate = Amount::fromMinor(s.extra.toLongLong());
    return o;
}

Need needFrom(const Side &s)
{
    Need n;
    n.id = NeedId(s.id);
    n.member = s.member;
    n.skill = s.skill;
    n.skillName = s.skillName;
    n.description = s.description;
    n.urgency = urgencyFrom(s.extra.toString()).value_or(Urgency::Normal);
    return n;
}

// Both people must have agreed to be in the directory, and be different people.
const QString Visible = QStringLiteral("m.directory_visible = 1 AND m.forgotten_at IS NULL ");

// A need or offer a search starts from.
struct Start
{
    Side side;
    bool isNeed;
};

// Starting points: with a member, their needs (offers from anyone) and their
// offers (needs of anyone); without, every open need.
Result<QList<Start>> loadStarts(const Database &db, std::optional<MemberId> member)
{
    QList<Start> starts;
    const auto load = [&](const QString &sql, bool isNeed) -> Status {
        Query q(db, sql);
        if (member)
            q.bind(QStringLiteral(":me"), member->value());
        if (auto ok = q.exec(); !ok)
            return ok;
        while (q.next())
            starts << Start{sideFrom(q), isNeed};
        return {};
    };
    const QString byMember = member ? QStringLiteral("AND m.id = :me ") : QString();
    if (auto ok = load(NeedSide + QStringLiteral("WHERE n.status = 'open' AND ") + Visible + byMember +
                           QStringLiteral("ORDER BY n.id"),
                       true);
        !ok)
        return fail(ok.error());
    if (member)
        if (auto ok = load(OfferSide + QStringLiteral("WHERE o.status = 'open' AND ") + Visible + byMember +
                               QStringLiteral("ORDER BY o.id"),
                           false);
            !ok)
            return fail(ok.error());
    return starts;
}

// The other side's open listings with the same skill or any of the words
// (`query`, an FTS5 query; empty when there are none).
QString candidatesSql(bool forNeed, const QString &query, Backend backend)
{
    const QString fts = forNeed ? QStringLiteral("offer_search") : QStringLiteral("need_search");
    const QString alias = forNeed ? QStringLiteral("o") : QStringLiteral("n");
    // Only constant fragments are joined here; values are bound.
    return (forNeed ? OfferSide : NeedSide) +
           (query.isEmpty() ? QStringLiteral(", (SELECT 0 AS oid, 0.0 AS score) t ")
                            : (backend == Backend::PostgreSQL
                                   ? QStringLiteral("LEFT JOIN (SELECT rowid AS oid, ts_rank(document, to_tsquery("
                                                    "'simple', :q)) AS score FROM %1 WHERE %1 MATCH :q) t ON t.oid = "
                                                    "%2.id ")
                                   : QStringLiteral("LEFT JOIN (SELECT rowid AS oid, -bm25(%1) AS score FROM %1 "
                                                    "WHERE %1 MATCH :q) t ON t.oid = %2.id "))
                                  .arg(fts, alias)) +
           QStringLiteral("WHERE %1.status = 'open' AND %1.member_id <> :me AND ").arg(alias) + Visible +
           QStringLiteral("AND ((:skill > 0 AND %1.skill_id = :skill) OR t.oid = %1.id) "
                          "ORDER BY (%1.skill_id = :skill) DESC, coalesce(t.score, 0) DESC, %1.id "
                          "LIMIT :limit")
               .arg(alias);
}

// The score column is not selected; recompute the parts a person can check.
Match matchOf(const Start &start, const Side &other, const QStringList &words)
{
    Match m;
    const Side &needSide = start.isNeed ? start.side : other;
    const Side &offerSide = start.isNeed ? other : start.side;
    m.need = needFrom(needSide);
    m.offer = offerFrom(offerSide);
    m.needMemberName = needSide.memberName;
    m.offerMemberName = offerSide.memberName;
    m.sameSkill = needSide.skill.isValid() && needSide.skill == offerSide.skill;
    const QStringList otherWords = meaningfulWords(other.description + u' ' + other.skillName);
    QStringList shared;
    for (const QString &w : words)
        if (otherWords.contains(w))
            shared << w;
    m.textScore = double(shared.size()) / double(std::max<qsizetype>(1, words.size()));
    const QString a = district(needSide.postcode);
    m.sameDistrict = !a.isEmpty() && a == district(offerSide.postcode);
    if (m.sameSkill)
        m.reasons << MatchFinder::tr("same skill: %1").arg(needSide.skillName);
    if (!shared.isEmpty())
        m.reasons << MatchFinder::tr("similar words: %1").arg(shared.join(QStringLiteral(", ")));
    if (m.sameDistrict)
        m.reasons << MatchFinder::tr("same area: %1").arg(a);
    return m;
}

// The best `perNeed` matches for one starting point.
Result<QList<Match>> matchesFor(const Database &db, const Start &start, int perNeed)
{
    const QStringList words = meaningfulWords(start.side.description + u' ' + start.side.skillName);
    const QString query = anyOf(words, db.backend());
    Query q(db, candidatesSql(start.isNeed, query, db.backend()));
    q.bind(QStringLiteral(":me"), start.side.member.value())
        .bind(QStringLiteral(":skill"), start.side.skill.value())
        .bind(QStringLiteral(":limit"), perNeed * 4);
    if (!query.isEmpty())
        q.bind(QStringLiteral(":q"), query);
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());

    QList<Match> found;
    while (q.next())
        found << matchOf(start, sideFrom(q), words);
    // SQL ranked by skill then bm25; locality breaks ties between equally good matches.
    std::stable_sort(found.begin(), found.end(), [](const Match &x, const Match &y) {
        if (x.sameSkill != y.sameSkill)
            return x.sameSkill;
        if (x.textScore != y.textScore)
            return x.textScore > y.textScore;
        return x.sameDistrict && !y.sameDistrict;
    });
    return found.mid(0, perNeed);
}

} // namespace

MatchFinder::MatchFinder(std::shared_ptr<Database> db) : m_db(std::move(db))
{}

Result<QList<Match>> MatchFinder::find(std::optional<MemberId> member, int perNeed) const
{
    auto starts = loadStarts(*m_db, member);
    if (!starts)
        return fail(starts.error());
    QList<Match> all;
    for (const Start &start : std::as_const(*starts)) {
        auto found = matchesFor(*m_db, start, perNeed);
        if (!found)
            return fail(found.error());
        all += *found;
    }
    return all;
}

} // namespace hub
