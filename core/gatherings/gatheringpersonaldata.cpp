// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/gatherings/gatheringpersonaldata.h"

#include "core/hub.h"
#include "core/privacy/personaldataregistry.h"
#include "core/storage/query.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>

namespace hub {

namespace {

// Runs `sql` with :m bound and turns each row into an object with `names`.
Result<QJsonArray> rows(Database &db, const QString &sql, MemberId member, const QStringList &names)
{
    Query q(db, sql);
    q.bind(QStringLiteral(":m"), member.value());
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    QJsonArray out;
    while (q.next()) {
        QJsonObject o;
        for (int i = 0; i < names.size(); ++i) {
            QVariant v = q.value(i);
            if (names[i].endsWith(QStringLiteral("_at")) && !v.isNull())
                v = QDateTime::fromSecsSinceEpoch(v.toLongLong(), QTimeZone::utc()).toString(Qt::ISODate);
            o.insert(names[i], QJsonValue::fromVariant(v));
        }
        out.append(o);
    }
    return out;
}

} // namespace

void registerGatheringPersonalData(Hub &hub)
{
    Hub *h = &hub;
    hub.personalData().addSection(QStringLiteral("gatherings"), [h](MemberId id) -> Result<QJsonValue> {
        const QList<std::tuple<QString, QString, QStringList>> parts = {
            {QStringLiteral("registrations"),
             QStringLiteral(
                 "SELECT g.id, g.title, r.status, r.registered_at FROM gathering_registrations r "
                 "JOIN gatherings g ON g.id = r.gathering_id WHERE r.member_id = :m ORDER BY r.registered_at"),
             {QStringLiteral("gathering_id"), QStringLiteral("gathering"), QStringLiteral("status"),
              QStringLiteral("registered_at")}},
            {QStringLiteral("attendance"),
             QStringLiteral("SELECT g.id, g.title, a.checked_in_at FROM gathering_attendance a JOIN gatherings g "
                            "ON g.id = a.gathering_id WHERE a.member_id = :m ORDER BY a.checked_in_at"),
             {QStringLiteral("gathering_id"), QStringLiteral("gathering"), QStringLiteral("checked_in_at")}},
            {QStringLiteral("walk_in_records"),
             QStringLiteral("SELECT id, name, email, consent, created_at FROM walk_ins WHERE merged_into = :m"),
             {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("email"), QStringLiteral("consent"),
              QStringLiteral("created_at")}},
            {QStringLiteral("ideas"),
             QStringLiteral("SELECT i.id, g.title, i.title, i.story, i.tags, i.created_at FROM ideas i JOIN "
                            "gatherings g ON g.id = i.gathering_id WHERE i.author_member_id = :m ORDER BY i.id"),
             {QStringLiteral("id"), QStringLiteral("gathering"), QStringLiteral("title"), QStringLiteral("story"),
              QStringLiteral("tags"), QStringLiteral("created_at")}},
            {QStringLiteral("votes"),
             QStringLiteral("SELECT i.id, i.title, v.dots, v.cast_at FROM idea_votes v JOIN gathering_attendance a "
                            "ON a.id = v.attendance_id JOIN ideas i ON i.id = v.idea_id WHERE a.member_id = :m"),
             {QStringLiteral("idea_id"), QStringLiteral("idea"), QStringLiteral("dots"), QStringLiteral("cast_at")}},
            {QStringLiteral("working_groups"),
             QStringLiteral("SELECT wg.id, wg.name, wg.convenor_id = :m, gm.joined_at FROM working_group_members gm "
                            "JOIN working_groups wg ON wg.id = gm.group_id WHERE gm.member_id = :m"),
             {QStringLiteral("group_id"), QStringLiteral("group"), QStringLiteral("convenor"),
              QStringLiteral("joined_at")}},
            {QStringLiteral("actions"),
             QStringLiteral("SELECT a.id, wg.name, a.title, a.due_on, a.status, a.notes FROM group_actions a JOIN "
                            "working_groups wg ON wg.id = a.group_id WHERE a.owner_id = :m"),
             {QStringLiteral("id"), QStringLiteral("group"), QStringLiteral("title"), QStringLiteral("due_on"),
              QStringLiteral("status"), QStringLiteral("notes")}},
            {QStringLiteral("facilitated"),
             QStringLiteral("SELECT g.id, g.title FROM gathering_facilitators f JOIN gatherings g ON g.id = "
                            "f.gathering_id WHERE f.member_id = :m"),
             {QStringLiteral("gathering_id"), QStringLiteral("gathering")}},
            {QStringLiteral("challenges"),
             QStringLiteral("SELECT c.id, c.title, CASE WHEN c.organisation_id = :m THEN 'presented' ELSE "
                            "'volunteered' END FROM business_challenges c WHERE c.organisation_id = :m OR "
                            "EXISTS (SELECT 1 FROM challenge_volunteers v WHERE v.challenge_id = c.id AND "
                            "v.member_id = :m)"),
             {QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("role")}},
        };
        QJsonObject out;
        for (const auto &[name, sql, columns] : parts) {
            auto list = rows(h->database(), sql, id, columns);
            if (!list)
                return fail(list.error());
            out.insert(name, *list);
        }
        return QJsonValue(out);
    });
    hub.personalData().addEraser(QStringLiteral("gatherings"), [h](MemberId id, const QString &pseudonym) -> Status {
        // Attendance, votes and group membership stay (they are counts the
        // hub reports on) and read as the pseudonym through the member row;
        // the words people told and the names they gave at the door go.
        for (const QString &sql : {
                 QStringLiteral("UPDATE ideas SET story = '', tags = '' WHERE author_member_id = :m"),
                 QStringLiteral("UPDATE walk_ins SET name = :name, email = '', consent = 0, "
                                "forgotten_at = coalesce(forgotten_at, strftime('%s', 'now')) WHERE merged_into = :m"),
                 QStringLiteral("UPDATE group_actions SET notes = '' WHERE owner_id = :m"),
             }) {
            Query q(h->database(), sql);
            q.bind(QStringLiteral(":m"), id.value());
            if (sql.contains(QStringLiteral(":name")))
                q.bind(QStringLiteral(":name"), pseudonym);
            if (auto ok = q.exec(); !ok)
                return ok;
        }
        return {};
    });
}

} // namespace hub
