// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/clock.h"
#include "core/common/error.h"
#include "core/storage/database.h"

#include <QCoreApplication>

#include <memory>

namespace hub {

class AccessControl;
class AuditTrail;
class BookingService;
class ChallengeService;
class ChangeTracker;
class CheckInService;
class GatheringService;
class IdeaService;
class RegistrationService;
class WorkingGroupService;
class DemoGenerator;
class IntegrityChecker;
class LedgerService;
class ListingService;
class MatchFinder;
class MemberService;
class PersonalDataRegistry;
class ReportService;
class SettingsService;
class SkillService;
class SpaceService;
class UserService;

/// An open hub file and the services that work on it. The GUI and hubctl both
/// start here, so they share every rule.
class Hub
{
    Q_DECLARE_TR_FUNCTIONS(hub::Hub)
public:
    /// Opens a hub. With CreateIfMissing a new file gets the default settings.
    /// Opens a hub file, or a hub server given as postgresql://USER@HOST/DB.
    static Result<std::unique_ptr<Hub>> open(const QString &path, OpenMode mode = OpenMode::ExistingOnly);
    static Result<std::unique_ptr<Hub>> open(const HubAddress &address, OpenMode mode = OpenMode::ExistingOnly);
    /// The file both apps open when no --db is given:
    /// the user's data folder, e.g. ~/.local/share/hubkeeper/hub.sqlite.
    static QString defaultPath();

    ~Hub();
    Q_DISABLE_COPY_MOVE(Hub)

    QString path() const { return m_db->path(); }
    Database &database() { return *m_db; }
    /// The same Database, shared (a watcher or worker may outlive this Hub).
    std::shared_ptr<Database> sharedDatabase() const { return m_db; }
    /// True when this open created the file.
    bool isNew() const { return m_isNew; }

    SettingsService &settings() { return *m_settings; }
    IntegrityChecker &integrity() { return *m_integrity; }
    DemoGenerator &demo() { return *m_demo; }
    PersonalDataRegistry &personalData() { return *m_personalData; }
    MemberService &members() { return *m_members; }
    SkillService &skills() { return *m_skills; }
    ListingService &listings() { return *m_listings; }
    MatchFinder &matches() { return *m_matches; }
    LedgerService &ledger() { return *m_ledger; }
    SpaceService &spaces() { return *m_spaces; }
    BookingService &bookings() { return *m_bookings; }
    GatheringService &gatherings() { return *m_gatherings; }
    RegistrationService &registrations() { return *m_registrations; }
    CheckInService &checkIns() { return *m_checkIns; }
    IdeaService &ideas() { return *m_ideas; }
    WorkingGroupService &workingGroups() { return *m_workingGroups; }
    ChallengeService &challenges() { return *m_challenges; }
    ReportService &reports() { return *m_reports; }
    /// The hub's users, who signs in, and what the one at the desk may do.
    UserService &users() { return *m_users; }
    AccessControl &access() { return *m_access; }
    const AccessControl &access() const { return *m_access; }
    /// The append-only record of every change.
    AuditTrail &audit() { return *m_audit; }
    /// Signals one ChangeEvent after each commit made through this hub's
    /// connection (this thread's). The signal comes from inside the commit:
    /// a listener notes what changed and reads later, never at once.
    ChangeTracker &changes() { return *m_changes; }

    /// Where services read "now"; tests fix it.
    const Clock &clock() const { return m_clock; }
    void setClock(Clock clock) { m_clock = std::move(clock); }
    /// Who is making changes, recorded on transfers ("entered by") and in the
    /// audit trail: the signed-in user, else the process's user.
    QString actor() const { return m_actor; }
    /// Who changes are recorded as while no one is signed in.
    void setActor(const QString &actor);
    /// "alice (hubctl)", "alice (Hubkeeper window)": the computer's user and
    /// the program, recorded as "who" while no hub user is signed in.
    static QString systemActor();

private:
    /// Members' sort keys made again when TextFold's rules changed (once).
    Status refoldSortKeys();

public:
private:
    explicit Hub(std::shared_ptr<Database> db);
    void registerChecks();

    std::shared_ptr<Database> m_db;
    Qt::HANDLE m_thread = nullptr; ///< where this Hub was opened: its connection's thread
    bool m_isNew = false;
    Clock m_clock;
    QString m_actor;
    std::unique_ptr<ChangeTracker> m_changes;
    std::unique_ptr<AuditTrail> m_audit;
    std::unique_ptr<AccessControl> m_access;
    std::unique_ptr<UserService> m_users;
    std::unique_ptr<SettingsService> m_settings;
    std::unique_ptr<IntegrityChecker> m_integrity;
    std::unique_ptr<DemoGenerator> m_demo;
    std::unique_ptr<PersonalDataRegistry> m_personalData;
    std::unique_ptr<MemberService> m_members;
    std::unique_ptr<SkillService> m_skills;
    std::unique_ptr<ListingService> m_listings;
    std::unique_ptr<MatchFinder> m_matches;
    std::unique_ptr<LedgerService> m_ledger;
    std::unique_ptr<SpaceService> m_spaces;
    std::unique_ptr<BookingService> m_bookings;
    std::unique_ptr<GatheringService> m_gatherings;
    std::unique_ptr<RegistrationService> m_registrations;
    std::unique_ptr<CheckInService> m_checkIns;
    std::unique_ptr<IdeaService> m_ideas;
    std::unique_ptr<WorkingGroupService> m_workingGroups;
    std::unique_ptr<ChallengeService> m_challenges;
    std::unique_ptr<ReportService> m_reports;
};

} // namespace hub
