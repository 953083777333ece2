-- Schema 1 of an opmodel workspace. Money is stored in integer minor units.
PRAGMA application_id = 1330662724; -- "OPMD"

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE teams (
    id                   INTEGER PRIMARY KEY,
    name                 TEXT NOT NULL UNIQUE,
    funding              TEXT NOT NULL CHECK (funding IN ('product', 'it', 'operations')),
    on_call_participants INTEGER NOT NULL CHECK (on_call_participants >= 0)
) STRICT;

CREATE TABLE domains (
    id                    INTEGER PRIMARY KEY,
    name                  TEXT NOT NULL UNIQUE,
    kind                  TEXT NOT NULL CHECK (kind IN ('product', 'architecture', 'geography', 'technology')),
    on_call_budget_holder TEXT NOT NULL CHECK (on_call_budget_holder IN ('head_of_product', 'head_of_delivery'))
) STRICT;

CREATE TABLE services (
    id                  INTEGER PRIMARY KEY,
    name                TEXT NOT NULL UNIQUE,
    kind                TEXT NOT NULL CHECK (kind IN ('digital', 'foundational')),
    team_id             INTEGER NOT NULL REFERENCES teams (id),
    domain_id           INTEGER REFERENCES domains (id),
    exposure_minor      INTEGER NOT NULL CHECK (exposure_minor >= 0),
    feature_demand      TEXT NOT NULL,
    peak_exposure_minor INTEGER CHECK (peak_exposure_minor >= 0),
    incidents_per_year  TEXT NOT NULL DEFAULT '0',
    model_override      TEXT CHECK (model_override IN ('ops_run_it', 'you_build_it_you_run_it')),
    override_reason     TEXT,
    CHECK ((model_override IS NULL) = (override_reason IS NULL))
) STRICT;

CREATE TABLE peak_periods (
    service_id INTEGER NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    start_date TEXT NOT NULL,
    end_date   TEXT NOT NULL,
    CHECK (start_date <= end_date)
) STRICT;

CREATE INDEX peak_periods_by_service ON peak_periods (service_id);
CREATE INDEX services_by_team ON services (team_id);
CREATE INDEX services_by_domain ON services (domain_id);
