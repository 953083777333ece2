//! The RACI report.

use chrono::NaiveDate;

use super::budget::facts;
use super::doc::*;
use super::table::*;
use crate::portfolio::Portfolio;
use crate::raci::{service_raci, Raci, ServiceRaci, CATEGORY_MATRIX, CATEGORY_SCOPE, PARTIES};

/// The RACI report: the category matrix, then who does what for each service.
pub fn raci_pdf(p: &Portfolio, workspace_name: &str, generated: NaiveDate) -> Vec<u8> {
    let mut rows = service_raci(p);
    // By team, as a team reads its own responsibilities.
    rows.sort_by(|a, b| (&a.team, &a.service).cmp(&(&b.team, &b.service)));
    let mut doc = Doc::new(RACI_TITLE, workspace_name, generated);
    doc.title_block(RACI_TITLE, &facts(p, workspace_name, generated), ("Services", rows.len().to_string()));
    raci_legend(&mut doc, &rows);
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

/// The letters the report uses, each explained; a letter no cell uses is left out.
fn raci_legend(doc: &mut Doc, services: &[ServiceRaci]) {
    let used = |r: Raci| {
        CATEGORY_MATRIX.iter().flat_map(|(_, cells)| cells.iter()).any(|c| c.starts_with(r.as_str())) || services.iter().any(|s| s.cells.contains(&r))
    };
    let entries: Vec<(Raci, &str)> = [
        (Raci::R, "Responsible: does the work, runs on-call and restores the service"),
        (Raci::A, "Accountable: answers for the outcome; one party per service"),
        (Raci::C, "Consulted: asked before decisions are made"),
        (Raci::I, "Informed: kept up to date"),
    ]
    .into_iter()
    .filter(|(r, _)| used(*r))
    .collect();
    const SWATCH: f32 = 14.0;
    let col_w = CONTENT_W / 2.0;
    let lines = entries.len().div_ceil(2) as f32;
    doc.ensure(lines * (SWATCH + 6.0) + TABLE_GAP);
    for (i, (letter, meaning)) in entries.iter().enumerate() {
        let x = MARGIN + (i % 2) as f32 * col_w;
        let top = doc.y + (i / 2) as f32 * (SWATCH + 6.0);
        let fill = raci_fill(letter.as_str());
        doc.rect(x, top, SWATCH, SWATCH, fill);
        let baseline = centred_baseline(top, SWATCH, BODY.size);
        doc.text_in(x, SWATCH, baseline, letter.as_str(), Style { bold: true, color: text_on(fill), ..BODY }, Align::Center);
        doc.text_in(x + SWATCH + 6.0, col_w - SWATCH - 12.0, baseline, meaning, BODY, Align::Left);
    }
    doc.y += lines * (SWATCH + 6.0) + TABLE_GAP;
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
    let mut rows: Vec<Row> = Vec::new();
    for (i, s) in services.iter().enumerate() {
        if i == 0 || services[i - 1].team != s.team {
            rows.push(Row::new(Kind::Group, [format!("Team {}", s.team)]));
        }
        // An overridden model is marked where it is read; section 3 gives the reason.
        let model = match s.override_reason {
            Some(_) => Cell { text: format!("{} (overridden)", s.operating_model.label()), fill: None, bold: true },
            None => Cell::from(s.operating_model.label()),
        };
        let mut cells = vec![Cell::from(s.service.as_str()), Cell::from(s.team.as_str()), model];
        cells.extend(s.cells.iter().map(|r| raci_cell(*r)));
        rows.push(Row { kind: Kind::Body, cells });
    }
    let mut cols = vec![Col::new("Service", 50.0, Align::Left), Col::new("Team", 34.0, Align::Left), Col::new("Operating model", 53.0, Align::Left).wrapped()];
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

