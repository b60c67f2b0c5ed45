-- SPDX-License-Identifier: GPL-3.0-or-later
-- Members & skills directory.

CREATE TABLE members (
    id                 INTEGER PRIMARY KEY,
    kind               TEXT NOT NULL DEFAULT 'person' CHECK (kind IN ('person', 'organisation')),
    display_name       TEXT NOT NULL CHECK (length(trim(display_name)) > 0),
    sort_key           TEXT NOT NULL,           -- folded display name: accent- and case-insensitive order
    given_name         TEXT NOT NULL DEFAULT '',
    family_name        TEXT NOT NULL DEFAULT '',
    email              TEXT NOT NULL DEFAULT '',
    email_key          TEXT,                    -- case-folded e-mail; NULL when none
    phone              TEXT NOT NULL DEFAULT '',
    postcode           TEXT NOT NULL DEFAULT '',
    address            TEXT NOT NULL DEFAULT '',
    website            TEXT NOT NULL DEFAULT '',
    notes              TEXT NOT NULL DEFAULT '',
    status             TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'lapsed', 'left')),
    joined_on          TEXT,                    -- YYYY-MM-DD in the hub's zone
    lapsed_on          TEXT,
    left_on            TEXT,
    interests          TEXT NOT NULL DEFAULT '', -- comma-separated roles of interest
    directory_visible  INTEGER NOT NULL DEFAULT 0 CHECK (directory_visible IN (0, 1)),
    show_email         INTEGER NOT NULL DEFAULT 0 CHECK (show_email IN (0, 1)),
    show_phone         INTEGER NOT NULL DEFAULT 0 CHECK (show_phone IN (0, 1)),
    consent_changed_at INTEGER,                 -- UTC seconds
    forgotten_at       INTEGER,                 -- UTC seconds; set when personal data was erased
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL
);
-- E-mail is unique among live members, ignoring case.
CREATE UNIQUE INDEX members_email_live ON members(email_key)
    WHERE email_key IS NOT NULL AND forgotten_at IS NULL;
CREATE INDEX members_sort ON members(sort_key, id);
CREATE INDEX members_status ON members(status, sort_key);

CREATE TABLE member_consents (
    id                INTEGER PRIMARY KEY,
    member_id         INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    changed_at        INTEGER NOT NULL,
    directory_visible INTEGER NOT NULL,
    show_email        INTEGER NOT NULL,
    show_phone        INTEGER NOT NULL
);
CREATE INDEX member_consents_member ON member_consents(member_id, changed_at);

CREATE TABLE organisation_contacts (
    organisation_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    person_id       INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    PRIMARY KEY (organisation_id, person_id)
) WITHOUT ROWID;

CREATE TABLE skills (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,  -- folded name: unique ignoring case and accents
    category TEXT NOT NULL DEFAULT ''
);

CREATE TABLE member_skills (
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    skill_id  INTEGER NOT NULL REFERENCES skills(id),
    level     TEXT NOT NULL DEFAULT '' CHECK (level IN ('', 'beginner', 'intermediate', 'expert')),
    PRIMARY KEY (member_id, skill_id)
) WITHOUT ROWID;
CREATE INDEX member_skills_skill ON member_skills(skill_id);

CREATE TABLE offers (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    skill_id    INTEGER REFERENCES skills(id),
    description TEXT NOT NULL CHECK (length(trim(description)) > 0),
    rate_minor  INTEGER CHECK (rate_minor IS NULL OR rate_minor >= 0),
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    created_at  INTEGER NOT NULL,
    closed_at   INTEGER
);
CREATE INDEX offers_member ON offers(member_id);
CREATE INDEX offers_open_skill ON offers(skill_id) WHERE status = 'open';

CREATE TABLE needs (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    skill_id    INTEGER REFERENCES skills(id),
    description TEXT NOT NULL CHECK (length(trim(description)) > 0),
    urgency     TEXT NOT NULL DEFAULT 'normal' CHECK (urgency IN ('low', 'normal', 'high')),
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    created_at  INTEGER NOT NULL,
    closed_at   INTEGER
);
CREATE INDEX needs_member ON needs(member_id);
CREATE INDEX needs_open_skill ON needs(skill_id) WHERE status = 'open';

-- One search document per member, written by MemberIndex with text already
-- folded (so "Łódź" finds "Lodz" even where unicode61 has no mapping).
CREATE VIRTUAL TABLE member_search USING fts5(
    name, email, skills, offers, needs, postcode, notes,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);

-- Open offer and need descriptions (folded), for matching by similar words (bm25).
CREATE VIRTUAL TABLE offer_search USING fts5(
    description,
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE need_search USING fts5(
    description,
    tokenize = 'unicode61 remove_diacritics 2'
);
