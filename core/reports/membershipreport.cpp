// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/membershipreport.h"

#include "core/reports/activityperiod.h"
#include "core/settings/hubsettings.h"
#include "core/storage/database.h"
#include "core/storage/query.h"
#include "core/storage/transaction.h"

#include <QHash>

namespace hub {

namespace {

constexpr int TopSkills = 10;

// The dates on the member records, grouped by month ('YYYY-MM' is a prefix of the ISO date).
const QString MonthsSql =
    QStringLiteral("SELECT substr(d, 1, 7), what, count(*) FROM ("
                   "SELECT joined_on AS d, 0 AS what FROM members WHERE joined_on >= :from AND joined_on <= :to "
                   "UNION ALL SELECT lapsed_on, 1 FROM members WHERE lapsed_on >= :from AND lapsed_on <= :to "
                   "UNION ALL SELECT left_on, 2 FROM members WHERE left_on >= :from AND left_on <= :to) AS dates "
                   "GROUP BY 1, 2");

const QString MembersAtSql =
    QStringLiteral("SELECT count(*) FROM members WHERE joined_on <= :day AND (left_on IS NULL OR left_on > :day)");

const QString StatusKindSql = QStringLiteral("SELECT status, kind, count(*) FROM members GROUP BY status, kind");

// An offer or need counts for the period when it was open at some moment of
// it: made before the end and not closed before the start. One closed without
// a closing time (an old import) counts as closed all along.
const QString OfferedSql = QStringLiteral(
    "SELECT s.name, count(*), count(DISTINCT o.member_id), "
    "(SELECT count(*) FROM member_skills ms JOIN members m ON m.id = ms.member_id "
    "WHERE ms.skill_id = s.id AND m.status = 'active') "
    "FROM offers o JOIN skills s ON s.id = o.skill_id "
    "WHERE o.created_at < :end AND ((o.status = 'open' AND o.closed_at IS NULL) OR o.closed_at >= :start) "
    "GROUP BY s.id ORDER BY 2 DESC, 3 DESC, s.name_key LIMIT :top");

const QString NeededSql = QStringLiteral(
    "SELECT s.name, count(*), count(DISTINCT n.member_id), sum(CASE WHEN n.urgency = 'high' THEN 1 ELSE 0 END) "
    "FROM needs n JOIN skills s ON s.id = n.skill_id "
    "WHERE n.created_at < :end AND ((n.status = 'open' AND n.closed_at IS NULL) OR n.closed_at >= :start) "
    "GROUP BY s.id ORDER BY 2 DESC, 3 DESC, s.name_key LIMIT :top");

// Needs still open when the period ended whose skill no offer open then covers.
const QString UnmetSql =
    QStringLiteral("SELECT s.name, count(*), sum(CASE WHEN n.urgency = 'high' THEN 1 ELSE 0 END), min(n.created_at) "
                   "FROM needs n JOIN skills s ON s.id = n.skill_id "
                   "WHERE n.created_at < :end AND ((n.status = 'open' AND n.closed_at IS NULL) OR n.closed_at >= :end) "
                   "AND NOT EXISTS (SELECT 1 FROM offers o WHERE o.skill_id = n.skill_id AND o.created_at < :end "
                   "AND ((o.status = 'open' AND o.closed_at IS NULL) OR o.closed_at >= :end)) "
                   "GROUP BY s.id ORDER BY 2 DESC, 3 DESC, s.name_key");

const QString UnskilledNeedsSql =
    QStringLiteral("SELECT count(*) FROM needs n WHERE n.skill_id IS NULL AND n.created_at < :end "
                   "AND ((n.status = 'open' AND n.closed_at IS NULL) OR n.closed_at >= :end)");

Result<qint64> count(Database &db, const QString &sql, const QString &placeholder, const QVariant &value)
{
    Query q(db, sql);
    q.bind(placeholder, value);
    auto v = q.scalar();
    if (!v)
        return fail(v.error());
    return v->toLongLong();
}

} // namespace

Status MembershipReport::run(Database &db, const HubSettings &settings, const ReportRequest &request,
                             ReportSink &sink) const
{
    auto period = ActivityPeriod::of(request, settings);
    if (!period)
        return fail(period.error());
    const QString from = period->from().toString(Qt::ISODate);
    const QString to = period->to().toString(Qt::ISODate);

    auto tx = Transaction::begin(db, Transaction::Mode::Deferred);
    if (!tx)
        return fail(tx.error());

    if (auto ok = sink.begin(period->heading(*this, settings)); !ok)
        return ok;

    // Joins, lapses and leavers per month.
    QHash<QString, std::array<qint64, 3>> months;
    {
        Query q(db, MonthsSql);
        q.bind(QStringLiteral(":from"), from).bind(QStringLiteral(":to"), to);
        if (auto ok = q.exec(); !ok)
            return ok;
        while (q.next()) {
            const int what = q.value(1).toInt();
            if (what >= 0 && what < 3)
                months[q.value(0).toString()][what] = q.value(2).toLongLong();
        }
    }
    ReportTableHeader perMonth{tr("Joins, lapses and leavers per month"),
                               {{QStringLiteral("month"), tr("Month"), ReportType::Text},
                                {QStringLiteral("joins"), tr("Joined"), ReportType::Integer},
                                {QStringLiteral("lapses"), tr("Lapsed"), ReportType::Integer},
                                {QStringLiteral("leavers"), tr("Left"), ReportType::Integer},
                                {QStringLiteral("members"), tr("Members at month end"), ReportType::Integer}},
                               {ReportChart::Kind::Bars,
                                QStringLiteral("month"),
                                {QStringLiteral("joins"), QStringLiteral("lapses"), QStringLiteral("leavers")},
                                tr("Joins, lapses and leavers per month")}};
    if (auto ok = sink.beginTable(perMonth); !ok)
        return ok;
    std::array<qint64, 3> sums{};
    qint64 lastMembers = 0;
    for (QDate month(period->from().year(), period->from().month(), 1); month <= period->to();
         month = month.addMonths(1)) {
        if (sink.isCancelled())
            return fail(ActivityPeriod::cancelled());
        const QString key = month.toString(QStringLiteral("yyyy-MM"));
        const std::array<qint64, 3> n = months.value(key, std::array<qint64, 3>{});
        const QDate last = std::min(month.addMonths(1).addDays(-1), period->to());
        auto members = count(db, MembersAtSql, QStringLiteral(":day"), last.toString(Qt::ISODate));
        if (!members)
            return fail(members.error());
        lastMembers = *members;
        for (int i = 0; i < 3; ++i)
            sums[i] += n[i];
        if (auto ok = sink.row({key, n[0], n[1], n[2], *members}); !ok)
            return ok;
    }
    QStringList monthNotes{
        tr("Counted from the dates each member record keeps (joined, lapsed, left). A record keeps one date of "
           "each, so a member who lapsed twice counts once, at the later date."),
        tr("Members at month end joined on or before its last day in the period and had not left by then; "
           "lapsed members still count.")};
    {
        Query q(db, QStringLiteral("SELECT count(*) FROM members WHERE joined_on IS NULL"));
        auto undated = q.scalar();
        if (!undated)
            return fail(undated.error());
        if (undated->toLongLong() > 0)
            monthNotes << tr("%n member record(s) have no join date: they count neither as joining nor among the "
                             "members at month end.",
                             nullptr, undated->toInt());
    }
    if (auto ok = sink.endTable({tr("Total"), sums[0], sums[1], sums[2], lastMembers}, monthNotes); !ok)
        return ok;

    // The directory as it stands: statuses are kept as they are now, not per date.
    QHash<QString, std::array<qint64, 2>> statusKind;
    {
        Query q(db, StatusKindSql);
        if (auto ok = q.exec(); !ok)
            return ok;
        while (q.next())
            statusKind[q.value(0).toString()][q.value(1).toString() == QStringLiteral("organisation") ? 1 : 0] +=
                q.value(2).toLongLong();
    }
    ReportTableHeader byStatus{tr("Members by status and kind"),
                               {{QStringLiteral("status"), tr("Status"), ReportType::Text},
                                {QStringLiteral("people"), tr("People"), ReportType::Integer},
                                {QStringLiteral("organisations"), tr("Organisations"), ReportType::Integer},
                                {QStringLiteral("total"), tr("Total"), ReportType::Integer}},
                               {}};
    if (auto ok = sink.beginTable(byStatus); !ok)
        return ok;
    std::array<qint64, 2> kinds{};
    for (const QString &status : {QStringLiteral("active"), QStringLiteral("lapsed"), QStringLiteral("left")}) {
        const auto n = statusKind.value(status, std::array<qint64, 2>{});
        kinds[0] += n[0];
        kinds[1] += n[1];
        if (auto ok = sink.row({status, n[0], n[1], n[0] + n[1]}); !ok)
            return ok;
    }
    if (auto ok = sink.endTable({tr("Total"), kinds[0], kinds[1], kinds[0] + kinds[1]},
                                {tr("As the directory stands now: a member's status is not kept per date. "
                                    "Members who asked to be forgotten count as left.")});
        !ok)
        return ok;

    const qint64 start = period->startUtc();
    const qint64 end = period->endUtc();

    ReportTableHeader offered{tr("Top skills offered"),
                              {{QStringLiteral("skill"), tr("Skill"), ReportType::Text},
                               {QStringLiteral("offers"), tr("Offers"), ReportType::Integer},
                               {QStringLiteral("members"), tr("Members offering"), ReportType::Integer},
                               {QStringLiteral("listed"), tr("On active profiles"), ReportType::Integer}},
                              {}};
    if (auto ok = sink.beginTable(offered); !ok)
        return ok;
    {
        Query q(db, OfferedSql);
        q.bind(QStringLiteral(":start"), start)
            .bind(QStringLiteral(":end"), end)
            .bind(QStringLiteral(":top"), TopSkills);
        if (auto ok = q.exec(); !ok)
            return ok;
        while (q.next())
            if (auto ok = sink.row(
                    {q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toLongLong()});
                !ok)
                return ok;
    }
    if (auto ok = sink.endTable({}, {tr("The %1 skills with the most offers open at some time in the period; "
                                        "“On active profiles” counts active members listing the skill now.")
                                         .arg(TopSkills)});
        !ok)
        return ok;

    ReportTableHeader needed{tr("Top skills needed"),
                             {{QStringLiteral("skill"), tr("Skill"), ReportType::Text},
                              {QStringLiteral("needs"), tr("Needs"), ReportType::Integer},
                              {QStringLiteral("members"), tr("Members needing"), ReportType::Integer},
                              {QStringLiteral("urgent"), tr("Urgent"), ReportType::Integer}},
                             {}};
    if (auto ok = sink.beginTable(needed); !ok)
        return ok;
    {
        Query q(db, NeededSql);
        q.bind(QStringLiteral(":start"), start)
            .bind(QStringLiteral(":end"), end)
            .bind(QStringLiteral(":top"), TopSkills);
        if (auto ok = q.exec(); !ok)
            return ok;
        while (q.next())
            if (auto ok = sink.row(
                    {q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toLongLong()});
                !ok)
                return ok;
    }
    if (auto ok = sink.endTable(
            {}, {tr("The %1 skills with the most needs open at some time in the period.").arg(TopSkills)});
        !ok)
        return ok;

    ReportTableHeader unmet{tr("Needs without any offer"),
                            {{QStringLiteral("skill"), tr("Skill"), ReportType::Text},
                             {QStringLiteral("needs"), tr("Open needs"), ReportType::Integer},
                             {QStringLiteral("urgent"), tr("Urgent"), ReportType::Integer},
                             {QStringLiteral("waiting_since"), tr("Waiting since"), ReportType::Date}},
                            {}};
    if (auto ok = sink.beginTable(unmet); !ok)
        return ok;
    qint64 unmetNeeds = 0;
    qint64 unmetUrgent = 0;
    {
        Query q(db, UnmetSql);
        q.bind(QStringLiteral(":end"), end);
        if (auto ok = q.exec(); !ok)
            return ok;
        int rows = 0;
        while (q.next()) {
            if (++rows % ActivityPeriod::CancelCheckRows == 0 && sink.isCancelled())
                return fail(ActivityPeriod::cancelled());
            unmetNeeds += q.value(1).toLongLong();
            unmetUrgent += q.value(2).toLongLong();
            if (auto ok = sink.row({q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                                    period->dateOf(q.value(3).toLongLong())});
                !ok)
                return ok;
        }
    }
    QStringList unmetNotes{tr("Needs open at the end of the period whose skill no offer open then covers.")};
    {
        auto unskilled = count(db, UnskilledNeedsSql, QStringLiteral(":end"), end);
        if (!unskilled)
            return fail(unskilled.error());
        if (*unskilled > 0)
            unmetNotes << tr("%n open need(s) name no skill and are not counted here; “hubctl match” pairs them "
                             "with offers by their words.",
                             nullptr, int(*unskilled));
    }
    if (auto ok = sink.endTable({tr("Total"), unmetNeeds, unmetUrgent, QVariant()}, unmetNotes); !ok)
        return ok;
    if (request.progress)
        request.progress(1.0);
    return sink.end();
}

} // namespace hub
