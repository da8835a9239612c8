-- Flotta schema version 16: since when each install is known, so "who installed it after the
-- ban" is answerable from the sync history.

-- The sync that first reported the app (any version of it) on the record; a new version keeps
-- the first sync of the one it replaced. NULL for installs stored before this version: known
-- since the upgrade at the latest.
ALTER TABLE installed_apps ADD COLUMN first_seen_run INTEGER REFERENCES sync_runs (id);
