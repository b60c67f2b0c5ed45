-- SPDX-License-Identifier: GPL-3.0-or-later
-- Hub settings: one row per key; values are validated by SettingsService.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
