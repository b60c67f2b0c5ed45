-- SPDX-License-Identifier: GPL-3.0-or-later
-- Member search at the speed of typing on a server. A tsvector index finds
-- the members with a word starting "mar", but must then read every one of
-- them (7,000 on a city hub: 30 ms) to count them, and cannot give them in
-- name order. So each member's words are also kept in a plain table whose
-- indexes answer a prefix as a range, never reading the members: counted in
-- 3 ms, a page in name order in 5 ms. The table is derived from
-- member_search by the triggers below; the application never writes it.
--
-- `shared` is how many leading letters a word shares with the member's
-- previous word in byte order: of a member's words starting "cf1" ("cf10",
-- "cf11"), only the first shares fewer than three, so counting the words
-- with shared < length(prefix) counts each member once.
-- Words are cut at 100 letters: an index entry has a size limit, and no one
-- types a longer prefix (SearchTerms cuts what is typed the same way).

CREATE FUNCTION hub_shared_prefix(a TEXT, b TEXT) RETURNS INTEGER
    LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
    n INTEGER := least(length(a), length(b));
    i INTEGER := 0;
BEGIN
    WHILE i < n AND substr(a, i + 1, 1) = substr(b, i + 1, 1) LOOP
        i := i + 1;
    END LOOP;
    RETURN i;
END
$$;

-- The words of a member's search text, each once: MemberIndex writes them
-- folded and separated by spaces.
CREATE FUNCTION hub_words(spaced TEXT) RETURNS SETOF TEXT
    LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT DISTINCT left(w, 100) COLLATE "C" FROM unnest(string_to_array(spaced, ' ')) AS w WHERE w <> ''
$$;

CREATE TABLE member_words (
    word      TEXT COLLATE "C" NOT NULL,
    member_id BIGINT NOT NULL,
    shared    INTEGER NOT NULL,
    sort_key  TEXT NOT NULL, -- the member's, so a page in name order needs no member row
    PRIMARY KEY (word, member_id) INCLUDE (shared, sort_key)
);
-- Counting: equal (word, shared) entries share one index tuple.
CREATE INDEX member_words_prefix ON member_words(word, shared);
-- Testing one member while walking the members in name order.
CREATE INDEX member_words_member ON member_words(member_id, word);

CREATE FUNCTION member_words_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        TRUNCATE member_words;
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM member_words WHERE member_id IN (SELECT rowid FROM old_rows);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO member_words (word, member_id, shared, sort_key)
        SELECT f.word, f.id,
               coalesce(hub_shared_prefix(lag(f.word) OVER (PARTITION BY f.id ORDER BY f.word), f.word), 0),
               coalesce(m.sort_key, '')
        FROM (SELECT n.rowid AS id, w COLLATE "C" AS word
              FROM new_rows n,
                   hub_words(concat_ws(' ', n.name, n.email, n.skills, n.offers, n.needs, n.postcode, n.notes)) AS w
             ) AS f
        LEFT JOIN members m ON m.id = f.id;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER member_words_insert AFTER INSERT ON member_search
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION member_words_follow();
CREATE TRIGGER member_words_update AFTER UPDATE ON member_search
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION member_words_follow();
CREATE TRIGGER member_words_delete AFTER DELETE ON member_search
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION member_words_follow();
CREATE TRIGGER member_words_truncate AFTER TRUNCATE ON member_search
    FOR EACH STATEMENT EXECUTE FUNCTION member_words_follow();

-- A member renamed (or added after their words, as a copy may) carries the
-- new sort key into their words.
CREATE FUNCTION member_words_sort_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE member_words w SET sort_key = n.sort_key
    FROM new_rows n WHERE w.member_id = n.id AND w.sort_key <> n.sort_key;
    RETURN NULL;
END
$$;
CREATE TRIGGER member_words_member_insert AFTER INSERT ON members
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION member_words_sort_key();
CREATE TRIGGER member_words_member_update AFTER UPDATE ON members
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION member_words_sort_key();

INSERT INTO member_words (word, member_id, shared, sort_key)
SELECT f.word, f.id, coalesce(hub_shared_prefix(lag(f.word) OVER (PARTITION BY f.id ORDER BY f.word), f.word), 0),
       coalesce(m.sort_key, '')
FROM (SELECT s.rowid AS id, w COLLATE "C" AS word
      FROM member_search s,
           hub_words(concat_ws(' ', s.name, s.email, s.skills, s.offers, s.needs, s.postcode, s.notes)) AS w) AS f
LEFT JOIN members m ON m.id = f.id;

-- Planned with statistics from the first search on.
ANALYZE member_words;

-- Every member search now reads member_words; the tsvector index only cost
-- each member's save.
DROP INDEX member_search_document;
