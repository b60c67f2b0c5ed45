// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/clock.h"
#include "core/common/error.h"
#include "core/members/member.h"
#include "core/storage/keysetorder.h"
#include "core/storage/unitofwork.h"

#include <QCoreApplication>

#include <memory>

namespace hub {

class AccessControl;
class AuditTrail;
class Database;
class PersonalDataRegistry;
class SettingsService;

/// Which members a list, a search or an export is about.
struct MemberFilter
{
    QString search; ///< words typed in the search box: accent- and case-insensitive prefixes
    QString skill;  ///< only members with this skill (name, any case or accents)
    std::optional<MemberStatus> status;
    std::optional<MemberKind> kind;
    bool directoryOnly = false; ///< only members who consented to the shared directory
    bool includeForgotten = false;
};

enum class MemberSort
{
    Name,
    Email,
    Postcode,
    Membership, ///< by status (active, lapsed, left)
    Joined
};

/// Members and organisations: adding, editing, consent, status and erasure.
/// Every rule about a member's record lives here.
class MemberService
{
    Q_DECLARE_TR_FUNCTIONS(hub::MemberService)
public:
    static constexpr int MaxNameLength = 200;

    MemberService(std::shared_ptr<Database> db, SettingsService &settings, const Clock &clock,
                  PersonalDataRegistry &personalData, AccessControl &access, AuditTrail &audit);

    /// Field-level checks; the error's `where` is the field name
    /// (display_name, email, phone, postcode, website, ...).
    static Status validate(const MemberDraft &draft);
    /// Trims and normalises a draft the way it will be stored (postcode upper case, ...).
    static MemberDraft normalised(MemberDraft draft);

    Result<Member> add(MemberDraft draft);
    Result<Member> update(MemberId id, MemberDraft draft);
    Result<Member> get(MemberId id) const;
    /// A member named as on the command line: a numeric id or an e-mail address.
    Result<Member> find(const QString &idOrEmail) const;
    /// The live member with this e-mail (compared case-insensitively), if any.
    Result<std::optional<Member>> findByEmail(const QString &email) const;

    /// The first `limit` members the filter finds (all with -1), in `sort` order.
    Result<QList<Member>> list(const MemberFilter &filter, int limit = -1, MemberSort sort = MemberSort::Name,
                               bool descending = false) const;
    /// The members after `after` (keyset paging: no OFFSET), and the key of the page after them.
    Result<Page<Member>> page(const MemberFilter &filter, const PageKey &after, int limit,
                              MemberSort sort = MemberSort::Name, bool descending = false) const;
    Result<int> count(const MemberFilter &filter) const;

    Status setStatus(MemberId id, MemberStatus status, QDate on = {});
    Status setConsent(MemberId id, const Consent &consent);
    Result<QList<ConsentChange>> consentHistory(MemberId id) const;

    /// The contact people of an organisation.
    Status setContacts(MemberId organisation, const QList<MemberId> &people);
    Result<QList<Member>> contacts(MemberId organisation) const;

    /// Erases the member's personal data everywhere (through the personal-data
    /// registry), keeps ledger, booking and attendance rows under the stable
    /// pseudonym "Former member #ID", and leaves no old value in the file or WAL.
    /// The outcome of forget(): `complete` is false while another desk (or a
    /// backup) holds a read open, so the old values may still be in the
    /// file's write-ahead log. The erasure is recorded either way, and is
    /// completed by completePendingScrub() at the next chance: every open of
    /// the hub, and every second in an open window (HubWatcher).
    struct Erasure
    {
        bool complete = true;
    };
    Result<Erasure> forget(MemberId id);
    /// How long completePendingScrub() may wait for other desks' reads.
    enum class ScrubWait
    {
        BusyTimeout, ///< up to the busy timeout: right after an erasure, to say "done" if it can
        None,        ///< not at all: on open and on a window's tick, never holding up the desk
    };
    /// Folds a pending erasure all the way into the file (purges search
    /// segments, TRUNCATE checkpoint); true once nothing is pending.
    Result<bool> completePendingScrub(ScrubWait wait = ScrubWait::BusyTimeout);
    static QString pseudonym(MemberId id);

    /// Today in the hub's time zone.
    QDate today() const;

private:
    Result<bool> completeServerScrub();
    Result<std::optional<Member>> emailOwner(const QString &email, MemberId except) const;
    // The bodies of the writes above, inside their unit of work.
    Result<MemberId> addIn(Write &w, MemberDraft draft);
    Status updateIn(Write &w, MemberId id, MemberDraft draft);
    Status forgetIn(Write &w, MemberId id);

    std::shared_ptr<Database> m_db;
    SettingsService &m_settings;
    const Clock &m_clock;
    PersonalDataRegistry &m_personalData;
    UnitOfWork m_work;
};

} // namespace hub
