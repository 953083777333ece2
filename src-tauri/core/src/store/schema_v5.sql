-- Schema 5: undo and redo that survive a restart. Every edit is one step;
-- triggers on each table of the plan (and the incident log) write the SQL
-- that takes each changed row back, so a step undoes exactly what its edit
-- changed, whatever the edit was. Undoing a step records its own inverse as
-- a redo step. `undo_state.recording` is the step being recorded (0: none).
-- Generated from the tables' columns; a test checks every column is covered.
CREATE TABLE undo_steps (
    step  INTEGER PRIMARY KEY,
    stack TEXT NOT NULL CHECK (stack IN ('undo', 'redo')),
    label TEXT NOT NULL,
    at    TEXT NOT NULL
) STRICT;

CREATE TABLE undo_log (
    seq  INTEGER PRIMARY KEY,
    step INTEGER NOT NULL,
    sql  TEXT NOT NULL
) STRICT;

CREATE INDEX undo_log_by_step ON undo_log (step);

CREATE TABLE undo_state (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    recording INTEGER NOT NULL
) STRICT;

INSERT INTO undo_state (id, recording) VALUES (1, 0);

CREATE TRIGGER settings_undo_insert AFTER INSERT ON settings WHEN (SELECT recording FROM undo_state) > 0 BEGIN
    INSERT INTO undo_log (step, sql) VALUES ((SELECT recording FROM undo_state), 'DELETE FROM settings WHERE rowid = ' || new.rowid);
END;

CREATE TRIGGER settings_undo_update AFTER UPDATE ON settings WHEN (SELECT recording FROM undo_state) > 0
    AND (old.key IS NOT new.key OR old.value IS NOT new.value) BEGIN
    INSERT INTO undo_log (step, sql) VALUES ((SELECT recording FROM undo_state), 'UPDATE settings SET key = ' || quote(old.key) || ', value = ' || quote(old.value) || ' WHERE rowid = ' || new.rowid);
END;

CREATE TRIGGER settings_undo_delete BEFORE DELETE ON settings WHEN (SELECT recording FROM undo_state) > 0 BEGIN
    INSERT INTO undo_log (step, sql) VALUES ((SELECT recording FROM undo_state), 'INSERT INTO settings (rowid, key, value) VALUES (' || old.rowid || ', ' || quote(old.key) || ', ' || quote(old.value) || ')');
END;

CREATE TRIGGER teams_undo_insert AFTER INSERT ON teams WHEN (SELECT recording FROM undo_state) > 0 BEGIN
    INSERT INTO undo_log (step, sql) VALUES ((SELECT recording FROM undo_state), 'DELETE FROM teams WHERE rowid = ' || new.rowid);
END;

CREATE TRIGGER teams_undo_update AFTER UPDATE ON teams WHEN (SELECT recording FROM undo_state) > 0
    AND (old.id IS NOT new.id OR old.name IS NOT new.name OR old.funding IS NOT new.funding OR old.on_call_participants IS NOT new.on_call_participants) BEGIN
    INSERT INTO undo_log (step, sql) VALUES ((SELECT recording FROM undo_state), 'UPDATE teams SET id = ' || quote(old.id) || ', name = ' || quote(old.name) || ', funding = ' || quote(old.funding) || ', on_call_participants = ' || quote(old.on_call_participants) || ' WHERE rowid = ' || new.rowid);
END;

CREATE TRIGGER teams_undo_delete BEFORE DELETE ON teams WHEN (SELECT recording FROM undo_state) > 0 BEGIN
    INSERT INTO undo_log (step, sql) VALUES ((SELECT recording FROM undo_state), 'INSERT INTO teams (rowid, id, name, funding, on_call_participants) VALUES (' || old.rowid || ', ' || quote(old.id) || ', ' || quote(old.name) || ', ' || quote(old.funding) || ', ' || quote(old.on_call_participants) || ')');
END;

CREATE TRIGGER domains_undo_insert AFTER INSERT ON domains WHEN (SELECT recording FROM undo_state) > 0 BEGIN
    INSERT INTO undo_log (step, sql) VALUES ((SELECT recording FROM undo_state), 'DELETE FROM domains WHERE rowid = ' || new.rowid);
END;

CREATE TRIGGER domains_undo_update AFTER UPDATE ON domains WHEN (SELECT recording FROM undo_state) > 0
    AND (old.id IS NOT new.id OR old.name IS NOT new.name OR old.kind IS NOT new.kind OR old.on_call_budget_holder IS NOT new.on_call_budget_holder) BEGIN
    INSERT INTO undo_log (step, sql) VALUES ((SELECT recording FROM undo_state), 'UPDATE domains SET id = ' || quote(old.id) || ', name = ' || quote(old.name) || ', kind = ' || quote(old.kind) || ', on_call_budget_holder = ' || quote(old.on_call_budget_holder) || ' WHERE rowid = ' || new.rowid);
END;

CREATE TRIGGER domains_undo_delete BEFORE DELETE ON domains WHEN (SELECT recording FROM undo_state) > 0 BEGIN
    INSERT INTO undo_log (step, sql) VALUES ((SELECT recording FROM undo_state), 'INSERT INTO domains (rowid, id, name, kind, on_call_budget_holder) VALUES (' || old.rowid || ', ' || quote(old.id) || ', ' || quote(old.name) || ', ' || quote(old.kind) || ', ' || quote(old.on_call_budget_holder) || ')');
END;

CREATE TRIGGER services_undo_insert AFTER INSERT ON services WHEN (SELECT recording FROM undo_state) > 0 BEGIN
    INSERT INTO undo_log (step, sql) VALUES ((SELECT recording FROM undo_state), 'DELETE FROM services WHERE rowid = ' || new.rowid);
END;

CREATE TRIGGER services_undo_update AFTER UPDATE ON services WHEN (SELECT recording FROM undo_state) > 0
    AND (old.id IS NOT new.id OR old.name IS NOT new.name OR old.kind IS NOT new.kind OR old.team_id IS NOT new.team_id OR old.domain_id IS NOT new.domain_id OR old.exposure_minor IS NOT new.exposure_minor OR old.feature_demand IS NOT new.feature_demand OR old.peak_exposure_minor IS NOT new.peak_exposure_minor OR old.incidents_per_year IS NOT new.incidents_per_year OR old.model_override IS NOT new.model_override OR old.override_reason IS NOT new.override_reason) BEGIN
    INSERT INTO undo_log (step, sql) VALUES ((SELECT recording FROM undo_state), 'UPDATE services SET id = ' || quote(old.id) || ', name = ' || quote(old.name) || ', kind = ' || quote(old.kind) || ', team_id = ' || quote(old.team_id) || ', domain_id = ' || quote(old.domain_id) || ', exposure_minor = ' || quote(old.exposure_minor) || ', feature_demand = ' || quote(old.feature_demand) || ', peak_exposure_minor = ' || quote(old.peak_exposure_minor) || ', incidents_per_year = ' || quote(old.incidents_per_year) || ', model_override = ' || quote(old.model_override) || ', override_reason = ' || quote(old.override_reason) || ' WHERE rowid = ' || new.rowid);
END;

CREATE TRIGGER services_undo_delete BEFORE DELETE ON services WHEN (SELECT recording FROM undo_state) > 0 BEGIN
    INSERT INTO undo_log (step, sql) VALUES ((SELECT recording FROM undo_state), 'INSERT INTO services (rowid, id, name, kind, team_id, domain_id, exposure_minor, feature_demand, peak_exposure_minor, incidents_per_year, model_override, override_reason) VALUES (' || old.rowid || ', ' || quote(old.id) || ', ' || quote(old.name) || ', ' || quote(old.kind) || ', ' || quote(old.team_id) || ', ' || quote(old.domain_id) || ', ' || quote(old.exposure_minor) || ', ' || quote(old.feature_demand) || ', ' || quote(old.peak_exposure_minor) || ', ' || quote(old.incidents_per_year) || ', ' || quote(old.model_override) || ', ' || quote(old.override_reason) || ')');
END;

CREATE TRIGGER peak_periods_undo_insert AFTER INSERT ON peak_periods WHEN (SELECT recording FROM undo_state) > 0 BEGIN
    INSERT INTO undo_log (step, sql) VALUES ((SELECT recording FROM undo_state), 'DELETE FROM peak_periods WHERE rowid = ' || new.rowid);
END;

CREATE TRIGGER peak_periods_undo_update AFTER UPDATE ON peak_periods WHEN (SELECT recording FROM undo_state) > 0
    AND (old.service_id IS NOT new.service_id OR old.start_date IS NOT new.start_date OR old.end_date IS NOT new.end_date) BEGIN
    INSERT INTO undo_log (step, sql) VALUES ((SELECT recording FROM undo_state), 'UPDATE peak_periods SET service_id = ' || quote(old.service_id) || ', start_date = ' || quote(old.start_date) || ', end_date = ' || quote(old.end_date) || ' WHERE rowid = ' || new.rowid);
END;

CREATE TRIGGER peak_periods_undo_delete BEFORE DELETE ON peak_periods WHEN (SELECT recording FROM undo_state) > 0 BEGIN
    INSERT INTO undo_log (step, sql) VALUES ((SELECT recording FROM undo_state), 'INSERT INTO peak_periods (rowid, service_id, start_date, end_date) VALUES (' || old.rowid || ', ' || quote(old.service_id) || ', ' || quote(old.start_date) || ', ' || quote(old.end_date) || ')');
END;

CREATE TRIGGER map_positions_undo_insert AFTER INSERT ON map_positions WHEN (SELECT recording FROM undo_state) > 0 BEGIN
    INSERT INTO undo_log (step, sql) VALUES ((SELECT recording FROM undo_state), 'DELETE FROM map_positions WHERE rowid = ' || new.rowid);
END;

CREATE TRIGGER map_positions_undo_update AFTER UPDATE ON map_positions WHEN (SELECT recording FROM undo_state) > 0
    AND (old.node IS NOT new.node OR old.x IS NOT new.x OR old.y IS NOT new.y) BEGIN
    INSERT INTO undo_log (step, sql) VALUES ((SELECT recording FROM undo_state), 'UPDATE map_positions SET node = ' || quote(old.node) || ', x = ' || quote(old.x) || ', y = ' || quote(old.y) || ' WHERE rowid = ' || new.rowid);
END;

CREATE TRIGGER map_positions_undo_delete BEFORE DELETE ON map_positions WHEN (SELECT recording FROM undo_state) > 0 BEGIN
    INSERT INTO undo_log (step, sql) VALUES ((SELECT recording FROM undo_state), 'INSERT INTO map_positions (rowid, node, x, y) VALUES (' || old.rowid || ', ' || quote(old.node) || ', ' || quote(old.x) || ', ' || quote(old.y) || ')');
END;

CREATE TRIGGER incidents_undo_insert AFTER INSERT ON incidents WHEN (SELECT recording FROM undo_state) > 0 BEGIN
    INSERT INTO undo_log (step, sql) VALUES ((SELECT recording FROM undo_state), 'DELETE FROM incidents WHERE rowid = ' || new.rowid);
END;

CREATE TRIGGER incidents_undo_update AFTER UPDATE ON incidents WHEN (SELECT recording FROM undo_state) > 0
    AND (old.id IS NOT new.id OR old.service IS NOT new.service OR old.team IS NOT new.team OR old.domain IS NOT new.domain OR old.started_at IS NOT new.started_at OR old.duration_seconds IS NOT new.duration_seconds OR old.loss_minor IS NOT new.loss_minor OR old.exposure_minor IS NOT new.exposure_minor OR old.availability_target IS NOT new.availability_target OR old.operating_model IS NOT new.operating_model) BEGIN
    INSERT INTO undo_log (step, sql) VALUES ((SELECT recording FROM undo_state), 'UPDATE incidents SET id = ' || quote(old.id) || ', service = ' || quote(old.service) || ', team = ' || quote(old.team) || ', domain = ' || quote(old.domain) || ', started_at = ' || quote(old.started_at) || ', duration_seconds = ' || quote(old.duration_seconds) || ', loss_minor = ' || quote(old.loss_minor) || ', exposure_minor = ' || quote(old.exposure_minor) || ', availability_target = ' || quote(old.availability_target) || ', operating_model = ' || quote(old.operating_model) || ' WHERE rowid = ' || new.rowid);
END;

CREATE TRIGGER incidents_undo_delete BEFORE DELETE ON incidents WHEN (SELECT recording FROM undo_state) > 0 BEGIN
    INSERT INTO undo_log (step, sql) VALUES ((SELECT recording FROM undo_state), 'INSERT INTO incidents (rowid, id, service, team, domain, started_at, duration_seconds, loss_minor, exposure_minor, availability_target, operating_model) VALUES (' || old.rowid || ', ' || quote(old.id) || ', ' || quote(old.service) || ', ' || quote(old.team) || ', ' || quote(old.domain) || ', ' || quote(old.started_at) || ', ' || quote(old.duration_seconds) || ', ' || quote(old.loss_minor) || ', ' || quote(old.exposure_minor) || ', ' || quote(old.availability_target) || ', ' || quote(old.operating_model) || ')');
END;
