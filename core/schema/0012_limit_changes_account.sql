-- SPDX-License-Identifier: GPL-3.0-or-later
-- An account's last limit change is found by an index, not a scan of every
-- change: `check` compared each account with its last change that way, 9 s
-- on a city hub of 100,000 accounts.
CREATE INDEX limit_changes_account ON limit_changes(account_id, id);
