-- SPDX-License-Identifier: GPL-3.0-or-later
-- Spaces of the hub and their bookings. Times are UTC seconds. The zone a
-- booking's wall-clock times were made in is kept beside them, so a later
-- change of the hub's zone never shifts a booking silently.

CREATE TABLE spaces (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    description     TEXT NOT NULL DEFAULT '',
    capacity        INTEGER NOT NULL CHECK (capacity > 0),
    rate_minor      INTEGER CHECK (rate_minor IS NULL OR rate_minor >= 0),  -- credits per hour
    setup_minutes   INTEGER NOT NULL DEFAULT 0 CHECK (setup_minutes >= 0),
    cleanup_minutes INTEGER NOT NULL DEFAULT 0 CHECK (cleanup_minutes >= 0),
    features        TEXT NOT NULL DEFAULT '',   -- comma-separated words: stage, kitchen, projector
    colour          TEXT NOT NULL DEFAULT '',   -- #rrggbb for the calendar
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

-- No row for a weekday means the space is closed that day.
CREATE TABLE space_hours (
    space_id      INTEGER NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    weekday       INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),   -- 1 = Monday
    opens_minute  INTEGER NOT NULL CHECK (opens_minute BETWEEN 0 AND 1440),
    closes_minute INTEGER NOT NULL CHECK (closes_minute BETWEEN 0 AND 1440),
    PRIMARY KEY (space_id, weekday),
    CHECK (closes_minute > opens_minute)
);

CREATE TABLE bookings (
    id                     INTEGER PRIMARY KEY,
    space_id               INTEGER NOT NULL REFERENCES spaces(id),
    title                  TEXT NOT NULL CHECK (length(trim(title)) > 0),
    member_id              INTEGER REFERENCES members(id),   -- NULL for the hub's own use
    attendees              INTEGER NOT NULL DEFAULT 0 CHECK (attendees >= 0),
    start_utc              INTEGER NOT NULL,
    end_utc                INTEGER NOT NULL,
    zone                   TEXT NOT NULL,
    status                 TEXT NOT NULL DEFAULT 'confirmed'
                               CHECK (status IN ('tentative', 'confirmed', 'cancelled')),
    notes                  TEXT NOT NULL DEFAULT '',
    outside_hours_override TEXT NOT NULL DEFAULT '',
    capacity_override      TEXT NOT NULL DEFAULT '',
    created_by             TEXT NOT NULL DEFAULT '',
    created_at             INTEGER NOT NULL,
    CHECK (end_utc > start_utc)
);
CREATE INDEX bookings_space_start ON bookings(space_id, start_utc);
