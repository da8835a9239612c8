-- Flotta schema version 10: hardware certification of models. The template's steps (the
-- three levels of the national guidance, to which an organisation adds its own) and every
-- recorded result, append-only: a retest is a new result, the latest one counts.

CREATE TABLE certification_steps (
    id INTEGER PRIMARY KEY,
    level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
    code TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    added_by_organisation INTEGER NOT NULL CHECK (added_by_organisation IN (0, 1)),
    created_at TEXT NOT NULL
) STRICT;

INSERT INTO certification_steps (level, code, title, added_by_organisation, created_at) VALUES
    (1, '1a', 'Övergripande bedömning', 0, '2026-01-01T00:00:00Z'),
    (1, '1b', 'Test av hårdvaruspecifikationer (batteri, antenn, samtalskvalitet)', 0, '2026-01-01T00:00:00Z'),
    (1, '1c', 'Allmän utvärdering av hårdvaran', 0, '2026-01-01T00:00:00Z'),
    (2, '2a', 'Funktionstest i kända EMM/MDM-system', 0, '2026-01-01T00:00:00Z'),
    (2, '2b', 'Test av kritiska appar (e-post via ActiveSync, Teams)', 0, '2026-01-01T00:00:00Z'),
    (3, '3a', 'Test mot organisationens eget EMM/MDM', 0, '2026-01-01T00:00:00Z'),
    (3, '3b', 'Test mot organisationens egna appar', 0, '2026-01-01T00:00:00Z'),
    (3, '3c', 'Övriga funktioner i verklig miljö (växelprefix, certifikat, trådlösa nätverk)', 0, '2026-01-01T00:00:00Z');

CREATE TABLE certification_results (
    id INTEGER PRIMARY KEY,
    manufacturer TEXT NOT NULL,
    model TEXT NOT NULL,
    step_id INTEGER NOT NULL REFERENCES certification_steps (id),
    outcome TEXT NOT NULL CHECK (
        outcome = 'pass' OR outcome = 'fail' OR outcome = 'not_applicable'
    ),
    tester TEXT NOT NULL,
    at TEXT NOT NULL,
    note TEXT,
    recorded_by TEXT NOT NULL
) STRICT;
CREATE INDEX certification_results_model ON certification_results (manufacturer, model, id);
CREATE TRIGGER certification_results_append_only_update BEFORE UPDATE ON certification_results
BEGIN
    SELECT RAISE(ABORT, 'certification results are append-only');
END;
CREATE TRIGGER certification_results_append_only_delete BEFORE DELETE ON certification_results
BEGIN
    SELECT RAISE(ABORT, 'certification results are append-only');
END;
