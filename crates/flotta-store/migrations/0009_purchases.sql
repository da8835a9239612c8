-- Flotta schema version 9: what was bought. One row per bought unit, keyed on the physical
-- unit (serial number, IMEI) the sync resolves, never on an asset tag someone invents; each
-- import of a supplier's delivery file is a row of its own, and the column mapping a user
-- confirmed is remembered per supplier.

CREATE TABLE purchase_imports (
    id INTEGER PRIMARY KEY,
    file_name TEXT NOT NULL,
    -- The file's bytes hashed, so a file imported again is recognised as such.
    file_sha256 TEXT NOT NULL,
    encoding TEXT NOT NULL,
    added INTEGER NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL
) STRICT;

CREATE TABLE purchases (
    id INTEGER PRIMARY KEY,
    purchase_date TEXT NOT NULL,
    supplier TEXT NOT NULL,
    order_number TEXT,
    invoice_number TEXT,
    manufacturer TEXT NOT NULL,
    model TEXT NOT NULL,
    -- Normalised as the sync normalises them (upper case serial, IMEI digits only).
    serial TEXT,
    imei TEXT,
    unit_cost_ore INTEGER NOT NULL CHECK (unit_cost_ore >= 0),
    vat_rate_basis_points INTEGER CHECK (vat_rate_basis_points BETWEEN 0 AND 10000),
    warranty_months INTEGER CHECK (warranty_months >= 0),
    org_unit TEXT,
    ownership TEXT NOT NULL CHECK (
        ownership = 'corporate' OR ownership = 'personal' OR ownership = 'unknown'
    ),
    planned_lifetime_months INTEGER CHECK (planned_lifetime_months >= 0),
    -- NULL for a line entered by hand.
    import_id INTEGER REFERENCES purchase_imports (id),
    -- The line of the delivery file it came from.
    file_line INTEGER,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    CHECK (serial IS NOT NULL OR imei IS NOT NULL)
) STRICT;
-- A unit is bought once: a second line for the same serial or IMEI is "already bought".
CREATE UNIQUE INDEX purchases_serial ON purchases (serial) WHERE serial IS NOT NULL;
CREATE UNIQUE INDEX purchases_imei ON purchases (imei) WHERE imei IS NOT NULL;
CREATE INDEX purchases_date ON purchases (purchase_date);

CREATE TABLE supplier_mappings (
    supplier TEXT PRIMARY KEY,
    mapping_json TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    actor TEXT NOT NULL
) STRICT;
