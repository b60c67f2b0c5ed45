// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/clock.h"
#include "core/common/error.h"
#include "core/gatherings/gathering.h"
#include "core/storage/unitofwork.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <memory>

namespace hub {

class AccessControl;
class AuditTrail;
class Database;
class SettingsService;

/// Working groups grown from ideas, the members in them and their actions.
class WorkingGroupService
{
    Q_DECLARE_TR_FUNCTIONS(hub::WorkingGroupService)
public:
    static constexpr int MaxNameLength = 120;
    static constexpr int MaxTitleLength = 200;
    static constexpr int MaxNotesLength = 2000;

    WorkingGroupService(std::shared_ptr<Database> db, SettingsService &settings, const Clock &clock,
                        AccessControl &access, AuditTrail &audit);

    /// A group made without an idea (e.g. one that already met before Hubkeeper).
    Result<WorkingGroup> create(const QString &name, const QString &purpose, std::optional<MemberId> convenor);
    /// Whether promote() may join a group that exists by that name.
    enum class GroupChoice
    {
        JoinOrStart, ///< join the group of that name, or start it
        StartNew     ///< start a new group; a group of that name is refused
    };
    /// Promotes an idea into the group named `groupName`: an existing group
    /// (by name, ignoring case) takes it on, otherwise a new group starts
    /// with the idea and its gathering as origin. A member who told the idea
    /// joins the group; a new group's convenor is `convenor` if given. With
    /// StartNew, a name taken by another group is refused (field "group")
    /// rather than quietly joining it.
    Result<WorkingGroup> promote(IdeaId idea, const QString &groupName, std::optional<MemberId> convenor = {},
                                 GroupChoice choice = GroupChoice::JoinOrStart);

    Result<WorkingGroup> get(GroupId id) const;
    /// By id ("3", "#3") or by name, ignoring case.
    Result<WorkingGroup> find(const QString &ref) const;
    Result<QList<WorkingGroup>> list() const;
    Result<QList<GroupMember>> members(GroupId id) const;
    /// Ideas promoted into the group, its origin first.
    Result<QList<Idea>> ideas(GroupId id) const;

    Status join(GroupId id, MemberId member);
    /// A convenor hands over before leaving.
    Status leave(GroupId id, MemberId member);
    /// The convenor joins the group if not yet in it.
    Status setConvenor(GroupId id, MemberId member);

    static Status validate(const ActionDraft &draft);
    /// An action; its owner joins the group if not yet in it.
    Result<GroupAction> addAction(const ActionDraft &draft);
    /// Open → done or dropped (or back to open), with an optional note.
    Result<GroupAction> setStatus(ActionId id, ActionStatus status, const QString &note = {});
    Result<GroupAction> action(ActionId id) const;
    /// A group's actions: open ones by due date first, then the closed ones.
    Result<QList<GroupAction>> actions(GroupId id) const;
    /// Open actions due before today (in the hub's zone), of every group, oldest first.
    Result<QList<GroupAction>> overdue() const;
    /// Today in the hub's time zone.
    QDate today() const;

private:
    // The bodies of the writes above, inside their unit of work.
    Result<GroupId> promoteIn(Write &w, IdeaId idea, const QString &groupName, std::optional<MemberId> convenor,
                              GroupChoice choice);
    Result<ActionId> addActionIn(Write &w, const ActionDraft &draft);
    Status setStatusIn(Write &w, ActionId id, ActionStatus status, const QString &note);
    Result<WorkingGroup> insertGroup(const QSqlDatabase &db, const QString &name, const QString &purpose,
                                     std::optional<MemberId> convenor, std::optional<IdeaId> idea,
                                     std::optional<GatheringId> gathering);
    Status addMember(const QSqlDatabase &db, GroupId id, MemberId member);
    static Result<std::optional<GroupId>> groupNamed(const QSqlDatabase &db, const QString &name);

    std::shared_ptr<Database> m_db;
    SettingsService &m_settings;
    const Clock &m_clock;
    UnitOfWork m_work;
};

} // namespace hub
