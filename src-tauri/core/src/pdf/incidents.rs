//! The incidents report: each incident measured against its projection,
//! and protection effectiveness per service, team, domain and model.

use chrono::NaiveDate;

use super::budget::facts;
use super::doc::*;
use super::table::*;
use crate::incident_log::{AggregateRow, IncidentReport};
use crate::money::group_thousands;
use crate::portfolio::Portfolio;

const TITLE: &str = "Incidents and loss protection";

pub fn incidents_pdf(p: &Portfolio, r: &IncidentReport, workspace_name: &str, generated: NaiveDate) -> Vec<u8> {
    let currency = r.currency.as_str();
    let mut doc = Doc::new(TITLE, workspace_name, generated);
    let mut facts = facts(p, workspace_name, generated);
    let range = match (&r.from, &r.to) {
        (None, None) => "all recorded".to_string(),
        (from, to) => format!("{} to {}", from.as_deref().unwrap_or("the first"), to.as_deref().unwrap_or("the last")),
    };
    facts.push(("Incidents", range));
    doc.title_block(TITLE, &facts, ("Incidents", r.incidents.len().to_string()));
    doc.paragraph(
        "Projected loss is the exposure per hour on the incident's date × the tolerable unavailability a week at its target. \\
         Protection is what the operating model kept below that projection; effectiveness is protection ÷ projected. A loss above \\
         the projection is an overrun, never a negative protection.",
    );
    let money = |s: &str| group_thousands(s);
    let percent = |s: &Option<String>| s.as_ref().map_or(String::new(), |v| format!("{v}%"));
    doc.heading("1. Protection effectiveness");
    for (caption, rows) in [
        ("By operating model", &r.aggregates.by_operating_model),
        ("By team", &r.aggregates.by_team),
        ("By domain", &r.aggregates.by_domain),
        ("By service", &r.aggregates.by_service),
    ] {
        let body: Vec<Row> = rows.iter().map(|a: &AggregateRow| {
            let name = match a.name.as_str() {
                "ops_run_it" => "Ops Run It".to_string(),
                "you_build_it_you_run_it" => "You Build It You Run It".to_string(),
                other => other.to_string(),
            };
            Row::body([name, a.incidents.to_string(), money(&a.projected_loss), money(&a.actual_loss), money(&a.protection), money(&a.overrun), percent(&a.net_effectiveness)])
        }).collect();
        if body.is_empty() {
            continue;
        }
        Table::new(vec![
            Col::new("Name", 70.0, Align::Left),
            Col::new("Incidents", 20.0, Align::Right),
            Col::new(format!("Projected ({currency})"), 36.0, Align::Right),
            Col::new(format!("Actual ({currency})"), 36.0, Align::Right),
            Col::new(format!("Protection ({currency})"), 36.0, Align::Right),
            Col::new(format!("Overrun ({currency})"), 36.0, Align::Right),
            Col::new("Net effectiveness", 33.0, Align::Right),
        ])
        .draw(&mut doc, caption, &body);
    }
    doc.new_page();
    doc.heading("2. Incidents");
    let body: Vec<Row> = r.incidents.iter().map(|i| {
        let measure = match (&i.protection, &i.overrun) {
            (Some(p), _) => format!("{} protected ({})", money(p), percent(&i.effectiveness)),
            (_, Some(o)) => format!("{} over ({} over)", money(o), percent(&i.overrun_share)),
            _ => String::new(),
        };
        let class = format!("{:?}", i.loss_class);
        Row::body([i.started_at.replace('T', " "), i.service.clone(), format!("{} min", i.duration_minutes), money(&i.loss), class, money(&i.projected_loss), measure])
    }).collect();
    Table::new(vec![
        Col::new("Started", 36.0, Align::Left),
        Col::new("Service", 50.0, Align::Left),
        Col::new("Duration", 22.0, Align::Right),
        Col::new(format!("Loss ({currency})"), 32.0, Align::Right),
        Col::new("Class", 18.0, Align::Left),
        Col::new(format!("Projected ({currency})"), 34.0, Align::Right),
        Col::new("Protection or overrun", 75.0, Align::Left),
    ])
    .draw(&mut doc, "Each incident against its projection", &body);
    doc.finish()
}
