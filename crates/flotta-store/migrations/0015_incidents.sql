-- Flotta schema version 15: support incidents, their categories and events, and the support
-- agreements whose terms judge them.

CREATE TABLE incident_categories (
    id INTEGER PRIMARY KEY,
    name_sv TEXT NOT NULL UNIQUE,
    name_en TEXT NOT NULL,
    position INTEGER NOT NULL,
    -- A category used by a case is retired, never deleted, so old reports keep their names.
    retired_at TEXT
) STRICT;

INSERT INTO incident_categories (name_sv, name_en, position) VALUES
    ('Felanmälan', 'Fault report', 1),
    ('Felsökning', 'Troubleshooting', 2),
    ('Hur gör jag?', 'How-to question', 3),
    ('EMM/MDM och synk', 'EMM/MDM and sync', 4),
    ('Stöld/förlust', 'Theft/loss', 5),
    ('Beställning (retur, återvinning)', 'Order (return, recycling)', 6),
    ('Abonnemang', 'Subscription', 7),
    ('Övrigt', 'Other', 8);

CREATE TABLE support_agreements (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
) STRICT;

-- An agreement's terms from a moment on; a change adds terms, so a case is always judged by
-- the terms in force when it was received.
CREATE TABLE agreement_terms (
    id INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES support_agreements (id),
    valid_from TEXT NOT NULL,
    window_days TEXT NOT NULL CHECK (window_days IN ('working_days', 'every_day')),
    opens_minute INTEGER NOT NULL CHECK (opens_minute BETWEEN 0 AND 1439),
    closes_minute INTEGER NOT NULL CHECK (closes_minute BETWEEN 1 AND 1440),
    pauses_awaiting_reporter INTEGER NOT NULL CHECK (pauses_awaiting_reporter IN (0, 1)),
    pauses_awaiting_supplier INTEGER NOT NULL CHECK (pauses_awaiting_supplier IN (0, 1)),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    CHECK (opens_minute < closes_minute),
    UNIQUE (agreement_id, valid_from)
) STRICT;

CREATE TABLE agreement_targets (
    terms_id INTEGER NOT NULL REFERENCES agreement_terms (id),
    category_id INTEGER REFERENCES incident_categories (id),
    line TEXT CHECK (line IN ('first', 'second', 'third')),
    response_minutes INTEGER CHECK (response_minutes > 0),
    resolution_minutes INTEGER CHECK (resolution_minutes > 0)
) STRICT;
CREATE UNIQUE INDEX agreement_targets_key
    ON agreement_targets (terms_id, coalesce(category_id, 0), coalesce(line, ''));

-- The agreement every organisation starts with: weekdays 08–17, a first response within an
-- hour and a solution within a working day, waiting on the reporter or a supplier pausing.
INSERT INTO support_agreements (name, created_at, created_by)
    VALUES ('Standard', '2000-01-01T00:00:00Z', 'flotta');
INSERT INTO agreement_terms (agreement_id, valid_from, window_days, opens_minute, closes_minute,
        pauses_awaiting_reporter, pauses_awaiting_supplier, created_at, created_by)
    VALUES (1, '2000-01-01T00:00:00Z', 'working_days', 480, 1020, 1, 1,
        '2000-01-01T00:00:00Z', 'flotta');
INSERT INTO agreement_targets (terms_id, response_minutes, resolution_minutes)
    VALUES (1, 60, 540);

CREATE TABLE incidents (
    id INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES support_agreements (id),
    received_at TEXT NOT NULL,
    channel TEXT NOT NULL
        CHECK (channel IN ('phone', 'email', 'portal', 'chat', 'walk_in', 'other')),
    reporter TEXT NOT NULL,
    device_id INTEGER REFERENCES devices (id),
    -- The unit the case is reported for: the device's when it was logged, or as imported.
    org_unit_id INTEGER REFERENCES org_units (id),
    category_id INTEGER NOT NULL REFERENCES incident_categories (id),
    description TEXT NOT NULL,
    -- Written with the completing event, in its transaction; like `line`, a summary of the
    -- events for the list's filters.
    resolution TEXT,
    line TEXT NOT NULL DEFAULT 'first' CHECK (line IN ('first', 'second', 'third')),
    completed_at TEXT,
    repair_case_id INTEGER REFERENCES repair_cases (id),
    -- The helpdesk's own case number for an imported case; importing it again adds nothing.
    external_ref TEXT UNIQUE,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
) STRICT;

CREATE INDEX incidents_received ON incidents (received_at);
CREATE INDEX incidents_device ON incidents (device_id) WHERE device_id IS NOT NULL;

CREATE TABLE incident_events (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents (id),
    event TEXT NOT NULL
        CHECK (event IN ('responded', 'escalated', 'paused', 'resumed', 'completed')),
    at TEXT NOT NULL,
    line TEXT CHECK (line IN ('first', 'second', 'third')),
    reason TEXT CHECK (reason IN ('awaiting_reporter', 'awaiting_supplier')),
    note TEXT,
    actor TEXT NOT NULL,
    recorded_at TEXT NOT NULL
) STRICT;

CREATE INDEX incident_events_incident ON incident_events (incident_id, at);

CREATE TRIGGER incident_events_never_changed BEFORE UPDATE ON incident_events
BEGIN
    SELECT RAISE(ABORT, 'an incident''s events are never changed');
END;
CREATE TRIGGER incident_events_never_deleted BEFORE DELETE ON incident_events
BEGIN
    SELECT RAISE(ABORT, 'an incident''s events are never deleted');
END;
