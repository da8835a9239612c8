-- Flotta schema version 12: the organisation's planned lifetime per model, the default for a
-- bought unit whose purchase does not give one.

CREATE TABLE model_lifetimes (
    manufacturer TEXT NOT NULL,
    model TEXT NOT NULL,
    planned_lifetime_months INTEGER NOT NULL CHECK (planned_lifetime_months BETWEEN 1 AND 240),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    PRIMARY KEY (manufacturer, model)
) STRICT;
