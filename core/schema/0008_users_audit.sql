-- SPDX-License-Identifier: GPL-3.0-or-later
-- Users of the shared desk, their roles, and the audit trail of every change.
-- Passphrases and PINs are Argon2id hashes (libsodium's crypto_pwhash_str
-- strings, salt and cost inside); nothing secret is stored in clear.

-- A user is a member who may sign in. Removed users keep their row (the
-- audit trail names them) but can no longer sign in; their name is freed.
CREATE TABLE users (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(name)) > 0),
    member_id       INTEGER NOT NULL REFERENCES members(id),
    passphrase_hash TEXT NOT NULL,
    pin_hash        TEXT,
    failed_tries    INTEGER NOT NULL DEFAULT 0 CHECK (failed_tries >= 0),
    lock_count      INTEGER NOT NULL DEFAULT 0 CHECK (lock_count >= 0),  -- lock-outs in a row: each doubles the next
    locked_until    INTEGER,                                             -- UTC seconds; NULL = not locked
    created_at      INTEGER NOT NULL,
    removed_at      INTEGER
);
-- Names are unique among live users, regardless of case.
CREATE UNIQUE INDEX users_live_name ON users(name COLLATE NOCASE) WHERE removed_at IS NULL;
CREATE INDEX users_member ON users(member_id);

CREATE TABLE user_roles (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role    TEXT NOT NULL CHECK (role IN ('front-desk', 'facilitator', 'treasurer', 'admin')),
    PRIMARY KEY (user_id, role)
) WITHOUT ROWID;

-- One row per change: when, who, what. Append-only and hash-chained like
-- transfers: hash = SHA-256 over the row's fields and prev_hash.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        INTEGER NOT NULL,          -- UTC seconds
    user_name TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL DEFAULT '',
    entity_id INTEGER NOT NULL DEFAULT 0,
    summary   TEXT NOT NULL DEFAULT '',
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log(at, id);
CREATE INDEX audit_log_user ON audit_log(user_name COLLATE NOCASE, id);
CREATE INDEX audit_log_action ON audit_log(action, id);

-- Erasure is the one change the audit trail allows: a forgotten person's
-- name becomes their pseudonym. AuditTrail::pseudonymise inserts the single
-- row of audit_erasure inside the erasure's transaction, rewrites user_name
-- and re-seals the chain (prev_hash, hash) from the first changed row on,
-- then deletes the row again, all before commit. While the row is absent no
-- UPDATE passes; while it is present only those three columns may change.
-- The erasure itself is audited, so a re-sealed chain is always explained.
CREATE TABLE audit_erasure (
    one INTEGER PRIMARY KEY CHECK (one = 1)
);

CREATE TRIGGER audit_log_never_updated BEFORE UPDATE ON audit_log
WHEN NOT EXISTS (SELECT 1 FROM audit_erasure)
  OR NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.action IS NOT OLD.action
  OR NEW.entity IS NOT OLD.entity OR NEW.entity_id IS NOT OLD.entity_id OR NEW.summary IS NOT OLD.summary
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only; rows are never changed');
END;

CREATE TRIGGER audit_log_never_deleted BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only; rows are never deleted');
END;

-- The settings this adds (idle_lock_minutes, front_desk_ceiling) live in the
-- settings table; a missing key means the default (10 minutes, no ceiling),
-- so no row is inserted here: an empty settings table marks a new hub.
