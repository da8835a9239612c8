-- Flotta schema version 5: the allowed values of `devices` are checked as chains of
-- comparisons instead of IN lists. SQLite builds a temporary index for each IN list of more
-- than two values on every execution of an INSERT and looks each row up in it: for 48,000
-- new devices that was a tenth of a second of a first sync, against a few milliseconds for
-- the comparisons. The table is rebuilt as SQLite documents for such changes (foreign keys
-- are off while migrations run and checked before each is committed).

CREATE TABLE devices_rebuilt (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources (id),
    vendor_device_id TEXT,
    serial TEXT NOT NULL,
    imei TEXT,
    model_id INTEGER NOT NULL REFERENCES device_models (id),
    os TEXT NOT NULL CHECK (
        os = 'ios' OR os = 'ipados' OR os = 'android' OR os = 'windows' OR os = 'macos'
        OR os = 'other'
    ),
    os_version TEXT NOT NULL,
    ownership TEXT NOT NULL CHECK (
        ownership = 'corporate' OR ownership = 'personal' OR ownership = 'unknown'
    ),
    user_name TEXT,
    user_email TEXT,
    org_unit_id INTEGER REFERENCES org_units (id),
    enrolled_at TEXT,
    last_check_in TEXT,
    compliance TEXT NOT NULL CHECK (
        compliance = 'compliant' OR compliance = 'noncompliant'
        OR compliance = 'in_grace_period' OR compliance = 'unknown'
    ),
    jailbroken INTEGER NOT NULL CHECK (jailbroken IN (0, 1)),
    encrypted INTEGER NOT NULL CHECK (encrypted IN (0, 1)),
    lifecycle TEXT NOT NULL CHECK (
        lifecycle = 'in_stock' OR lifecycle = 'deployed' OR lifecycle = 'in_repair'
        OR lifecycle = 'in_swap_pool' OR lifecycle = 'lost' OR lifecycle = 'stolen'
        OR lifecycle = 'returned' OR lifecycle = 'recycled'
    ),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

INSERT INTO devices_rebuilt (
    id, source_id, vendor_device_id, serial, imei, model_id, os, os_version, ownership,
    user_name, user_email, org_unit_id, enrolled_at, last_check_in, compliance, jailbroken,
    encrypted, lifecycle, created_at, updated_at
)
SELECT
    id, source_id, vendor_device_id, serial, imei, model_id, os, os_version, ownership,
    user_name, user_email, org_unit_id, enrolled_at, last_check_in, compliance, jailbroken,
    encrypted, lifecycle, created_at, updated_at
FROM devices;

DROP TABLE devices;
ALTER TABLE devices_rebuilt RENAME TO devices;

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

-- Nothing is deleted: devices move to an end state.
CREATE TRIGGER devices_never_deleted BEFORE DELETE ON devices
BEGIN
    SELECT RAISE(ABORT, 'devices are never deleted; change their lifecycle state instead');
END;
