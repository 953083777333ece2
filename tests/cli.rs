//! The `opmodel` binary, driven as scripts and finance drive it.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn opmodel(ws: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_opmodel"))
        .arg("--workspace")
        .arg(ws)
        .args(args)
        .env_remove("OPMODEL_WORKSPACE")
        .output()
        .expect("run opmodel")
}

fn ok(out: Output) -> String {
    assert!(out.status.success(), "status {:?}: {}", out.status, String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn services(ws: &Path) -> Vec<Value> {
    let v: Value = serde_json::from_str(&ok(opmodel(ws, &["report", "services", "--format", "json"]))).unwrap();
    v.as_array().unwrap().clone()
}

fn find<'a>(all: &'a [Value], name: &str) -> &'a Value {
    all.iter().find(|s| s["name"] == name).unwrap_or_else(|| panic!("no service {name}"))
}

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
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.opmodel");
    ok(opmodel(&ws, &["demo"]));
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
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.opmodel");
    ok(opmodel(&ws, &["demo"]));
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
fn the_services_csv_opens_in_excel_and_parses_back() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.opmodel");
    ok(opmodel(&ws, &["demo"]));
    let out = dir.path().join("services.csv");
    ok(opmodel(&ws, &["report", "services", "--format", "csv", "--out", out.to_str().unwrap()]));
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with("\u{feff}name,kind,".as_bytes()));
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.contains("\r\n"));
    let mut r = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let json = services(&ws);
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let h = r.headers().unwrap().clone();
    assert_eq!(rows.len(), json.len());
    for (row, s) in rows.iter().zip(&json) {
        for col in ["name", "exposure_per_hour", "availability_target", "selection_reason"] {
            let i = h.iter().position(|c| c == col).unwrap();
            assert_eq!(row[i], *s[col].as_str().unwrap(), "{col}");
        }
    }
    // Codes as the words finance reads, amounts as numbers beside a currency column.
    let col = |name: &str| h.iter().position(|c| c == name).unwrap();
    let ecommerce = rows.iter().find(|r| &r[0] == "ecommerce-platform").unwrap();
    assert_eq!(
        [&ecommerce[col("kind")], &ecommerce[col("currency")], &ecommerce[col("operating_model")], &ecommerce[col("on_call_out_of_hours")], &ecommerce[col("above_highest_band")]],
        ["Foundational system", "USD", "Ops Run It", "Application support rota", "yes"]
    );
    let bedroom = rows.iter().find(|r| &r[0] == "bedroom").unwrap();
    assert_eq!([&bedroom[col("operating_model")], &bedroom[col("deployment_target")]], ["You Build It You Run It", "Daily"]);
}

fn report(ws: &Path, what: &str, format: &str) -> String {
    ok(opmodel(ws, &["report", what, "--format", format]))
}

/// Parses a CSV export (with its BOM) into a header and rows.
fn parse_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    assert!(text.starts_with('\u{feff}'), "UTF-8 with BOM");
    let mut r = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header = r.headers().unwrap().iter().map(str::to_string).collect();
    let rows = r.records().map(|x| x.unwrap().iter().map(str::to_string).collect()).collect();
    (header, rows)
}

#[test]
fn the_money_reports_agree_between_json_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.opmodel");
    ok(opmodel(&ws, &["demo"]));

    let budget: Value = serde_json::from_str(&report(&ws, "budget", "json")).unwrap();
    assert_eq!(budget["totals"]["head_of_product"], "26000.00");
    assert_eq!(budget["totals"]["head_of_operations"], "26000.00");
    assert_eq!(budget["totals"]["head_of_delivery"], "0.00");
    let (header, rows) = parse_csv(&report(&ws, "budget", "csv"));
    assert_eq!(header, ["service", "schedule", "budget_holder", "category", "currency", "standby", "callout", "amount"]);
    let items = budget["line_items"].as_array().unwrap();
    assert_eq!(rows.len(), items.len());
    for (row, item) in rows.iter().zip(items) {
        for key in ["service", "schedule", "standby", "callout", "amount"] {
            let i = header.iter().position(|h| h == key).unwrap();
            assert_eq!(row[i], item[key].as_str().unwrap(), "{key}");
        }
        assert_eq!(row[4], "USD");
    }
    assert_eq!(rows.iter().map(|r| [r[2].as_str(), r[3].as_str()]).collect::<Vec<_>>(), [["Head of Product", "Capex"], ["Head of Product", "Capex"], ["Head of Operations", "Opex"]]);

    let schedules: Value = serde_json::from_str(&report(&ws, "schedules", "json")).unwrap();
    let names: Vec<&str> = schedules.as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["team schedule: bedroom-team", "domain schedule: home-shopping", "application support rota"]);
    let (_, rows) = parse_csv(&report(&ws, "schedules", "csv"));
    assert_eq!(rows.iter().map(|r| [r[1].as_str(), r[6].as_str(), r[7].as_str()]).collect::<Vec<_>>(), [
        ["Team schedule", "USD", "500.00"],
        ["Domain schedule", "USD", "25500.00"],
        ["Application support rota", "USD", "26000.00"],
    ]);

    let premiums: Value = serde_json::from_str(&report(&ws, "premiums", "json")).unwrap();
    assert_eq!(premiums["portfolio"]["ops_run_it"]["total"], "15227128.21");
    assert_eq!(premiums["portfolio"]["you_build_it_you_run_it"]["total"], "4329724.28");
    assert_eq!(premiums["assumptions"]["Ops Run It: time to acknowledge"], "20 minutes");
    assert_eq!(budget["assumptions"]["Mean wait for working hours when nobody is on call"], premiums["assumptions"]["Mean wait for working hours when nobody is on call"]);
    let (header, rows) = parse_csv(&report(&ws, "premiums", "csv"));
    // One clean table: the assumptions are a companion table, never rows under the numbers.
    assert!(rows.iter().all(|r| !r[0].starts_with("assumption")));
    let last = rows.last().unwrap();
    assert_eq!(last[0], "portfolio");
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(last[col("ops_run_it_total")], "15227128.21");
    assert_eq!(last[col("you_build_it_you_run_it_standby")], "52000.00");

    let raci: Value = serde_json::from_str(&report(&ws, "raci", "json")).unwrap();
    let bedroom = raci["services"].as_array().unwrap().iter().find(|s| s["service"] == "bedroom").unwrap();
    assert_eq!((bedroom["head_of_product"].as_str(), bedroom["product_team"].as_str()), (Some("A"), Some("R")));
    let (_, rows) = parse_csv(&report(&ws, "raci", "csv"));
    assert!(rows.iter().all(|r| r[4..9].iter().filter(|c| *c == "A").count() == 1));

    // A rota of two people is a pitfall, named with its services.
    let teams = dir.path().join("teams.csv");
    std::fs::write(&teams, "name,funding,on_call_participants\napp-support,operations,2\n").unwrap();
    ok(opmodel(&ws, &["import", "teams", teams.to_str().unwrap()]));
    let pitfalls: Value = serde_json::from_str(&report(&ws, "pitfalls", "json")).unwrap();
    let limited = pitfalls.as_array().unwrap().iter().find(|p| p["pitfall"] == "limited_on_call_schedule").unwrap();
    assert_eq!(limited["services"], serde_json::json!(["ecommerce-platform"]));
    let (_, rows) = parse_csv(&report(&ws, "pitfalls", "csv"));
    assert_eq!(rows[0][0], "Limited on call schedule");
}

#[test]
fn csv_exports_neutralise_formulas_but_keep_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.opmodel");
    let csv = dir.path().join("services.csv");
    std::fs::write(&csv, "name,kind,team,exposure_per_hour,feature_demand\n\"=HYPERLINK(\"\"x\"\")\",digital,@team,300000,high\n").unwrap();
    ok(opmodel(&ws, &["import", "services", csv.to_str().unwrap()]));
    let (header, rows) = parse_csv(&report(&ws, "budget", "csv"));
    let amount = header.iter().position(|h| h == "amount").unwrap();
    assert_eq!(rows[0][0], "'=HYPERLINK(\"x\")");
    assert_eq!(rows[0][amount], "26000.00");
    let (_, rows) = parse_csv(&report(&ws, "raci", "csv"));
    assert_eq!(rows[0][1], "'@team");
}

#[test]
fn budget_and_raci_print_as_pdf_with_embedded_fonts() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("retailer.opmodel");
    ok(opmodel(&ws, &["demo"]));
    for what in ["budget", "raci"] {
        let pdf = dir.path().join(format!("{what}.pdf"));
        ok(opmodel(&ws, &["report", what, "--format", "pdf", "--out", pdf.to_str().unwrap()]));
        let fonts = Command::new("pdffonts").arg(&pdf).output().expect("pdffonts (poppler-utils)");
        let fonts = String::from_utf8(fonts.stdout).unwrap();
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty() && rows.iter().all(|l| l.split_whitespace().nth_back(4) == Some("yes")), "{fonts}");
        let text = Command::new("pdftotext").args(["-layout"]).arg(&pdf).arg("-").output().unwrap();
        let text = String::from_utf8(text.stdout).unwrap();
        assert!(text.contains("retailer.opmodel"), "{text}");
        if what == "budget" {
            assert!(text.contains("52,000.00"), "{text}");
        }
    }
    // pdf is for budget and raci only, and needs --out.
    assert_eq!(opmodel(&ws, &["report", "budget", "--format", "pdf"]).status.code(), Some(2));
    assert_eq!(opmodel(&ws, &["report", "premiums", "--format", "pdf", "--out", "x.pdf"]).status.code(), Some(2));
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
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.opmodel");
    ok(opmodel(&ws, &["demo"]));
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
fn the_assumptions_travel_with_the_budget_and_premium_csvs() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.opmodel");
    ok(opmodel(&ws, &["demo"]));
    let (header, rows) = parse_csv(&report(&ws, "assumptions", "csv"));
    assert_eq!(header, ["assumption", "value"]);
    let value = |name: &str| rows.iter().find(|r| r[0] == name).unwrap_or_else(|| panic!("no {name}: {rows:?}"))[1].clone();
    assert_eq!(value("You Build It You Run It: time to restore"), "30 minutes");
    assert!(value("Mean wait for working hours when nobody is on call").starts_with("19.89 hours"));
    // Written to a file, a budget or premiums CSV brings its assumptions beside it.
    for what in ["budget", "premiums"] {
        let out = dir.path().join(format!("{what}.csv"));
        let run = opmodel(&ws, &["report", what, "--format", "csv", "--out", out.to_str().unwrap()]);
        assert!(run.status.success(), "{}", stderr(&run));
        let companion = dir.path().join(format!("{what}-assumptions.csv"));
        assert!(stderr(&run).contains(companion.to_str().unwrap()), "{}", stderr(&run));
        let (header, _) = parse_csv(&std::fs::read_to_string(&companion).unwrap());
        assert_eq!(header, ["assumption", "value"]);
    }
}

#[test]
fn the_domain_map_and_the_selector_are_drawn_as_svg_and_png() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.opmodel");
    ok(opmodel(&ws, &["demo"]));
    for what in ["domain-map", "selector"] {
        let svg = dir.path().join(format!("{what}.svg"));
        ok(opmodel(&ws, &["report", what, "--format", "svg", "--out", svg.to_str().unwrap()]));
        let text = std::fs::read_to_string(&svg).unwrap();
        // Well-formed, and every service (and for the map every domain) is named.
        let tree = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{what}.svg is not well-formed: {e}"));
        let words: String = tree.descendants().filter_map(|n| n.text()).collect::<Vec<_>>().join(" ");
        for name in ["ecommerce-platform", "appointments", "bedroom"] {
            assert!(words.contains(name), "{what} names {name}: {words}");
        }
        if what == "domain-map" {
            assert!(words.contains("home-shopping") && words.contains("In no domain"), "{words}");
        }
        let png = dir.path().join(format!("{what}.png"));
        ok(opmodel(&ws, &["report", what, "--format", "png", "--out", png.to_str().unwrap()]));
        let bytes = std::fs::read(&png).unwrap();
        assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG");
        let width = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
        assert!(width >= 1200, "{what}.png is {width} pixels wide");
    }
    // A picture is not a table, and a table is not a picture.
    assert_eq!(opmodel(&ws, &["report", "selector", "--format", "csv"]).status.code(), Some(2));
    assert_eq!(opmodel(&ws, &["report", "budget", "--format", "svg"]).status.code(), Some(2));
    assert_eq!(opmodel(&ws, &["report", "selector", "--format", "png"]).status.code(), Some(2), "png needs --out");
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

#[test]
fn a_foundational_system_run_ybiyri_by_an_operations_team_is_operations_opex_as_the_raci_says() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.opmodel");
    ok(opmodel(&ws, &["demo"]));
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
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.opmodel");
    ok(opmodel(&ws, &["demo"]));
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
    let text = String::from_utf8(Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap().stdout).unwrap();
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
fn incidents_are_imported_all_or_nothing_and_measured_against_their_projection() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.opmodel");
    ok(opmodel(&ws, &["demo"]));
    let csv = dir.path().join("incidents.csv");
    // Row 3 names a service that does not exist, row 4 a bad time, row 5 a negative duration.
    std::fs::write(&csv, "service,started_at,duration_minutes,loss\nbedroom,2026-06-10T21:15,30,100000\nbasket,2026-06-11T02:00,10,\nbedroom,yesterday,5,\nbedroom,2026-06-12T03:00,-5,\n").unwrap();
    let out = opmodel(&ws, &["import", "incidents", csv.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let msg = stderr(&out);
    assert!(msg.contains("row 3, column service: 'basket'"), "{msg}");
    assert!(msg.contains("row 4, column started_at: 'yesterday'"), "{msg}");
    assert!(msg.contains("row 5, column duration_minutes: '-5'"), "{msg}");
    let empty: Value = serde_json::from_str(&report(&ws, "incidents", "json")).unwrap();
    assert_eq!(empty["incidents"].as_array().unwrap().len(), 0, "nothing stored");

    // The playbook's bedroom incident; a two-hour one with no loss entered (an
    // overrun); one in the Black Friday peak (400,000 an hour, 99.9%), exported
    // with an offset and a resolved time; and ecommerce-platform under Ops Run It.
    std::fs::write(
        &csv,
        "service,started_at,duration_minutes,resolved_at,loss\n\
         bedroom,2026-06-10T21:15,30,,100000\n\
         bedroom,2026-07-01T22:00,120,,\n\
         bedroom,2026-11-25T20:00:00+00:00,,2026-11-25T20:06:00+00:00,\n\
         ecommerce-platform,2026-08-01T23:00:00Z,,2026-08-01T23:05:00Z,\n",
    )
    .unwrap();
    ok(opmodel(&ws, &["import", "incidents", csv.to_str().unwrap()]));
    let r: Value = serde_json::from_str(&report(&ws, "incidents", "json")).unwrap();
    let i = r["incidents"].as_array().unwrap();
    assert_eq!(i.len(), 4);
    assert_eq!((i[0]["projected_loss"].as_str(), i[0]["protection"].as_str(), i[0]["effectiveness"].as_str()), (Some("336000.00"), Some("236000.00"), Some("70.24")));
    assert_eq!((i[0]["loss_class"].as_str(), i[0]["incident_type"].as_str(), i[0]["loss_entered"].as_bool()), (Some("high"), Some("major"), Some(true)));
    // 120 minutes at 200,000: 400,000, 64,000 over the 336,000 projected.
    assert_eq!((i[1]["loss"].as_str(), i[1]["overrun"].as_str(), i[1]["protection"].is_null(), i[1]["effectiveness"].is_null()), (Some("400000.00"), Some("64000.00"), true, true));
    // Black Friday: 400,000 an hour at 99.9% (604.8 s): projected 67,200; 6 minutes lost 40,000.
    // (The log is in order of start: ecommerce-platform's August incident comes third.)
    assert_eq!((i[3]["availability_target"].as_str(), i[3]["projected_loss"].as_str(), i[3]["loss"].as_str()), (Some("99.9"), Some("67200.00"), Some("40000.00")));
    assert_eq!((i[3]["duration_minutes"].as_str(), i[3]["loss_class"].as_str()), (Some("6"), Some("medium")));
    // ecommerce-platform, 810,000 an hour at 99.9%, 5 minutes: 67,500 lost of 136,080 projected.
    assert_eq!((i[2]["operating_model"].as_str(), i[2]["loss"].as_str(), i[2]["projected_loss"].as_str()), (Some("ops_run_it"), Some("67500.00"), Some("136080.00")));
    let models = r["aggregates"]["by_operating_model"].as_array().unwrap();
    let ybiyri = models.iter().find(|m| m["name"] == "you_build_it_you_run_it").unwrap();
    // Σ projected 739,200; Σ actual 540,000; protection 236,000 + 27,200; overrun 64,000; net 199,200 ÷ 739,200.
    assert_eq!((ybiyri["incidents"].as_u64(), ybiyri["projected_loss"].as_str(), ybiyri["actual_loss"].as_str()), (Some(3), Some("739200.00"), Some("540000.00")));
    assert_eq!((ybiyri["protection"].as_str(), ybiyri["overrun"].as_str(), ybiyri["net_effectiveness"].as_str()), (Some("263200.00"), Some("64000.00"), Some("26.95")));
    // A date range selects by start day.
    let july: Value = serde_json::from_str(&ok(opmodel(&ws, &["report", "incidents", "--format", "json", "--from", "2026-07-01", "--to", "2026-07-31"]))).unwrap();
    assert_eq!(july["incidents"].as_array().unwrap().len(), 1);
    let (header, rows) = parse_csv(&report(&ws, "incidents", "csv"));
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0][header.iter().position(|h| h == "loss_class").unwrap()], "High");
    let pdf = dir.path().join("incidents.pdf");
    ok(opmodel(&ws, &["report", "incidents", "--format", "pdf", "--out", pdf.to_str().unwrap()]));
    let text = String::from_utf8(Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap().stdout).unwrap();
    assert!(text.contains("Protection effectiveness") && text.contains("236,000.00") && text.contains("70.24%"), "{text}");
}

#[test]
fn the_live_calculation_gives_the_loss_so_far_its_class_and_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.opmodel");
    ok(opmodel(&ws, &["demo"]));
    // 3 minutes of bedroom at 200,000 an hour: 10,000.00, exactly the medium threshold.
    let live: Value = serde_json::from_str(&ok(opmodel(&ws, &["incident", "bedroom", "--minutes", "3", "--at", "2026-06-10T21:15"]))).unwrap();
    assert_eq!((live["loss"].as_str(), live["loss_class"].as_str(), live["incident_type"].as_str()), (Some("10000.00"), Some("medium"), Some("minor")));
    assert_eq!(live["projected_loss"], "336000.00");
    // On a Black Friday night the peak exposure applies.
    let peak: Value = serde_json::from_str(&ok(opmodel(&ws, &["incident", "bedroom", "--minutes", "15", "--at", "2026-11-27T02:00"]))).unwrap();
    assert_eq!((peak["loss"].as_str(), peak["loss_class"].as_str(), peak["incident_type"].as_str()), (Some("100000.00"), Some("high"), Some("major")));
    let bad = opmodel(&ws, &["incident", "basket", "--minutes", "3"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("column service: 'basket'"), "{}", stderr(&bad));
}

#[test]
fn scenarios_are_saved_compared_and_opened() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.opmodel");
    ok(opmodel(&ws, &["demo"]));
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
    let text = String::from_utf8(Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap().stdout).unwrap();
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
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.opmodel");
    ok(opmodel(&ws, &["demo"]));
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
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.opmodel");
    ok(opmodel(&ws, &["demo"]));
    ok(opmodel(&ws, &["settings", "set", "callout_hours", "3"]));
    assert_eq!(ok(opmodel(&ws, &["undo"])).trim(), "undone: change the setting callout_hours");
    assert!(ok(opmodel(&ws, &["settings", "list"])).contains("callout_hours = 2"), "back to the default");
    assert_eq!(ok(opmodel(&ws, &["redo"])).trim(), "redone: change the setting callout_hours");
    assert!(ok(opmodel(&ws, &["settings", "list"])).contains("callout_hours = 3"));
    let out = opmodel(&ws, &["redo"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("nothing to redo"), "{}", stderr(&out));
}
