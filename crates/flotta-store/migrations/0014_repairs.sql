-- Flotta schema version 14: repair cases with their timelines, and the organisation's own
-- closure days for the working-day calendar.

CREATE TABLE closure_days (
    day TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    name TEXT NOT NULL,
    added_at TEXT NOT NULL,
    added_by TEXT NOT NULL
) STRICT;

CREATE TABLE repair_cases (
    id INTEGER PRIMARY KEY,
    device_id INTEGER NOT NULL REFERENCES devices (id),
    sla_type TEXT NOT NULL CHECK (sla_type IN ('mail_in', 'mail_in_loaner', 'swap')),
    fault TEXT NOT NULL,
    reported_by TEXT NOT NULL,
    reported_at TEXT NOT NULL,
    opened_by TEXT NOT NULL,
    -- The earliest promise not yet kept: the case list's order. Rewritten in every
    -- transaction that changes what it follows from (an event, the cut-off, a closure day).
    next_due_at TEXT,
    closed_at TEXT
) STRICT;

-- One open case per unit.
CREATE UNIQUE INDEX repair_cases_open_unit ON repair_cases (device_id) WHERE closed_at IS NULL;
-- The case list's order: open cases by due time (those with nothing due last), then closed
-- ones, latest first, ties in case order (the index's rowid); a window deep in the list walks
-- this index instead of sorting.
CREATE INDEX repair_cases_list ON repair_cases
    (closed_at IS NOT NULL, next_due_at IS NULL, next_due_at, closed_at DESC);
CREATE INDEX repair_cases_reported ON repair_cases (reported_at);

CREATE TABLE repair_events (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES repair_cases (id),
    event TEXT NOT NULL CHECK (event IN ('reported', 'replacement_shipped', 'loaner_shipped',
        'user_working', 'received', 'diagnosed', 'repaired', 'beyond_repair',
        'returned_to_user', 'returned_to_pool', 'loaner_returned')),
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    note TEXT,
    -- The pool unit or loaner that went to the user.
    unit_id INTEGER REFERENCES devices (id),
    recorded_at TEXT NOT NULL,
    UNIQUE (case_id, event)
) STRICT;

-- The pool's consumption: units shipped per period.
CREATE INDEX repair_events_by_kind ON repair_events (event, at);
CREATE INDEX repair_events_unit ON repair_events (unit_id) WHERE unit_id IS NOT NULL;

CREATE TRIGGER repair_events_never_changed BEFORE UPDATE ON repair_events
BEGIN
    SELECT RAISE(ABORT, 'a repair case''s events are never changed');
END;
CREATE TRIGGER repair_events_never_deleted BEFORE DELETE ON repair_events
BEGIN
    SELECT RAISE(ABORT, 'a repair case''s events are never deleted');
END;
