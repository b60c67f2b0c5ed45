// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace hub {

/// The services write their SQL once, in the SQLite dialect they grew up
/// with; this turns the few SQLite-only forms they use into PostgreSQL's
/// when a statement is prepared on a hub server:
///   INSERT OR IGNORE INTO … → INSERT INTO … ON CONFLICT DO NOTHING
///   group_concat(x, sep)    → string_agg(x, sep)
///   min(a, b) / max(a, b)   → least(a, b) / greatest(a, b)
///   strftime('%s', 'now')   → the server's clock in UTC seconds
///   LIMIT :n                → LIMIT nullif(:n, -1) (-1 is "no limit" to SQLite)
///   INDEXED BY i            → (dropped: the server's planner picks its own)
///   T MATCH :q              → T.document @@ to_tsquery('simple', :q)
///                             (the search tables keep FTS5's rowid name)
/// Anything else that differs is written so both accept it (IS DISTINCT FROM,
/// subqueries with an alias), or asks backendOf() where the two really part
/// (full-text search). The rewrite is pure and cached with the statement.
class SqlDialect
{
public:
    static QString forServer(const QString &sql);
};

} // namespace hub
