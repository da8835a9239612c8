-- Flotta schema version 3: installed apps as the EMMs report them.

-- One row per distinct app at one version, shared by every device that has it.
CREATE TABLE apps (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    -- Bundle id or package name; '' where the vendor gives none (Intune's detected apps).
    identifier TEXT NOT NULL,
    version TEXT NOT NULL,
    UNIQUE (name, identifier, version)
) STRICT;

-- What each vendor record reports as installed. Kept per record, not per unit, because what
-- a connection can see differs: Intune lists no user-installed apps on personal devices.
CREATE TABLE installed_apps (
    vendor_record_id INTEGER NOT NULL REFERENCES vendor_records (id),
    app_id INTEGER NOT NULL REFERENCES apps (id),
    PRIMARY KEY (vendor_record_id, app_id)
) STRICT, WITHOUT ROWID;
-- "On how many devices is app X installed?" (the primary key columns make it covering).
CREATE INDEX installed_apps_app ON installed_apps (app_id);

-- When the record's app list was last reported; NULL while the connection does not report
-- it (or has not yet), which is not the same as "no apps".
ALTER TABLE vendor_records ADD COLUMN apps_reported_at TEXT;
