-- Schema 3: the incident log. Each incident keeps what its service was on
-- that date (exposure, target, operating model, team and domain), so later
-- edits to the service never rewrite history; deleting a service keeps its
-- incidents. Money in integer minor units; the duration in seconds, exact.
CREATE TABLE incidents (
    id                  INTEGER PRIMARY KEY,
    service             TEXT NOT NULL,
    team                TEXT NOT NULL,
    domain              TEXT,
    started_at          TEXT NOT NULL,
    duration_seconds    TEXT NOT NULL,
    loss_minor          INTEGER CHECK (loss_minor >= 0),
    exposure_minor      INTEGER NOT NULL CHECK (exposure_minor >= 0),
    availability_target TEXT NOT NULL,
    operating_model     TEXT NOT NULL CHECK (operating_model IN ('ops_run_it', 'you_build_it_you_run_it'))
) STRICT;

CREATE INDEX incidents_by_start ON incidents (started_at);
