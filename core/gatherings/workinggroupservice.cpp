// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/gatherings/workinggroupservice.h"

#include "core/common/textrules.h"
#include "core/gatherings/gatheringlookup.h"
#include "core/settings/settingsservice.h"
#include "core/storage/database.h"
#include "core/storage/query.h"

#include <QTimeZone>

namespace hub {

namespace {

const QString GroupColumns = QStringLiteral(
    "SELECT wg.id, wg.name, wg.purpose, wg.convenor_id, coalesce(c.display_name, ''), wg.origin_idea_id, "
    "coalesce(i.title, ''), wg.origin_gathering_id, coalesce(g.title, ''), wg.created_at, "
    "(SELECT count(*) FROM working_group_members gm WHERE gm.group_id = wg.id), "
    "(SELECT count(*) FROM group_actions a WHERE a.group_id = wg.id AND a.status = 'open'), "
    "(SELECT count(*) FROM group_actions a WHERE a.group_id = wg.id AND a.status = 'open' AND a.due_on < :today) "
    "FROM working_groups wg LEFT JOIN members c ON c.id = wg.convenor_id LEFT JOIN ideas i ON i.id = "
    "wg.origin_idea_id LEFT JOIN gatherings g ON g.id = wg.origin_gathering_id ");

WorkingGroup groupFrom(const Query &q)
{
    WorkingGroup w;
    w.id = GroupId(q.value(0).toLongLong());
    w.name = q.value(1).toString();
    w.purpose = q.value(2).toString();
    if (!q.value(3).isNull())
        w.convenor = MemberId(q.value(3).toLongLong());
    w.convenorName = q.value(4).toString();
    if (!q.value(5).isNull())
        w.originIdea = IdeaId(q.value(5).toLongLong());
    w.originIdeaTitle = q.value(6).toString();
    if (!q.value(7).isNull())
        w.originGathering = GatheringId(q.value(7).toLongLong());
    w.originGatheringTitle = q.value(8).toString();
    w.createdAt = GatheringLookup::instant(q.value(9));
    w.members = q.value(10).toInt();
    w.openActions = q.value(11).toInt();
    w.overdueActions = q.value(12).toInt();
    return w;
}

const QString ActionColumns = QStringLiteral(
    "SELECT a.id, a.group_id, wg.name, a.title, a.owner_id, m.display_name, a.due_on, a.status, a.notes, "
    "a.created_at, a.closed_at FROM group_actions a JOIN working_groups wg ON wg.id = a.group_id "
    "JOIN members m ON m.id = a.owner_id ");

GroupAction actionFrom(const Query &q)
{
    GroupAction a;
    a.id = ActionId(q.value(0).toLongLong());
    a.group = GroupId(q.value(1).toLongLong());
    a.groupName = q.value(2).toString();
    a.title = q.value(3).toString();
    a.owner = MemberId(q.value(4).toLongLong());
    a.ownerName = q.value(5).toString();
    a.due = QDate::fromString(q.value(6).toString(), Qt::ISODate);
    a.status = actionStatusFrom(q.value(7).toString()).value_or(ActionStatus::Open);
    a.notes = q.value(8).toString();
    a.createdAt = GatheringLookup::instant(q.value(9));
    a.closedAt = GatheringLookup::instant(q.value(10));
    return a;
}

Status validateName(const QString &raw)
{
    const QString name = raw.trimmed();
    if (name.isEmpty())
        return fail(Error::invalid(WorkingGroupService::tr("A working group needs a name."), QStringLiteral("group")));
    if (auto ok = TextRules::name(raw, QStringLiteral("group")); !ok)
        return fail(ok.error());
    if (name.size() > WorkingGroupService::MaxNameLength)
        return fail(Error::invalid(WorkingGroupService::tr("The group's name is longer than %1 characters.")
                                       .arg(WorkingGroupService::MaxNameLength),
                                   QStringLiteral("group")));
    return {};
}

} // namespace

WorkingGroupService::WorkingGroupService(std::shared_ptr<Database> db, SettingsService &settings, const Clock &clock,
                                         AccessControl &access, AuditTrail &audit)
    : m_db(std::move(db)), m_settings(settings), m_clock(clock), m_work(m_db, access, audit)
{}

QDate WorkingGroupService::today() const
{
    const auto s = m_settings.load();
    return m_clock.now().toTimeZone(s ? s->zone() : QTimeZone::utc()).date();
}

Result<std::optional<GroupId>> WorkingGroupService::groupNamed(const QSqlDatabase &db, const QString &name)
{
    Query q(db, QStringLiteral("SELECT id FROM working_groups WHERE name = :name COLLATE NOCASE"));
    q.bind(QStringLiteral(":name"), name.trimmed());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    if (!q.next())
        return std::optional<GroupId>();
    return std::optional<GroupId>(GroupId(q.value(0).toLongLong()));
}

Status WorkingGroupService::addMember(const QSqlDatabase &db, GroupId id, MemberId member)
{
    if (auto name = GatheringLookup::activeMember(db, member, QStringLiteral("member")); !name)
        return fail(name.error());
    Query q(db, QStringLiteral("INSERT OR IGNORE INTO working_group_members (group_id, member_id, joined_at) "
                               "VALUES (:g, :m, :at)"));
    q.bind(QStringLiteral(":g"), id.value())
        .bind(QStringLiteral(":m"), member.value())
        .bind(QStringLiteral(":at"), m_clock.nowSecs());
    return q.exec();
}

Result<WorkingGroup> WorkingGroupService::insertGroup(const QSqlDatabase &db, const QString &name,
                                                      const QString &purpose, std::optional<MemberId> convenor,
                                                      std::optional<IdeaId> idea, std::optional<GatheringId> gathering)
{
    if (auto ok = validateName(name); !ok)
        return fail(ok.error());
    auto taken = groupNamed(db, name);
    if (!taken)
        return fail(taken.error());
    if (*taken)
        return fail(Error::refused(tr("There is already a working group called “%1”.").arg(name.trimmed()),
                                   QStringLiteral("group")));
    Query q(db, QStringLiteral("INSERT INTO working_groups (name, purpose, convenor_id, origin_idea_id, "
                               "origin_gathering_id, created_at) VALUES (:name, :purpose, :convenor, :idea, :g, :at)"));
    q.bind(QStringLiteral(":name"), name.trimmed())
        .bind(QStringLiteral(":purpose"), purpose.trimmed())
        .bind(QStringLiteral(":convenor"), convenor ? QVariant(convenor->value()) : QVariant())
        .bind(QStringLiteral(":idea"), idea ? QVariant(idea->value()) : QVariant())
        .bind(QStringLiteral(":g"), gathering ? QVariant(gathering->value()) : QVariant())
        .bind(QStringLiteral(":at"), m_clock.nowSecs());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    WorkingGroup w;
    w.id = GroupId(q.lastInsertId());
    if (convenor)
        if (auto ok = addMember(db, w.id, *convenor); !ok)
            return fail(ok.error());
    return w;
}

Result<WorkingGroup> WorkingGroupService::create(const QString &name, const QString &purpose,
                                                 std::optional<MemberId> convenor)
{
    return m_work.runThenRead<GroupId>(
        Permission::ManageGatherings,
        [&](Write &w) -> Result<GroupId> {
            auto group = insertGroup(w.connection(), name, purpose, convenor, std::nullopt, std::nullopt);
            if (!group)
                return fail(group.error());
            w.audit(QStringLiteral("group.add"), QStringLiteral("group"), group->id.value(),
                    tr("“%1”").arg(name.simplified()));
            return group->id;
        },
        [this](GroupId made) { return get(made); });
}

Result<WorkingGroup> WorkingGroupService::promote(IdeaId idea, const QString &groupName,
                                                  std::optional<MemberId> convenor, GroupChoice choice)
{
    return m_work.runThenRead<GroupId>(
        Permission::ManageGatherings,
        [&](Write &w) -> Result<GroupId> { return promoteIn(w, idea, groupName, convenor, choice); },
        [this](GroupId made) { return get(made); });
}

Result<GroupId> WorkingGroupService::promoteIn(Write &w, IdeaId idea, const QString &groupName,
                                               std::optional<MemberId> convenor, GroupChoice choice)
{
    if (auto ok = validateName(groupName); !ok)
        return fail(ok.error());
    const QSqlDatabase db = w.connection();
    Query q(db, QStringLiteral("SELECT i.title, i.gathering_id, i.author_member_id, i.promoted_to, "
                               "coalesce(wg.name, '') FROM ideas i LEFT JOIN working_groups wg ON wg.id = "
                               "i.promoted_to WHERE i.id = :id"));
    q.bind(QStringLiteral(":id"), idea.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    if (!q.next())
        return fail(Error::notFound(tr("there is no idea #%1").arg(idea.value()), QStringLiteral("idea")));
    const QString title = q.value(0).toString();
    const GatheringId gathering(q.value(1).toLongLong());
    const std::optional<MemberId> author =
        q.value(2).isNull() ? std::nullopt : std::optional<MemberId>(MemberId(q.value(2).toLongLong()));
    if (!q.value(3).isNull())
        return fail(Error::refused(
            tr("“%1” was already promoted to the working group “%2”.").arg(title, q.value(4).toString())));
    q.raw().finish();

    auto existing = groupNamed(db, groupName);
    if (!existing)
        return fail(existing.error());
    if (*existing && choice == GroupChoice::StartNew)
        return fail(Error::invalid(tr("a working group called “%1” exists: join it, or give the new group another name")
                                       .arg(groupName.trimmed()),
                                   QStringLiteral("group")));
    GroupId id;
    if (*existing) {
        id = **existing;
    } else {
        auto group = insertGroup(db, groupName, QString(), convenor, idea, gathering);
        if (!group)
            return fail(group.error());
        id = group->id;
    }
    Query link(db, QStringLiteral("UPDATE ideas SET promoted_to = :g WHERE id = :id"));
    link.bind(QStringLiteral(":g"), id.value()).bind(QStringLiteral(":id"), idea.value());
    if (auto ok = link.exec(); !ok)
        return fail(ok.error());
    // The person whose idea it was is the first to ask to help with it;
    // a member who has since left is simply not added.
    if (author && GatheringLookup::activeMember(db, *author, QStringLiteral("author")))
        if (auto ok = addMember(db, id, *author); !ok)
            return fail(ok.error());
    w.audit(QStringLiteral("idea.promote"), QStringLiteral("group"), id.value(),
            tr("idea #%1 promoted to “%2”").arg(idea.value()).arg(groupName.simplified()));
    return id;
}

Result<WorkingGroup> WorkingGroupService::get(GroupId id) const
{
    Query q(*m_db, GroupColumns + QStringLiteral("WHERE wg.id = :id"));
    q.bind(QStringLiteral(":today"), today().toString(Qt::ISODate)).bind(QStringLiteral(":id"), id.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    if (!q.next())
        return fail(Error::notFound(tr("there is no working group #%1").arg(id.value()), QStringLiteral("group")));
    return groupFrom(q);
}

Result<WorkingGroup> WorkingGroupService::find(const QString &ref) const
{
    QString text = ref.trimmed();
    if (text.startsWith(u'#'))
        text.remove(0, 1);
    bool numeric = false;
    const qint64 number = text.toLongLong(&numeric);
    if (numeric && number > 0)
        return get(GroupId(number));
    auto named = groupNamed(m_db->connection(), ref);
    if (!named)
        return fail(named.error());
    if (!*named)
        return fail(
            Error::notFound(tr("there is no working group called “%1”").arg(ref.trimmed()), QStringLiteral("group")));
    return get(**named);
}

Result<QList<WorkingGroup>> WorkingGroupService::list() const
{
    Query q(*m_db, GroupColumns + QStringLiteral("ORDER BY wg.name COLLATE NOCASE"));
    q.bind(QStringLiteral(":today"), today().toString(Qt::ISODate));
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    QList<WorkingGroup> out;
    while (q.next())
        out << groupFrom(q);
    return out;
}

Result<QList<GroupMember>> WorkingGroupService::members(GroupId id) const
{
    auto group = get(id);
    if (!group)
        return fail(group.error());
    Query q(*m_db, QStringLiteral("SELECT m.id, m.display_name, gm.joined_at FROM working_group_members gm JOIN "
                                  "members m ON m.id = gm.member_id WHERE gm.group_id = :g ORDER BY m.sort_key"));
    q.bind(QStringLiteral(":g"), id.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    QList<GroupMember> out;
    while (q.next()) {
        GroupMember m{MemberId(q.value(0).toLongLong()), q.value(1).toString(), GatheringLookup::instant(q.value(2)),
                      false};
        m.convenor = group->convenor == m.member;
        out << m;
    }
    return out;
}

Result<QList<Idea>> WorkingGroupService::ideas(GroupId id) const
{
    auto group = get(id);
    if (!group)
        return fail(group.error());
    Query q(*m_db, QStringLiteral("SELECT i.id, i.gathering_id, i.title, i.story, coalesce(m.display_name, w.name, '') "
                                  "FROM ideas i LEFT JOIN members m ON m.id = i.author_member_id LEFT JOIN walk_ins w "
                                  "ON w.id = i.author_walk_in_id WHERE i.promoted_to = :g "
                                  "ORDER BY i.id = coalesce(:origin, 0) DESC, i.created_at"));
    q.bind(QStringLiteral(":g"), id.value())
        .bind(QStringLiteral(":origin"), group->originIdea ? QVariant(group->originIdea->value()) : QVariant());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    QList<Idea> out;
    while (q.next()) {
        Idea i;
        i.id = IdeaId(q.value(0).toLongLong());
        i.gathering = GatheringId(q.value(1).toLongLong());
        i.title = q.value(2).toString();
        i.story = q.value(3).toString();
        i.authorName = q.value(4).toString();
        i.promotedTo = id;
        out << i;
    }
    return out;
}

Status WorkingGroupService::join(GroupId id, MemberId member)
{
    return m_work.run(Permission::ManageGatherings, [&](Write &w) -> Status {
        auto group = get(id);
        if (!group)
            return fail(group.error());
        const QSqlDatabase db = w.connection();
        auto name = GatheringLookup::activeMember(db, member, QStringLiteral("member"));
        if (!name)
            return fail(name.error());
        Query in(db, QStringLiteral("SELECT 1 FROM working_group_members WHERE group_id = :g AND member_id = :m"));
        in.bind(QStringLiteral(":g"), id.value()).bind(QStringLiteral(":m"), member.value());
        if (auto ok = in.exec(); !ok)
            return ok;
        if (in.next())
            return fail(Error::refused(tr("%1 is already in “%2”.").arg(*name, group->name)));
        in.raw().finish();
        if (auto ok = addMember(db, id, member); !ok)
            return ok;
        w.audit(QStringLiteral("group.join"), QStringLiteral("group"), id.value(),
                tr("member #%1 joined").arg(member.value()));
        return {};
    });
}

Status WorkingGroupService::leave(GroupId id, MemberId member)
{
    return m_work.run(Permission::ManageGatherings, [&](Write &w) -> Status {
        auto group = get(id);
        if (!group)
            return fail(group.error());
        if (group->convenor == member)
            return fail(Error::refused(
                tr("%1 convenes “%2”; choose another convenor first.").arg(group->convenorName, group->name)));
        Query q(w.connection(),
                QStringLiteral("DELETE FROM working_group_members WHERE group_id = :g AND member_id = :m"));
        q.bind(QStringLiteral(":g"), id.value()).bind(QStringLiteral(":m"), member.value());
        if (auto ok = q.exec(); !ok)
            return ok;
        if (q.rowsAffected() == 0)
            return fail(Error::notFound(tr("member #%1 is not in “%2”.").arg(member.value()).arg(group->name),
                                        QStringLiteral("member")));
        w.audit(QStringLiteral("group.leave"), QStringLiteral("group"), id.value(),
                tr("member #%1 left").arg(member.value()));
        return {};
    });
}

Status WorkingGroupService::setConvenor(GroupId id, MemberId member)
{
    return m_work.run(Permission::ManageGatherings, [&](Write &w) -> Status {
        const QSqlDatabase db = w.connection();
        if (auto group = get(id); !group)
            return fail(group.error());
        if (auto ok = addMember(db, id, member); !ok)
            return ok;
        Query q(db, QStringLiteral("UPDATE working_groups SET convenor_id = :m WHERE id = :g"));
        q.bind(QStringLiteral(":m"), member.value()).bind(QStringLiteral(":g"), id.value());
        if (auto ok = q.exec(); !ok)
            return ok;
        w.audit(QStringLiteral("group.convenor"), QStringLiteral("group"), id.value(),
                tr("member #%1 convenes").arg(member.value()));
        return {};
    });
}

Status WorkingGroupService::validate(const ActionDraft &d)
{
    const QString title = d.title.trimmed();
    if (title.isEmpty())
        return fail(Error::invalid(tr("An action needs a title."), QStringLiteral("title")));
    if (auto ok = TextRules::name(d.title, QStringLiteral("title")); !ok)
        return ok;
    if (title.size() > MaxTitleLength)
        return fail(
            Error::invalid(tr("The title is longer than %1 characters.").arg(MaxTitleLength), QStringLiteral("title")));
    if (d.notes.size() > MaxNotesLength)
        return fail(Error::invalid(tr("The notes are longer than %1 characters.").arg(MaxNotesLength),
                                   QStringLiteral("notes")));
    if (!d.owner.isValid())
        return fail(Error::invalid(tr("An action needs an owner."), QStringLiteral("owner")));
    return {};
}

Result<GroupAction> WorkingGroupService::addAction(const ActionDraft &d)
{
    return m_work.runThenRead<ActionId>(
        Permission::ManageGatherings, [&](Write &w) -> Result<ActionId> { return addActionIn(w, d); },
        [this](ActionId made) { return action(made); });
}

Result<ActionId> WorkingGroupService::addActionIn(Write &w, const ActionDraft &d)
{
    if (auto ok = validate(d); !ok)
        return fail(ok.error());
    const QSqlDatabase db = w.connection();
    if (auto group = get(d.group); !group)
        return fail(group.error());
    if (auto name = GatheringLookup::activeMember(db, d.owner, QStringLiteral("owner")); !name)
        return fail(name.error());
    if (auto ok = addMember(db, d.group, d.owner); !ok)
        return fail(ok.error());
    Query q(db, QStringLiteral("INSERT INTO group_actions (group_id, title, owner_id, due_on, notes, created_at) "
                               "VALUES (:g, :title, :owner, :due, :notes, :at)"));
    q.bind(QStringLiteral(":g"), d.group.value())
        .bind(QStringLiteral(":title"), d.title.trimmed())
        .bind(QStringLiteral(":owner"), d.owner.value())
        .bind(QStringLiteral(":due"), d.due.isValid() ? QVariant(d.due.toString(Qt::ISODate)) : QVariant())
        .bind(QStringLiteral(":notes"), d.notes.trimmed())
        .bind(QStringLiteral(":at"), m_clock.nowSecs());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    const qint64 id = q.lastInsertId();
    w.audit(QStringLiteral("action.add"), QStringLiteral("action"), id, tr("“%1”").arg(d.title.simplified()));
    return ActionId(id);
}

Result<GroupAction> WorkingGroupService::setStatus(ActionId id, ActionStatus status, const QString &note)
{
    if (auto ok = m_work.run(Permission::ManageGatherings,
                             [&](Write &w) -> Status { return setStatusIn(w, id, status, note); });
        !ok)
        return fail(ok.error());
    return action(id);
}

Status WorkingGroupService::setStatusIn(Write &w, ActionId id, ActionStatus status, const QString &note)
{
    auto current = action(id);
    if (!current)
        return fail(current.error());
    if (current->status == status)
        return fail(Error::refused(tr("“%1” is already %2.").arg(current->title, toString(status))));
    if (note.size() > MaxNotesLength)
        return fail(Error::invalid(tr("The notes are longer than %1 characters.").arg(MaxNotesLength),
                                   QStringLiteral("notes")));
    QString notes = current->notes;
    if (!note.trimmed().isEmpty())
        notes = notes.isEmpty() ? note.trimmed() : notes + u'\n' + note.trimmed();
    Query q(w.connection(),
            QStringLiteral("UPDATE group_actions SET status = :status, notes = :notes, closed_at = :closed "
                           "WHERE id = :id"));
    q.bind(QStringLiteral(":status"), toString(status))
        .bind(QStringLiteral(":notes"), notes.left(MaxNotesLength))
        .bind(QStringLiteral(":closed"), status == ActionStatus::Open ? QVariant() : QVariant(m_clock.nowSecs()))
        .bind(QStringLiteral(":id"), id.value());
    if (auto ok = q.exec(); !ok)
        return ok;
    w.audit(QStringLiteral("action.status"), QStringLiteral("action"), id.value(),
            tr("%1 → %2").arg(toString(current->status), toString(status)));
    return {};
}

Result<GroupAction> WorkingGroupService::action(ActionId id) const
{
    Query q(*m_db, ActionColumns + QStringLiteral("WHERE a.id = :id"));
    q.bind(QStringLiteral(":id"), id.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    if (!q.next())
        return fail(Error::notFound(tr("there is no action #%1").arg(id.value()), QStringLiteral("action")));
    return actionFrom(q);
}

Result<QList<GroupAction>> WorkingGroupService::actions(GroupId id) const
{
    if (auto group = get(id); !group)
        return fail(group.error());
    Query q(*m_db, ActionColumns + QStringLiteral("WHERE a.group_id = :g ORDER BY a.status <> 'open', "
                                                  "a.due_on IS NULL, a.due_on, a.id"));
    q.bind(QStringLiteral(":g"), id.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    QList<GroupAction> out;
    while (q.next())
        out << actionFrom(q);
    return out;
}

Result<QList<GroupAction>> WorkingGroupService::overdue() const
{
    Query q(*m_db, ActionColumns + QStringLiteral("WHERE a.status = 'open' AND a.due_on < :today "
                                                  "ORDER BY a.due_on, a.id"));
    q.bind(QStringLiteral(":today"), today().toString(Qt::ISODate));
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    QList<GroupAction> out;
    while (q.next())
        out << actionFrom(q);
    return out;
}

} // namespace hub
