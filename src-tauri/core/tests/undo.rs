//! Undo and redo across every kind of edit, and across a restart: each
//! undo brings back exactly the tables as they were before that edit.

use std::path::Path;

use opmodel_core::map::Position;
use opmodel_core::model::{Domain, Team};
use opmodel_core::money::Money;
use opmodel_core::{demo, import, snapshot, undo, Workspace};

/// The tables undo looks after: every plan table and the incident log.
const TRACKED: [&str; 7] = ["settings", "teams", "domains", "services", "peak_periods", "map_positions", "incidents"];

/// Every row of every tracked table, as text: two states are the same plan when these are equal.
fn fingerprint(path: &Path) -> String {
    let c = rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let mut out = String::new();
    for t in TRACKED {
        let mut stmt = c.prepare(&format!("SELECT * FROM {t} ORDER BY rowid")).unwrap();
        let n = stmt.column_count();
        let rows = stmt.query_map([], |r| Ok((0..n).map(|i| format!("{:?}", r.get_ref(i).unwrap())).collect::<Vec<_>>().join("|"))).unwrap();
        out += &format!("{t}:\n");
        for r in rows {
            out += &(r.unwrap() + "\n");
        }
    }
    out
}

fn example(dir: &Path) -> (Workspace, std::path::PathBuf) {
    let path = dir.join("undo.opmodel");
    let mut ws = Workspace::open(&path).unwrap();
    demo::write_example(&mut ws, false).unwrap();
    (ws, path)
}

fn service(ws: &Workspace, name: &str) -> opmodel_core::model::Service {
    ws.services().unwrap().into_iter().find(|s| s.name == name).unwrap()
}

#[test]
fn every_kind_of_edit_is_undone_and_redone_even_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let (mut ws, path) = example(dir.path());
    let csv = dir.path().join("more.csv");
    std::fs::write(&csv, "name,kind,team,domain,exposure_per_hour,feature_demand\nbedroom,digital,bedroom-team,home-shopping,1,low\nchairs,digital,chairs-team,,9000,high\n").unwrap();
    let incidents = dir.path().join("incidents.csv");
    std::fs::write(&incidents, "service,started_at,duration_minutes,loss\nbedroom,2026-11-24T21:15,30,\nappointments,2026-11-25T10:00,5,100\n").unwrap();

    let edits: Vec<(&str, Box<dyn Fn(&mut Workspace)>)> = vec![
        ("a service's exposure", Box::new(|ws| {
            let mut s = service(ws, "bedroom");
            s.exposure_per_hour = Money::from_minor(40_000_000);
            ws.save_service(Some(s.id), &s).unwrap();
        })),
        ("a new service with a new team", Box::new(|ws| {
            let mut s = service(ws, "appointments");
            s.name = "wardrobes".into();
            s.team = "wardrobes-team".into();
            ws.save_service(None, &s).unwrap();
        })),
        ("a deleted service and its peak", Box::new(|ws| ws.delete_service(service(ws, "bedroom").id).unwrap())),
        ("a renamed team", Box::new(|ws| ws.save_team(Some("appointments-team"), &Team { name: "bookings-team".into(), ..ws.teams().unwrap()[0].clone() }).unwrap())),
        ("a new domain", Box::new(|ws| {
            let d = ws.domains().unwrap()[0].clone();
            ws.save_domain(None, &Domain { name: "stores".into(), ..d }).unwrap()
        })),
        ("map positions", Box::new(|ws| ws.save_positions(&[Position { node: "domain:stores".into(), x: 400, y: 20 }]).unwrap())),
        ("a renamed domain, its boxes following", Box::new(|ws| {
            let d = ws.domains().unwrap().into_iter().find(|d| d.name == "stores").unwrap();
            ws.save_domain(Some("stores"), &Domain { name: "shops".into(), ..d }).unwrap()
        })),
        ("a move between domains", Box::new(|ws| ws.move_services(&[service(ws, "appointments").id], Some("shops")).unwrap())),
        ("a deleted domain, its services released", Box::new(|ws| ws.delete_domain_releasing("home-shopping").unwrap())),
        ("a setting", Box::new(|ws| ws.set_setting("developer_standby_rate", "600/week").unwrap())),
        ("an import", Box::new(move |ws| { import::import_services(ws, &csv).unwrap(); })),
        ("incidents", Box::new(move |ws| { opmodel_core::incident_log::import_incidents(ws, &incidents).unwrap(); })),
        ("a deleted incident", Box::new(|ws| { let id = ws.incidents().unwrap()[0].id; ws.delete_incident(id).unwrap() })),
        ("a scenario opened", Box::new(|ws| {
            snapshot::save_scenario(ws, "now").unwrap();
            ws.set_setting("callout_hours", "3").unwrap();
            snapshot::open_scenario(ws, "now").unwrap();
        })),
    ];

    let mut states = vec![fingerprint(&path)];
    for (what, edit) in &edits {
        edit(&mut ws);
        let now = fingerprint(&path);
        assert_ne!(&now, states.last().unwrap(), "{what} changed the plan");
        states.push(now);
    }
    // The last edit is two steps: a setting, then opening the scenario (its restore point is not an edit).
    assert_eq!(undo::state(&ws).unwrap().undo.as_deref(), Some("open the scenario now"));
    let n = edits.len();
    undo::undo(&mut ws).unwrap();
    undo::undo(&mut ws).unwrap();
    assert_eq!(fingerprint(&path), states[n - 1], "both steps of the scenario edit undone");
    drop(ws);

    // Across a restart: reopen, undo the rest one at a time, newest first.
    let mut ws = Workspace::open(&path).unwrap();
    for k in (0..n - 1).rev() {
        let label = undo::undo(&mut ws).unwrap();
        assert_eq!(fingerprint(&path), states[k], "undoing {label:?} ({}) brings back the plan before it", edits[k].0);
    }
    assert_eq!(fingerprint(&path), states[0]);
    assert_eq!(undo::state(&ws).unwrap().undo.as_deref(), Some("load the example"), "what came before the edits");

    // Redo them all, across a restart halfway.
    for k in 1..n / 2 {
        undo::redo(&mut ws).unwrap();
        assert_eq!(fingerprint(&path), states[k], "redoing {}", edits[k - 1].0);
    }
    drop(ws);
    let mut ws = Workspace::open(&path).unwrap();
    for k in n / 2..n {
        undo::redo(&mut ws).unwrap();
        assert_eq!(fingerprint(&path), states[k], "redoing {}", edits[k - 1].0);
    }
    undo::redo(&mut ws).unwrap();
    undo::redo(&mut ws).unwrap();
    assert_eq!(fingerprint(&path), states[n], "the scenario edit redone");
    assert!(undo::redo(&mut ws).is_err(), "nothing more to redo");
}

#[test]
fn a_new_edit_clears_redo_and_a_refused_edit_is_no_step() {
    let dir = tempfile::tempdir().unwrap();
    let (mut ws, path) = example(dir.path());
    ws.set_setting("callout_hours", "3").unwrap();
    undo::undo(&mut ws).unwrap();
    assert_eq!(undo::state(&ws).unwrap().redo.as_deref(), Some("change the setting callout_hours"));
    ws.set_setting("callout_hours", "4").unwrap();
    assert_eq!(undo::state(&ws).unwrap().redo, None, "a new edit clears what could be redone");

    let before = (fingerprint(&path), undo::state(&ws).unwrap());
    assert!(ws.set_setting("callout_hours", "many").is_err());
    assert!(ws.delete_team("no-such-team").is_err());
    // Saving what is already there changes nothing, so it is no step either.
    ws.set_setting("callout_hours", "4").unwrap();
    assert_eq!((fingerprint(&path), undo::state(&ws).unwrap()), before);
}

#[test]
fn the_oldest_steps_go_past_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let (mut ws, path) = example(dir.path());
    let first = fingerprint(&path);
    for i in 0..undo::KEPT_STEPS + 5 {
        ws.set_setting("callout_hours", &(i % 7 + 1).to_string()).unwrap();
    }
    let mut undone = 0;
    while undo::undo(&mut ws).is_ok() {
        undone += 1;
    }
    assert_eq!(undone, undo::KEPT_STEPS);
    assert_ne!(fingerprint(&path), first, "the example itself is beyond the oldest step kept");
}

/// A later schema that adds a table or a column must give it undo triggers: this says which are missing.
#[test]
fn every_column_of_every_table_but_the_snapshots_has_undo_triggers() {
    let dir = tempfile::tempdir().unwrap();
    let (_ws, path) = example(dir.path());
    let c = rusqlite::Connection::open(&path).unwrap();
    let tables: Vec<String> = c
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'undo_%' AND name != 'snapshots' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let mut sorted = TRACKED.to_vec();
    sorted.sort();
    assert_eq!(tables, sorted, "the tables undo looks after");
    for t in &tables {
        let trigger = |kind: &str| -> String {
            c.query_row("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1", [format!("{t}_undo_{kind}")], |r| r.get(0)).unwrap_or_else(|_| panic!("{t}_undo_{kind} is missing"))
        };
        let (update, delete) = (trigger("update"), trigger("delete"));
        trigger("insert");
        let columns: Vec<String> = c.prepare(&format!("SELECT name FROM pragma_table_info('{t}')")).unwrap().query_map([], |r| r.get(0)).unwrap().collect::<rusqlite::Result<_>>().unwrap();
        for col in columns {
            assert!(update.contains(&format!("quote(old.{col})")), "{t}_undo_update takes back {col}");
            assert!(delete.contains(&format!("quote(old.{col})")), "{t}_undo_delete brings back {col}");
        }
    }
}
