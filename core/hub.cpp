// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/hub.h"

#include "core/access/accesscontrol.h"
#include "core/access/userpersonaldata.h"
#include "core/access/userservice.h"
#include "core/audit/audittrail.h"
#include "core/common/privatefiles.h"
#include "core/common/textfold.h"
#include "core/demo/demogenerator.h"
#include "core/gatherings/challengeservice.h"
#include "core/gatherings/checkinservice.h"
#include "core/gatherings/gatheringdemopart.h"
#include "core/gatherings/gatheringpersonaldata.h"
#include "core/gatherings/gatheringservice.h"
#include "core/gatherings/ideaservice.h"
#include "core/gatherings/registrationservice.h"
#include "core/gatherings/workinggroupservice.h"
#include "core/ledger/ledgerdemopart.h"
#include "core/ledger/ledgerpersonaldata.h"
#include "core/ledger/ledgerservice.h"
#include "core/members/listingservice.h"
#include "core/members/matchfinder.h"
#include "core/members/memberdemopart.h"
#include "core/members/memberpersonaldata.h"
#include "core/members/memberservice.h"
#include "core/members/skillservice.h"
#include "core/privacy/personaldataregistry.h"
#include "core/reports/reportservice.h"
#include "core/reports/standardreports.h"
#include "core/settings/settingsdemopart.h"
#include "core/settings/settingsservice.h"
#include "core/spaces/bookingservice.h"
#include "core/spaces/spacedemopart.h"
#include "core/spaces/spaceservice.h"
#include "core/storage/changetracker.h"
#include "core/storage/integritychecker.h"
#include "core/storage/query.h"
#include "core/storage/transaction.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QThread>

#include <pwd.h>
#include <unistd.h>

namespace hub {

QString Hub::defaultPath()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return QDir(base).filePath(QStringLiteral("hubkeeper/hub.sqlite"));
}

Result<std::unique_ptr<Hub>> Hub::open(const QString &path, OpenMode mode)
{
    auto address = HubAddress::parse(path);
    if (!address)
        return fail(address.error());
    return open(*address, mode);
}

Result<std::unique_ptr<Hub>> Hub::open(const HubAddress &address, OpenMode mode)
{
    if (mode == OpenMode::CreateIfMissing && !address.isServer()) {
        const QFileInfo info(address.path());
        if (!info.exists() && !PrivateFiles::makeFolder(info.absolutePath()))
            return fail(Error::storage(
                tr("The folder %1 could not be created.").arg(QDir::toNativeSeparators(info.absolutePath()))));
    }
    auto db = Database::open(address, mode);
    if (!db)
        return fail(db.error());
    std::unique_ptr<Hub> hub(new Hub(*db));

    Query count(hub->database(), QStringLiteral("SELECT count(*) FROM settings"));
    auto rows = count.scalar();
    if (!rows)
        return fail(rows.error());
    if (auto ok = hub->refoldSortKeys(); !ok)
        return fail(ok.error());
    // An erasure left unfinished by a reader elsewhere is finished now if no
    // one is reading; opening never waits for another desk for it.
    (void)hub->members().completePendingScrub(MemberService::ScrubWait::None);
    if (rows->toInt() == 0) {
        hub->m_isNew = true;
        if (auto ok = hub->settings().save(HubSettings::defaults()); !ok)
            return fail(ok.error());
    }
    return hub;
}

Hub::Hub(std::shared_ptr<Database> db)
    : m_db(std::move(db)), m_audit(std::make_unique<AuditTrail>(m_db, m_clock, m_actor)),
      m_access(std::make_unique<AccessControl>(m_db, m_clock, m_actor)),
      m_users(std::make_unique<UserService>(m_db, m_clock, *m_access, *m_audit)),
      m_settings(std::make_unique<SettingsService>(m_db, *m_access, *m_audit)),
      m_integrity(std::make_unique<IntegrityChecker>()), m_demo(std::make_unique<DemoGenerator>()),
      m_personalData(std::make_unique<PersonalDataRegistry>()),
      m_members(std::make_unique<MemberService>(m_db, *m_settings, m_clock, *m_personalData, *m_access, *m_audit)),
      m_skills(std::make_unique<SkillService>(m_db, *m_access, *m_audit)),
      m_listings(std::make_unique<ListingService>(m_db, *m_skills, m_clock, *m_access, *m_audit)),
      m_matches(std::make_unique<MatchFinder>(m_db)),
      m_ledger(std::make_unique<LedgerService>(m_db, *m_settings, *m_members, m_clock, m_actor, *m_access, *m_audit)),
      m_spaces(std::make_unique<SpaceService>(m_db, *m_access, *m_audit)),
      m_bookings(std::make_unique<BookingService>(m_db, *m_settings, *m_ledger, m_clock, m_actor, *m_access, *m_audit)),
      m_gatherings(std::make_unique<GatheringService>(m_db, *m_bookings, m_clock, m_actor, *m_access, *m_audit)),
      m_registrations(std::make_unique<RegistrationService>(m_db, m_clock, *m_access, *m_audit)),
      m_checkIns(std::make_unique<CheckInService>(m_db, *m_members, m_clock, *m_access, *m_audit)),
      m_ideas(std::make_unique<IdeaService>(m_db, m_clock, m_actor, *m_access, *m_audit)),
      m_workingGroups(std::make_unique<WorkingGroupService>(m_db, *m_settings, m_clock, *m_access, *m_audit)),
      m_challenges(std::make_unique<ChallengeService>(m_db, *m_members, m_clock, *m_access, *m_audit)),
      m_reports(std::make_unique<ReportService>(m_db, *m_settings, m_clock, *m_access))
{
    m_thread = QThread::currentThreadId();
    m_db->retainThread();
    m_changes = std::make_unique<ChangeTracker>(m_db->connection());
    m_actor = systemActor();
    m_access->attach(*m_users, *m_audit);
    m_audit->attach(*m_access);
    registerChecks();
    registerMemberPersonalData(*this);
    registerLedgerPersonalData(*this);
    registerGatheringPersonalData(*this);
    registerUserPersonalData(*this);
    addStandardReports(*m_reports);
    m_demo->add(std::make_unique<SettingsDemoPart>());
    m_demo->add(std::make_unique<MemberDemoPart>());
    m_demo->add(std::make_unique<LedgerDemoPart>());
    m_demo->add(std::make_unique<SpaceDemoPart>());
    // Books rooms, so it stays the last part: after the spaces part's series.
    m_demo->add(std::make_unique<GatheringDemoPart>());
}

Hub::~Hub()
{
    m_changes.reset();
    m_db->releaseThread(m_thread);
}

Status Hub::refoldSortKeys()
{
    Query version(*m_db, QStringLiteral("SELECT version FROM text_fold"));
    auto v = version.scalar();
    if (!v)
        return fail(v.error());
    if (v->toInt() >= TextFold::Version)
        return {};
    // Once per hub when the folding rules change: only the keys that differ are written.
    auto tx = Transaction::begin(*m_db, Transaction::Mode::Immediate);
    if (!tx)
        return fail(tx.error());
    Query read(tx->connection(), QStringLiteral("SELECT id, display_name, sort_key FROM members"));
    if (auto ok = read.exec(); !ok)
        return ok;
    QList<std::pair<qint64, QString>> changed;
    while (read.next()) {
        const QString key = TextFold::fold(read.value(1).toString());
        if (key != read.value(2).toString())
            changed.append({read.value(0).toLongLong(), key});
    }
    read.raw().finish();
    Query write(tx->connection(), QStringLiteral("UPDATE members SET sort_key = :key WHERE id = :id"));
    for (const auto &[id, key] : std::as_const(changed)) {
        write.bind(QStringLiteral(":key"), key).bind(QStringLiteral(":id"), id);
        if (auto ok = write.exec(); !ok)
            return ok;
    }
    Query done(tx->connection(), QStringLiteral("UPDATE text_fold SET version = :v"));
    done.bind(QStringLiteral(":v"), TextFold::Version);
    if (auto ok = done.exec(); !ok)
        return ok;
    return tx->commit();
}

QString Hub::systemActor()
{
    // Who is logged in to the computer, and with what: on a hub without
    // users the audit trail tells the window from hubctl and one desk's
    // account from another's.
    QString user;
    if (const passwd *pw = getpwuid(geteuid()); pw && pw->pw_name)
        user = QString::fromLocal8Bit(pw->pw_name);
    if (user.isEmpty())
        user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = tr("uid %1").arg(geteuid());
    const QString app = QCoreApplication::applicationName();
    const QString program = app == QStringLiteral("hubkeeper") ? tr("Hubkeeper window") : app;
    return program.isEmpty() ? user : tr("%1 (%2)").arg(user, program);
}

void Hub::setActor(const QString &actor)
{
    if (m_access->isSignedIn())
        m_actor = actor;
    else
        m_access->setSystemActor(actor);
}

namespace {
// The server checks its pages itself and enforces every constraint on each
// write; what can still be wrong is a constraint someone with more rights
// than the hub's role added NOT VALID or switched off.
QList<Finding> serverStorageFindings(Database &db)
{
    QList<Finding> found;
    Query unchecked(db, QStringLiteral("SELECT conrelid::regclass::text, conname FROM pg_constraint "
                                       "WHERE NOT convalidated AND connamespace = current_schema()::regnamespace"));
    if (auto ok = unchecked.exec(); !ok) {
        found << Finding{{}, ok.error().message, {}};
        return found;
    }
    while (unchecked.next())
        found << Finding{
            {},
            Hub::tr("the constraint %1 is not checked for the rows already there").arg(unchecked.value(1).toString()),
            unchecked.value(0).toString()};
    // Triggers keep the word index that member searches read; rows written
    // past them (a trigger disabled, a hand-made change) would make searches
    // silently miss members or find the wrong ones.
    Query words(
        db, QStringLiteral("WITH expected AS (SELECT member_id, word, coalesce(hub_shared_prefix(lag(word) OVER "
                           "(PARTITION BY member_id ORDER BY word), word), 0) AS shared, sort_key FROM (SELECT s.rowid "
                           "AS member_id, w COLLATE \"C\" AS word, coalesce(m.sort_key, '') AS sort_key FROM "
                           "member_search s LEFT JOIN members m ON m.id = s.rowid CROSS JOIN LATERAL "
                           "hub_words(concat_ws(' ', s.name, s.email, s.skills, s.offers, s.needs, s.postcode, "
                           "s.notes)) AS w) AS e), kept AS (SELECT member_id, word, shared, sort_key FROM "
                           "member_words) SELECT member_id FROM (SELECT * FROM expected EXCEPT SELECT * FROM kept) AS "
                           "missing UNION SELECT member_id FROM (SELECT * FROM kept EXCEPT SELECT * FROM expected) AS "
                           "extra ORDER BY 1 LIMIT 20"));
    if (auto ok = words.exec(); !ok) {
        found << Finding{{}, ok.error().message, QStringLiteral("member_words")};
        return found;
    }
    while (words.next())
        found << Finding{{},
                         Hub::tr("the search words of member #%1 differ from their record, so searches may miss "
                                 "them or find them by words they no longer have")
                             .arg(words.value(0).toLongLong()),
                         QStringLiteral("member_words")};
    return found;
}
} // namespace

void Hub::registerChecks()
{
    // One read transaction for the whole check (see IntegrityChecker::Snapshot).
    m_integrity->setSnapshot([this]() -> std::shared_ptr<void> {
        auto tx = Transaction::begin(*m_db, Transaction::Mode::Deferred);
        if (!tx)
            return nullptr;
        return std::make_shared<Transaction>(std::move(*tx));
    });
    if (m_db->backend() == Backend::PostgreSQL)
        m_integrity->setEachCheck([this]() -> std::shared_ptr<void> {
            auto savepoint = Transaction::begin(*m_db, Transaction::Mode::Deferred);
            return savepoint ? std::make_shared<Transaction>(std::move(*savepoint)) : nullptr;
        });
    m_integrity->add(QStringLiteral("storage"), tr("Storage integrity and foreign keys"), [this] {
        if (m_db->backend() == Backend::PostgreSQL)
            return serverStorageFindings(*m_db);
        QList<Finding> found;
        Query integrity(*m_db, m_integrity->depth() == CheckDepth::Quick
                                   ? QStringLiteral("PRAGMA quick_check(50)")
                                   : QStringLiteral("PRAGMA integrity_check(50)"));
        if (auto ok = integrity.exec(); !ok) {
            found << Finding{{}, ok.error().message, {}};
            return found;
        }
        while (integrity.next()) {
            const QString line = integrity.value(0).toString();
            if (line != QStringLiteral("ok"))
                found << Finding{{}, line, {}};
        }
        Query keys(*m_db, QStringLiteral("PRAGMA foreign_key_check"));
        if (auto ok = keys.exec(); !ok) {
            found << Finding{{}, ok.error().message, {}};
            return found;
        }
        while (keys.next())
            found << Finding{{},
                             tr("row refers to a missing %1 row").arg(keys.value(2).toString()),
                             tr("%1 row %2").arg(keys.value(0).toString(), keys.value(1).toString())};
        return found;
    });
    m_integrity->add(QStringLiteral("ledger"),
                     tr("Ledger: zero sum, balances match transfers, hash chain intact, limits kept"),
                     [this] { return m_ledger->verify(); });
    m_settings->setZoneGuard(
        [this](const QString &from, const QString &to) { return m_bookings->guardZoneChange(from, to); });
    m_integrity->add(QStringLiteral("bookings"), tr("Bookings: no two live bookings of a space overlap"),
                     [this] { return m_bookings->verify(); });
    m_integrity->add(QStringLiteral("gatherings"),
                     tr("Gatherings: sign-ups within capacity, votes within their dots and gathering"),
                     [this] { return m_gatherings->verify(); });
    m_integrity->add(QStringLiteral("audit"), tr("Audit trail: hash chain intact, no row changed"),
                     [this] { return m_audit->verify(); });
    m_integrity->add(
        QStringLiteral("immutability"),
        tr("Transfers and the audit trail still refuse changes; limits match their last recorded change"), [this] {
            QList<Finding> found;
            Query triggers(*m_db, m_db->backend() == Backend::PostgreSQL
                                      ? QStringLiteral("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND "
                                                       "tgenabled <> 'D'")
                                      : QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'trigger'"));
            QStringList present;
            if (triggers.exec())
                while (triggers.next())
                    present << triggers.value(0).toString();
            for (const char *trigger : {"transfers_never_updated", "transfers_never_deleted", "audit_log_never_updated",
                                        "audit_log_never_deleted"})
                if (!present.contains(QString::fromLatin1(trigger)))
                    found << Finding{{},
                                     tr("the trigger %1 that keeps rows from being changed is missing")
                                         .arg(QString::fromLatin1(trigger)),
                                     QString::fromLatin1(trigger)};
            // A limit widened in the file, past the service that logs every change.
            Query limits(*m_db,
                         QStringLiteral("SELECT a.id, a.limit_min_minor, l.new_min, a.limit_max_minor, l.new_max "
                                        "FROM accounts a JOIN limit_changes l ON l.id = (SELECT max(id) FROM "
                                        "limit_changes WHERE account_id = a.id) "
                                        "WHERE a.limit_min_minor IS DISTINCT FROM l.new_min OR a.limit_max_minor IS "
                                        "DISTINCT FROM l.new_max"));
            if (auto ok = limits.exec(); !ok) {
                found << Finding{{}, ok.error().message, {}};
                return found;
            }
            while (limits.next())
                found << Finding{{},
                                 tr("account #%1 has limits %2 / %3 but its last recorded change set %4 / %5")
                                     .arg(limits.value(0).toString(), limits.value(1).toString(),
                                          limits.value(3).isNull() ? tr("none") : limits.value(3).toString(),
                                          limits.value(2).toString(),
                                          limits.value(4).isNull() ? tr("none") : limits.value(4).toString()),
                                 tr("account #%1").arg(limits.value(0).toString())};
            return found;
        });
    m_integrity->add(QStringLiteral("settings"), tr("Hub settings are valid"), [this] {
        QList<Finding> found;
        auto s = m_settings->load();
        if (!s)
            found << Finding{{}, s.error().message, {}};
        else if (auto ok = SettingsService::validate(*s); !ok)
            found << Finding{{}, ok.error().message, ok.error().where};
        return found;
    });
}

} // namespace hub
