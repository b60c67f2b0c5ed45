-- SPDX-License-Identifier: GPL-3.0-or-later
-- Mutual credit ledger: accounts start at zero, transfers move credit between
-- them, so the balances always sum to zero.

CREATE TABLE accounts (
    id               INTEGER PRIMARY KEY,
    member_id        INTEGER NOT NULL UNIQUE REFERENCES members(id),
    role             TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'hub')),
    status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'frozen', 'closed')),
    balance_minor    INTEGER NOT NULL DEFAULT 0,
    limit_min_minor  INTEGER NOT NULL CHECK (limit_min_minor <= 0),
    limit_max_minor  INTEGER CHECK (limit_max_minor IS NULL OR limit_max_minor > 0),
    warn_min_minor   INTEGER,              -- soft warning level, above the hard lower limit
    opened_at        INTEGER NOT NULL,
    last_activity_at INTEGER,
    closed_at        INTEGER
);
-- The hub's own account (it receives space charges and levies) is unique.
CREATE UNIQUE INDEX accounts_one_hub ON accounts(role) WHERE role = 'hub';
CREATE INDEX accounts_balance ON accounts(balance_minor);

CREATE TABLE transfer_categories (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0)
);

CREATE TABLE transfers (
    id            INTEGER PRIMARY KEY,
    payer_account INTEGER NOT NULL REFERENCES accounts(id),
    payee_account INTEGER NOT NULL REFERENCES accounts(id),
    amount_minor  INTEGER NOT NULL CHECK (amount_minor > 0),
    memo          TEXT NOT NULL CHECK (length(trim(memo)) > 0),
    category_id   INTEGER REFERENCES transfer_categories(id),
    reference     TEXT NOT NULL DEFAULT '',
    reverses_id   INTEGER UNIQUE REFERENCES transfers(id),  -- UNIQUE: a transfer is reversed at most once
    override_note TEXT NOT NULL DEFAULT '',                  -- set when a treasurer overrode a limit
    entered_by    TEXT NOT NULL DEFAULT '',
    created_at    INTEGER NOT NULL,                          -- UTC seconds
    prev_hash     TEXT NOT NULL,
    hash          TEXT NOT NULL UNIQUE,
    CHECK (payer_account <> payee_account)
);
CREATE INDEX transfers_payer ON transfers(payer_account, id);
CREATE INDEX transfers_payee ON transfers(payee_account, id);
CREATE INDEX transfers_created ON transfers(created_at, id);

-- Transfers are never edited or deleted: a mistake is corrected by a reversal.
CREATE TRIGGER transfers_never_updated BEFORE UPDATE ON transfers
BEGIN
    SELECT RAISE(ABORT, 'transfers are never changed; post a reversing transfer instead');
END;
CREATE TRIGGER transfers_never_deleted BEFORE DELETE ON transfers
BEGIN
    SELECT RAISE(ABORT, 'transfers are never deleted; post a reversing transfer instead');
END;

-- Every change of an account's limits, with the override that allowed a breach.
CREATE TABLE limit_changes (
    id           INTEGER PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES accounts(id),
    changed_at   INTEGER NOT NULL,
    changed_by   TEXT NOT NULL DEFAULT '',
    old_min      INTEGER NOT NULL,
    new_min      INTEGER NOT NULL,
    old_max      INTEGER,
    new_max      INTEGER,
    new_warn     INTEGER,
    override     INTEGER NOT NULL DEFAULT 0,
    note         TEXT NOT NULL DEFAULT ''
);
