// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/storage/unitofwork.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>
#include <QTimeZone>

#include <memory>

namespace hub {

class AccessControl;
class BookingVerifier;
class Clock;
class Database;
class SettingsService;
struct HubSettings;

/// What happens to existing bookings when the hub's time zone changes.
enum class ZoneChangePolicy
{
    Ask,            ///< refuse while upcoming bookings exist: a person must choose
    KeepLocalTimes, ///< 19:00 stays 19:00 on the wall clock of the new zone
    KeepInstants,   ///< the same moments; their wall-clock times change
};

/// Moves the hub to another time zone together with its upcoming bookings
/// and series, and guards the plain settings change that would move the
/// zone under them unasked.
class ZoneMigration
{
    // The texts keep the translation context they were written in.
    Q_DECLARE_TR_FUNCTIONS(hub::BookingService)
public:
    ZoneMigration(std::shared_ptr<Database> db, SettingsService &settings, const Clock &clock, AccessControl &access,
                  const UnitOfWork &work, const BookingVerifier &verifier);

    /// Bookings ending after now that a change of time zone would touch.
    Result<int> upcomingCount() const;
    /// Refuses a plain settings change of the zone while upcoming bookings exist.
    Status guardZoneChange(const QString &from, const QString &to) const;
    /// Moves the hub to `zone` and treats upcoming bookings as `policy` says.
    Status changeZone(const QString &zone, ZoneChangePolicy policy);

private:
    // changeZone()'s body, inside its unit of work.
    Status changeZoneIn(Write &w, const HubSettings &current, const HubSettings &next, ZoneChangePolicy policy);
    Status moveBookings(const QSqlDatabase &db, const QTimeZone &to, ZoneChangePolicy policy) const;
    static Status moveSeries(const QSqlDatabase &db, const QTimeZone &to, ZoneChangePolicy policy);

    std::shared_ptr<Database> m_db;
    SettingsService &m_settings;
    const Clock &m_clock;
    AccessControl &m_access;
    const UnitOfWork &m_work;
    const BookingVerifier &m_verifier;
    bool m_changingZone = false;
};

} // namespace hub
