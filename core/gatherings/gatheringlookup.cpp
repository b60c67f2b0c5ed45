// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/gatherings/gatheringlookup.h"

#include "core/storage/query.h"

#include <QTimeZone>

namespace hub {

Result<QString> GatheringLookup::activeMember(const QSqlDatabase &db, MemberId id, const QString &where)
{
    Query q(db, QStringLiteral("SELECT display_name, status, forgotten_at FROM members WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    if (!q.next())
        return fail(Error::notFound(tr("there is no member #%1").arg(id.value()), where));
    const QString name = q.value(0).toString();
    if (!q.value(2).isNull() || q.value(1).toString() == QStringLiteral("left"))
        return fail(Error::refused(tr("%1 has left the hub and cannot take part").arg(name), where));
    return name;
}

Result<QString> GatheringLookup::gatheringTitle(const QSqlDatabase &db, GatheringId id)
{
    Query q(db, QStringLiteral("SELECT title FROM gatherings WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    if (!q.next())
        return fail(Error::notFound(tr("there is no gathering #%1").arg(id.value()), QStringLiteral("gathering")));
    return q.value(0).toString();
}

Result<GatheringLookup::Voting> GatheringLookup::voting(const QSqlDatabase &db, GatheringId id)
{
    Query q(db,
            QStringLiteral("SELECT title, voting, dots_per_attendee, voting_closed FROM gatherings WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    if (!q.next())
        return fail(Error::notFound(tr("there is no gathering #%1").arg(id.value()), QStringLiteral("gathering")));
    Voting v;
    v.title = q.value(0).toString();
    v.mode = votingModeFrom(q.value(1).toString()).value_or(VotingMode::OneVote);
    v.dots = v.mode == VotingMode::Dots ? q.value(2).toInt() : 1;
    v.closed = q.value(3).toInt() != 0;
    return v;
}

QString GatheringLookup::joinWords(const QStringList &words)
{
    QStringList clean;
    for (const QString &w : words) {
        const QString t = w.trimmed();
        if (!t.isEmpty() && !clean.contains(t, Qt::CaseInsensitive))
            clean << t;
    }
    return clean.join(QStringLiteral(", "));
}

QStringList GatheringLookup::splitWords(const QString &text)
{
    QStringList out;
    for (const QString &w : text.split(u','))
        if (!w.trimmed().isEmpty())
            out << w.trimmed();
    return out;
}

QDateTime GatheringLookup::instant(const QVariant &secs)
{
    if (secs.isNull())
        return {};
    return QDateTime::fromSecsSinceEpoch(secs.toLongLong(), QTimeZone::utc());
}

} // namespace hub
