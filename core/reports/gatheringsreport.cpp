// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/gatheringsreport.h"

#include "core/reports/activityperiod.h"
#include "core/settings/hubsettings.h"
#include "core/storage/database.h"
#include "core/storage/query.h"
#include "core/storage/transaction.h"

namespace hub {

namespace {

// A person is a member, or a walk-in not (yet) merged into one: a walk-in who
// later joined is the member they became, so their first visit stays their
// first. A newcomer is at the gathering where that person was first seen.
const QString People =
    QStringLiteral("att AS (SELECT a.gathering_id AS gid, g.start_utc AS st, "
                   "CASE WHEN a.member_id IS NOT NULL THEN 'm' || a.member_id "
                   "WHEN w.merged_into IS NOT NULL THEN 'm' || w.merged_into ELSE 'w' || a.walk_in_id END AS person "
                   "FROM gathering_attendance a JOIN gatherings g ON g.id = a.gathering_id "
                   "LEFT JOIN walk_ins w ON w.id = a.walk_in_id), "
                   "firsts AS (SELECT person, min(st) AS first_st FROM att GROUP BY person) ");

const QString GatheringsSql =
    QStringLiteral("WITH ") + People +
    QStringLiteral(", newcomers AS (SELECT att.gid, count(DISTINCT att.person) AS n FROM att "
                   "JOIN firsts f ON f.person = att.person AND f.first_st = att.st GROUP BY att.gid) "
                   "SELECT g.start_utc, g.title, g.kind, "
                   "(SELECT count(*) FROM gathering_attendance a WHERE a.gathering_id = g.id "
                   "AND a.member_id IS NOT NULL), "
                   "(SELECT count(*) FROM gathering_attendance a WHERE a.gathering_id = g.id "
                   "AND a.walk_in_id IS NOT NULL), "
                   "coalesce(nc.n, 0), "
                   "(SELECT count(*) FROM ideas i WHERE i.gathering_id = g.id), "
                   "(SELECT coalesce(sum(v.dots), 0) FROM ideas i JOIN idea_votes v ON v.idea_id = i.id "
                   "WHERE i.gathering_id = g.id) "
                   "FROM gatherings g LEFT JOIN newcomers nc ON nc.gid = g.id "
                   "WHERE g.start_utc >= :start AND g.start_utc < :end ORDER BY g.start_utc, g.id");

const QString DistinctPeopleSql = QStringLiteral("WITH ") + People +
                                  QStringLiteral("SELECT count(DISTINCT person) FROM att "
                                                 "WHERE st >= :start AND st < :end");

// The ideas of the period's gatherings, the ones promoted, the groups they
// went into, and those groups' actions done.
const QString FunnelSql =
    QStringLiteral("SELECT count(*), count(i.promoted_to), count(DISTINCT i.promoted_to), "
                   "(SELECT count(*) FROM group_actions ga WHERE ga.status = 'done' AND ga.group_id IN "
                   "(SELECT i2.promoted_to FROM ideas i2 JOIN gatherings g2 ON g2.id = i2.gathering_id "
                   "WHERE g2.start_utc >= :start AND g2.start_utc < :end AND i2.promoted_to IS NOT NULL)), "
                   "(SELECT count(*) FROM group_actions ga WHERE ga.status = 'open' AND ga.group_id IN "
                   "(SELECT i2.promoted_to FROM ideas i2 JOIN gatherings g2 ON g2.id = i2.gathering_id "
                   "WHERE g2.start_utc >= :start AND g2.start_utc < :end AND i2.promoted_to IS NOT NULL)) "
                   "FROM ideas i JOIN gatherings g ON g.id = i.gathering_id "
                   "WHERE g.start_utc >= :start AND g.start_utc < :end");

} // namespace

Status GatheringsReport::run(Database &db, const HubSettings &settings, const ReportRequest &request,
                             ReportSink &sink) const
{
    auto period = ActivityPeriod::of(request, settings);
    if (!period)
        return fail(period.error());
    const qint64 start = period->startUtc();
    const qint64 end = period->endUtc();

    auto tx = Transaction::begin(db, Transaction::Mode::Deferred);
    if (!tx)
        return fail(tx.error());

    if (auto ok = sink.begin(period->heading(*this, settings)); !ok)
        return ok;

    ReportTableHeader perGathering{tr("Gatherings"),
                                   {{QStringLiteral("start"), tr("Date"), ReportType::DateTime},
                                    {QStringLiteral("title"), tr("Gathering"), ReportType::Text},
                                    {QStringLiteral("kind"), tr("Kind"), ReportType::Text},
                                    {QStringLiteral("attendance"), tr("Came"), ReportType::Integer},
                                    {QStringLiteral("members"), tr("Members"), ReportType::Integer},
                                    {QStringLiteral("walk_ins"), tr("Walk-ins"), ReportType::Integer},
                                    {QStringLiteral("newcomers"), tr("Newcomers"), ReportType::Integer},
                                    {QStringLiteral("ideas"), tr("Ideas"), ReportType::Integer},
                                    {QStringLiteral("votes"), tr("Votes"), ReportType::Integer}},
                                   {ReportChart::Kind::Bars,
                                    QStringLiteral("start"),
                                    {QStringLiteral("members"), QStringLiteral("walk_ins")},
                                    tr("Who came to each gathering")}};
    if (auto ok = sink.beginTable(perGathering); !ok)
        return ok;
    std::array<qint64, 6> sums{};
    qint64 gatherings = 0;
    {
        Query q(db, GatheringsSql);
        q.raw().setForwardOnly(true);
        q.bind(QStringLiteral(":start"), start).bind(QStringLiteral(":end"), end);
        if (auto ok = q.exec(); !ok)
            return ok;
        while (q.next()) {
            if (++gatherings % ActivityPeriod::CancelCheckRows == 0 && sink.isCancelled())
                return fail(ActivityPeriod::cancelled());
            const qint64 members = q.value(3).toLongLong();
            const qint64 walkIns = q.value(4).toLongLong();
            const std::array<qint64, 6> n{
                members + walkIns,      members, walkIns, q.value(5).toLongLong(), q.value(6).toLongLong(),
                q.value(7).toLongLong()};
            for (size_t i = 0; i < n.size(); ++i)
                sums[i] += n[i];
            if (auto ok = sink.row({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), n[0], n[1],
                                    n[2], n[3], n[4], n[5]});
                !ok)
                return ok;
        }
    }
    QStringList notes{tr("Newcomers came to a gathering for the first time ever; a walk-in who later joined "
                         "counts as the member they became. Votes add up the dots cast (one each in one-vote "
                         "gatherings).")};
    if (gatherings == 0) {
        notes.prepend(tr("No gathering started in this period."));
    } else {
        Query q(db, DistinctPeopleSql);
        q.bind(QStringLiteral(":start"), start).bind(QStringLiteral(":end"), end);
        auto people = q.scalar();
        if (!people)
            return fail(people.error());
        notes << tr("%n different people came to these %1 gatherings.", nullptr, people->toInt()).arg(gatherings);
    }
    if (auto ok = sink.endTable(
            {QVariant(), tr("Total"), QVariant(), sums[0], sums[1], sums[2], sums[3], sums[4], sums[5]}, notes);
        !ok)
        return ok;

    ReportTableHeader funnel{tr("From ideas to action"),
                             {{QStringLiteral("step"), tr("Step"), ReportType::Text},
                              {QStringLiteral("stage"), tr("Stage"), ReportType::Text},
                              {QStringLiteral("count"), tr("Count"), ReportType::Integer}},
                             {}};
    if (auto ok = sink.beginTable(funnel); !ok)
        return ok;
    Query q(db, FunnelSql);
    q.bind(QStringLiteral(":start"), start).bind(QStringLiteral(":end"), end);
    if (auto ok = q.exec(); !ok)
        return ok;
    std::array<qint64, 5> f{};
    if (q.next())
        for (int i = 0; i < 5; ++i)
            f[i] = q.value(i).toLongLong();
    const QList<QVariantList> steps{
        {QStringLiteral("ideas"), tr("Ideas told"), f[0]},
        {QStringLiteral("promoted"), tr("Promoted to a working group"), f[1]},
        {QStringLiteral("groups"), tr("Working groups they went into"), f[2]},
        {QStringLiteral("actions_done"), tr("Actions done by those groups"), f[3]},
    };
    for (const QVariantList &step : steps)
        if (auto ok = sink.row(step); !ok)
            return ok;
    if (auto ok = sink.endTable({}, {tr("Ideas told at the gatherings above. Several ideas may go into one working "
                                        "group; its actions count whenever they were done (%n still open).",
                                        nullptr, int(f[4]))});
        !ok)
        return ok;
    if (request.progress)
        request.progress(1.0);
    return sink.end();
}

} // namespace hub
