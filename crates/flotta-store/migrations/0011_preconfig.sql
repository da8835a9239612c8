-- Flotta schema version 11: pre-configuration of delivered units. The organisation's
-- checklist (a template whose steps are retired, never deleted, since ticks name them) and
-- every tick or untick of a step for a bought unit, append-only: the latest one counts.

CREATE TABLE preconfig_steps (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    -- The unit's first EMM check-in does this step (MDM pre-enrolment, zero-touch).
    done_by_enrolment INTEGER NOT NULL CHECK (done_by_enrolment IN (0, 1)),
    created_at TEXT NOT NULL,
    retired_at TEXT
) STRICT;

INSERT INTO preconfig_steps (title, done_by_enrolment, created_at) VALUES
    ('Batteri- och funktionstest', 0, '2026-01-01T00:00:00Z'),
    ('Aktivering', 0, '2026-01-01T00:00:00Z'),
    ('Skärmskydd', 0, '2026-01-01T00:00:00Z'),
    ('Stöldmärkning', 0, '2026-01-01T00:00:00Z'),
    ('Organisationens manual', 0, '2026-01-01T00:00:00Z'),
    ('MDM-förregistrering eller zero-touch', 1, '2026-01-01T00:00:00Z');

CREATE TABLE preconfig_ticks (
    id INTEGER PRIMARY KEY,
    purchase_id INTEGER NOT NULL REFERENCES purchases (id),
    step_id INTEGER NOT NULL REFERENCES preconfig_steps (id),
    done INTEGER NOT NULL CHECK (done IN (0, 1)),
    at TEXT NOT NULL,
    actor TEXT NOT NULL
) STRICT;
CREATE INDEX preconfig_ticks_purchase ON preconfig_ticks (purchase_id, id);
CREATE TRIGGER preconfig_ticks_append_only_update BEFORE UPDATE ON preconfig_ticks
BEGIN
    SELECT RAISE(ABORT, 'pre-configuration ticks are append-only');
END;
CREATE TRIGGER preconfig_ticks_append_only_delete BEFORE DELETE ON preconfig_ticks
BEGIN
    SELECT RAISE(ABORT, 'pre-configuration ticks are append-only');
END;

-- The units of one delivery are ticked together.
CREATE INDEX purchases_import ON purchases (import_id) WHERE import_id IS NOT NULL;
