-- Schema 4: scenarios and restore points. Each is a whole plan (settings,
-- teams, domains, services with their peaks and overrides, map positions;
-- never incidents), as deflated JSON.
CREATE TABLE snapshots (
    id       INTEGER PRIMARY KEY,
    kind     TEXT NOT NULL CHECK (kind IN ('scenario', 'restore_point')),
    name     TEXT,
    taken_at TEXT NOT NULL,
    before   TEXT NOT NULL,
    plan     BLOB NOT NULL,
    CHECK ((kind = 'scenario') = (name IS NOT NULL))
) STRICT;

CREATE UNIQUE INDEX scenarios_by_name ON snapshots (name) WHERE kind = 'scenario';
