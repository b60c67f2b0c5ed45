-- SPDX-License-Identifier: GPL-3.0-or-later
-- Faster member lists and searches on large hubs.

-- Paging through live members in name order (the Members table, exports)
-- without stepping over forgotten ones.
CREATE INDEX members_live_sort ON members(sort_key, id) WHERE forgotten_at IS NULL;

-- Four-character prefixes get their own index entries, so typing "cf10"
-- no longer expands to thousands of postcode terms. FTS5 options cannot be
-- altered: the index is rebuilt from its own (already folded) content.
CREATE VIRTUAL TABLE member_search_v2 USING fts5(
    name, email, skills, offers, needs, postcode, notes,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3 4'
);
INSERT INTO member_search_v2(rowid, name, email, skills, offers, needs, postcode, notes)
    SELECT rowid, name, email, skills, offers, needs, postcode, notes FROM member_search;
DROP TABLE member_search;
ALTER TABLE member_search_v2 RENAME TO member_search;
