// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/members/listingservice.h"

#include "core/common/textfold.h"
#include "core/common/textrules.h"
#include "core/members/memberindex.h"
#include "core/members/skillservice.h"
#include "core/storage/database.h"
#include "core/storage/query.h"
#include "core/storage/unitofwork.h"

namespace hub {

namespace {
QDateTime fromSecs(const QVariant &v)
{
    return QDateTime::fromSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}
} // namespace

ListingService::ListingService(std::shared_ptr<Database> db, SkillService &skills, const Clock &clock,
                               AccessControl &access, AuditTrail &audit)
    : m_db(std::move(db)), m_skills(skills), m_clock(clock), m_work(m_db, access, audit)
{}

Status ListingService::validate(MemberId member, const QString &description) const
{
    const QString d = description.trimmed();
    if (d.isEmpty())
        return fail(Error::invalid(tr("a description is required"), QStringLiteral("description")));
    if (auto ok = TextRules::name(description, QStringLiteral("description")); !ok)
        return ok;
    if (d.size() > MaxDescriptionLength)
        return fail(
            Error::invalid(tr("longer than %1 characters").arg(MaxDescriptionLength), QStringLiteral("description")));
    Query q(*m_db, QStringLiteral("SELECT forgotten_at IS NOT NULL, status FROM members WHERE id = :m"));
    q.bind(QStringLiteral(":m"), member.value());
    if (auto ok = q.exec(); !ok)
        return ok;
    if (!q.next())
        return fail(Error::notFound(tr("there is no member #%1").arg(member.value())));
    if (q.value(0).toBool())
        return fail(Error::refused(tr("member #%1 was forgotten").arg(member.value())));
    return {};
}

Result<Offer> ListingService::addOffer(MemberId member, const QString &skillName, const QString &description,
                                       std::optional<Amount> rate)
{
    return m_work.run<Offer>(Permission::EditMembers, [&](Write &w) -> Result<Offer> {
        return addOfferIn(w, member, skillName, description, rate);
    });
}

Result<Offer> ListingService::addOfferIn(Write &w, MemberId member, const QString &skillName,
                                         const QString &description, std::optional<Amount> rate)
{
    if (auto ok = validate(member, description); !ok)
        return fail(ok.error());
    if (rate && rate->isNegative())
        return fail(Error::invalid(tr("a rate cannot be negative"), QStringLiteral("rate")));
    Offer o;
    o.member = member;
    o.description = description.trimmed();
    o.rate = rate;
    o.createdAt = m_clock.now();
    if (!skillName.trimmed().isEmpty()) {
        auto skill = m_skills.ensure(skillName);
        if (!skill)
            return fail(skill.error());
        o.skill = skill->id;
        o.skillName = skill->name;
    }
    Query ins(w.connection(), QStringLiteral("INSERT INTO offers(member_id, skill_id, description, rate_minor, "
                                             "created_at) VALUES (:m, :s, :d, :r, :at)"));
    ins.bind(QStringLiteral(":m"), member.value())
        .bind(QStringLiteral(":s"),
              o.skill.isValid() ? QVariant(o.skill.value()) : QVariant(QMetaType(QMetaType::LongLong)))
        .bind(QStringLiteral(":d"), o.description)
        .bind(QStringLiteral(":r"), rate ? QVariant(rate->minor()) : QVariant(QMetaType(QMetaType::LongLong)))
        .bind(QStringLiteral(":at"), o.createdAt.toSecsSinceEpoch());
    if (auto ok = ins.exec(); !ok)
        return fail(ok.error());
    o.id = OfferId(ins.lastInsertId());
    Query fts(w.connection(), QStringLiteral("INSERT INTO offer_search(rowid, description) VALUES (:id, :d)"));
    fts.bind(QStringLiteral(":id"), o.id.value()).bind(QStringLiteral(":d"), TextFold::fold(o.description));
    if (auto ok = fts.exec(); !ok)
        return fail(ok.error());
    if (auto ok = MemberIndex::reindex(w.connection(), member); !ok)
        return fail(ok.error());
    w.audit(QStringLiteral("offer.add"), QStringLiteral("offer"), o.id.value(),
            tr("member #%1 offers “%2”").arg(member.value()).arg(skillName.simplified()));
    return o;
}

Result<Need> ListingService::addNeed(MemberId member, const QString &skillName, const QString &description,
                                     Urgency urgency)
{
    return m_work.run<Need>(Permission::EditMembers, [&](Write &w) -> Result<Need> {
        return addNeedIn(w, member, skillName, description, urgency);
    });
}

Result<Need> ListingService::addNeedIn(Write &w, MemberId member, const QString &skillName, const QString &description,
                                       Urgency urgency)
{
    if (auto ok = validate(member, description); !ok)
        return fail(ok.error());
    Need n;
    n.member = member;
    n.description = description.trimmed();
    n.urgency = urgency;
    n.createdAt = m_clock.now();
    if (!skillName.trimmed().isEmpty()) {
        auto skill = m_skills.ensure(skillName);
        if (!skill)
            return fail(skill.error());
        n.skill = skill->id;
        n.skillName = skill->name;
    }
    Query ins(w.connection(), QStringLiteral("INSERT INTO needs(member_id, skill_id, description, urgency, "
                                             "created_at) VALUES (:m, :s, :d, :u, :at)"));
    ins.bind(QStringLiteral(":m"), member.value())
        .bind(QStringLiteral(":s"),
              n.skill.isValid() ? QVariant(n.skill.value()) : QVariant(QMetaType(QMetaType::LongLong)))
        .bind(QStringLiteral(":d"), n.description)
        .bind(QStringLiteral(":u"), toString(urgency))
        .bind(QStringLiteral(":at"), n.createdAt.toSecsSinceEpoch());
    if (auto ok = ins.exec(); !ok)
        return fail(ok.error());
    n.id = NeedId(ins.lastInsertId());
    Query fts(w.connection(), QStringLiteral("INSERT INTO need_search(rowid, description) VALUES (:id, :d)"));
    fts.bind(QStringLiteral(":id"), n.id.value()).bind(QStringLiteral(":d"), TextFold::fold(n.description));
    if (auto ok = fts.exec(); !ok)
        return fail(ok.error());
    if (auto ok = MemberIndex::reindex(w.connection(), member); !ok)
        return fail(ok.error());
    w.audit(QStringLiteral("need.add"), QStringLiteral("need"), n.id.value(),
            tr("member #%1 needs “%2”").arg(member.value()).arg(skillName.simplified()));
    return n;
}

Status ListingService::closeOffer(OfferId id)
{
    return close(QStringLiteral("offers"), QStringLiteral("offer_search"), id.value(),
                 tr("there is no open offer #%1").arg(id.value()));
}

Status ListingService::closeNeed(NeedId id)
{
    return close(QStringLiteral("needs"), QStringLiteral("need_search"), id.value(),
                 tr("there is no open need #%1").arg(id.value()));
}

Status ListingService::close(const QString &table, const QString &searchTable, qint64 id, const QString &notFound)
{
    return m_work.run(Permission::EditMembers, [&](Write &w) -> Status {
        // Table names are the constants above, never user text.
        Query q(w.connection(), QStringLiteral("UPDATE %1 SET status = 'closed', closed_at = :at WHERE id = :id "
                                               "AND status = 'open' RETURNING member_id")
                                    .arg(table));
        q.bind(QStringLiteral(":at"), m_clock.nowSecs()).bind(QStringLiteral(":id"), id);
        auto member = q.scalar();
        if (!member)
            return fail(member.error());
        if (member->isNull())
            return fail(Error::notFound(notFound));
        Query fts(w.connection(), QStringLiteral("DELETE FROM %1 WHERE rowid = :id").arg(searchTable));
        fts.bind(QStringLiteral(":id"), id);
        if (auto ok = fts.exec(); !ok)
            return ok;
        if (auto ok = MemberIndex::reindex(w.connection(), MemberId(member->toLongLong())); !ok)
            return ok;
        const bool offer = table == QStringLiteral("offers");
        w.audit(offer ? QStringLiteral("offer.close") : QStringLiteral("need.close"),
                offer ? QStringLiteral("offer") : QStringLiteral("need"), id,
                tr("closed for member #%1").arg(member->toLongLong()));
        return {};
    });
}

Result<QList<Offer>> ListingService::offers(MemberId member, bool openOnly) const
{
    Query q(*m_db, QStringLiteral("SELECT o.id, o.skill_id, coalesce(s.name, ''), o.description, o.rate_minor, "
                                  "o.status, o.created_at FROM offers o LEFT JOIN skills s ON s.id = o.skill_id "
                                  "WHERE o.member_id = :m AND (:all <> 0 OR o.status = 'open') ORDER BY o.id"));
    q.bind(QStringLiteral(":m"), member.value()).bind(QStringLiteral(":all"), !openOnly);
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    QList<Offer> out;
    while (q.next()) {
        Offer o;
        o.id = OfferId(q.value(0).toLongLong());
        o.member = member;
        o.skill = SkillId(q.value(1).toLongLong());
        o.skillName = q.value(2).toString();
        o.description = q.value(3).toString();
        if (!q.value(4).isNull())
            o.rate = Amount::fromMinor(q.value(4).toLongLong());
        o.status = q.value(5).toString() == QStringLiteral("open") ? ListingStatus::Open : ListingStatus::Closed;
        o.createdAt = fromSecs(q.value(6));
        out << o;
    }
    return out;
}

Result<QList<Need>> ListingService::needs(MemberId member, bool openOnly) const
{
    Query q(*m_db, QStringLiteral("SELECT n.id, n.skill_id, coalesce(s.name, ''), n.description, n.urgency, "
                                  "n.status, n.created_at FROM needs n LEFT JOIN skills s ON s.id = n.skill_id "
                                  "WHERE n.member_id = :m AND (:all <> 0 OR n.status = 'open') ORDER BY n.id"));
    q.bind(QStringLiteral(":m"), member.value()).bind(QStringLiteral(":all"), !openOnly);
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    QList<Need> out;
    while (q.next()) {
        Need n;
        n.id = NeedId(q.value(0).toLongLong());
        n.member = member;
        n.skill = SkillId(q.value(1).toLongLong());
        n.skillName = q.value(2).toString();
        n.description = q.value(3).toString();
        n.urgency = urgencyFrom(q.value(4).toString()).value_or(Urgency::Normal);
        n.status = q.value(5).toString() == QStringLiteral("open") ? ListingStatus::Open : ListingStatus::Closed;
        n.createdAt = fromSecs(q.value(6));
        out << n;
    }
    return out;
}

} // namespace hub
