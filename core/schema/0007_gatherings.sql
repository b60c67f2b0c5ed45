-- SPDX-License-Identifier: GPL-3.0-or-later
-- Gatherings of the Citizens' Action Network: Friendly gatherings and
-- Collaboratories, who signed up and who came, the stories and ideas told,
-- the votes on them, the working groups ideas grew into and their actions,
-- and challenges local businesses bring. Times are UTC seconds; due dates are
-- local dates of the hub.

-- A gathering in a space holds a booking made through the booking service;
-- its times are the booking's. One without a space keeps its own times.
CREATE TABLE gatherings (
    id                INTEGER PRIMARY KEY,
    kind              TEXT NOT NULL DEFAULT 'friendly'
                          CHECK (kind IN ('friendly', 'collaboratory', 'business-challenge', 'other')),
    title             TEXT NOT NULL CHECK (length(trim(title)) > 0),
    theme             TEXT NOT NULL DEFAULT '',
    start_utc         INTEGER NOT NULL,
    end_utc           INTEGER NOT NULL,
    booking_id        INTEGER REFERENCES bookings(id),
    series_id         INTEGER REFERENCES booking_series(id),
    capacity          INTEGER CHECK (capacity IS NULL OR capacity > 0),  -- NULL = no limit
    voting            TEXT NOT NULL DEFAULT 'one-vote' CHECK (voting IN ('one-vote', 'dots')),
    dots_per_attendee INTEGER NOT NULL DEFAULT 3 CHECK (dots_per_attendee BETWEEN 1 AND 99),
    voting_closed     INTEGER NOT NULL DEFAULT 0 CHECK (voting_closed IN (0, 1)),
    notes             TEXT NOT NULL DEFAULT '',
    created_by        TEXT NOT NULL DEFAULT '',
    created_at        INTEGER NOT NULL,
    CHECK (end_utc > start_utc)
);
CREATE INDEX gatherings_start ON gatherings(start_utc);
CREATE UNIQUE INDEX gatherings_booking ON gatherings(booking_id) WHERE booking_id IS NOT NULL;

CREATE TABLE gathering_facilitators (
    gathering_id INTEGER NOT NULL REFERENCES gatherings(id) ON DELETE CASCADE,
    member_id    INTEGER NOT NULL REFERENCES members(id),
    PRIMARY KEY (gathering_id, member_id)
) WITHOUT ROWID;

-- Sign-ups ahead. `position` orders the waiting list: first come, first moved up.
CREATE TABLE gathering_registrations (
    id            INTEGER PRIMARY KEY,
    gathering_id  INTEGER NOT NULL REFERENCES gatherings(id) ON DELETE CASCADE,
    member_id     INTEGER NOT NULL REFERENCES members(id),
    position      INTEGER NOT NULL CHECK (position > 0),
    registered_at INTEGER NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('registered', 'waiting', 'cancelled')),
    UNIQUE (gathering_id, member_id)
);
CREATE INDEX gathering_registrations_order ON gathering_registrations(gathering_id, status, position);

-- People who came without being members. A walk-in who joins later is
-- merged into their member record; the row stays as the link.
CREATE TABLE walk_ins (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
    email        TEXT NOT NULL DEFAULT '',
    consent      INTEGER NOT NULL DEFAULT 0 CHECK (consent IN (0, 1)),  -- may be contacted
    merged_into  INTEGER REFERENCES members(id),
    created_at   INTEGER NOT NULL,
    forgotten_at INTEGER
);

-- One row per person per gathering: a member or a walk-in, never both.
CREATE TABLE gathering_attendance (
    id            INTEGER PRIMARY KEY,
    gathering_id  INTEGER NOT NULL REFERENCES gatherings(id) ON DELETE CASCADE,
    member_id     INTEGER REFERENCES members(id),
    walk_in_id    INTEGER REFERENCES walk_ins(id),
    checked_in_at INTEGER NOT NULL,
    CHECK ((member_id IS NULL) <> (walk_in_id IS NULL)),
    UNIQUE (gathering_id, member_id),
    UNIQUE (gathering_id, walk_in_id)
);
CREATE INDEX gathering_attendance_member ON gathering_attendance(member_id);
CREATE INDEX gathering_attendance_walk_in ON gathering_attendance(walk_in_id);

-- Stories and ideas told at a gathering; the author is a member or a walk-in
-- (or nobody, for an idea from the floor). `entered_by` is who keyed it in.
CREATE TABLE ideas (
    id                INTEGER PRIMARY KEY,
    gathering_id      INTEGER NOT NULL REFERENCES gatherings(id) ON DELETE CASCADE,
    title             TEXT NOT NULL CHECK (length(trim(title)) > 0),
    story             TEXT NOT NULL DEFAULT '',
    author_member_id  INTEGER REFERENCES members(id),
    author_walk_in_id INTEGER REFERENCES walk_ins(id),
    tags              TEXT NOT NULL DEFAULT '',   -- comma-separated theme words
    promoted_to       INTEGER REFERENCES working_groups(id),
    entered_by        TEXT NOT NULL DEFAULT '',
    created_at        INTEGER NOT NULL,
    CHECK (author_member_id IS NULL OR author_walk_in_id IS NULL)
);
CREATE INDEX ideas_gathering ON ideas(gathering_id);
CREATE INDEX ideas_member ON ideas(author_member_id);
CREATE INDEX ideas_walk_in ON ideas(author_walk_in_id);

-- A vote is cast by an attendance row, so only people checked in can vote.
CREATE TABLE idea_votes (
    id            INTEGER PRIMARY KEY,
    idea_id       INTEGER NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
    attendance_id INTEGER NOT NULL REFERENCES gathering_attendance(id) ON DELETE CASCADE,
    dots          INTEGER NOT NULL DEFAULT 1 CHECK (dots > 0),
    cast_at       INTEGER NOT NULL,
    UNIQUE (idea_id, attendance_id)
);
CREATE INDEX idea_votes_attendance ON idea_votes(attendance_id);

CREATE TABLE working_groups (
    id                  INTEGER PRIMARY KEY,
    name                TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    purpose             TEXT NOT NULL DEFAULT '',
    convenor_id         INTEGER REFERENCES members(id),
    origin_idea_id      INTEGER REFERENCES ideas(id),
    origin_gathering_id INTEGER REFERENCES gatherings(id),
    created_at          INTEGER NOT NULL
);

CREATE TABLE working_group_members (
    group_id  INTEGER NOT NULL REFERENCES working_groups(id) ON DELETE CASCADE,
    member_id INTEGER NOT NULL REFERENCES members(id),
    joined_at INTEGER NOT NULL,
    PRIMARY KEY (group_id, member_id)
) WITHOUT ROWID;
CREATE INDEX working_group_members_member ON working_group_members(member_id);

CREATE TABLE group_actions (
    id         INTEGER PRIMARY KEY,
    group_id   INTEGER NOT NULL REFERENCES working_groups(id) ON DELETE CASCADE,
    title      TEXT NOT NULL CHECK (length(trim(title)) > 0),
    owner_id   INTEGER NOT NULL REFERENCES members(id),
    due_on     TEXT CHECK (due_on IS NULL OR due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    status     TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
    notes      TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    closed_at  INTEGER
);
CREATE INDEX group_actions_group ON group_actions(group_id, status);
CREATE INDEX group_actions_due ON group_actions(status, due_on);

-- A local business (an organisation member) asks the network for help.
CREATE TABLE business_challenges (
    id              INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES members(id),
    gathering_id    INTEGER REFERENCES gatherings(id),
    title           TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description     TEXT NOT NULL DEFAULT '',
    skills          TEXT NOT NULL DEFAULT '',   -- comma-separated skill names wanted
    status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    created_at      INTEGER NOT NULL
);

CREATE TABLE challenge_volunteers (
    challenge_id INTEGER NOT NULL REFERENCES business_challenges(id) ON DELETE CASCADE,
    member_id    INTEGER NOT NULL REFERENCES members(id),
    joined_at    INTEGER NOT NULL,
    PRIMARY KEY (challenge_id, member_id)
) WITHOUT ROWID;
