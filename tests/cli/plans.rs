//! Scenarios, restore points and undo from the command line.


use serde_json::Value;

use crate::support::*;

#[test]
fn scenarios_are_saved_compared_and_opened() {
    let (dir, ws) = demo();
    ok(opmodel(&ws, &["scenario", "save", "as-is"]));
    ok(opmodel(&ws, &["settings", "set", "developer_standby_rate", "600/week"]));
    let csv = dir.path().join("bedroom.csv");
    std::fs::write(&csv, "name,kind,team,domain,exposure_per_hour,feature_demand\nbedroom,digital,bedroom-team,home-shopping,300000,very high\n").unwrap();
    ok(opmodel(&ws, &["import", "services", csv.to_str().unwrap()]));
    ok(opmodel(&ws, &["scenario", "save", "to-be"]));
    let c: Value = serde_json::from_str(&ok(opmodel(&ws, &["scenario", "compare", "as-is", "to-be", "--format", "json"]))).unwrap();
    let measure = |name: &str| c["summary"].as_array().unwrap().iter().find(|m| m["measure"] == name).unwrap_or_else(|| panic!("no {name}")).clone();
    // As-is: 26,000 for bedroom's schedules and 26,000 for the rota. To-be: bedroom at 300,000
    // is 99.9%, its team's schedule all year at 600 a week: 31,200, beside the same rota.
    let total = measure("Budget total");
    assert_eq!((total["a"].as_str(), total["b"].as_str(), total["change"].as_str()), (Some("52000.00"), Some("57200.00"), Some("5200.00")));
    assert_eq!(measure("Head of Product total")["b"], "31200.00");
    assert_eq!((measure("Out-of-hours schedules")["a"].as_str(), measure("Out-of-hours schedules")["b"].as_str()), (Some("3"), Some("2")));
    let diffs = c["services"].as_array().unwrap();
    let bedroom = |field: &str| diffs.iter().find(|d| d["name"] == "bedroom" && d["field"] == field).cloned();
    assert_eq!(bedroom("availability_target").map(|d| (d["a"].clone(), d["b"].clone())), Some((Value::from("99.0"), Value::from("99.9"))));
    assert_eq!(bedroom("on_call_out_of_hours").map(|d| d["b"].clone()), Some(Value::from("team")));
    assert!(diffs.iter().all(|d| d["name"] != "appointments"), "only what differs");
    let (header, rows) = parse_csv(&ok(opmodel(&ws, &["scenario", "compare", "as-is", "current", "--format", "csv"])));
    assert_eq!(header[3..5], ["as-is".to_string(), "current".to_string()]);
    assert!(rows.iter().any(|r| r[1] == "Budget total" && r[5] == "5200.00"));
    let pdf = dir.path().join("compare.pdf");
    ok(opmodel(&ws, &["scenario", "compare", "as-is", "to-be", "--format", "pdf", "--out", pdf.to_str().unwrap()]));
    let text = pdf_text(&pdf);
    assert!(text.contains("Plans compared") && text.contains("57,200.00") && text.contains("5,200.00"), "{text}");

    // Opening as-is brings its plan back, the working plan kept as a restore point.
    ok(opmodel(&ws, &["scenario", "open", "as-is"]));
    assert_eq!(find(&services(&ws), "bedroom")["exposure_per_hour"], "200000.00");
    let history: Value = serde_json::from_str(&ok(opmodel(&ws, &["history", "list", "--format", "json"]))).unwrap();
    assert_eq!(history[0]["before"], "scenario open as-is");
    assert!(ok(opmodel(&ws, &["scenario", "list"])).contains("to-be"));
    // Bad names change nothing.
    let before = ok(opmodel(&ws, &["history", "list", "--format", "json"]));
    for args in [&["scenario", "open", "nope"][..], &["scenario", "delete", "nope"], &["scenario", "compare", "as-is", "nope", "--format", "json"], &["history", "restore", "9999"]] {
        let out = opmodel(&ws, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(stderr(&out).contains("nope") || stderr(&out).contains("9999"), "{}", stderr(&out));
    }
    assert_eq!(ok(opmodel(&ws, &["history", "list", "--format", "json"])), before);
    // Rename and copy: the plan goes with the name; a name in use, or none, is refused and changes nothing.
    ok(opmodel(&ws, &["scenario", "rename", "to-be", "domain rotas"]));
    ok(opmodel(&ws, &["scenario", "copy", "domain rotas", "domain rotas, 600 a week"]));
    let names = |list: &str| list.lines().map(|l| l.split('\t').next().unwrap().to_string()).collect::<Vec<_>>();
    let list = ok(opmodel(&ws, &["scenario", "list"]));
    assert_eq!(names(&list).iter().filter(|n| n.starts_with("domain rotas")).count(), 2, "{list}");
    assert!(!names(&list).contains(&"to-be".to_string()), "{list}");
    let same = |a: &str, b: &str| {
        let c: Value = serde_json::from_str(&ok(opmodel(&ws, &["scenario", "compare", a, b, "--format", "json"]))).unwrap();
        c["services"].as_array().map_or(0, |v| v.len()) == 0
    };
    assert!(same("domain rotas", "domain rotas, 600 a week"), "a copy is the same plan");
    assert!(!same("as-is", "domain rotas"), "the renamed plan is still to-be's");
    for args in [&["scenario", "rename", "as-is", "domain rotas"][..], &["scenario", "copy", "nope", "x"], &["scenario", "rename", "as-is", "current"], &["scenario", "copy", "as-is", ""]] {
        let out = opmodel(&ws, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(!stderr(&out).is_empty(), "{args:?} says why");
    }
    assert_eq!(ok(opmodel(&ws, &["scenario", "list"])), list, "refused renames and copies change nothing");
    ok(opmodel(&ws, &["scenario", "delete", "domain rotas"]));
    assert!(!names(&ok(opmodel(&ws, &["scenario", "list"]))).contains(&"domain rotas".to_string()));
}

#[test]
fn a_wrong_import_is_one_restore_away_and_the_oldest_restore_points_go() {
    let (dir, ws) = demo();
    let csv = dir.path().join("wrong.csv");
    std::fs::write(&csv, "name,kind,team,exposure_per_hour,feature_demand\nbedroom,digital,bedroom-team,1,low\n").unwrap();
    ok(opmodel(&ws, &["import", "services", csv.to_str().unwrap()]));
    assert_eq!(find(&services(&ws), "bedroom")["exposure_per_hour"], "1.00");
    let history: Value = serde_json::from_str(&ok(opmodel(&ws, &["history", "list", "--format", "json"]))).unwrap();
    assert_eq!(history[0]["before"], "import services wrong.csv");
    let id = history[0]["id"].as_i64().unwrap().to_string();
    ok(opmodel(&ws, &["history", "restore", &id]));
    assert_eq!(find(&services(&ws), "bedroom")["exposure_per_hour"], "200000.00");
    let history: Value = serde_json::from_str(&ok(opmodel(&ws, &["history", "list", "--format", "json"]))).unwrap();
    assert_eq!(history[0]["before"], format!("history restore {id}"));
    // demo --force keeps what it replaces, and a refused file takes no restore point.
    ok(opmodel(&ws, &["demo", "--force"]));
    std::fs::write(&csv, "name,kind,team,exposure_per_hour,feature_demand\nbedroom,digital,bedroom-team,12k,low\n").unwrap();
    assert_eq!(opmodel(&ws, &["import", "services", csv.to_str().unwrap()]).status.code(), Some(1));
    let history: Value = serde_json::from_str(&ok(opmodel(&ws, &["history", "list", "--format", "json"]))).unwrap();
    assert_eq!(history[0]["before"], "demo --force");
    // Fifty are kept, the oldest dropped.
    std::fs::write(&csv, "name,funding,on_call_participants\nbedroom-team,product,6\n").unwrap();
    for _ in 0..50 {
        ok(opmodel(&ws, &["import", "teams", csv.to_str().unwrap()]));
    }
    let history: Value = serde_json::from_str(&ok(opmodel(&ws, &["history", "list", "--format", "json"]))).unwrap();
    assert_eq!(history.as_array().unwrap().len(), 50);
    assert!(history.as_array().unwrap().iter().all(|p| p["before"] == "import teams wrong.csv"));
}

#[test]
fn undo_and_redo_take_back_and_make_again_the_newest_edit() {
    let (_dir, ws) = demo();
    ok(opmodel(&ws, &["settings", "set", "callout_hours", "3"]));
    assert_eq!(ok(opmodel(&ws, &["undo"])).trim(), "undone: change the setting callout_hours");
    assert!(ok(opmodel(&ws, &["settings", "list"])).contains("callout_hours = 2"), "back to the default");
    assert_eq!(ok(opmodel(&ws, &["redo"])).trim(), "redone: change the setting callout_hours");
    assert!(ok(opmodel(&ws, &["settings", "list"])).contains("callout_hours = 3"));
    let out = opmodel(&ws, &["redo"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("nothing to redo"), "{}", stderr(&out));
}
