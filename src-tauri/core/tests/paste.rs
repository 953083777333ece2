//! Rows pasted from a spreadsheet: checked first, with each problem by row
//! and column, then applied as one edit (undone as one), or not at all; and
//! a restore point before each change of many rows.

use opmodel_core::import::{apply_paste, preview_paste, Paste};
use opmodel_core::{demo, snapshot, undo, Workspace};

fn paste(rows: &[&[&str]]) -> Paste {
    Paste {
        columns: ["name", "kind", "team", "exposure_per_hour", "feature_demand"].map(String::from).to_vec(),
        rows: rows.iter().map(|r| r.iter().map(|c| c.to_string()).collect()).collect(),
    }
}

#[test]
fn a_pasted_block_is_checked_by_row_and_column_then_applied_as_one_edit() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(&dir.path().join("paste.opmodel")).unwrap();
    demo::write_example(&mut ws, false).unwrap();

    let bad = paste(&[&["chairs", "digital", "chairs-team", "9000", "high"], &["tables", "digital", "chairs-team", "lots", "high"], &["bedroom", "digital", "bedroom-team", "300000", "very high"]]);
    let preview = preview_paste(&ws, &bad).unwrap();
    assert_eq!(preview.problems.len(), 1, "{:?}", preview.problems);
    let problem = &preview.problems[0];
    assert!(problem.contains("the pasted rows") && problem.contains("row 2") && problem.contains("exposure_per_hour") && problem.contains("lots"), "{problem}");
    assert!(apply_paste(&mut ws, &bad).is_err());
    assert_eq!(ws.services().unwrap().len(), 3, "a refused paste changes nothing");
    assert!(snapshot::restore_points(&ws).unwrap().is_empty(), "not even the history");

    let good = paste(&[&["chairs", "digital", "chairs-team", "9000", "high"], &["tables", "digital", "chairs-team", "12000", "high"], &["bedroom", "digital", "bedroom-team", "300000", "very high"]]);
    let preview = preview_paste(&ws, &good).unwrap();
    assert_eq!((preview.added.clone(), preview.updated.clone(), preview.new_teams.clone()), (vec!["chairs".to_string(), "tables".into()], vec!["bedroom".to_string()], vec!["chairs-team".to_string()]));
    let summary = apply_paste(&mut ws, &good).unwrap();
    assert_eq!((summary.added, summary.updated), (2, 1));
    let bedroom = ws.services().unwrap().into_iter().find(|s| s.name == "bedroom").unwrap();
    assert_eq!(bedroom.exposure_per_hour.to_string(), "300000.00");
    assert!(bedroom.peak.is_some(), "what the block does not mention is kept");
    assert_eq!(snapshot::restore_points(&ws).unwrap()[0].before, "paste 3 rows");

    assert_eq!(undo::undo(&mut ws).unwrap(), "paste 3 rows");
    assert_eq!(ws.services().unwrap().len(), 3, "one undo takes back the whole paste");
}

#[test]
fn cells_that_do_not_fit_their_columns_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open(&dir.path().join("paste.opmodel")).unwrap();
    let ragged = Paste { columns: vec!["name".into(), "colour".into()], rows: vec![vec!["a".into()]] };
    let problems = preview_paste(&ws, &ragged).unwrap().problems;
    assert!(problems.iter().any(|p| p.contains("colour")), "{problems:?}");
    assert!(problems.iter().any(|p| p.contains("row 1") && p.contains("2 cells")), "{problems:?}");
}

#[test]
fn deleting_a_domain_of_several_services_keeps_a_restore_point_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(&dir.path().join("release.opmodel")).unwrap();
    demo::write_example(&mut ws, false).unwrap();
    assert!(opmodel_core::map::release_domain(&mut ws, "nowhere").is_err());
    assert!(snapshot::restore_points(&ws).unwrap().is_empty(), "a refused delete keeps no restore point");
    opmodel_core::map::release_domain(&mut ws, "home-shopping").unwrap();
    assert!(ws.services().unwrap().iter().all(|s| s.domain.is_none()));
    let point = &snapshot::restore_points(&ws).unwrap()[0];
    assert_eq!(point.before, "delete the domain home-shopping (2 services)");
    snapshot::restore(&mut ws, point.id).unwrap();
    assert_eq!(ws.services().unwrap().iter().filter(|s| s.domain.as_deref() == Some("home-shopping")).count(), 2);
}
