// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/gatherings/ideaservice.h"

#include "core/common/textrules.h"
#include "core/gatherings/gatheringlookup.h"
#include "core/storage/database.h"
#include "core/storage/query.h"
#include "core/storage/unitofwork.h"

namespace hub {

namespace {

const QString IdeaColumns =
    QStringLiteral("SELECT i.id, i.gathering_id, i.title, i.story, i.author_member_id, i.author_walk_in_id, "
                   "coalesce(m.display_name, w.name, ''), i.tags, i.promoted_to, i.entered_by, i.created_at, "
                   "coalesce((SELECT sum(v.dots) FROM idea_votes v WHERE v.idea_id = i.id), 0), "
                   "(SELECT count(*) FROM idea_votes v WHERE v.idea_id = i.id) "
                   "FROM ideas i LEFT JOIN members m ON m.id = i.author_member_id LEFT JOIN walk_ins w ON w.id = "
                   "i.author_walk_in_id ");

Idea ideaFrom(const Query &q)
{
    Idea i;
    i.id = IdeaId(q.value(0).toLongLong());
    i.gathering = GatheringId(q.value(1).toLongLong());
    i.title = q.value(2).toString();
    i.story = q.value(3).toString();
    if (!q.value(4).isNull())
        i.authorMember = MemberId(q.value(4).toLongLong());
    if (!q.value(5).isNull())
        i.authorWalkIn = WalkInId(q.value(5).toLongLong());
    i.authorName = q.value(6).toString();
    i.tags = GatheringLookup::splitWords(q.value(7).toString());
    if (!q.value(8).isNull())
        i.promotedTo = GroupId(q.value(8).toLongLong());
    i.enteredBy = q.value(9).toString();
    i.createdAt = GatheringLookup::instant(q.value(10));
    i.votes = q.value(11).toInt();
    i.voters = q.value(12).toInt();
    return i;
}

struct IdeaPlace
{
    QString title;
    GatheringId gathering;
};

Result<IdeaPlace> ideaPlace(const QSqlDatabase &db, IdeaId id)
{
    Query q(db, QStringLiteral("SELECT title, gathering_id FROM ideas WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    if (!q.next())
        return fail(Error::notFound(IdeaService::tr("there is no idea #%1").arg(id.value()), QStringLiteral("idea")));
    return IdeaPlace{q.value(0).toString(), GatheringId(q.value(1).toLongLong())};
}

Status checkAuthor(const QSqlDatabase &db, const IdeaDraft &d)
{
    if (d.authorMember) {
        if (auto name = GatheringLookup::activeMember(db, *d.authorMember, QStringLiteral("author")); !name)
            return fail(name.error());
    }
    if (d.authorWalkIn) {
        Query q(db, QStringLiteral("SELECT 1 FROM walk_ins WHERE id = :id"));
        q.bind(QStringLiteral(":id"), d.authorWalkIn->value());
        if (auto ok = q.exec(); !ok)
            return ok;
        if (!q.next())
            return fail(Error::notFound(IdeaService::tr("there is no walk-in #%1").arg(d.authorWalkIn->value()),
                                        QStringLiteral("author")));
    }
    return {};
}

} // namespace

IdeaService::IdeaService(std::shared_ptr<Database> db, const Clock &clock, const QString &actor, AccessControl &access,
                         AuditTrail &audit)
    : m_db(std::move(db)), m_clock(clock), m_actor(actor), m_work(m_db, access, audit)
{}

Status IdeaService::validate(const IdeaDraft &d)
{
    const QString title = d.title.trimmed();
    if (title.isEmpty())
        return fail(Error::invalid(tr("An idea needs a title."), QStringLiteral("title")));
    if (auto ok = TextRules::name(d.title, QStringLiteral("title")); !ok)
        return ok;
    if (title.size() > MaxTitleLength)
        return fail(
            Error::invalid(tr("The title is longer than %1 characters.").arg(MaxTitleLength), QStringLiteral("title")));
    if (d.story.size() > MaxStoryLength)
        return fail(
            Error::invalid(tr("The story is longer than %1 characters.").arg(MaxStoryLength), QStringLiteral("story")));
    if (d.tags.size() > MaxTags)
        return fail(Error::invalid(tr("An idea has at most %1 tags.").arg(MaxTags), QStringLiteral("tags")));
    for (const QString &tag : d.tags)
        if (tag.contains(u','))
            return fail(Error::invalid(tr("A tag cannot contain a comma: “%1”.").arg(tag), QStringLiteral("tags")));
    if (d.authorMember && d.authorWalkIn)
        return fail(Error::invalid(tr("An idea has one author: a member or a walk-in."), QStringLiteral("author")));
    return {};
}

Result<Idea> IdeaService::add(const IdeaDraft &d)
{
    return m_work.runThenRead<IdeaId>(
        Permission::ManageGatherings, [&](Write &w) -> Result<IdeaId> { return addIn(w, d); },
        [this](IdeaId made) { return get(made); });
}

Result<IdeaId> IdeaService::addIn(Write &w, const IdeaDraft &d)
{
    if (auto ok = validate(d); !ok)
        return fail(ok.error());
    const QSqlDatabase db = w.connection();
    if (auto title = GatheringLookup::gatheringTitle(db, d.gathering); !title)
        return fail(title.error());
    if (auto ok = checkAuthor(db, d); !ok)
        return fail(ok.error());
    Query q(db, QStringLiteral("INSERT INTO ideas (gathering_id, title, story, author_member_id, "
                               "author_walk_in_id, tags, entered_by, created_at) VALUES (:g, :title, :story, "
                               ":member, :walkin, :tags, :by, :at)"));
    q.bind(QStringLiteral(":g"), d.gathering.value())
        .bind(QStringLiteral(":title"), d.title.trimmed())
        .bind(QStringLiteral(":story"), d.story.trimmed())
        .bind(QStringLiteral(":member"), d.authorMember ? QVariant(d.authorMember->value()) : QVariant())
        .bind(QStringLiteral(":walkin"), d.authorWalkIn ? QVariant(d.authorWalkIn->value()) : QVariant())
        .bind(QStringLiteral(":tags"), GatheringLookup::joinWords(d.tags))
        .bind(QStringLiteral(":by"), m_actor)
        .bind(QStringLiteral(":at"), m_clock.nowSecs());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    const qint64 id = q.lastInsertId();
    w.audit(QStringLiteral("idea.add"), QStringLiteral("idea"), id, tr("“%1”").arg(d.title.simplified()));
    return IdeaId(id);
}

Result<Idea> IdeaService::edit(IdeaId id, const IdeaDraft &d)
{
    if (auto ok = m_work.run(Permission::ManageGatherings, [&](Write &w) -> Status { return editIn(w, id, d); }); !ok)
        return fail(ok.error());
    return get(id);
}

Status IdeaService::editIn(Write &w, IdeaId id, const IdeaDraft &d)
{
    if (auto ok = validate(d); !ok)
        return fail(ok.error());
    const QSqlDatabase db = w.connection();
    if (auto place = ideaPlace(db, id); !place)
        return fail(place.error());
    if (auto ok = checkAuthor(db, d); !ok)
        return fail(ok.error());
    Query q(db, QStringLiteral("UPDATE ideas SET title = :title, story = :story, author_member_id = :member, "
                               "author_walk_in_id = :walkin, tags = :tags WHERE id = :id"));
    q.bind(QStringLiteral(":title"), d.title.trimmed())
        .bind(QStringLiteral(":story"), d.story.trimmed())
        .bind(QStringLiteral(":member"), d.authorMember ? QVariant(d.authorMember->value()) : QVariant())
        .bind(QStringLiteral(":walkin"), d.authorWalkIn ? QVariant(d.authorWalkIn->value()) : QVariant())
        .bind(QStringLiteral(":tags"), GatheringLookup::joinWords(d.tags))
        .bind(QStringLiteral(":id"), id.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    w.audit(QStringLiteral("idea.edit"), QStringLiteral("idea"), id.value(), tr("“%1”").arg(d.title.simplified()));
    return {};
}

Result<Idea> IdeaService::get(IdeaId id) const
{
    Query q(*m_db, IdeaColumns + QStringLiteral("WHERE i.id = :id"));
    q.bind(QStringLiteral(":id"), id.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    if (!q.next())
        return fail(Error::notFound(tr("there is no idea #%1").arg(id.value()), QStringLiteral("idea")));
    return ideaFrom(q);
}

Result<Idea> IdeaService::find(const QString &ref) const
{
    QString text = ref.trimmed();
    if (text.startsWith(u'#'))
        text.remove(0, 1);
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        return fail(Error::invalid(tr("“%1” is not an idea number").arg(ref), QStringLiteral("idea")));
    return get(IdeaId(id));
}

Result<QList<Idea>> IdeaService::ranked(GatheringId gathering) const
{
    if (auto title = GatheringLookup::gatheringTitle(m_db->connection(), gathering); !title)
        return fail(title.error());
    Query q(*m_db,
            IdeaColumns + QStringLiteral("WHERE i.gathering_id = :g ORDER BY 12 DESC, 13 DESC, i.created_at, i.id"));
    q.bind(QStringLiteral(":g"), gathering.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    QList<Idea> out;
    while (q.next())
        out << ideaFrom(q);
    return out;
}

Status IdeaService::vote(IdeaId idea, AttendanceId voter, int dots)
{
    return m_work.run(Permission::ManageGatherings, [&](Write &w) -> Status { return voteIn(w, idea, voter, dots); });
}

Status IdeaService::voteIn(Write &w, IdeaId idea, AttendanceId voter, int dots)
{
    const QSqlDatabase db = w.connection();
    auto place = ideaPlace(db, idea);
    if (!place)
        return fail(place.error());
    auto voting = GatheringLookup::voting(db, place->gathering);
    if (!voting)
        return fail(voting.error());

    Query who(db,
              QStringLiteral("SELECT a.gathering_id, coalesce(m.display_name, w.name) FROM gathering_attendance a "
                             "LEFT JOIN members m ON m.id = a.member_id LEFT JOIN walk_ins w ON w.id = a.walk_in_id "
                             "WHERE a.id = :a"));
    who.bind(QStringLiteral(":a"), voter.value());
    if (auto ok = who.exec(); !ok)
        return ok;
    if (!who.next() || GatheringId(who.value(0).toLongLong()) != place->gathering)
        return fail(Error::refused(tr("Only people checked in at “%1” can vote on its ideas.").arg(voting->title),
                                   QStringLiteral("voter")));
    const QString name = who.value(1).toString();
    if (voting->closed)
        return fail(Error::refused(tr("Voting at “%1” is closed.").arg(voting->title)));
    if (dots < 1)
        return fail(Error::invalid(tr("A vote gives at least one dot."), QStringLiteral("dots")));

    Query mine(db, QStringLiteral("SELECT coalesce(sum(v.dots), 0), coalesce(sum(CASE WHEN v.idea_id = :idea THEN "
                                  "v.dots END), 0) FROM idea_votes v WHERE v.attendance_id = :a"));
    mine.bind(QStringLiteral(":idea"), idea.value()).bind(QStringLiteral(":a"), voter.value());
    if (auto ok = mine.exec(); !ok)
        return ok;
    mine.next();
    const int used = mine.value(0).toInt();
    const int onThis = mine.value(1).toInt();
    if (voting->mode == VotingMode::OneVote) {
        if (dots != 1)
            return fail(Error::invalid(tr("“%1” votes one person one vote per idea.").arg(voting->title),
                                       QStringLiteral("dots")));
        if (onThis > 0)
            return fail(Error::refused(tr("%1 has already voted for “%2”.").arg(name, place->title)));
    } else if (used + dots > voting->dots) {
        return fail(Error::refused(tr("%1 has %2 dots and %3 left; %4 were asked for.")
                                       .arg(name)
                                       .arg(voting->dots)
                                       .arg(voting->dots - used)
                                       .arg(dots),
                                   QStringLiteral("dots")));
    }
    Query q(db,
            QStringLiteral("INSERT INTO idea_votes (idea_id, attendance_id, dots, cast_at) VALUES (:idea, :a, "
                           ":dots, :at) ON CONFLICT (idea_id, attendance_id) DO UPDATE SET dots = idea_votes.dots + "
                           "excluded.dots, cast_at = excluded.cast_at"));
    q.bind(QStringLiteral(":idea"), idea.value())
        .bind(QStringLiteral(":a"), voter.value())
        .bind(QStringLiteral(":dots"), dots)
        .bind(QStringLiteral(":at"), m_clock.nowSecs());
    if (auto ok = q.exec(); !ok)
        return ok;
    w.audit(QStringLiteral("idea.vote"), QStringLiteral("idea"), idea.value(),
            tr("%n dot(s) from attendance #%1", nullptr, dots).arg(voter.value()));
    return {};
}

Status IdeaService::vote(IdeaId idea, MemberId member, int dots)
{
    auto place = ideaPlace(m_db->connection(), idea);
    if (!place)
        return fail(place.error());
    Query q(*m_db, QStringLiteral("SELECT a.id FROM gathering_attendance a WHERE a.gathering_id = :g AND "
                                  "a.member_id = :m"));
    q.bind(QStringLiteral(":g"), place->gathering.value()).bind(QStringLiteral(":m"), member.value());
    if (auto ok = q.exec(); !ok)
        return ok;
    if (!q.next()) {
        auto title = GatheringLookup::gatheringTitle(m_db->connection(), place->gathering);
        return fail(Error::refused(tr("Only people checked in at “%1” can vote on its ideas; member #%2 is not.")
                                       .arg(title ? *title : QString())
                                       .arg(member.value()),
                                   QStringLiteral("member")));
    }
    const AttendanceId voter(q.value(0).toLongLong());
    q.raw().finish();
    return vote(idea, voter, dots);
}

Status IdeaService::withdraw(IdeaId idea, AttendanceId voter)
{
    return m_work.run(Permission::ManageGatherings, [&](Write &w) -> Status {
        const QSqlDatabase db = w.connection();
        auto place = ideaPlace(db, idea);
        if (!place)
            return fail(place.error());
        auto voting = GatheringLookup::voting(db, place->gathering);
        if (!voting)
            return fail(voting.error());
        if (voting->closed)
            return fail(
                Error::refused(tr("Voting at “%1” is closed; votes can no longer be withdrawn.").arg(voting->title)));
        Query q(db, QStringLiteral("DELETE FROM idea_votes WHERE idea_id = :idea AND attendance_id = :a"));
        q.bind(QStringLiteral(":idea"), idea.value()).bind(QStringLiteral(":a"), voter.value());
        if (auto ok = q.exec(); !ok)
            return ok;
        if (q.rowsAffected() == 0)
            return fail(Error::notFound(tr("There is no vote to withdraw for “%1”.").arg(place->title),
                                        QStringLiteral("vote")));
        w.audit(QStringLiteral("idea.withdraw-vote"), QStringLiteral("idea"), idea.value(),
                tr("vote of attendance #%1 withdrawn").arg(voter.value()));
        return {};
    });
}

Result<int> IdeaService::dotsLeft(GatheringId gathering, AttendanceId voter) const
{
    auto voting = GatheringLookup::voting(m_db->connection(), gathering);
    if (!voting)
        return fail(voting.error());
    Query q(*m_db, QStringLiteral("SELECT coalesce(sum(dots), 0), (SELECT count(*) FROM ideas WHERE gathering_id = :g) "
                                  "FROM idea_votes WHERE attendance_id = :a"));
    q.bind(QStringLiteral(":g"), gathering.value()).bind(QStringLiteral(":a"), voter.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    q.next();
    const int used = q.value(0).toInt();
    if (voting->mode == VotingMode::OneVote)
        return std::max(0, q.value(1).toInt() - used);
    return std::max(0, voting->dots - used);
}

Result<QHash<IdeaId, int>> IdeaService::votesBy(AttendanceId voter) const
{
    Query q(*m_db, QStringLiteral("SELECT idea_id, dots FROM idea_votes WHERE attendance_id = :a"));
    q.bind(QStringLiteral(":a"), voter.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    QHash<IdeaId, int> out;
    while (q.next())
        out.insert(IdeaId(q.value(0).toLongLong()), q.value(1).toInt());
    return out;
}

Status IdeaService::setVoting(GatheringId gathering, VotingMode mode, int dotsPerAttendee)
{
    return m_work.run(Permission::ManageGatherings,
                      [&](Write &w) -> Status { return setVotingIn(w, gathering, mode, dotsPerAttendee); });
}

Status IdeaService::setVotingIn(Write &w, GatheringId gathering, VotingMode mode, int dotsPerAttendee)
{
    if (mode == VotingMode::Dots && (dotsPerAttendee < 1 || dotsPerAttendee > 99))
        return fail(Error::invalid(tr("Each attendee gets between 1 and 99 dots."), QStringLiteral("dots")));
    const QSqlDatabase db = w.connection();
    auto voting = GatheringLookup::voting(db, gathering);
    if (!voting)
        return fail(voting.error());
    Query cast(db, QStringLiteral("SELECT count(*) FROM idea_votes v JOIN ideas i ON i.id = v.idea_id "
                                  "WHERE i.gathering_id = :g"));
    cast.bind(QStringLiteral(":g"), gathering.value());
    auto n = cast.scalar();
    if (!n)
        return fail(n.error());
    const int dots = mode == VotingMode::Dots ? dotsPerAttendee : 1;
    if (n->toInt() > 0 && (mode != voting->mode || dots != voting->dots))
        return fail(
            Error::refused(tr("Votes have been cast at “%1”; its voting can no longer change.").arg(voting->title)));
    Query q(db, QStringLiteral("UPDATE gatherings SET voting = :mode, dots_per_attendee = :dots WHERE id = :g"));
    q.bind(QStringLiteral(":mode"), toString(mode))
        .bind(QStringLiteral(":dots"), dots)
        .bind(QStringLiteral(":g"), gathering.value());
    if (auto ok = q.exec(); !ok)
        return ok;
    w.audit(QStringLiteral("gathering.voting"), QStringLiteral("gathering"), gathering.value(),
            tr("voting %1, %2 dot(s)").arg(toString(mode)).arg(dotsPerAttendee));
    return {};
}

Status IdeaService::closeVoting(GatheringId gathering, bool closed)
{
    return m_work.run(Permission::ManageGatherings, [&](Write &w) -> Status {
        if (auto title = GatheringLookup::gatheringTitle(w.connection(), gathering); !title)
            return fail(title.error());
        Query q(w.connection(), QStringLiteral("UPDATE gatherings SET voting_closed = :c WHERE id = :g"));
        q.bind(QStringLiteral(":c"), closed ? 1 : 0).bind(QStringLiteral(":g"), gathering.value());
        if (auto ok = q.exec(); !ok)
            return ok;
        w.audit(QStringLiteral("gathering.voting"), QStringLiteral("gathering"), gathering.value(),
                closed ? tr("voting closed") : tr("voting reopened"));
        return {};
    });
}

} // namespace hub
