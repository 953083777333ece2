//! The workspace file: migrations, refusing files that are not ours, and
//! nothing lost or half-written.

use std::path::Path;

use opmodel_core::store::{latest_schema_version, APPLICATION_ID};
use opmodel_core::portfolio::Portfolio;
use opmodel_core::{demo, import, report, Error, Workspace};

fn siblings(path: &Path) -> Vec<String> {
    let dir = path.parent().unwrap();
    let mut names: Vec<String> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn a_new_workspace_gets_every_migration_and_our_application_id() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.opmodel");
    let ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.services().unwrap().len(), 0);
    assert_eq!(ws.settings().unwrap().currency, "GBP");
    drop(ws);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    let app_id: i64 = conn.pragma_query_value(None, "application_id", |r| r.get(0)).unwrap();
    assert_eq!((version, app_id as u32), (latest_schema_version(), APPLICATION_ID));
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").unwrap()
        .query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    assert_eq!(
        tables,
        ["domains", "incidents", "map_positions", "peak_periods", "services", "settings", "snapshots", "teams", "undo_log", "undo_state", "undo_steps"]
    );
    let fk: i64 = conn.pragma_query_value(None, "foreign_key_check", |r| r.get(0)).unwrap_or(0);
    assert_eq!(fk, 0);
    // Opening again applies nothing new and keeps the data.
    drop(conn);
    let mut ws = Workspace::open(&path).unwrap();
    demo::write_example(&mut ws, false).unwrap();
    drop(ws);
    assert_eq!(Workspace::open(&path).unwrap().services().unwrap().len(), 3);
    assert!(!siblings(&path).iter().any(|n| n.contains("creating")), "{:?}", siblings(&path));
}

fn assert_refused_untouched(path: &Path, expect_code: &str) {
    let before = std::fs::read(path).unwrap();
    let names_before = siblings(path);
    let err = Workspace::open(path).err().expect("refused");
    assert_eq!(err.code(), expect_code, "{err}");
    assert!(err.to_string().contains("left untouched"), "{err}");
    assert_eq!(std::fs::read(path).unwrap(), before, "bytes changed");
    assert_eq!(siblings(path), names_before, "a file was left beside it");
}

#[test]
fn a_file_that_is_not_a_workspace_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.opmodel");
    std::fs::write(&text, "name,kind\nnot,a database\n").unwrap();
    assert_refused_untouched(&text, "not_a_workspace");

    let empty = dir.path().join("empty.opmodel");
    std::fs::write(&empty, b"").unwrap();
    assert_refused_untouched(&empty, "not_a_workspace");

    // A real SQLite database of another application, in WAL mode.
    let other = dir.path().join("other.db");
    {
        let conn = rusqlite::Connection::open(&other).unwrap();
        conn.execute_batch("PRAGMA journal_mode=WAL; CREATE TABLE t(x); INSERT INTO t VALUES (1);").unwrap();
    }
    assert_refused_untouched(&other, "not_a_workspace");
}

#[test]
fn a_workspace_from_a_newer_opmodel_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.opmodel");
    drop(Workspace::open(&path).unwrap());
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
        conn.pragma_update(None, "user_version", latest_schema_version() + 1).unwrap();
    }
    assert_refused_untouched(&path, "newer_schema");
}

#[test]
fn a_failed_import_leaves_the_workspace_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.opmodel");
    let mut ws = Workspace::open(&path).unwrap();
    demo::write_example(&mut ws, false).unwrap();
    let before = report::services_json(&Portfolio::load(&ws).unwrap());
    let csv = dir.path().join("services.csv");
    // Row 2 is good and would update bedroom; row 3 is bad.
    std::fs::write(&csv, "name,kind,team,domain,exposure_per_hour,feature_demand\nbedroom,digital,bedroom-team,home-shopping,1,Low\nnew,digital,t,,12k,High\n").unwrap();
    let err = import::import_services(&mut ws, &csv).unwrap_err();
    assert!(matches!(err, Error::Invalid(_)));
    assert!(err.to_string().contains("row 3, column exposure_per_hour: '12k'"), "{err}");
    assert_eq!(report::services_json(&Portfolio::load(&ws).unwrap()), before);
    assert!(ws.teams().unwrap().iter().all(|t| t.name != "t"));
}

#[test]
fn an_import_preview_says_what_would_change_and_stores_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.opmodel");
    let mut ws = Workspace::open(&path).unwrap();
    demo::write_example(&mut ws, false).unwrap();
    let csv = dir.path().join("services.csv");
    std::fs::write(&csv, "name,kind,team,domain,exposure_per_hour,feature_demand\nbedroom,Digital service,bedroom-team,home-shopping,210000,Very High\nbasket,digital,checkout team,checkout,90000,high\n").unwrap();
    let before = report::services_json(&Portfolio::load(&ws).unwrap());
    let p = import::preview(&ws, import::ImportKind::Services, &csv).unwrap();
    assert_eq!((p.added, p.updated), (vec!["basket".to_string()], vec!["bedroom".to_string()]));
    assert_eq!((p.new_teams, p.new_domains), (vec!["checkout team".to_string()], vec!["checkout".to_string()]));
    assert!(p.problems.is_empty());
    std::fs::write(&csv, "name,kind,team,exposure_per_hour,feature_demand\nbasket,digital,t,12k,high\n").unwrap();
    let p = import::preview(&ws, import::ImportKind::Services, &csv).unwrap();
    assert_eq!(p.problems.len(), 1);
    assert!(p.problems[0].contains("row 2, column exposure_per_hour: '12k'"), "{:?}", p.problems);
    assert_eq!(report::services_json(&Portfolio::load(&ws).unwrap()), before);
}

#[test]
fn a_service_edit_never_creates_a_team_or_domain_silently() {
    use opmodel_core::input::{save_service, NewOwners, ServiceInput};
    use opmodel_core::organisation::{DomainInput, TeamInput};
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(&dir.path().join("plan.opmodel")).unwrap();
    demo::write_example(&mut ws, false).unwrap();
    let bedroom = ws.services().unwrap().into_iter().find(|s| s.name == "bedroom").unwrap();
    let mut input = ServiceInput::from_service(&bedroom);
    input.team = "bedroom team".into();
    let err = save_service(&mut ws, Some(bedroom.id), &input, &NewOwners::default()).unwrap_err();
    assert_eq!(err.code(), "unknown_team");
    let app = opmodel_core::AppError::from(err);
    assert_eq!((app.name.as_deref(), app.suggestions.as_slice()), (Some("bedroom team"), ["bedroom-team".to_string()].as_slice()));
    assert!(ws.teams().unwrap().iter().all(|t| t.name != "bedroom team"), "nothing was created");

    // Said what it is, the team is created with the edit, in one transaction.
    let team = TeamInput { name: "bedroom team".into(), funding: "it".into(), on_call_participants: "4".into() };
    save_service(&mut ws, Some(bedroom.id), &input, &NewOwners { team: Some(team), domain: None }).unwrap();
    let created = ws.teams().unwrap().into_iter().find(|t| t.name == "bedroom team").unwrap();
    assert_eq!(created.on_call_participants, 4);

    input.domain = Some("home shopping".into());
    assert_eq!(save_service(&mut ws, Some(bedroom.id), &input, &NewOwners::default()).unwrap_err().code(), "unknown_domain");
    let domain = DomainInput { name: "home shopping".into(), kind: "architecture".into(), on_call_budget_holder: "head_of_delivery".into() };
    save_service(&mut ws, Some(bedroom.id), &input, &NewOwners { team: None, domain: Some(domain) }).unwrap();
    assert!(ws.domains().unwrap().iter().any(|d| d.name == "home shopping"));
}

#[test]
fn a_schema_1_workspace_is_brought_up_to_date_and_keeps_its_plan() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.opmodel");
    let mut ws = Workspace::open(&path).unwrap();
    demo::write_example(&mut ws, false).unwrap();
    let before = report::services_json(&Portfolio::load(&ws).unwrap());
    drop(ws);
    {
        // As the previous version wrote it: schema 1, no map positions.
        let conn = rusqlite::Connection::open(&path).unwrap();
        let triggers: Vec<String> =
            conn.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger'").unwrap().query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
        for t in triggers {
            conn.execute_batch(&format!("DROP TRIGGER {t}")).unwrap();
        }
        conn.execute_batch("DROP TABLE undo_log; DROP TABLE undo_steps; DROP TABLE undo_state; DROP TABLE snapshots; DROP TABLE incidents; DROP TABLE map_positions; PRAGMA user_version = 1;").unwrap();
    }
    let ws = Workspace::open_existing(&path).unwrap();
    assert_eq!(report::services_json(&Portfolio::load(&ws).unwrap()), before);
    assert!(ws.positions().unwrap().is_empty() && ws.incidents().unwrap().is_empty());
    let version: i64 = rusqlite::Connection::open(&path).unwrap().pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(version, latest_schema_version());
    // A restore point was taken before the migration, holding the plan as it was.
    let points = opmodel_core::snapshot::restore_points(&ws).unwrap();
    assert_eq!(points[0].before, format!("schema migration from 1 to {}", latest_schema_version()));
    assert_eq!(points[0].services, 3);
}

#[test]
fn save_as_writes_a_consistent_copy_that_opens_on_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.opmodel");
    let mut ws = Workspace::open(&path).unwrap();
    demo::write_example(&mut ws, false).unwrap();
    let copy = dir.path().join("copy.opmodel");
    ws.save_copy(&copy).unwrap();
    assert_eq!(siblings(&path), ["copy.opmodel", "plan.opmodel"]);
    let opened = Workspace::open_existing(&copy).unwrap();
    assert_eq!(opened.services().unwrap().len(), 3);
    // An existing file is never overwritten.
    assert_eq!(ws.save_copy(&copy).unwrap_err().code(), "conflict");
}

#[test]
fn a_committed_edit_survives_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.opmodel");
    let mut ws = Workspace::open(&path).unwrap();
    demo::write_example(&mut ws, false).unwrap();
    // No close, as after a kill.
    std::mem::forget(ws);
    let ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.services().unwrap().len(), 3);
}

#[test]
fn the_workspace_file_alone_holds_every_committed_edit_while_it_is_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.opmodel");
    let mut ws = Workspace::open(&path).unwrap();
    demo::write_example(&mut ws, false).unwrap();
    ws.set_setting("developer_standby_rate", "600/week").unwrap();
    // Mid-session, with the workspace still open: only the one file is there,
    // and a copy of it alone opens with every edit.
    assert_eq!(siblings(&path), ["plan.opmodel"]);
    let copy_dir = tempfile::tempdir().unwrap();
    let copy = copy_dir.path().join("copy.opmodel");
    std::fs::copy(&path, &copy).unwrap();
    let reopened = Workspace::open_existing(&copy).unwrap();
    assert_eq!(reopened.services().unwrap().len(), 3);
    assert_eq!(reopened.settings().unwrap().value("developer_standby_rate").unwrap(), "600/week");
    drop(ws);
    assert_eq!(siblings(&path), ["plan.opmodel"]);
}

#[test]
fn a_file_left_in_wal_mode_is_folded_into_its_main_file_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.opmodel");
    drop(Workspace::open(&old).unwrap());
    // As an earlier version left it after a kill: WAL mode, an edit still in
    // the -wal file. The files are copied while the connection is open.
    let conn = rusqlite::Connection::open(&old).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
    conn.execute("INSERT INTO settings(key, value) VALUES ('currency', 'EUR')", []).unwrap();
    let left = tempfile::tempdir().unwrap();
    let path = left.path().join("plan.opmodel");
    std::fs::copy(&old, &path).unwrap();
    std::fs::copy(dir.path().join("old.opmodel-wal"), left.path().join("plan.opmodel-wal")).unwrap();
    drop(conn);
    let ws = Workspace::open_existing(&path).unwrap();
    assert_eq!(ws.settings().unwrap().currency, "EUR");
    assert_eq!(siblings(&path), ["plan.opmodel"]);
}

#[test]
fn creating_over_an_existing_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.opmodel");
    std::fs::write(&path, "precious").unwrap();
    let err = Workspace::create(&path).err().unwrap();
    assert_eq!(err.code(), "conflict");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "precious");
}

#[test]
fn a_workspace_in_a_missing_folder_is_a_clear_error_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-folder").join("plan.opmodel");
    let err = Workspace::open(&path).err().unwrap();
    assert_eq!(err.code(), "io", "{err}");
    assert!(err.to_string().contains("no-such-folder"), "{err}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}
