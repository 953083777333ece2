//! Incidents: the log imported all or nothing, and the live calculation.


use serde_json::Value;

use crate::support::*;

#[test]
fn incidents_are_imported_all_or_nothing_and_measured_against_their_projection() {
    let (dir, ws) = demo();
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
    let text = pdf_text(&pdf);
    assert!(text.contains("Protection effectiveness") && text.contains("236,000.00") && text.contains("70.24%"), "{text}");
}

#[test]
fn the_live_calculation_gives_the_loss_so_far_its_class_and_what_to_do() {
    let (_dir, ws) = demo();
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
