// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/settings/hubsettings.h"
#include "core/storage/unitofwork.h"

#include <QCoreApplication>
#include <QMutex>
#include <QSqlDatabase>
#include <QStringList>

#include <functional>
#include <memory>

namespace hub {

class AccessControl;
class AuditTrail;
class Database;

/// Reads and writes hub settings. Every value is validated here, once, so the
/// Settings page and `hubctl settings set` accept and refuse the same things.
class SettingsService
{
    Q_DECLARE_TR_FUNCTIONS(hub::SettingsService)
public:
    SettingsService(std::shared_ptr<Database> db, AccessControl &access, AuditTrail &audit);

    /// The settings keys: the names `hubctl settings set` uses, and what
    /// Error::where names when a value is refused, so an error finds its field.
    static QString keyName() { return QStringLiteral("name"); }
    static QString keyTimeZone() { return QStringLiteral("timezone"); }
    static QString keyUnit() { return QStringLiteral("unit"); }
    static QString keySymbol() { return QStringLiteral("symbol"); }
    static QString keyDecimals() { return QStringLiteral("decimals"); }
    static QString keyLimitMin() { return QStringLiteral("default_limit_min"); }
    static QString keyLimitMax() { return QStringLiteral("default_limit_max"); }

    /// The keys `settings set` understands, in display order.
    static QStringList keys();
    /// A one-line description of a key for help texts.
    static QString describe(const QString &key);

    Result<HubSettings> load() const;
    /// Validates every field and writes them all in one transaction.
    Status save(const HubSettings &settings);
    /// Validates and writes one key from its text form (as hubctl receives it).
    Status set(const QString &key, const QString &value);

    /// A key's value as text, in the form `set` accepts.
    static QString textValue(const HubSettings &settings, const QString &key);
    /// Applies a key's text value to `settings`, validating it.
    static Status apply(HubSettings &settings, const QString &key, const QString &value);
    static Status validate(const HubSettings &settings);

    /// Asked before save() changes the time zone: the booking service
    /// refuses while upcoming bookings exist, so their clock times are never
    /// shifted without someone choosing what happens to them.
    using ZoneGuard = std::function<Status(const QString &from, const QString &to)>;
    void setZoneGuard(ZoneGuard guard) { m_zoneGuard = std::move(guard); }

private:
    /// save()'s body, run inside m_work.
    Status saveIn(Write &w, const HubSettings &settings);
    static Status rescaleCeiling(const QSqlDatabase &connection, int fromDecimals, int toDecimals);

    std::shared_ptr<Database> m_db;
    UnitOfWork m_work;
    ZoneGuard m_zoneGuard;
    // Services read settings on hot paths (today's date for every member
    // added); they change rarely, so the last loaded or saved value is kept.
    mutable QMutex m_mutex;
    mutable std::optional<HubSettings> m_cached;
};

} // namespace hub
