//! The reports finance receives: CSV that opens in Excel, JSON that agrees with it, PDF and pictures.

use std::process::Command;

use serde_json::Value;

use crate::support::*;

#[test]
fn the_services_csv_opens_in_excel_and_parses_back() {
    let (dir, ws) = demo();
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

#[test]
fn the_money_reports_agree_between_json_and_csv() {
    let (dir, ws) = demo();

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
fn the_assumptions_travel_with_the_budget_and_premium_csvs() {
    let (dir, ws) = demo();
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
    let (dir, ws) = demo();
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
