// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/spaces/spaceservice.h"

#include "core/access/accesscontrol.h"
#include "core/audit/audittrail.h"
#include "core/common/textrules.h"
#include "core/storage/database.h"
#include "core/storage/query.h"
#include "core/storage/unitofwork.h"

#include <QLocale>
#include <QRegularExpression>

namespace hub {

namespace {

const QString SpaceColumns = QStringLiteral(
    "id, name, description, capacity, rate_minor, setup_minutes, cleanup_minutes, features, colour, active");

Space spaceFrom(const Query &q)
{
    Space s;
    s.id = SpaceId(q.value(0).toLongLong());
    s.name = q.value(1).toString();
    s.description = q.value(2).toString();
    s.capacity = q.value(3).toInt();
    if (!q.value(4).isNull())
        s.rate = Amount::fromMinor(q.value(4).toLongLong());
    s.setupMinutes = q.value(5).toInt();
    s.cleanupMinutes = q.value(6).toInt();
    const QString features = q.value(7).toString();
    s.features = features.isEmpty() ? QStringList() : features.split(u',');
    s.colour = q.value(8).toString();
    s.active = q.value(9).toBool();
    s.hours = {};
    return s;
}

Status loadHours(const QSqlDatabase &db, Space &s)
{
    Query q(db, QStringLiteral("SELECT weekday, opens_minute, closes_minute FROM space_hours WHERE space_id = :id"));
    q.bind(QStringLiteral(":id"), s.id.value());
    if (auto ok = q.exec(); !ok)
        return ok;
    while (q.next())
        s.hours.days.at(q.value(0).toInt() - 1) = DayHours{q.value(1).toInt(), q.value(2).toInt()};
    return {};
}

// Features are stored comma-separated, so each is trimmed and cleared of commas.
QString featureText(const QStringList &features)
{
    QStringList clean;
    for (const QString &f : features) {
        const QString t = QString(f).replace(u',', u' ').simplified();
        if (!t.isEmpty() && !clean.contains(t, Qt::CaseInsensitive))
            clean << t;
    }
    return clean.join(u',');
}

QVariant nullableRate(const std::optional<Amount> &rate)
{
    return rate ? QVariant(rate->minor()) : QVariant(QMetaType(QMetaType::LongLong));
}

} // namespace

SpaceService::SpaceService(std::shared_ptr<Database> db, AccessControl &access, AuditTrail &audit)
    : m_db(std::move(db)), m_access(access), m_work(m_db, access, audit)
{}

Status SpaceService::validate(const Space &s)
{
    const QString name = s.name.simplified();
    if (name.isEmpty())
        return fail(Error::invalid(tr("a space needs a name"), QStringLiteral("name")));
    if (auto ok = TextRules::name(s.name, QStringLiteral("name")); !ok)
        return ok;
    if (name.size() > MaxNameLength)
        return fail(
            Error::invalid(tr("the name is longer than %1 characters").arg(MaxNameLength), QStringLiteral("name")));
    // A name that is only digits would be read as an id by find().
    if (QRegularExpression(QStringLiteral("^\\d+$")).match(name).hasMatch())
        return fail(Error::invalid(tr("a space name cannot be only digits"), QStringLiteral("name")));
    if (s.description.size() > MaxDescriptionLength)
        return fail(Error::invalid(tr("the description is longer than %1 characters").arg(MaxDescriptionLength),
                                   QStringLiteral("description")));
    if (s.capacity <= 0)
        return fail(Error::invalid(tr("the capacity must be at least 1 person"), QStringLiteral("capacity")));
    if (s.rate && s.rate->minor() < 0)
        return fail(Error::invalid(tr("the hourly rate cannot be negative"), QStringLiteral("rate")));
    if (s.setupMinutes < 0 || s.setupMinutes > MaxBufferMinutes)
        return fail(Error::invalid(tr("the setup time must be between 0 and %1 minutes").arg(MaxBufferMinutes),
                                   QStringLiteral("setup")));
    if (s.cleanupMinutes < 0 || s.cleanupMinutes > MaxBufferMinutes)
        return fail(Error::invalid(tr("the clean-up time must be between 0 and %1 minutes").arg(MaxBufferMinutes),
                                   QStringLiteral("cleanup")));
    if (!s.colour.isEmpty() && !QRegularExpression(QStringLiteral("^#[0-9A-Fa-f]{6}$")).match(s.colour).hasMatch())
        return fail(Error::invalid(tr("the colour must look like #3a7bd5"), QStringLiteral("colour")));
    for (int day = 0; day < 7; ++day) {
        const auto &h = s.hours.days.at(day);
        if (h && (h->opens < 0 || h->closes > 24 * 60 || h->closes <= h->opens))
            return fail(Error::invalid(
                tr("on %1 the space must open before it closes, within the day").arg(QLocale().dayName(day + 1)),
                QStringLiteral("hours")));
    }
    return {};
}

Status SpaceService::nameIsFree(const QSqlDatabase &db, const QString &name, SpaceId except)
{
    Query q(db, QStringLiteral("SELECT id FROM spaces WHERE name = :name AND id <> :id"));
    q.bind(QStringLiteral(":name"), name).bind(QStringLiteral(":id"), except.value());
    auto found = q.scalar();
    if (!found)
        return fail(found.error());
    if (!found->isNull())
        return fail(Error::invalid(tr("there is already a space called %1").arg(name), QStringLiteral("name")));
    return {};
}

Status SpaceService::writeHours(const QSqlDatabase &db, SpaceId id, const OpeningHours &hours)
{
    Query clear(db, QStringLiteral("DELETE FROM space_hours WHERE space_id = :id"));
    clear.bind(QStringLiteral(":id"), id.value());
    if (auto ok = clear.exec(); !ok)
        return ok;
    for (int day = 0; day < 7; ++day) {
        const auto &h = hours.days.at(day);
        if (!h)
            continue;
        Query q(db, QStringLiteral("INSERT INTO space_hours (space_id, weekday, opens_minute, closes_minute) "
                                   "VALUES (:id, :day, :opens, :closes)"));
        q.bind(QStringLiteral(":id"), id.value())
            .bind(QStringLiteral(":day"), day + 1)
            .bind(QStringLiteral(":opens"), h->opens)
            .bind(QStringLiteral(":closes"), h->closes);
        if (auto ok = q.exec(); !ok)
            return ok;
    }
    return {};
}

Result<Space> SpaceService::add(const Space &space)
{
    return m_work.run<Space>(Permission::ManageSpaces, [&](Write &w) -> Result<Space> { return addIn(w, space); });
}

Result<Space> SpaceService::addIn(Write &w, const Space &space)
{
    if (auto ok = validate(space); !ok)
        return fail(ok.error());
    const QSqlDatabase db = w.connection();
    const QString name = space.name.simplified();
    if (auto ok = nameIsFree(db, name, SpaceId()); !ok)
        return fail(ok.error());
    Query q(db, QStringLiteral("INSERT INTO spaces (name, description, capacity, rate_minor, setup_minutes, "
                               "cleanup_minutes, features, colour, active) VALUES (:name, :description, "
                               ":capacity, :rate, :setup, :cleanup, :features, :colour, :active)"));
    q.bind(QStringLiteral(":name"), name)
        .bind(QStringLiteral(":description"), space.description.trimmed())
        .bind(QStringLiteral(":capacity"), space.capacity)
        .bind(QStringLiteral(":rate"), nullableRate(space.rate))
        .bind(QStringLiteral(":setup"), space.setupMinutes)
        .bind(QStringLiteral(":cleanup"), space.cleanupMinutes)
        .bind(QStringLiteral(":features"), featureText(space.features))
        .bind(QStringLiteral(":colour"), space.colour)
        .bind(QStringLiteral(":active"), space.active ? 1 : 0);
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    const SpaceId id(q.lastInsertId());
    if (auto ok = writeHours(db, id, space.hours); !ok)
        return fail(ok.error());
    w.audit(QStringLiteral("space.add"), QStringLiteral("space"), id.value(),
            tr("“%1”, capacity %2").arg(name).arg(space.capacity));
    return get(db, id);
}

Result<Space> SpaceService::edit(const Space &space)
{
    return m_work.run<Space>(Permission::ManageSpaces, [&](Write &w) -> Result<Space> { return editIn(w, space); });
}

Result<Space> SpaceService::editIn(Write &w, const Space &space)
{
    if (auto ok = validate(space); !ok)
        return fail(ok.error());
    const QSqlDatabase db = w.connection();
    if (auto old = get(db, space.id); !old)
        return fail(old.error());
    const QString name = space.name.simplified();
    if (auto ok = nameIsFree(db, name, space.id); !ok)
        return fail(ok.error());
    Query q(db, QStringLiteral("UPDATE spaces SET name = :name, description = :description, capacity = :capacity, "
                               "rate_minor = :rate, setup_minutes = :setup, cleanup_minutes = :cleanup, "
                               "features = :features, colour = :colour, active = :active WHERE id = :id"));
    q.bind(QStringLiteral(":name"), name)
        .bind(QStringLiteral(":description"), space.description.trimmed())
        .bind(QStringLiteral(":capacity"), space.capacity)
        .bind(QStringLiteral(":rate"), nullableRate(space.rate))
        .bind(QStringLiteral(":setup"), space.setupMinutes)
        .bind(QStringLiteral(":cleanup"), space.cleanupMinutes)
        .bind(QStringLiteral(":features"), featureText(space.features))
        .bind(QStringLiteral(":colour"), space.colour)
        .bind(QStringLiteral(":active"), space.active ? 1 : 0)
        .bind(QStringLiteral(":id"), space.id.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    if (auto ok = writeHours(db, space.id, space.hours); !ok)
        return fail(ok.error());
    w.audit(QStringLiteral("space.edit"), QStringLiteral("space"), space.id.value(),
            tr("“%1”, capacity %2, %3")
                .arg(name)
                .arg(space.capacity)
                .arg(space.active ? tr("bookable") : tr("not bookable")));
    return get(db, space.id);
}

Status SpaceService::setHours(SpaceId id, const OpeningHours &hours)
{
    auto s = get(id);
    if (!s)
        return fail(s.error());
    s->hours = hours;
    if (auto ok = edit(*s); !ok)
        return fail(ok.error());
    return {};
}

Result<Space> SpaceService::get(const QSqlDatabase &db, SpaceId id)
{
    Query q(db, QStringLiteral("SELECT %1 FROM spaces WHERE id = :id").arg(SpaceColumns));
    q.bind(QStringLiteral(":id"), id.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    if (!q.next())
        return fail(Error::notFound(tr("there is no space #%1").arg(id.value()), QStringLiteral("space")));
    Space s = spaceFrom(q);
    if (auto ok = loadHours(db, s); !ok)
        return fail(ok.error());
    return s;
}

Result<Space> SpaceService::get(SpaceId id) const
{
    return get(m_db->connection(), id);
}

Result<Space> SpaceService::find(const QString &idOrName) const
{
    const QString key = idOrName.simplified();
    bool isNumber = false;
    const qint64 number = key.toLongLong(&isNumber);
    if (isNumber)
        return get(SpaceId(number));
    Query q(*m_db, QStringLiteral("SELECT id FROM spaces WHERE name = :name"));
    q.bind(QStringLiteral(":name"), key);
    auto id = q.scalar();
    if (!id)
        return fail(id.error());
    if (id->isNull())
        return fail(Error::notFound(tr("there is no space called %1").arg(key), QStringLiteral("space")));
    return get(SpaceId(id->toLongLong()));
}

Result<QList<Space>> SpaceService::list(bool activeOnly) const
{
    const QSqlDatabase db = m_db->connection();
    Query q(db, QStringLiteral("SELECT %1 FROM spaces WHERE active = 1 OR :all = 1 ORDER BY name").arg(SpaceColumns));
    q.bind(QStringLiteral(":all"), activeOnly ? 0 : 1);
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    QList<Space> out;
    while (q.next())
        out << spaceFrom(q);
    for (Space &s : out)
        if (auto ok = loadHours(db, s); !ok)
            return fail(ok.error());
    return out;
}

} // namespace hub

namespace hub {

namespace {

Closure closureFrom(const Query &q)
{
    Closure c;
    c.id = ClosureId(q.value(0).toLongLong());
    if (!q.value(1).isNull())
        c.space = SpaceId(q.value(1).toLongLong());
    c.day = QDate::fromString(q.value(2).toString(), Qt::ISODate);
    c.reason = q.value(3).toString();
    return c;
}

} // namespace

Result<Closure> SpaceService::addClosure(std::optional<SpaceId> space, QDate day, const QString &reason)
{
    if (!day.isValid())
        return fail(Error::invalid(tr("choose the day it is closed"), QStringLiteral("date")));
    if (reason.size() > MaxDescriptionLength)
        return fail(Error::invalid(tr("the reason is longer than %1 characters").arg(MaxDescriptionLength),
                                   QStringLiteral("reason")));
    return m_work.run<Closure>(Permission::ManageSpaces,
                               [&](Write &w) -> Result<Closure> { return addClosureIn(w, space, day, reason); });
}

Result<Closure> SpaceService::addClosureIn(Write &w, std::optional<SpaceId> space, QDate day, const QString &reason)
{
    const QSqlDatabase db = w.connection();
    QString name = tr("The hub");
    if (space) {
        auto s = get(db, *space);
        if (!s)
            return fail(s.error());
        name = s->name;
    }
    auto existing = closureOn(db, space.value_or(SpaceId()), day);
    if (!existing)
        return fail(existing.error());
    if (*existing && (*existing)->space == space)
        return fail(
            Error::refused(tr("%1 is already closed on %2").arg(name, QLocale().toString(day, QLocale::LongFormat)),
                           QStringLiteral("date")));
    Query q(db, QStringLiteral("INSERT INTO space_closures (space_id, day, reason) VALUES (:space, :day, :reason)"));
    q.bind(QStringLiteral(":space"), space ? QVariant(space->value()) : QVariant(QMetaType(QMetaType::LongLong)))
        .bind(QStringLiteral(":day"), day.toString(Qt::ISODate))
        .bind(QStringLiteral(":reason"), reason.simplified());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    Closure c{ClosureId(q.lastInsertId()), space, day, reason.simplified()};
    w.audit(QStringLiteral("space.close"), QStringLiteral("closure"), c.id.value(),
            tr("%1 closed on %2").arg(name, day.toString(Qt::ISODate)));
    return c;
}

Status SpaceService::removeClosure(ClosureId id)
{
    return m_work.run(Permission::ManageSpaces, [&](Write &w) -> Status {
        Query q(w.connection(), QStringLiteral("DELETE FROM space_closures WHERE id = :id"));
        q.bind(QStringLiteral(":id"), id.value());
        if (auto ok = q.exec(); !ok)
            return ok;
        if (q.rowsAffected() == 0)
            return fail(Error::notFound(tr("there is no closed day #%1").arg(id.value()), QStringLiteral("closure")));
        w.audit(QStringLiteral("space.reopen"), QStringLiteral("closure"), id.value(), tr("closed day removed"));
        return {};
    });
}

Result<QList<Closure>> SpaceService::closures(QDate from, QDate to, std::optional<SpaceId> space) const
{
    // With a space: its own closed days and the whole hub's.
    Query q(*m_db,
            QStringLiteral("SELECT id, space_id, day, reason FROM space_closures WHERE day BETWEEN :from AND :to "
                           "AND (:space = 0 OR space_id IS NULL OR space_id = :space) ORDER BY day, space_id"));
    q.bind(QStringLiteral(":from"), from.isValid() ? from.toString(Qt::ISODate) : QStringLiteral("0000-00-00"))
        .bind(QStringLiteral(":to"), to.isValid() ? to.toString(Qt::ISODate) : QStringLiteral("9999-99-99"))
        .bind(QStringLiteral(":space"), space ? space->value() : 0);
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    QList<Closure> out;
    while (q.next())
        out << closureFrom(q);
    return out;
}

Result<std::optional<Closure>> SpaceService::closureOn(const QSqlDatabase &db, SpaceId space, QDate day)
{
    Query q(db, QStringLiteral("SELECT id, space_id, day, reason FROM space_closures WHERE day = :day "
                               "AND (space_id IS NULL OR space_id = :space) ORDER BY space_id IS NULL LIMIT 1"));
    q.bind(QStringLiteral(":day"), day.toString(Qt::ISODate)).bind(QStringLiteral(":space"), space.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    if (!q.next())
        return std::optional<Closure>();
    Closure c = closureFrom(q);
    q.raw().finish();
    return std::optional<Closure>(c);
}

} // namespace hub
