//! The plan from the command line: the example, imports, settings and what is refused.

use std::process::Command;

use serde_json::Value;

use crate::support::*;

#[test]
fn the_furniture_retailer_reports_as_the_playbook_says() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("retailer.opmodel");
    ok(opmodel(&ws, &["demo"]));
    let all = services(&ws);
    assert_eq!(all.len(), 3);
    let e = find(&all, "ecommerce-platform");
    assert_eq!(e["kind"], "foundational");
    assert_eq!(e["exposure_per_hour"], "810000.00");
    assert_eq!(e["availability_target"], "99.9");
    assert_eq!(e["tolerable_unavailability_seconds"].as_f64(), Some(604.8));
    assert_eq!(e["above_highest_band"], true);
    assert_eq!(e["deployment_target"], "monthly");
    assert_eq!(e["operating_model"], "ops_run_it");
    assert_eq!(e["on_call_out_of_hours"], "app_support");
    assert_eq!(e["warnings"][0], "above the highest band: review, or consider 99.99%");
    let a = find(&all, "appointments");
    assert_eq!((a["availability_target"].as_str(), a["tolerable_unavailability"].as_str()), (Some("95.0"), Some("8:24:00")));
    assert_eq!((a["deployment_target"].as_str(), a["operating_model"].as_str()), (Some("weekly"), Some("you_build_it_you_run_it")));
    assert_eq!(a["on_call_out_of_hours"], "none");
    let b = find(&all, "bedroom");
    assert_eq!((b["availability_target"].as_str(), b["tolerable_unavailability"].as_str()), (Some("99.0"), Some("1:40:48")));
    assert_eq!((b["deployment_target"].as_str(), b["operating_model"].as_str()), (Some("daily"), Some("you_build_it_you_run_it")));
    assert_eq!(b["on_call_out_of_hours"], "domain");
    assert!(b["selection_reason"].as_str().unwrap().contains("selector step 3"));
    assert_eq!(b["peak"]["availability_target"], "99.9");
    assert_eq!(b["peak"]["on_call_out_of_hours"], "team");

    // A second demo would overwrite: refused without --force.
    let again = opmodel(&ws, &["demo"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("--force"));
    ok(opmodel(&ws, &["demo", "--force"]));
}

#[test]
fn a_99_99_band_changes_the_ecommerce_target() {
    let (_dir, ws) = demo();
    ok(opmodel(&ws, &["settings", "set", "exposure_bands", "7000=95.0,250000=99.0,800000=99.9,5000000=99.99"]));
    let all = services(&ws);
    let e = find(&all, "ecommerce-platform");
    assert_eq!((e["availability_target"].as_str(), e["above_highest_band"].as_bool()), (Some("99.99"), Some(false)));
    assert_eq!(e["tolerable_unavailability_seconds"].as_f64(), Some(60.48));
    assert_eq!(e["operating_model"], "you_build_it_you_run_it");
    assert_eq!(e["on_call_out_of_hours"], "team");
    let listed = ok(opmodel(&ws, &["settings", "list"]));
    assert!(listed.contains("exposure_bands = 7000=95.0,250000=99.0,800000=99.9,5000000=99.99\n"), "{listed}");
    assert!(listed.contains("currency = USD\n"));
}

#[test]
fn an_import_with_bom_and_crlf_adds_and_updates_by_name_and_reports_what_it_created() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.opmodel");
    let teams = dir.path().join("teams.csv");
    std::fs::write(&teams, "\u{feff}name,funding,on_call_participants\r\nbasket-team,it,4\r\n").unwrap();
    ok(opmodel(&ws, &["import", "teams", teams.to_str().unwrap()]));
    let csv = dir.path().join("services.csv");
    std::fs::write(
        &csv,
        "\u{feff}name,kind,team,domain,exposure_per_hour,feature_demand,peak_exposure_per_hour,peak_periods,out_of_hours_incidents_per_year\r\n\
         basket,digital,basket-team,checkout,250000.00,very high,900000,2026-11-23..2026-11-29;2026-12-14..2026-12-24,3\r\n\
         search,digital,search-team,,7000,medium,,,\r\n",
    )
    .unwrap();
    let out = opmodel(&ws, &["import", "services", csv.to_str().unwrap()]);
    let msg = stderr(&out);
    ok(out);
    assert!(msg.contains("2 added, 0 updated"), "{msg}");
    assert!(msg.contains("created teams") && msg.contains("search-team"), "{msg}");
    assert!(msg.contains("created domains") && msg.contains("checkout"), "{msg}");
    let all = services(&ws);
    let basket = find(&all, "basket");
    assert_eq!((basket["availability_target"].as_str(), basket["on_call_out_of_hours"].as_str()), (Some("99.0"), Some("domain")));
    assert_eq!(basket["peak_periods"], "2026-11-23..2026-11-29;2026-12-14..2026-12-24");
    let search = find(&all, "search");
    assert_eq!((search["operating_model"].as_str(), search["warnings"][0].as_str()),
        (Some("ops_run_it"), Some("low feature demand for a digital service: are we building the right thing?")));

    std::fs::write(&csv, "name,kind,team,exposure_per_hour,feature_demand\nsearch,digital,search-team,8000,high\n").unwrap();
    let out = opmodel(&ws, &["import", "services", csv.to_str().unwrap()]);
    assert!(stderr(&out).contains("0 added, 1 updated"));
    assert_eq!(find(&services(&ws), "search")["operating_model"], "you_build_it_you_run_it");
}

#[test]
fn a_bad_csv_changes_nothing_and_says_where_it_is_wrong() {
    let (dir, ws) = demo();
    let before = std::fs::read(&ws).unwrap();
    let csv = dir.path().join("bad.csv");
    std::fs::write(&csv, "name,kind,team,domain,exposure_per_hour,feature_demand\nbedroom,digital,bedroom-team,,1,low\nnew,website,t,,12k,urgent\n").unwrap();
    let out = opmodel(&ws, &["import", "services", csv.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let msg = stderr(&out);
    let file = csv.display().to_string();
    assert!(msg.contains(&format!("{file}, row 3, column kind: 'website' is not valid; expected digital or foundational")), "{msg}");
    assert!(msg.contains(&format!("{file}, row 3, column exposure_per_hour: '12k' is not valid; expected a plain decimal")), "{msg}");
    assert!(msg.contains("column feature_demand: 'urgent'"), "{msg}");
    assert_eq!(std::fs::read(&ws).unwrap(), before);
    assert_eq!(find(&services(&ws), "bedroom")["exposure_per_hour"], "200000.00");

    std::fs::write(&csv, "name,kind,colour\nx,digital,red\n").unwrap();
    let msg = stderr(&opmodel(&ws, &["import", "services", csv.to_str().unwrap()]));
    assert!(msg.contains("row 1, column 3: 'colour' is not valid; expected one of the columns"), "{msg}");
    assert!(msg.contains("column team"), "{msg}");

    std::fs::write(&csv, "name,funding,on_call_participants\nops,finance,-1\nops,it,2\n").unwrap();
    let msg = stderr(&opmodel(&ws, &["import", "teams", csv.to_str().unwrap()]));
    assert!(msg.contains("row 2, column funding: 'finance' is not valid; expected product, it or operations"), "{msg}");
    assert!(msg.contains("row 2, column on_call_participants: '-1'"), "{msg}");
    assert!(msg.contains("row 3, column name: 'ops' is not valid; expected a name not already used in row 2"), "{msg}");

    std::fs::write(&csv, "name,kind,on_call_budget_holder\nemea,geography,head_of_operations\n").unwrap();
    let msg = stderr(&opmodel(&ws, &["import", "domains", csv.to_str().unwrap()]));
    assert!(msg.contains("row 2, column on_call_budget_holder: 'head_of_operations' is not valid; expected head_of_product or head_of_delivery"), "{msg}");
    assert_eq!(std::fs::read(&ws).unwrap(), before);
}

#[test]
fn bad_settings_and_foreign_files_are_refused_with_status_1() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.opmodel");
    let out = opmodel(&ws, &["settings", "set", "developer_standby_rate", "lots"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("developer_standby_rate: 'lots' is not valid; expected AMOUNT/hour"), "{}", stderr(&out));
    let out = opmodel(&ws, &["settings", "set", "colour", "red"]);
    assert_eq!(out.status.code(), Some(1));

    let foreign = dir.path().join("budget.xlsx");
    std::fs::write(&foreign, b"PK\x03\x04 not ours").unwrap();
    let out = opmodel(&foreign, &["report", "services", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("is not an opmodel workspace"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&foreign).unwrap(), b"PK\x03\x04 not ours");
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.opmodel");
    assert_eq!(opmodel(&ws, &["report", "services", "--format", "xml"]).status.code(), Some(2));
    assert_eq!(opmodel(&ws, &["frobnicate"]).status.code(), Some(2));
    let no_ws = Command::new(env!("CARGO_BIN_EXE_opmodel")).args(["settings", "list"]).env_remove("OPMODEL_WORKSPACE").output().unwrap();
    assert_eq!(no_ws.status.code(), Some(2));
}

#[test]
fn failed_commands_leave_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    // A failed import into a workspace that did not exist does not create it.
    let fresh = dir.path().join("fresh.opmodel");
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "name,kind,team,exposure_per_hour,feature_demand\nx,website,t,1,low\n").unwrap();
    assert_eq!(opmodel(&fresh, &["import", "services", bad.to_str().unwrap()]).status.code(), Some(1));
    assert!(!fresh.exists());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "only bad.csv");

    // A report is never written over the workspace.
    let ws = dir.path().join("w.opmodel");
    ok(opmodel(&ws, &["demo"]));
    let before = services(&ws);
    let out = opmodel(&ws, &["report", "budget", "--format", "pdf", "--out", ws.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("is the workspace itself"), "{}", stderr(&out));
    assert_eq!(services(&ws), before);

    // The example never replaces teams or settings without --force.
    let other = dir.path().join("teams-only.opmodel");
    let teams = dir.path().join("teams.csv");
    std::fs::write(&teams, "name,funding,on_call_participants\nbasket-team,it,4\n").unwrap();
    ok(opmodel(&other, &["import", "teams", teams.to_str().unwrap()]));
    let out = opmodel(&other, &["demo"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("1 teams"), "{}", stderr(&out));
    let out = opmodel(&other, &["settings", "set", "planning_year_start", "+262143-06-01"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn an_import_update_keeps_what_the_file_does_not_mention() {
    let (dir, ws) = demo();
    let csv = dir.path().join("exposures.csv");
    std::fs::write(&csv, "name,kind,team,exposure_per_hour,feature_demand\nbedroom,digital,bedroom-team,210000,very high\n").unwrap();
    ok(opmodel(&ws, &["import", "services", csv.to_str().unwrap()]));
    let bedroom = find(&services(&ws), "bedroom").clone();
    assert_eq!(bedroom["exposure_per_hour"], "210000.00");
    assert_eq!(bedroom["domain"], "home-shopping");
    assert_eq!(bedroom["peak_periods"], "2026-11-23..2026-11-29");
    assert_eq!(bedroom["out_of_hours_incidents_per_year"], "8");
}

#[test]
fn a_foundational_system_run_ybiyri_by_an_operations_team_is_operations_opex_as_the_raci_says() {
    let (_dir, ws) = demo();
    ok(opmodel(&ws, &["settings", "set", "exposure_bands", "7000=95.0,250000=99.0,800000=99.9,5000000=99.99"]));
    let budget: Value = serde_json::from_str(&report(&ws, "budget", "json")).unwrap();
    let ecommerce = budget["line_items"].as_array().unwrap().iter().find(|l| l["service"] == "ecommerce-platform").unwrap();
    assert_eq!(ecommerce["schedule"], "team schedule: app-support");
    assert_eq!((ecommerce["budget_holder"].as_str(), ecommerce["category"].as_str()), (Some("head_of_operations"), Some("opex")));
    // Its team is operations-funded, so the RACI's accountable head is the same.
    let raci: Value = serde_json::from_str(&report(&ws, "raci", "json")).unwrap();
    let row = raci["services"].as_array().unwrap().iter().find(|s| s["service"] == "ecommerce-platform").unwrap();
    assert_eq!((row["operating_model"].as_str(), row["head_of_operations"].as_str()), (Some("you_build_it_you_run_it"), Some("A")));
}

#[test]
fn an_override_from_a_csv_is_kept_and_shown_in_the_reports() {
    let (dir, ws) = demo();
    let csv = dir.path().join("override.csv");
    std::fs::write(&csv, "name,kind,team,exposure_per_hour,feature_demand,model_override,override_reason\nbedroom,digital,bedroom-team,200000,very high,ops_run_it,team not formed until Q3\n").unwrap();
    ok(opmodel(&ws, &["import", "services", csv.to_str().unwrap()]));
    let bedroom = find(&services(&ws), "bedroom").clone();
    assert_eq!((bedroom["operating_model"].as_str(), bedroom["on_call_out_of_hours"].as_str()), (Some("ops_run_it"), Some("app_support")));
    assert!(bedroom["selection_reason"].as_str().unwrap().starts_with("Overridden to Ops Run It: team not formed until Q3"));
    let raci: Value = serde_json::from_str(&report(&ws, "raci", "json")).unwrap();
    let row = raci["services"].as_array().unwrap().iter().find(|s| s["service"] == "bedroom").unwrap();
    assert_eq!((row["override_reason"].as_str(), row["head_of_operations"].as_str()), (Some("team not formed until Q3"), Some("A")));
    let pdf = dir.path().join("raci.pdf");
    ok(opmodel(&ws, &["report", "raci", "--format", "pdf", "--out", pdf.to_str().unwrap()]));
    let text = pdf_text(&pdf);
    assert!(text.contains("Overridden operating models") && text.contains("team not formed until Q3"), "{text}");

    // An override needs its reason, and a model the selector knows.
    std::fs::write(&csv, "name,kind,team,exposure_per_hour,feature_demand,model_override\nbedroom,digital,bedroom-team,200000,very high,nobody\nappointments,digital,appointments-team,6000,high,ops_run_it\n").unwrap();
    let out = opmodel(&ws, &["import", "services", csv.to_str().unwrap()]);
    let msg = stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(msg.contains("row 2, column model_override: 'nobody' is not valid"), "{msg}");
    assert!(msg.contains("row 3, column override_reason: empty; expected a reason"), "{msg}");
}

#[test]
fn the_cli_package_has_no_tauri_webkit_or_ui_in_its_dependencies() {
    // Finance and scripts build the CLI with cargo alone: `cargo build -p opmodel-cli`.
    let out = Command::new(env!("CARGO"))
        .args(["tree", "-p", "opmodel-cli", "--edges", "normal,build", "--prefix", "none", "--offline"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run cargo tree");
    assert!(out.status.success(), "{}", stderr(&out));
    let tree = String::from_utf8(out.stdout).unwrap();
    assert!(tree.contains("opmodel-core"), "{tree}");
    for forbidden in ["tauri", "wry", "webkit2gtk", "gtk", "opmodel-app"] {
        assert!(!tree.lines().any(|l| l.starts_with(forbidden)), "{forbidden} in the CLI's dependencies:\n{tree}");
    }
}
