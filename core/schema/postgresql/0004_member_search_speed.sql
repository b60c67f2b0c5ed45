-- SPDX-License-Identifier: GPL-3.0-or-later
-- Faster member lists and searches on large hubs.

-- Paging through live members in name order (the Members table, exports)
-- without stepping over forgotten ones.
CREATE INDEX members_live_sort ON members(sort_key, id) WHERE forgotten_at IS NULL;

-- (SQLite rebuilds its FTS5 index with four-character prefixes here; the
-- server's tsvector index answers any prefix already.)
