-- Flotta schema version 18: a record's vendor JSON in a table of its own.

-- Every sync rewrites the last-seen run and time of each record it lists. With the JSON, most
-- of a record's bytes, in the same row, a sync that found nothing changed rewrote all of it,
-- and every scan of the records (a connection's device count, marking records missing, the
-- app index) read it. Apart, the JSON is written only when it changed and read only when asked.
CREATE TABLE vendor_record_json (
    record_id INTEGER PRIMARY KEY REFERENCES vendor_records (id),
    raw_json TEXT NOT NULL
) STRICT;

INSERT INTO vendor_record_json (record_id, raw_json) SELECT id, raw_json FROM vendor_records;

ALTER TABLE vendor_records DROP COLUMN raw_json;
