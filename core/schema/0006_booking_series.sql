-- SPDX-License-Identifier: GPL-3.0-or-later
-- Recurring series, exceptions, charges, closed days and imported UIDs.
--
-- A series keeps its rule (an RFC 5545 RRULE) and the wall-clock start of its
-- first occurrence in its zone. Every occurrence is a bookings row keyed by
-- its local date within the series, so editing one occurrence (an exception)
-- or cancelling it survives later edits of the series: the date is the key,
-- not the start time the series happened to have.

CREATE TABLE booking_series (
    id               INTEGER PRIMARY KEY,
    space_id         INTEGER NOT NULL REFERENCES spaces(id),
    rrule            TEXT NOT NULL CHECK (length(rrule) > 0),
    first_start      TEXT NOT NULL,            -- local 'YYYY-MM-DDTHH:MM:SS' in zone
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
    zone             TEXT NOT NULL,
    charge           INTEGER NOT NULL DEFAULT 0 CHECK (charge IN (0, 1)),
    created_by       TEXT NOT NULL DEFAULT '',
    created_at       INTEGER NOT NULL
);

ALTER TABLE bookings ADD COLUMN series_id INTEGER REFERENCES booking_series(id);
-- The occurrence's local date in its series (RECURRENCE-ID's date).
ALTER TABLE bookings ADD COLUMN occurrence_date TEXT;
-- 1 once an occurrence was edited on its own; series edits leave it alone.
ALTER TABLE bookings ADD COLUMN is_exception INTEGER NOT NULL DEFAULT 0 CHECK (is_exception IN (0, 1));
-- The ledger transfer that charged the booker, and the one that gave it back.
ALTER TABLE bookings ADD COLUMN charge_transfer_id INTEGER REFERENCES transfers(id);
ALTER TABLE bookings ADD COLUMN charge_reversal_id INTEGER REFERENCES transfers(id);
-- iCalendar UID: our own for exports, the sender's for imported events.
ALTER TABLE bookings ADD COLUMN uid TEXT NOT NULL DEFAULT '';

CREATE UNIQUE INDEX bookings_series_occurrence ON bookings(series_id, occurrence_date)
    WHERE series_id IS NOT NULL;
-- The day view and the front desk read every space's bookings of a day.
CREATE INDEX bookings_start ON bookings(start_utc);

-- Closed days: holidays for the whole hub (space_id NULL) or one space.
CREATE TABLE space_closures (
    id       INTEGER PRIMARY KEY,
    space_id INTEGER REFERENCES spaces(id) ON DELETE CASCADE,
    day      TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    reason   TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX space_closures_day ON space_closures(coalesce(space_id, 0), day);
