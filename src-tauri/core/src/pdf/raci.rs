//! The RACI report.

use chrono::NaiveDate;

use super::budget::facts;
use super::doc::*;
use super::table::*;
use crate::portfolio::Portfolio;
use crate::raci::{service_raci, Raci, ServiceRaci, CATEGORY_MATRIX, CATEGORY_SCOPE, PARTIES};

/// The RACI report: the category matrix, then who does what for each service.
pub fn raci_pdf(p: &Portfolio, workspace_name: &str, generated: NaiveDate) -> Vec<u8> {
    let rows = service_raci(p);
    let mut doc = Doc::new(RACI_TITLE, workspace_name, generated);
    doc.title_block(RACI_TITLE, &facts(p, workspace_name, generated), ("Services", rows.len().to_string()));
    raci_legend(&mut doc);
    category_matrix(&mut doc);
    service_matrix(&mut doc, &rows);
    overrides(&mut doc, &rows);
    doc.finish()
}

fn raci_fill(letter: &str) -> Rgb3 {
    match letter {
        "R" => R_FILL,
        "A" => A_FILL,
        "C" => C_FILL,
        _ => I_FILL,
    }
}

fn raci_cell(r: Raci) -> Cell {
    Cell { text: r.as_str().to_string(), fill: Some(raci_fill(r.as_str())), bold: true }
}

fn raci_legend(doc: &mut Doc) {
    let entries = [
        (Raci::R, "Responsible: does the work, runs on-call and restores the service"),
        (Raci::A, "Accountable: answers for the outcome; one party per service"),
        (Raci::C, "Consulted: asked before decisions are made"),
        (Raci::I, "Informed: kept up to date"),
    ];
    const SWATCH: f32 = 14.0;
    let col_w = CONTENT_W / 2.0;
    doc.ensure(2.0 * (SWATCH + 6.0) + TABLE_GAP);
    for (i, (letter, meaning)) in entries.iter().enumerate() {
        let x = MARGIN + (i % 2) as f32 * col_w;
        let top = doc.y + (i / 2) as f32 * (SWATCH + 6.0);
        let fill = raci_fill(letter.as_str());
        doc.rect(x, top, SWATCH, SWATCH, fill);
        let baseline = centred_baseline(top, SWATCH, BODY.size);
        doc.text_in(x, SWATCH, baseline, letter.as_str(), Style { bold: true, color: text_on(fill), ..BODY }, Align::Center);
        doc.text_in(x + SWATCH + 6.0, col_w - SWATCH - 12.0, baseline, meaning, BODY, Align::Left);
    }
    doc.y += 2.0 * (SWATCH + 6.0) + TABLE_GAP;
}

fn category_matrix(doc: &mut Doc) {
    doc.heading("1. Category matrix");
    let rows: Vec<Row> = CATEGORY_MATRIX
        .iter()
        .map(|(category, cells)| {
            let mut row = vec![Cell::from(*category)];
            // Colour by the letter each cell starts with ("A for IT-funded services").
            row.extend(cells.iter().map(|c| Cell { text: c.to_string(), fill: Some(raci_fill(&c[..1])), bold: true }));
            Row { kind: Kind::Body, cells: row }
        })
        .collect();
    let mut cols = vec![Col::new("Category", 57.0, Align::Left).wrapped()];
    cols.extend(PARTIES.iter().map(|p| Col::new(*p, 42.0, Align::Center).wrapped()));
    Table::new(cols).draw(doc, "Who is responsible and who is accountable", &rows);
    // The scope line belongs to the table: pull it up under it.
    doc.y -= TABLE_GAP - 4.0;
    doc.paragraph(&format!("Each category covers {CATEGORY_SCOPE}."));
    doc.y += TABLE_GAP;
}

fn service_matrix(doc: &mut Doc, services: &[ServiceRaci]) {
    doc.heading("2. Per service");
    let rows: Vec<Row> = services
        .iter()
        .map(|s| {
            let mut cells = vec![Cell::from(s.service.as_str()), Cell::from(s.team.as_str()), Cell::from(s.operating_model.label())];
            cells.extend(s.cells.iter().map(|r| raci_cell(*r)));
            Row { kind: Kind::Body, cells }
        })
        .collect();
    let mut cols = vec![Col::new("Service", 55.0, Align::Left), Col::new("Team", 39.0, Align::Left), Col::new("Operating model", 43.0, Align::Left)];
    cols.extend(PARTIES.iter().map(|p| Col::new(*p, 26.0, Align::Center)));
    Table::new(cols).draw(doc, "Responsibility per service", &rows);
}

/// Why a service's model differs from the selector's, as the reports must show.
fn overrides(doc: &mut Doc, services: &[ServiceRaci]) {
    let rows: Vec<Row> = services
        .iter()
        .filter_map(|s| s.override_reason.as_ref().map(|why| Row::body([s.service.clone(), s.operating_model.label().to_string(), why.clone()])))
        .collect();
    if rows.is_empty() {
        return;
    }
    doc.heading("3. Overridden operating models");
    Table::new(vec![Col::new("Service", 55.0, Align::Left), Col::new("Operating model", 43.0, Align::Left), Col::new("Reason", 169.0, Align::Left).wrapped()])
        .draw(doc, "Models chosen by hand, with the reason kept", &rows);
}

