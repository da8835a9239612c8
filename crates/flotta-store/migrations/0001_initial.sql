-- Flotta schema version 1: the register of devices and what it needs around it.
-- Shipped migrations are never edited; later changes are new numbered files.

CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('demo', 'manual', 'import', 'intune', 'jamf', 'workspace_one')),
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    -- Set when a source is removed: its devices stay, marked as coming from a closed source.
    closed_at TEXT
) STRICT;

CREATE TABLE org_units (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE device_models (
    id INTEGER PRIMARY KEY,
    manufacturer TEXT NOT NULL,
    name TEXT NOT NULL,
    UNIQUE (manufacturer, name)
) STRICT;

CREATE TABLE devices (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources (id),
    vendor_device_id TEXT,
    serial TEXT NOT NULL,
    imei TEXT,
    model_id INTEGER NOT NULL REFERENCES device_models (id),
    os TEXT NOT NULL CHECK (os IN ('ios', 'ipados', 'android', 'windows', 'macos', 'other')),
    os_version TEXT NOT NULL,
    ownership TEXT NOT NULL CHECK (ownership IN ('corporate', 'personal', 'unknown')),
    user_name TEXT,
    user_email TEXT,
    org_unit_id INTEGER REFERENCES org_units (id),
    enrolled_at TEXT,
    last_check_in TEXT,
    compliance TEXT NOT NULL
        CHECK (compliance IN ('compliant', 'noncompliant', 'in_grace_period', 'unknown')),
    jailbroken INTEGER NOT NULL CHECK (jailbroken IN (0, 1)),
    encrypted INTEGER NOT NULL CHECK (encrypted IN (0, 1)),
    lifecycle TEXT NOT NULL CHECK (lifecycle IN (
        'in_stock', 'deployed', 'in_repair', 'in_swap_pool', 'lost', 'stolen', 'returned', 'recycled'
    )),
    -- Lower-cased serial, IMEI, user name, e-mail and model for free-text search,
    -- folded in Rust because SQLite's lower() only folds ASCII.
    search_text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX devices_serial ON devices (serial);
CREATE INDEX devices_imei ON devices (imei);
CREATE INDEX devices_model ON devices (model_id);
CREATE INDEX devices_org_unit ON devices (org_unit_id);
CREATE INDEX devices_os ON devices (os, os_version);
CREATE INDEX devices_ownership ON devices (ownership);
CREATE INDEX devices_lifecycle ON devices (lifecycle);
CREATE INDEX devices_compliance ON devices (compliance);
CREATE INDEX devices_user ON devices (user_name);
CREATE INDEX devices_last_check_in ON devices (last_check_in);
-- Covers every exact-match filter, so filtering reads this narrow index instead of the table.
CREATE INDEX devices_facets ON devices (
    org_unit_id, os, lifecycle, ownership, model_id, compliance, last_check_in
);
-- Lets "sort by model" walk models in name order instead of sorting every device.
CREATE INDEX device_models_name ON device_models (name);

-- Substring search over search_text through trigrams; terms shorter than three characters
-- fall back to LIKE on devices.search_text. New rows are indexed in bulk by the store after
-- each insert batch (a per-row trigger is five times slower); changed rows by the trigger.
CREATE VIRTUAL TABLE devices_search USING fts5 (
    search_text,
    content = 'devices',
    content_rowid = 'id',
    tokenize = 'trigram'
);
CREATE TRIGGER devices_search_update AFTER UPDATE OF search_text ON devices
BEGIN
    INSERT INTO devices_search (devices_search, rowid, search_text)
        VALUES ('delete', old.id, old.search_text);
    INSERT INTO devices_search (rowid, search_text) VALUES (new.id, new.search_text);
END;

-- Who did what, when, with the value before and after (JSON). Never updated or deleted.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT,
    before_json TEXT,
    after_json TEXT
) STRICT;

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value_json TEXT NOT NULL
) STRICT;

-- Nothing is deleted: devices move to an end state, the audit trail only grows.
CREATE TRIGGER devices_never_deleted BEFORE DELETE ON devices
BEGIN
    SELECT RAISE(ABORT, 'devices are never deleted; change their lifecycle state instead');
END;
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
