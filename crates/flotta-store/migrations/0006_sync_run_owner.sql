-- Which process runs a sync: the app and the command line share one register, and at start
-- each fails only the "running" runs whose process has gone, not the other's live sync.
-- Runs from before this column have no owner and count as gone.
ALTER TABLE sync_runs ADD COLUMN owner TEXT;
