-- Flotta schema version 2: EMM connections, the vendor records behind each device, sync runs
-- with their warnings, and the history of device fields.

-- A source of kind intune/jamf/workspace_one is a connection; its settings (never a secret)
-- are JSON. `demo` marks the built-in demo tenant.
ALTER TABLE sources ADD COLUMN settings_json TEXT;
ALTER TABLE sources ADD COLUMN demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1));

-- What each connection reports about a device: one row per enrolment (a re-enrolled device
-- has two, both linked to the one physical unit), with the vendor's record as received.
CREATE TABLE vendor_records (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources (id),
    vendor_id TEXT NOT NULL,
    device_id INTEGER NOT NULL REFERENCES devices (id),
    raw_json TEXT NOT NULL,
    first_seen_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    -- The sync that last saw it: a full sync marks every record it did not see as missing.
    last_seen_run INTEGER NOT NULL,
    -- Set by a complete full sync that did not see the record; cleared when it reappears.
    missing_since TEXT,
    UNIQUE (source_id, vendor_id)
) STRICT;
CREATE INDEX vendor_records_device ON vendor_records (device_id);

CREATE TABLE sync_runs (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources (id),
    mode TEXT NOT NULL CHECK (mode IN ('full', 'incremental')),
    status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'cancelled')),
    actor TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    pages INTEGER NOT NULL DEFAULT 0,
    records INTEGER NOT NULL DEFAULT 0,
    added INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    missing INTEGER NOT NULL DEFAULT 0,
    returned INTEGER NOT NULL DEFAULT 0,
    warnings INTEGER NOT NULL DEFAULT 0,
    -- Why it failed: a code the UI translates, and the English detail.
    error_code TEXT,
    error TEXT
) STRICT;
CREATE INDEX sync_runs_source ON sync_runs (source_id, id);

CREATE TABLE sync_warnings (
    id INTEGER PRIMARY KEY,
    sync_run_id INTEGER NOT NULL REFERENCES sync_runs (id),
    vendor_id TEXT NOT NULL,
    field TEXT NOT NULL,
    problem TEXT NOT NULL
) STRICT;
CREATE INDEX sync_warnings_run ON sync_warnings (sync_run_id);

-- Every change of a tracked device field, by a sync or a person. Append-only.
CREATE TABLE device_history (
    id INTEGER PRIMARY KEY,
    device_id INTEGER NOT NULL REFERENCES devices (id),
    at TEXT NOT NULL,
    field TEXT NOT NULL,
    before TEXT,
    after TEXT,
    source_id INTEGER REFERENCES sources (id),
    sync_run_id INTEGER REFERENCES sync_runs (id),
    actor TEXT NOT NULL
) STRICT;
CREATE INDEX device_history_device ON device_history (device_id, id);
CREATE TRIGGER device_history_append_only_update BEFORE UPDATE ON device_history
BEGIN
    SELECT RAISE(ABORT, 'device history is append-only');
END;
CREATE TRIGGER device_history_append_only_delete BEFORE DELETE ON device_history
BEGIN
    SELECT RAISE(ABORT, 'device history is append-only');
END;
