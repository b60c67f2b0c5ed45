// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/hubctl/gatheringoutput.h"

#include "app/hubctl/commandsession.h"

#include <QHash>
#include <QJsonArray>

namespace hub::cli {

namespace {

QJsonValue optionalId(const auto &id)
{
    return id ? QJsonValue(id->value()) : QJsonValue();
}

} // namespace

// Core errors name fields; hubctl users know them as options.
Error asGatheringOption(Error e)
{
    static const QHash<QString, QString> options = {
        {QStringLiteral("attendees"), QStringLiteral("--capacity")},
        {QStringLiteral("facilitators"), QStringLiteral("--facilitator")},
        {QStringLiteral("author"), QStringLiteral("--by")},
        {QStringLiteral("voter"), QStringLiteral("--by")},
        {QStringLiteral("story"), QStringLiteral("--story")},
        {QStringLiteral("tags"), QStringLiteral("--tag")},
    };
    if (!e.where.isEmpty() && !e.where.startsWith(u'-'))
        e.where = options.value(e.where, QStringLiteral("--") + e.where);
    return e;
}

QJsonObject gatheringJson(const Gathering &g, const CommandSession &s)
{
    QJsonObject o{{QStringLiteral("id"), g.id.value()},
                  {QStringLiteral("kind"), toString(g.kind)},
                  {QStringLiteral("title"), g.title},
                  {QStringLiteral("theme"), g.theme},
                  {QStringLiteral("start_utc"), g.start.toSecsSinceEpoch()},
                  {QStringLiteral("end_utc"), g.end.toSecsSinceEpoch()},
                  {QStringLiteral("start"), s.local(g.start)},
                  {QStringLiteral("end"), s.local(g.end)},
                  {QStringLiteral("booking_id"), optionalId(g.booking)},
                  {QStringLiteral("series_id"), optionalId(g.series)},
                  {QStringLiteral("space_id"), optionalId(g.space)},
                  {QStringLiteral("space"), g.spaceName},
                  {QStringLiteral("booking_cancelled"), g.bookingCancelled},
                  {QStringLiteral("capacity"), g.capacity ? QJsonValue(*g.capacity) : QJsonValue()},
                  {QStringLiteral("voting"), toString(g.voting)},
                  {QStringLiteral("dots_per_attendee"), g.dotsPerAttendee},
                  {QStringLiteral("voting_closed"), g.votingClosed},
                  {QStringLiteral("notes"), g.notes},
                  {QStringLiteral("facilitators"), QJsonArray::fromStringList(g.facilitatorNames)},
                  {QStringLiteral("registered"), g.registered},
                  {QStringLiteral("waiting"), g.waiting},
                  {QStringLiteral("attended"), g.attended},
                  {QStringLiteral("ideas"), g.ideas}};
    return o;
}

QJsonObject ideaJson(const Idea &i)
{
    return QJsonObject{{QStringLiteral("id"), i.id.value()},
                       {QStringLiteral("gathering_id"), i.gathering.value()},
                       {QStringLiteral("title"), i.title},
                       {QStringLiteral("story"), i.story},
                       {QStringLiteral("author"), i.authorName},
                       {QStringLiteral("author_member_id"), optionalId(i.authorMember)},
                       {QStringLiteral("author_walk_in_id"), optionalId(i.authorWalkIn)},
                       {QStringLiteral("tags"), QJsonArray::fromStringList(i.tags)},
                       {QStringLiteral("votes"), i.votes},
                       {QStringLiteral("voters"), i.voters},
                       {QStringLiteral("promoted_to"), optionalId(i.promotedTo)},
                       {QStringLiteral("entered_by"), i.enteredBy}};
}

QJsonObject attendeeJson(const Attendee &a)
{
    return QJsonObject{{QStringLiteral("attendance_id"), a.id.value()},
                       {QStringLiteral("gathering_id"), a.gathering.value()},
                       {QStringLiteral("name"), a.name},
                       {QStringLiteral("member_id"), optionalId(a.member)},
                       {QStringLiteral("walk_in_id"), optionalId(a.walkIn)},
                       {QStringLiteral("checked_in_at"), a.checkedInAt.toString(Qt::ISODate)}};
}

QJsonObject registrationJson(const Registration &r)
{
    return QJsonObject{{QStringLiteral("gathering_id"), r.gathering.value()},
                       {QStringLiteral("member_id"), r.member.value()},
                       {QStringLiteral("member"), r.memberName},
                       {QStringLiteral("position"), r.position},
                       {QStringLiteral("status"), toString(r.status)}};
}

QJsonObject groupJson(const WorkingGroup &g)
{
    return QJsonObject{{QStringLiteral("id"), g.id.value()},
                       {QStringLiteral("name"), g.name},
                       {QStringLiteral("purpose"), g.purpose},
                       {QStringLiteral("convenor"), g.convenorName},
                       {QStringLiteral("convenor_id"), optionalId(g.convenor)},
                       {QStringLiteral("origin_idea_id"), optionalId(g.originIdea)},
                       {QStringLiteral("origin_idea"), g.originIdeaTitle},
                       {QStringLiteral("origin_gathering_id"), optionalId(g.originGathering)},
                       {QStringLiteral("origin_gathering"), g.originGatheringTitle},
                       {QStringLiteral("members"), g.members},
                       {QStringLiteral("open_actions"), g.openActions},
                       {QStringLiteral("overdue_actions"), g.overdueActions}};
}

QJsonObject actionJson(const GroupAction &a, QDate today)
{
    return QJsonObject{
        {QStringLiteral("id"), a.id.value()},
        {QStringLiteral("group_id"), a.group.value()},
        {QStringLiteral("group"), a.groupName},
        {QStringLiteral("title"), a.title},
        {QStringLiteral("owner_id"), a.owner.value()},
        {QStringLiteral("owner"), a.ownerName},
        {QStringLiteral("due"), a.due.isValid() ? QJsonValue(a.due.toString(Qt::ISODate)) : QJsonValue()},
        {QStringLiteral("status"), toString(a.status)},
        {QStringLiteral("overdue"), a.isOverdue(today)},
        {QStringLiteral("notes"), a.notes}};
}

} // namespace hub::cli
