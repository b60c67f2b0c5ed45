// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/clock.h"
#include "core/common/error.h"
#include "core/gatherings/gathering.h"
#include "core/storage/integritychecker.h"
#include "core/storage/keysetorder.h"
#include "core/storage/unitofwork.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <memory>

namespace hub {

class BookingService;
class AccessControl;
class AuditTrail;
class Database;

/// Which gatherings a list is about.
struct GatheringFilter
{
    QDateTime from;    ///< gatherings ending after it; invalid = open
    QDateTime to;      ///< gatherings starting before it; invalid = open
    QDateTime endedBy; ///< gatherings ending at or before it (the past); invalid = open
    bool newestFirst = false;
    int limit = -1;
};

/// Gatherings and their place in the calendar. A gathering in a space books
/// it through the BookingService, so conflicts, buffers, opening hours and
/// capacity are the booking rules and its refusals come back unchanged.
class GatheringService
{
    Q_DECLARE_TR_FUNCTIONS(hub::GatheringService)
public:
    static constexpr int MaxTitleLength = 200;
    static constexpr int MaxThemeLength = 500;
    static constexpr int MaxNotesLength = 2000;
    static constexpr int MaxDots = 99;

    GatheringService(std::shared_ptr<Database> db, BookingService &bookings, const Clock &clock, const QString &actor,
                     AccessControl &access, AuditTrail &audit);

    /// Field checks; the error's `where` names the field.
    static Status validate(const GatheringDraft &draft);

    /// Holds one gathering, booking its space when it has one.
    Result<Gathering> add(const GatheringDraft &draft);
    /// A recurring gathering (e.g. the monthly Friendly): every date of
    /// `draft.repeat` is booked as a series, all or none, and each date
    /// becomes a gathering of its own with its own sign-ups.
    Result<QList<Gathering>> addSeries(const GatheringDraft &draft);
    /// Changes a gathering; a change of time or space changes its booking
    /// under the booking rules (or books the space, or cancels the booking).
    Result<Gathering> edit(GatheringId id, const GatheringDraft &draft);

    Result<Gathering> get(GatheringId id) const;
    /// "12" or "#12".
    Result<Gathering> find(const QString &ref) const;
    Result<QList<Gathering>> list(const GatheringFilter &filter = {}) const;
    /// The gatherings after `after` in start order (keyset paging: no
    /// OFFSET), and the key of the page after them; `filter.limit` is ignored.
    Result<Page<Gathering>> page(const GatheringFilter &filter, const PageKey &after, int limit) const;
    Result<int> count(const GatheringFilter &filter) const;
    /// Gatherings still to end, soonest first.
    Result<QList<Gathering>> upcoming(int limit = -1) const;
    /// Gatherings that have ended, latest first.
    Result<QList<Gathering>> past(int limit = -1) const;
    /// Gatherings starting on a local date of the hub.
    Result<QList<Gathering>> onDay(QDate day) const;

    /// Rules SQL cannot hold: registrations within capacity, votes within
    /// their dots and cast at their own gathering.
    QList<Finding> verify() const;

private:
    /// Reads the facilitators of every gathering of `gatherings` in one query.
    Status addFacilitators(QList<Gathering> &gatherings) const;
    // The bodies of the writes above, inside their unit of work.
    Result<GatheringId> addIn(Write &w, const GatheringDraft &draft);
    Result<QList<GatheringId>> addSeriesIn(Write &w, const GatheringDraft &draft);
    Status editIn(Write &w, GatheringId id, const GatheringDraft &draft);
    Result<Gathering> insert(const QSqlDatabase &db, const GatheringDraft &draft, std::optional<int> capacity,
                             const QDateTime &start, const QDateTime &end, std::optional<BookingId> booking,
                             std::optional<SeriesId> series);
    static Status writeFacilitators(const QSqlDatabase &db, GatheringId id, const QList<MemberId> &people);
    static Result<std::optional<int>> capacityFor(const QSqlDatabase &db, const GatheringDraft &draft);

    std::shared_ptr<Database> m_db;
    BookingService &m_bookings;
    const Clock &m_clock;
    const QString &m_actor;
    UnitOfWork m_work;
};

} // namespace hub
