// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/spaces/bookingservice.h"

namespace hub {

BookingService::BookingService(std::shared_ptr<Database> db, SettingsService &settings, LedgerService &ledger,
                               const Clock &clock, const QString &actor, AccessControl &access, AuditTrail &audit)
    : m_work(db, access, audit), m_rules(settings), m_charges(ledger, settings, m_rules),
      m_rows(db, clock, actor, m_rules, m_charges), m_single(m_work, m_rules, m_rows, m_charges),
      m_series(db, m_work, clock, actor, m_rules, m_rows, m_charges), m_search(db, m_rules), m_verifier(db),
      m_zones(db, settings, clock, access, m_work, m_verifier)
{}

QTimeZone BookingService::zone() const
{
    return m_rules.zone();
}

QDateTime BookingService::localTime(QDate date, QTime time) const
{
    return QDateTime(date, time, zone());
}

Status BookingService::validate(const BookingDraft &d)
{
    return BookingRules::validate(d);
}

std::optional<Amount> BookingService::price(const Space &space, qint64 seconds)
{
    return BookingCharges::price(space, seconds);
}

Result<Booking> BookingService::book(const BookingDraft &d)
{
    return m_single.book(d);
}

Result<Booking> BookingService::confirm(BookingId id)
{
    return m_single.confirm(id);
}

Result<Booking> BookingService::decline(BookingId id)
{
    return m_single.decline(id);
}

Result<Booking> BookingService::cancel(BookingId id)
{
    return m_single.cancel(id);
}

Result<QList<Booking>> BookingService::cancel(BookingId id, CancelScope scope)
{
    return m_series.cancel(id, scope);
}

Result<Booking> BookingService::edit(BookingId id, const BookingDraft &draft)
{
    return m_single.edit(id, draft);
}

Result<QList<SeriesOccurrence>> BookingService::preview(const BookingDraft &d) const
{
    return m_series.preview(d);
}

Result<SeriesOutcome> BookingService::bookSeries(const BookingDraft &d)
{
    return m_series.bookSeries(d);
}

Result<SeriesOutcome> BookingService::editSeries(SeriesId id, const BookingDraft &draft)
{
    return m_series.editSeries(id, draft);
}

Result<BookingSeries> BookingService::series(SeriesId id) const
{
    return m_rows.series(id);
}

Result<QList<Booking>> BookingService::occurrences(SeriesId id) const
{
    return m_rows.occurrences(id);
}

Result<QList<Space>> BookingService::freeSpaces(const QDateTime &from, const QDateTime &to, int capacity) const
{
    return m_search.freeSpaces(from, to, capacity);
}

Result<int> BookingService::upcomingCount() const
{
    return m_zones.upcomingCount();
}

Status BookingService::guardZoneChange(const QString &from, const QString &to) const
{
    return m_zones.guardZoneChange(from, to);
}

Status BookingService::changeZone(const QString &zoneId, ZoneChangePolicy policy)
{
    return m_zones.changeZone(zoneId, policy);
}

Result<Booking> BookingService::get(const QSqlDatabase &db, BookingId id)
{
    return BookingRows::get(db, id);
}

Result<Booking> BookingService::get(BookingId id) const
{
    return m_rows.get(id);
}

Result<QList<Booking>> BookingService::list(const BookingFilter &f) const
{
    return m_rows.list(f);
}

Status BookingService::each(const BookingFilter &f, const std::function<bool(const Booking &)> &visit) const
{
    return m_rows.each(f, visit);
}

QList<Finding> BookingService::verify() const
{
    return m_verifier.verify();
}

} // namespace hub
