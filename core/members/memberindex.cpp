// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/members/memberindex.h"

#include "core/common/textfold.h"
#include "core/storage/query.h"

namespace hub {

Status MemberIndex::remove(const QSqlDatabase &db, MemberId member)
{
    Query del(db, QStringLiteral("DELETE FROM member_search WHERE rowid = :id"));
    del.bind(QStringLiteral(":id"), member.value());
    return del.exec();
}

Status MemberIndex::reindex(const QSqlDatabase &db, MemberId member)
{
    if (auto ok = remove(db, member); !ok)
        return ok;
    Query q(db, QStringLiteral(
                    "SELECT m.display_name || ' ' || m.given_name || ' ' || m.family_name, m.email, "
                    " (SELECT group_concat(s.name, ' ') FROM member_skills ms JOIN skills s ON s.id = ms.skill_id "
                    "   WHERE ms.member_id = m.id), "
                    " (SELECT group_concat(coalesce(s.name, '') || ' ' || o.description, ' ') FROM offers o "
                    "   LEFT JOIN skills s ON s.id = o.skill_id WHERE o.member_id = m.id AND o.status = 'open'), "
                    " (SELECT group_concat(coalesce(s.name, '') || ' ' || n.description, ' ') FROM needs n "
                    "   LEFT JOIN skills s ON s.id = n.skill_id WHERE n.member_id = m.id AND n.status = 'open'), "
                    " m.postcode, m.notes, m.forgotten_at IS NOT NULL "
                    "FROM members m WHERE m.id = :id"));
    q.bind(QStringLiteral(":id"), member.value());
    if (auto ok = q.exec(); !ok)
        return ok;
    if (!q.next() || q.value(7).toBool())
        return {};
    const bool server = backendOf(db) == Backend::PostgreSQL;
    Query ins(db, QStringLiteral("INSERT INTO member_search(rowid, name, email, skills, offers, needs, "
                                 "postcode, notes) VALUES (:id, :name, :email, :skills, :offers, :needs, "
                                 ":postcode, :notes)"));
    ins.bind(QStringLiteral(":id"), member.value());
    const QString names[] = {QStringLiteral(":name"),   QStringLiteral(":email"), QStringLiteral(":skills"),
                             QStringLiteral(":offers"), QStringLiteral(":needs"), QStringLiteral(":postcode"),
                             QStringLiteral(":notes")};
    for (int i = 0; i < 7; ++i) {
        QString text = q.value(i).toString();
        // A postcode is searched both as written ("CF10 1AA") and run together ("CF101AA").
        if (i == 5 && text.contains(u' '))
            text += u' ' + QString(text).remove(u' ');
        // The server's parser would keep "zoe@example.org" as one token; it
        // is given the words FTS5's tokenizer would find, so both match alike.
        ins.bind(names[i], server ? TextFold::words(text).join(u' ') : TextFold::fold(text));
    }
    return ins.exec();
}

Status MemberIndex::purgeDeleted(const QSqlDatabase &db)
{
    // A server's deleted text goes with VACUUM, which is the server's to run.
    if (backendOf(db) == Backend::PostgreSQL)
        return {};
    for (const QString &table :
         {QStringLiteral("member_search"), QStringLiteral("offer_search"), QStringLiteral("need_search")}) {
        // The table name is one of these constants, never user text.
        Query q(db, QStringLiteral("INSERT INTO %1(%1) VALUES ('optimize')").arg(table));
        if (auto ok = q.exec(); !ok)
            return ok;
    }
    return {};
}

} // namespace hub
