// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/settings/settingsservice.h"

#include "core/access/accesscontrol.h"
#include "core/storage/database.h"
#include "core/storage/query.h"
#include "core/storage/unitofwork.h"

#include <QHash>
#include <QTimeZone>

namespace hub {

namespace {

// Amounts are stored in minor units, so a change of decimals rescales them to
// keep their meaning; nothing when the amount has no exact value in the new unit.
std::optional<Amount> rescaled(Amount amount, int fromDecimals, int toDecimals)
{
    qint64 m = amount.minor();
    for (int i = fromDecimals; i < toDecimals; ++i)
        if (__builtin_mul_overflow(m, qint64(10), &m))
            return std::nullopt;
    for (int i = toDecimals; i < fromDecimals; ++i) {
        if (m % 10 != 0)
            return std::nullopt;
        m /= 10;
    }
    return Amount::fromMinor(m);
}

} // namespace

SettingsService::SettingsService(std::shared_ptr<Database> db, AccessControl &access, AuditTrail &audit)
    : m_db(std::move(db)), m_work(m_db, access, audit)
{}

QStringList SettingsService::keys()
{
    return {SettingsService::keyName(),    SettingsService::keyTimeZone(), SettingsService::keyUnit(),
            SettingsService::keySymbol(),  SettingsService::keyDecimals(), SettingsService::keyLimitMin(),
            SettingsService::keyLimitMax()};
}

QString SettingsService::describe(const QString &key)
{
    if (key == SettingsService::keyName())
        return tr("the hub's name, shown in the window title and on reports");
    if (key == SettingsService::keyTimeZone())
        return tr("IANA time zone for every date and time shown, e.g. Europe/London");
    if (key == SettingsService::keyUnit())
        return tr("name of the credit unit, e.g. Hours or Credits");
    if (key == SettingsService::keySymbol())
        return tr("short symbol of the credit unit (may be empty)");
    if (key == SettingsService::keyDecimals())
        return tr("decimal places of the credit unit, 0 to 4");
    if (key == SettingsService::keyLimitMin())
        return tr("lowest balance a new account may reach (zero or below)");
    if (key == SettingsService::keyLimitMax())
        return tr("highest balance a new account may reach (empty for none)");
    return {};
}

QString SettingsService::textValue(const HubSettings &s, const QString &key)
{
    if (key == SettingsService::keyName())
        return s.name;
    if (key == SettingsService::keyTimeZone())
        return s.timeZone;
    if (key == SettingsService::keyUnit())
        return s.unitName;
    if (key == SettingsService::keySymbol())
        return s.unitSymbol;
    if (key == SettingsService::keyDecimals())
        return QString::number(s.decimals);
    if (key == SettingsService::keyLimitMin())
        return s.defaultLimitMin.toString(s.decimals);
    if (key == SettingsService::keyLimitMax())
        return s.defaultLimitMax ? s.defaultLimitMax->toString(s.decimals) : QString();
    return {};
}

Status SettingsService::apply(HubSettings &s, const QString &key, const QString &raw)
{
    const QString value = raw.trimmed();
    if (key == SettingsService::keyName()) {
        if (value.isEmpty())
            return fail(Error::invalid(tr("the hub needs a name"), key));
        if (value.size() > 100)
            return fail(Error::invalid(tr("at most 100 characters"), key));
        s.name = value;
    } else if (key == SettingsService::keyTimeZone()) {
        if (!QTimeZone::isTimeZoneIdAvailable(value.toUtf8()))
            return fail(Error::invalid(
                tr("“%1” is not a known time zone; use an IANA name such as Europe/London").arg(value), key));
        s.timeZone = value;
    } else if (key == SettingsService::keyUnit()) {
        if (value.isEmpty())
            return fail(Error::invalid(tr("the credit unit needs a name"), key));
        if (value.size() > 30)
            return fail(Error::invalid(tr("at most 30 characters"), key));
        s.unitName = value;
    } else if (key == SettingsService::keySymbol()) {
        if (value.size() > 8)
            return fail(Error::invalid(tr("at most 8 characters"), key));
        s.unitSymbol = value;
    } else if (key == SettingsService::keyDecimals()) {
        bool ok = false;
        const int d = value.toInt(&ok);
        if (!ok || d < 0 || d > 4)
            return fail(Error::invalid(tr("“%1” is not a number from 0 to 4").arg(value), key));
        const auto rescale = [&](Amount a) {
            return rescaled(a, s.decimals, d);
        };
        const auto min = rescale(s.defaultLimitMin);
        const auto max = s.defaultLimitMax ? rescale(*s.defaultLimitMax) : std::optional<Amount>();
        if (!min || (s.defaultLimitMax && !max))
            return fail(
                Error::invalid(tr("the default limits cannot be written with only %1 decimal places").arg(d), key));
        s.defaultLimitMin = *min;
        s.defaultLimitMax = max;
        s.decimals = d;
    } else if (key == SettingsService::keyLimitMin()) {
        auto a = Amount::parse(value, s.decimals);
        if (!a)
            return fail(Error::invalid(a.error().message, key));
        if (a->minor() > 0)
            return fail(Error::invalid(tr("the lower limit must be zero or below"), key));
        s.defaultLimitMin = *a;
    } else if (key == SettingsService::keyLimitMax()) {
        if (value.isEmpty()) {
            s.defaultLimitMax.reset();
        } else {
            auto a = Amount::parse(value, s.decimals);
            if (!a)
                return fail(Error::invalid(a.error().message, key));
            if (a->minor() <= 0)
                return fail(Error::invalid(tr("the upper limit must be above zero, or empty for none"), key));
            s.defaultLimitMax = *a;
        }
    } else {
        return fail(
            Error::usage(tr("unknown setting “%1”; known settings: %2").arg(key, keys().join(QStringLiteral(", ")))));
    }
    return {};
}

Status SettingsService::validate(const HubSettings &settings)
{
    HubSettings check = settings;
    for (const QString &key : keys()) {
        if (key == SettingsService::keyDecimals())
            continue; // re-applying would rescale; checked on its own below
        if (auto ok = apply(check, key, textValue(settings, key)); !ok)
            return ok;
    }
    if (settings.decimals < 0 || settings.decimals > 4)
        return fail(Error::invalid(tr("decimals must be from 0 to 4"), SettingsService::keyDecimals()));
    return {};
}

Result<HubSettings> SettingsService::load() const
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_cached)
            return *m_cached;
    }
    Query q(*m_db, QStringLiteral("SELECT key, value FROM settings"));
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    QHash<QString, QString> stored;
    while (q.next())
        stored.insert(q.value(0).toString(), q.value(1).toString());

    HubSettings s = HubSettings::defaults();
    // Decimals first: the limits are stored in minor units of that unit.
    if (stored.contains(SettingsService::keyDecimals()))
        s.decimals = std::clamp(stored.value(SettingsService::keyDecimals()).toInt(), 0, 4);
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        const QString &key = it.key();
        if (key == SettingsService::keyDecimals())
            continue;
        if (key == SettingsService::keyLimitMin())
            s.defaultLimitMin = Amount::fromMinor(it.value().toLongLong());
        else if (key == SettingsService::keyLimitMax())
            s.defaultLimitMax =
                it.value().isEmpty() ? std::nullopt : std::optional(Amount::fromMinor(it.value().toLongLong()));
        else if (key == SettingsService::keyName())
            s.name = it.value();
        else if (key == SettingsService::keyTimeZone())
            s.timeZone = it.value();
        else if (key == SettingsService::keyUnit())
            s.unitName = it.value();
        else if (key == SettingsService::keySymbol())
            s.unitSymbol = it.value();
    }
    QMutexLocker lock(&m_mutex);
    m_cached = s;
    return s;
}

Status SettingsService::save(const HubSettings &settings)
{
    return m_work.run(Permission::ChangeSettings, [&](Write &w) -> Status { return saveIn(w, settings); });
}

Status SettingsService::saveIn(Write &w, const HubSettings &settings)
{
    if (auto ok = validate(settings); !ok)
        return ok;
    const auto before = load();
    if (m_zoneGuard) {
        auto current = load();
        if (!current)
            return fail(current.error());
        if (current->timeZone != settings.timeZone)
            if (auto ok = m_zoneGuard(current->timeZone, settings.timeZone); !ok)
                return ok;
    }
    const QList<std::pair<QString, QString>> rows = {
        {SettingsService::keyName(), settings.name},
        {SettingsService::keyTimeZone(), settings.timeZone},
        {SettingsService::keyUnit(), settings.unitName},
        {SettingsService::keySymbol(), settings.unitSymbol},
        {SettingsService::keyDecimals(), QString::number(settings.decimals)},
        {SettingsService::keyLimitMin(), QString::number(settings.defaultLimitMin.minor())},
        {SettingsService::keyLimitMax(),
         settings.defaultLimitMax ? QString::number(settings.defaultLimitMax->minor()) : QString()},
    };
    // The front-desk ceiling (AccessControl's setting) is in minor units too.
    if (before && before->decimals != settings.decimals)
        if (auto ok = rescaleCeiling(w.connection(), before->decimals, settings.decimals); !ok)
            return ok;
    for (const auto &[key, value] : rows) {
        Query q(w.connection(), QStringLiteral("INSERT INTO settings(key, value) VALUES (:k, :v) "
                                               "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
        // A null QString would bind as SQL NULL; "no upper limit" is stored as empty text.
        q.bind(QStringLiteral(":k"), key).bind(QStringLiteral(":v"), value.isNull() ? QStringLiteral("") : value);
        if (auto ok = q.exec(); !ok)
            return ok;
    }
    QStringList changes;
    for (const QString &key : keys())
        if (!before || textValue(*before, key) != textValue(settings, key))
            changes << tr("%1: “%2” → “%3”")
                           .arg(key, before ? textValue(*before, key) : QString(), textValue(settings, key));
    if (!changes.isEmpty())
        w.audit(QStringLiteral("settings.save"), QStringLiteral("settings"), 0, changes.join(QStringLiteral("; ")));
    {
        QMutexLocker lock(&m_mutex);
        m_cached.reset();
    }
    return {};
}

Status SettingsService::rescaleCeiling(const QSqlDatabase &connection, int fromDecimals, int toDecimals)
{
    Query read(connection, QStringLiteral("SELECT value FROM settings WHERE key = :k"));
    read.bind(QStringLiteral(":k"), AccessControl::keyFrontDeskCeiling());
    auto stored = read.scalar();
    if (!stored)
        return fail(stored.error());
    bool number = false;
    const qint64 minor = stored->toString().toLongLong(&number);
    if (!number)
        return {}; // no ceiling
    const auto ceiling = rescaled(Amount::fromMinor(minor), fromDecimals, toDecimals);
    if (!ceiling)
        return fail(Error::invalid(tr("the front-desk ceiling cannot be written with only %1 decimal places; "
                                      "change the ceiling first")
                                       .arg(toDecimals),
                                   SettingsService::keyDecimals()));
    Query write(connection, QStringLiteral("UPDATE settings SET value = :v WHERE key = :k"));
    write.bind(QStringLiteral(":v"), QString::number(ceiling->minor()))
        .bind(QStringLiteral(":k"), AccessControl::keyFrontDeskCeiling());
    return write.exec();
}

Status SettingsService::set(const QString &key, const QString &value)
{
    auto current = load();
    if (!current)
        return fail(current.error());
    if (auto ok = apply(*current, key, value); !ok)
        return ok;
    return save(*current);
}

} // namespace hub
