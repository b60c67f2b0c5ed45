// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/settings/settingsservice.h"

#include "core/storage/database.h"
#include "core/storage/query.h"
#include "core/storage/transaction.h"

#include <QHash>
#include <QTimeZone>

namespace hub {

namespace {
const QString KeyName = QStringLiteral("name");
const QString KeyTimeZone = QStringLiteral("timezone");
const QString KeyUnit = QStringLiteral("unit");
const QString KeySymbol = QStringLiteral("symbol");
const QString KeyDecimals = QStringLiteral("decimals");
const QString KeyLimitMin = QStringLiteral("default_limit_min");
const QString KeyLimitMax = QStringLiteral("default_limit_max");
} // namespace

SettingsService::SettingsService(std::shared_ptr<Database> db) : m_db(std::move(db)) {}

QStringList SettingsService::keys()
{
    return {KeyName, KeyTimeZone, KeyUnit, KeySymbol, KeyDecimals, KeyLimitMin, KeyLimitMax};
}

QString SettingsService::describe(const QString &key)
{
    if (key == KeyName)
        return tr("the hub's name, shown in the window title and on reports");
    if (key == KeyTimeZone)
        return tr("IANA time zone for every date and time shown, e.g. Europe/London");
    if (key == KeyUnit)
        return tr("name of the credit unit, e.g. Hours or Credits");
    if (key == KeySymbol)
        return tr("short symbol of the credit unit (may be empty)");
    if (key == KeyDecimals)
        return tr("decimal places of the credit unit, 0 to 4");
    if (key == KeyLimitMin)
        return tr("lowest balance a new account may reach (zero or below)");
    if (key == KeyLimitMax)
        return tr("highest balance a new account may reach (empty for none)");
    return {};
}

QString SettingsService::textValue(const HubSettings &s, const QString &key)
{
    if (key == KeyName)
        return s.name;
    if (key == KeyTimeZone)
        return s.timeZone;
    if (key == KeyUnit)
        return s.unitName;
    if (key == KeySymbol)
        return s.unitSymbol;
    if (key == KeyDecimals)
        return QString::number(s.decimals);
    if (key == KeyLimitMin)
        return s.defaultLimitMin.toString(s.decimals);
    if (key == KeyLimitMax)
        return s.defaultLimitMax ? s.defaultLimitMax->toString(s.decimals) : QString();
    return {};
}

Status SettingsService::apply(HubSettings &s, const QString &key, const QString &raw)
{
    const QString value = raw.trimmed();
    if (key == KeyName) {
        if (value.isEmpty())
            return fail(Error::invalid(tr("the hub needs a name"), key));
        if (value.size() > 100)
            return fail(Error::invalid(tr("at most 100 characters"), key));
        s.name = value;
    } else if (key == KeyTimeZone) {
        if (!QTimeZone::isTimeZoneIdAvailable(value.toUtf8()))
            return fail(Error::invalid(
                tr("“%1” is not a known time zone; use an IANA name such as Europe/London").arg(value),
                key));
        s.timeZone = value;
    } else if (key == KeyUnit) {
        if (value.isEmpty())
            return fail(Error::invalid(tr("the credit unit needs a name"), key));
        if (value.size() > 30)
            return fail(Error::invalid(tr("at most 30 characters"), key));
        s.unitName = value;
    } else if (key == KeySymbol) {
        if (value.size() > 8)
            return fail(Error::invalid(tr("at most 8 characters"), key));
        s.unitSymbol = value;
    } else if (key == KeyDecimals) {
        bool ok = false;
        const int d = value.toInt(&ok);
        if (!ok || d < 0 || d > 4)
            return fail(Error::invalid(tr("“%1” is not a number from 0 to 4").arg(value), key));
        // Stored limits are minor units, so they keep their meaning in the new unit.
        const auto rescale = [&](Amount a) -> std::optional<Amount> {
            qint64 m = a.minor();
            for (int i = s.decimals; i < d; ++i)
                if (__builtin_mul_overflow(m, qint64(10), &m))
                    return std::nullopt;
            for (int i = d; i < s.decimals; ++i) {
                if (m % 10 != 0)
                    return std::nullopt;
                m /= 10;
            }
            return Amount::fromMinor(m);
        };
        const auto min = rescale(s.defaultLimitMin);
        const auto max = s.defaultLimitMax ? rescale(*s.defaultLimitMax) : std::optional<Amount>();
        if (!min || (s.defaultLimitMax && !max))
            return fail(Error::invalid(
                tr("the default limits cannot be written with only %1 decimal places").arg(d), key));
        s.defaultLimitMin = *min;
        s.defaultLimitMax = max;
        s.decimals = d;
    } else if (key == KeyLimitMin) {
        auto a = Amount::parse(value, s.decimals);
        if (!a)
            return fail(Error::invalid(a.error().message, key));
        if (a->minor() > 0)
            return fail(Error::invalid(tr("the lower limit must be zero or below"), key));
        s.defaultLimitMin = *a;
    } else if (key == KeyLimitMax) {
        if (value.isEmpty()) {
            s.defaultLimitMax.reset();
        } else {
            auto a = Amount::parse(value, s.decimals);
            if (!a)
                return fail(Error::invalid(a.error().message, key));
            if (a->minor() <= 0)
                return fail(Error::invalid(tr("the upper limit must be above zero, or empty for none"),
                                           key));
            s.defaultLimitMax = *a;
        }
    } else {
        return fail(Error::usage(
            tr("unknown setting “%1”; known settings: %2").arg(key, keys().join(QStringLiteral(", ")))));
    }
    return {};
}

Status SettingsService::validate(const HubSettings &settings)
{
    HubSettings check = settings;
    for (const QString &key : keys()) {
        if (key == KeyDecimals)
            continue; // re-applying would rescale; checked on its own below
        if (auto ok = apply(check, key, textValue(settings, key)); !ok)
            return ok;
    }
    if (settings.decimals < 0 || settings.decimals > 4)
        return fail(Error::invalid(tr("decimals must be from 0 to 4"), KeyDecimals));
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
    if (stored.contains(KeyDecimals))
        s.decimals = std::clamp(stored.value(KeyDecimals).toInt(), 0, 4);
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        const QString &key = it.key();
        if (key == KeyDecimals)
            continue;
        if (key == KeyLimitMin)
            s.defaultLimitMin = Amount::fromMinor(it.value().toLongLong());
        else if (key == KeyLimitMax)
            s.defaultLimitMax = it.value().isEmpty()
                                    ? std::nullopt
                                    : std::optional(Amount::fromMinor(it.value().toLongLong()));
        else if (key == KeyName)
            s.name = it.value();
        else if (key == KeyTimeZone)
            s.timeZone = it.value();
        else if (key == KeyUnit)
            s.unitName = it.value();
        else if (key == KeySymbol)
            s.unitSymbol = it.value();
    }
    QMutexLocker lock(&m_mutex);
    m_cached = s;
    return s;
}

Status SettingsService::save(const HubSettings &settings)
{
    if (auto ok = validate(settings); !ok)
        return ok;
    auto tx = Transaction::begin(*m_db);
    if (!tx)
        return fail(tx.error());
    const QList<std::pair<QString, QString>> rows = {
        {KeyName, settings.name},
        {KeyTimeZone, settings.timeZone},
        {KeyUnit, settings.unitName},
        {KeySymbol, settings.unitSymbol},
        {KeyDecimals, QString::number(settings.decimals)},
        {KeyLimitMin, QString::number(settings.defaultLimitMin.minor())},
        {KeyLimitMax, settings.defaultLimitMax ? QString::number(settings.defaultLimitMax->minor())
                                               : QString()},
    };
    for (const auto &[key, value] : rows) {
        Query q(tx->connection(), QStringLiteral("INSERT INTO settings(key, value) VALUES (:k, :v) "
                                                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
        // A null QString would bind as SQL NULL; "no upper limit" is stored as empty text.
        q.bind(QStringLiteral(":k"), key).bind(QStringLiteral(":v"), value.isNull() ? QStringLiteral("") : value);
        if (auto ok = q.exec(); !ok)
            return ok;
    }
    {
        QMutexLocker lock(&m_mutex);
        m_cached.reset();
    }
    return tx->commit();
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
