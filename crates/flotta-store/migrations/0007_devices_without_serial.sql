-- Flotta schema version 7: a unit may have no serial number. Personally owned Android work
-- profiles and iOS/iPadOS user enrolment give the EMM neither serial nor IMEI by design; such
-- an enrolment is still a managed device, known by its EMM record until an identifier
-- appears. The table is rebuilt as SQLite documents for dropping a NOT NULL (foreign keys are
-- off while migrations run and checked before each is committed); indexes and the trigger
-- are those of version 5.

CREATE TABLE devices_rebuilt (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources (id),
    vendor_device_id TEXT,
    -- None for an enrolment that reports neither serial nor IMEI (a personally owned
    -- Android work profile, iOS user enrolment): the unit is known by its EMM record.
    serial TEXT,
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
