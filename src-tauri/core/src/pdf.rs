//! The budget and RACI reports as PDF, for finance to forward unedited.
//!
//! A4 landscape with 15 mm margins. DejaVu Sans is embedded (never the
//! unembedded built-in fonts), so every reader shows the same glyphs and
//! the text stays selectable. Amounts are the budget's presented amounts,
//! written with `Money::grouped()`; floating point only places bars and
//! lines on charts. Tables repeat their header on every page they run onto,
//! and every page has a "Page k of N" footer.

use chrono::{Datelike, Days, NaiveDate};
use printpdf::{
    Color, FontId, Line, LineDashPattern, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, Rect, Rgb, TextItem,
};
use rust_decimal::prelude::ToPrimitive;

use crate::budget::{budget, Budget, Category};
use crate::model::BudgetHolder;
use crate::money::{group_thousands, Money};
use crate::portfolio::Portfolio;
use crate::premiums::{assumption_lines, premiums, ModelCost, Premiums, RunCostPoint};
use crate::raci::{service_raci, Raci, ServiceRaci, CATEGORY_MATRIX, CATEGORY_SCOPE, PARTIES};
use crate::schedules::planning_year;
use crate::selector::OperatingModel;

const REGULAR_TTF: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

const BUDGET_TITLE: &str = "On-call budget";
const RACI_TITLE: &str = "Responsibility (RACI) matrix";

// Geometry, in points (1/72 inch). Vertical positions are measured down
// from the top edge of the page, as people read; `Doc` flips them for PDF.
const MM: f32 = 72.0 / 25.4;
const PAGE_W: f32 = 297.0 * MM;
const PAGE_H: f32 = 210.0 * MM;
const MARGIN: f32 = 15.0 * MM;
const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN;
/// Content stops this far above the bottom margin, leaving room for the footer.
const FOOTER_H: f32 = 22.0;
const CONTENT_BOTTOM: f32 = PAGE_H - MARGIN - FOOTER_H;

// Table metrics: one 9 pt line per row unless a cell wraps.
const CELL_PAD_X: f32 = 4.0;
const CELL_PAD_Y: f32 = 2.5;
const LINE_H: f32 = 11.0;
const CAPTION_H: f32 = 18.0;
const TABLE_GAP: f32 = 12.0;
/// Charts sit right of the table they illustrate.
const CHART_X: f32 = MARGIN + 136.0 * MM;
const CHART_H: f32 = 70.0 * MM;

type Rgb3 = [f32; 3];
const INK: Rgb3 = [0.13, 0.15, 0.18];
const MUTED: Rgb3 = [0.40, 0.43, 0.48];
const RULE: Rgb3 = [0.78, 0.80, 0.84];
const WHITE: Rgb3 = [1.0, 1.0, 1.0];
const HEADER_FILL: Rgb3 = [0.17, 0.25, 0.37];
const ZEBRA: Rgb3 = [0.95, 0.96, 0.98];
const GROUP_FILL: Rgb3 = [0.87, 0.91, 0.96];
const TOTAL_FILL: Rgb3 = [0.90, 0.91, 0.93];

// Chart series: distinct in colour and still apart in greyscale print.
const STANDBY: Rgb3 = [0.16, 0.36, 0.62];
const CALLOUT: Rgb3 = [0.30, 0.66, 0.68];
const SETUP: Rgb3 = [0.58, 0.46, 0.74];
const LOSS: Rgb3 = [0.93, 0.55, 0.20];

// RACI cells: blue, amber, green, light grey.
const R_FILL: Rgb3 = [0.20, 0.44, 0.76];
const A_FILL: Rgb3 = [0.97, 0.70, 0.22];
const C_FILL: Rgb3 = [0.52, 0.76, 0.47];
const I_FILL: Rgb3 = [0.87, 0.88, 0.90];

#[derive(Clone, Copy)]
struct Style {
    size: f32,
    bold: bool,
    color: Rgb3,
}

const BODY: Style = Style { size: 9.0, bold: false, color: INK };
const SMALL: Style = Style { size: 7.5, bold: false, color: MUTED };
const CAPTION: Style = Style { size: 10.0, bold: true, color: INK };

/// The budget report: summary per budget holder, the transfer, line items,
/// the premium comparison and the assumptions behind it.
pub fn budget_pdf(p: &Portfolio, workspace_name: &str, generated: NaiveDate) -> Vec<u8> {
    let b = budget(p);
    let currency = p.settings.currency.as_str();
    let mut doc = Doc::new(BUDGET_TITLE, workspace_name, generated);
    doc.title_block(BUDGET_TITLE, &facts(p, workspace_name, generated), ("Total on-call budget", format!("{} {currency}", b.total.grouped())));
    summary(&mut doc, &b, currency);
    transfer(&mut doc, &b, currency);
    doc.new_page();
    line_items(&mut doc, &b, currency);
    doc.new_page();
    premium_comparison(&mut doc, &premiums(p), currency);
    doc.new_page();
    assumptions(&mut doc, p);
    doc.finish()
}

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

// ---------------------------------------------------------------- budget

fn category_label(c: Category) -> &'static str {
    match c {
        Category::Capex => "Capex",
        Category::Opex => "Opex",
    }
}

fn facts(p: &Portfolio, workspace_name: &str, generated: NaiveDate) -> Vec<(&'static str, String)> {
    let (start, end) = planning_year(&p.settings);
    let last = end - Days::new(1);
    vec![
        ("Workspace", workspace_name.to_string()),
        ("Currency", p.settings.currency.clone()),
        ("Planning year", format!("{start} to {last}, {} days", (end - start).num_days())),
        ("Generated", generated.to_string()),
    ]
}

fn summary(doc: &mut Doc, b: &Budget, currency: &str) {
    doc.heading("1. Summary per budget holder");
    let cat = |h: BudgetHolder, c: Category| b.total_of(h, c);
    let mut rows: Vec<Row> = BudgetHolder::ALL
        .iter()
        .map(|&h| Row::body([h.label().to_string(), cat(h, Category::Capex).grouped(), cat(h, Category::Opex).grouped(), b.holder_total(h).grouped()]))
        .collect();
    let capex: Money = BudgetHolder::ALL.iter().map(|&h| cat(h, Category::Capex)).sum();
    let opex: Money = BudgetHolder::ALL.iter().map(|&h| cat(h, Category::Opex)).sum();
    rows.push(Row::new(Kind::Total, ["Grand total".to_string(), capex.grouped(), opex.grouped(), b.total.grouped()]));
    Table::new(vec![
        Col::new("Budget holder", 117.0, Align::Left),
        Col::new(format!("Capex ({currency})"), 50.0, Align::Right),
        Col::new(format!("Opex ({currency})"), 50.0, Align::Right),
        Col::new(format!("Total ({currency})"), 50.0, Align::Right),
    ])
    .draw(doc, "After the transfer", &rows);
}

fn transfer(doc: &mut Doc, b: &Budget, currency: &str) {
    doc.heading("2. Before and after the transfer");
    doc.paragraph(
        "Before the transfer, all on-call is Head of Operations opex. After it, each digital service's own team or domain \
         schedule is capex of that team's or domain's budget holder; the application support rota and foundational systems stay opex.",
    );
    let before_total: Money = b.before.iter().map(|(_, m)| *m).sum();
    let mut before: Vec<Row> = b
        .before
        .iter()
        .map(|(what, m)| Row::body([what.clone(), BudgetHolder::HeadOfOperations.label().into(), category_label(Category::Opex).into(), m.grouped()]))
        .collect();
    before.push(Row::new(Kind::Total, ["Total".to_string(), String::new(), String::new(), before_total.grouped()]));
    Table::new(vec![
        Col::new("Line item", 117.0, Align::Left),
        Col::new("Budget holder", 60.0, Align::Left),
        Col::new("Category", 40.0, Align::Left),
        Col::new(format!("Amount ({currency})"), 50.0, Align::Right),
    ])
    .draw(doc, "Before the transfer", &before);

    let before_of = |h: BudgetHolder| if h == BudgetHolder::HeadOfOperations { before_total } else { Money::ZERO };
    let change = |before: Money, after: Money| after.checked_sub(before).expect("budget amounts are far from overflow");
    let mut rows: Vec<Row> = BudgetHolder::ALL
        .iter()
        .map(|&h| {
            let (was, is) = (before_of(h), b.holder_total(h));
            Row::body([h.label().to_string(), was.grouped(), is.grouped(), change(was, is).grouped()])
        })
        .collect();
    rows.push(Row::new(Kind::Total, ["Total".to_string(), before_total.grouped(), b.total.grouped(), change(before_total, b.total).grouped()]));
    Table::new(vec![
        Col::new("Budget holder", 117.0, Align::Left),
        Col::new(format!("Before ({currency})"), 50.0, Align::Right),
        Col::new(format!("After ({currency})"), 50.0, Align::Right),
        Col::new(format!("Change ({currency})"), 50.0, Align::Right),
    ])
    .draw(doc, "Per budget holder, before and after", &rows);
}

fn line_items(doc: &mut Doc, b: &Budget, currency: &str) {
    doc.heading("3. Line items by budget holder");
    let mut rows = Vec::new();
    for h in BudgetHolder::ALL {
        let items: Vec<_> = b.line_items.iter().filter(|l| l.budget_holder == h).collect();
        if items.is_empty() {
            continue;
        }
        rows.push(Row::new(Kind::Group, [h.label()]));
        rows.extend(items.iter().map(|l| Row::body([l.service.clone(), l.schedule.clone(), category_label(l.category).into(), l.amount.grouped()])));
        rows.push(Row::new(Kind::Subtotal, [format!("Subtotal {}", h.label()), String::new(), String::new(), b.holder_total(h).grouped()]));
    }
    rows.push(Row::new(Kind::Total, ["Total".to_string(), String::new(), String::new(), b.total.grouped()]));
    Table::new(vec![
        Col::new("Service", 85.0, Align::Left),
        Col::new("Schedule", 105.0, Align::Left),
        Col::new("Category", 30.0, Align::Left),
        Col::new(format!("Amount ({currency})"), 47.0, Align::Right),
    ])
    .draw(doc, "Line items", &rows);
}

fn premium_comparison(doc: &mut Doc, pr: &Premiums, currency: &str) {
    doc.heading("4. Premium comparison");
    doc.paragraph(
        "What each operating model would cost for the planning year if every service ran under it: standby pay, callout pay, \
         setup amortised over the setup period, and the expected loss from out-of-hours incidents while they are acknowledged and restored.",
    );

    let (ops, ybiyri) = (&pr.ops_run_it, &pr.you_build_it_you_run_it);
    let part = |label: &str, f: fn(&ModelCost) -> Money| Row::body([label.to_string(), f(ops).grouped(), f(ybiyri).grouped()]);
    let rows = vec![
        part("Standby", |c| c.standby),
        part("Callout", |c| c.callout),
        part("Setup (amortised)", |c| c.setup),
        part("Expected loss", |c| c.expected_loss),
        Row::new(Kind::Total, ["Total".to_string(), ops.total.grouped(), ybiyri.total.grouped()]),
    ];
    let table = Table::new(vec![
        Col::new("Component", 45.0, Align::Left),
        Col::new(format!("{} ({currency})", OperatingModel::OpsRunIt.label()), 38.0, Align::Right),
        Col::new(format!("{} ({currency})", OperatingModel::YouBuildItYouRunIt.label()), 38.0, Align::Right),
    ]);
    // The table on the left, its chart beside it on the same page.
    doc.ensure(CHART_H.max(table.start_height(doc, &rows)));
    let top = doc.y;
    table.draw(doc, "Portfolio premium per year", &rows);
    premium_chart(doc, chart_frame(top), currency, [ops, ybiyri]);
    doc.y = doc.y.max(top + CHART_H + TABLE_GAP);

    run_cost(doc, &pr.run_cost, currency);

    let mut rows: Vec<Row> = pr
        .services
        .iter()
        .map(|s| Row::body([s.name.clone(), s.ops_run_it.total.grouped(), s.you_build_it_you_run_it.total.grouped()]))
        .collect();
    rows.push(Row::new(Kind::Total, ["Portfolio".to_string(), ops.total.grouped(), ybiyri.total.grouped()]));
    Table::new(vec![
        Col::new("Service", 127.0, Align::Left),
        Col::new(format!("{} total ({currency})", OperatingModel::OpsRunIt.label()), 70.0, Align::Right),
        Col::new(format!("{} total ({currency})", OperatingModel::YouBuildItYouRunIt.label()), 70.0, Align::Right),
    ])
    .draw(doc, "Premium per service", &rows);
}

/// The linear run cost: a table of the series and a line chart beside it.
fn run_cost(doc: &mut Doc, points: &[RunCostPoint], currency: &str) {
    let rows: Vec<Row> = points
        .iter()
        .map(|r| Row::body([r.teams.to_string(), r.team_schedules.grouped(), r.domain_schedules.grouped(), r.ops_run_it.grouped()]))
        .collect();
    let table = Table::new(vec![
        Col::new("Teams on call", 20.0, Align::Right),
        Col::new(format!("YBIYRI team schedules ({currency})"), 36.0, Align::Right),
        Col::new(format!("YBIYRI domain schedules ({currency})"), 36.0, Align::Right),
        Col::new(format!("Ops Run It ({currency})"), 36.0, Align::Right),
    ]);
    doc.ensure(CHART_H.max(table.start_height(doc, &rows)));
    let (top, page) = (doc.y, doc.current);
    // Drawn first, beside the table's start: the table may run onto more pages.
    line_chart(doc, chart_frame(top), currency, points);
    table.draw(doc, "Linear run cost: standby per year", &rows);
    if doc.current == page {
        doc.y = doc.y.max(top + CHART_H + TABLE_GAP);
    }
}

fn assumptions(doc: &mut Doc, p: &Portfolio) {
    doc.heading("5. Assumptions");
    let rows: Vec<Row> = assumption_lines(p).into_iter().map(|(k, v)| Row::body([k, v])).collect();
    Table::new(vec![Col::new("Assumption", 130.0, Align::Left), Col::new("Value", 137.0, Align::Left)]).draw(doc, "Behind the premiums", &rows);
}

// ------------------------------------------------------------------ RACI

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

// ---------------------------------------------------------------- tables

#[derive(Clone, Copy, PartialEq, Eq)]
enum Align {
    Left,
    Center,
    Right,
}

struct Col {
    header: String,
    width: f32,
    align: Align,
    /// Wrap long text onto more lines instead of cutting it with "…".
    wrap: bool,
}

impl Col {
    fn new(header: impl Into<String>, width_mm: f32, align: Align) -> Col {
        Col { header: header.into(), width: width_mm * MM, align, wrap: false }
    }

    fn wrapped(mut self) -> Col {
        self.wrap = true;
        self
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Body,
    /// A heading row spanning the table, e.g. a budget holder.
    Group,
    Subtotal,
    Total,
}

#[derive(Clone)]
struct Cell {
    text: String,
    /// A cell's own background, drawn as a tile (RACI letters).
    fill: Option<Rgb3>,
    bold: bool,
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell { text: text.to_string(), fill: None, bold: false }
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell { text, fill: None, bold: false }
    }
}

#[derive(Clone)]
struct Row {
    kind: Kind,
    cells: Vec<Cell>,
}

impl Row {
    fn new<T: Into<Cell>>(kind: Kind, cells: impl IntoIterator<Item = T>) -> Row {
        Row { kind, cells: cells.into_iter().map(Into::into).collect() }
    }

    fn body<T: Into<Cell>>(cells: impl IntoIterator<Item = T>) -> Row {
        Row::new(Kind::Body, cells)
    }

    /// A group heading repeated at the top of the next page.
    fn continued(&self) -> Row {
        let mut row = self.clone();
        row.cells[0].text.push_str(" (continued)");
        row
    }
}

/// Columns of fixed width. Draws a caption and a header row, then the rows;
/// on a page break it starts the next page with the caption "(continued)",
/// the header again and, inside a group, the group heading again.
struct Table {
    x: f32,
    cols: Vec<Col>,
}

impl Table {
    fn new(cols: Vec<Col>) -> Table {
        Table { x: MARGIN, cols }
    }

    fn width(&self) -> f32 {
        self.cols.iter().map(|c| c.width).sum()
    }

    /// How much of the table must fit on the page it starts on: a short
    /// table whole, a long one its caption and header with two rows.
    fn start_height(&self, doc: &Doc, rows: &[Row]) -> f32 {
        let head = CAPTION_H + self.header_height(doc);
        let mut whole = head;
        for row in rows {
            whole += self.row_height(doc, row);
            if whole > (CONTENT_BOTTOM - MARGIN) / 2.0 {
                return head + rows.iter().take(2).map(|r| self.row_height(doc, r)).sum::<f32>();
            }
        }
        whole
    }

    fn draw(&self, doc: &mut Doc, caption: &str, rows: &[Row]) {
        doc.ensure(self.start_height(doc, rows));
        doc.caption(self.x, caption);
        self.draw_header(doc);
        let mut group: Option<&Row> = None;
        let mut zebra = false;
        for row in rows {
            let lines = self.row_lines(doc, row);
            let h = Table::height(&lines);
            // A group heading never ends a page: it keeps its first row.
            let keep = if row.kind == Kind::Group { 2.0 * h } else { h };
            if doc.room() < keep {
                doc.new_page();
                doc.caption(self.x, &format!("{caption} (continued)"));
                self.draw_header(doc);
                zebra = false;
                if let (Some(g), true) = (group, row.kind != Kind::Group) {
                    let g = g.continued();
                    self.draw_row(doc, &g, &self.row_lines(doc, &g), false);
                }
            }
            match row.kind {
                Kind::Group => group = Some(row),
                Kind::Subtotal | Kind::Total => group = None,
                Kind::Body => {}
            }
            self.draw_row(doc, row, &lines, zebra);
            zebra = row.kind == Kind::Body && !zebra;
        }
        doc.y += TABLE_GAP;
    }

    /// The lines each cell is drawn as: wrapped, or cut to one line with "…".
    fn layout(&self, doc: &Doc, cells: &[Cell], bold: bool, wrap: bool) -> Vec<Vec<String>> {
        self.cols
            .iter()
            .zip(cells)
            .map(|(col, cell)| {
                let face = doc.face(bold || cell.bold);
                let max = col.width - 2.0 * CELL_PAD_X;
                if wrap || col.wrap {
                    face.wrap(&cell.text, BODY.size, max)
                } else {
                    vec![face.fit(&cell.text, BODY.size, max)]
                }
            })
            .collect()
    }

    /// A group heading spans the whole table rather than its first column.
    fn spanning(&self) -> Table {
        Table { x: self.x, cols: vec![Col { header: String::new(), width: self.width(), align: Align::Left, wrap: false }] }
    }

    fn row_lines(&self, doc: &Doc, row: &Row) -> Vec<Vec<String>> {
        match row.kind {
            Kind::Group => self.spanning().layout(doc, &row.cells[..1], true, false),
            _ => self.layout(doc, &row.cells, row.kind != Kind::Body, false),
        }
    }

    fn height(lines: &[Vec<String>]) -> f32 {
        lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * LINE_H + 2.0 * CELL_PAD_Y
    }

    fn row_height(&self, doc: &Doc, row: &Row) -> f32 {
        Table::height(&self.row_lines(doc, row))
    }

    fn header_cells(&self) -> Vec<Cell> {
        self.cols.iter().map(|c| Cell::from(c.header.as_str())).collect()
    }

    fn header_height(&self, doc: &Doc) -> f32 {
        Table::height(&self.layout(doc, &self.header_cells(), true, true))
    }

    fn draw_header(&self, doc: &mut Doc) {
        let cells = self.header_cells();
        // Headers wrap, so narrow columns can still carry a long heading.
        let lines = self.layout(doc, &cells, true, true);
        let h = Table::height(&lines);
        doc.rect(self.x, doc.y, self.width(), h, HEADER_FILL);
        self.draw_cells(doc, h, &cells, &lines, Style { bold: true, color: WHITE, ..BODY });
        doc.y += h;
    }

    fn draw_row(&self, doc: &mut Doc, row: &Row, lines: &[Vec<String>], zebra: bool) {
        let h = Table::height(lines);
        let (x, w, top) = (self.x, self.width(), doc.y);
        match row.kind {
            Kind::Body if zebra => doc.rect(x, top, w, h, ZEBRA),
            Kind::Body => {}
            Kind::Group => doc.rect(x, top, w, h, GROUP_FILL),
            Kind::Subtotal => doc.line(&[(x, top), (x + w, top)], 0.6, MUTED),
            Kind::Total => {
                doc.rect(x, top, w, h, TOTAL_FILL);
                doc.line(&[(x, top), (x + w, top)], 1.0, INK);
            }
        }
        let style = Style { bold: row.kind != Kind::Body, ..BODY };
        match row.kind {
            Kind::Group => self.spanning().draw_cells(doc, h, &row.cells[..1], lines, style),
            _ => self.draw_cells(doc, h, &row.cells, lines, style),
        }
        doc.y += h;
    }

    /// Writes each cell's lines, vertically centred in a row of height `h`
    /// starting at the current position.
    fn draw_cells(&self, doc: &mut Doc, h: f32, cells: &[Cell], lines: &[Vec<String>], style: Style) {
        let top = doc.y;
        let mut x = self.x;
        for ((col, cell), cell_lines) in self.cols.iter().zip(cells).zip(lines) {
            let mut style = Style { bold: style.bold || cell.bold, ..style };
            if let Some(fill) = cell.fill {
                // Inset, so neighbouring coloured cells read as separate tiles.
                doc.rect(x + 1.0, top + 1.0, col.width - 2.0, h - 2.0, fill);
                style.color = text_on(fill);
            }
            let first = top + (h - cell_lines.len() as f32 * LINE_H) / 2.0;
            for (i, line) in cell_lines.iter().enumerate() {
                let baseline = centred_baseline(first + i as f32 * LINE_H, LINE_H, style.size);
                doc.text_in(x + CELL_PAD_X, col.width - 2.0 * CELL_PAD_X, baseline, line, style, col.align);
            }
            x += col.width;
        }
    }
}

/// The baseline that centres capitals in a band from `top`, `h` high
/// (DejaVu Sans' capitals are 0.73 em tall).
fn centred_baseline(top: f32, h: f32, size: f32) -> f32 {
    top + h / 2.0 + 0.365 * size
}

/// Dark text on light fills, white on dark ones.
fn text_on(fill: Rgb3) -> Rgb3 {
    let luminance = 0.299 * fill[0] + 0.587 * fill[1] + 0.114 * fill[2];
    if luminance < 0.55 {
        WHITE
    } else {
        INK
    }
}

// ---------------------------------------------------------------- charts

/// A rectangle on the page: `top` measured down from the page's top edge.
#[derive(Clone, Copy)]
struct Frame {
    x: f32,
    top: f32,
    w: f32,
    h: f32,
}

/// Where a chart goes: right of a table starting at `top`.
fn chart_frame(top: f32) -> Frame {
    Frame { x: CHART_X, top, w: MARGIN + CONTENT_W - CHART_X, h: CHART_H }
}

/// Chart geometry only: never used to present an amount.
fn to_f32(m: Money) -> f32 {
    m.decimal().to_f32().unwrap_or(0.0)
}

/// A value axis from zero in round steps (1, 2, 2.5 or 5 times a power of
/// ten) of whole currency units, reaching at least `max`. Steps are integers,
/// so the tick labels are exact.
struct Axis {
    step: u64,
    ticks: u64,
}

impl Axis {
    fn new(max: f32) -> Axis {
        let max = max.max(1.0);
        let raw = f64::from(max) / 5.0;
        let mut magnitude: u64 = 1;
        while (magnitude * 10) as f64 <= raw {
            magnitude *= 10;
        }
        let step = [10, 20, 25, 50, 100].iter().map(|m| m * magnitude / 10).find(|s| *s as f64 >= raw).expect("ten times the magnitude exceeds raw");
        Axis { step, ticks: (f64::from(max) / step as f64).ceil() as u64 }
    }

    fn top(&self) -> f32 {
        (self.step * self.ticks) as f32
    }

    fn label(&self, i: u64) -> String {
        group_thousands(&(self.step * i).to_string())
    }

    /// Draws the gridlines and their labels left of `plot`.
    fn draw(&self, doc: &mut Doc, plot: Frame) {
        for i in 0..=self.ticks {
            let y = plot.top + plot.h - plot.h * i as f32 / self.ticks as f32;
            let (width, color) = if i == 0 { (0.8, INK) } else { (0.4, RULE) };
            doc.line(&[(plot.x, y), (plot.x + plot.w, y)], width, color);
            doc.text_in(plot.x - 56.0, 52.0, y + 2.5, &self.label(i), SMALL, Align::Right);
        }
    }

    /// The vertical position of a value inside `plot`.
    fn y(&self, plot: Frame, value: f32) -> f32 {
        plot.top + plot.h - plot.h * value / self.top()
    }
}

/// The plot area of a chart inside its frame: room for the caption and axis
/// title above, the value labels left, and the category labels and legend below.
fn plot_area(doc: &mut Doc, frame: Frame, caption: &str, axis_title: &str) -> Frame {
    doc.text(frame.x, frame.top + 11.0, caption, CAPTION);
    doc.text(frame.x, frame.top + CAPTION_H + 6.0, axis_title, SMALL);
    let top = frame.top + CAPTION_H + 22.0;
    Frame { x: frame.x + 60.0, top, w: frame.w - 64.0, h: frame.top + frame.h - 44.0 - top }
}

fn legend(doc: &mut Doc, x: f32, baseline: f32, items: &[(Rgb3, &str)]) {
    let mut x = x;
    for (color, label) in items {
        doc.rect(x, baseline - 7.0, 8.0, 8.0, *color);
        doc.text(x + 11.0, baseline, label, Style { color: INK, ..SMALL });
        x += 11.0 + doc.regular.width(label, SMALL.size) + 14.0;
    }
}

/// Two stacked bars, one per operating model, split into the premium's
/// components, with each total written above its bar.
fn premium_chart(doc: &mut Doc, frame: Frame, currency: &str, models: [&ModelCost; 2]) {
    let plot = plot_area(doc, frame, "Portfolio premium per year by component", &format!("{currency} per year"));
    let axis = Axis::new(models.iter().map(|m| to_f32(m.total)).fold(0.0, f32::max));
    axis.draw(doc, plot);
    let names = [OperatingModel::OpsRunIt.label(), OperatingModel::YouBuildItYouRunIt.label()];
    let bar_w = (plot.w / 4.0).min(90.0);
    for (i, (m, name)) in models.iter().zip(names).enumerate() {
        let centre = plot.x + plot.w * (0.25 + 0.5 * i as f32);
        let x = centre - bar_w / 2.0;
        let mut base = 0.0;
        for (value, color) in [(m.standby, STANDBY), (m.callout, CALLOUT), (m.setup, SETUP), (m.expected_loss, LOSS)] {
            let (y0, y1) = (axis.y(plot, base), axis.y(plot, base + to_f32(value)));
            doc.rect(x, y1, bar_w, y0 - y1, color);
            // Written on the segment only where it fits; the table has them all.
            let label = value.grouped();
            if y0 - y1 >= 11.0 && doc.regular.width(&label, SMALL.size) <= bar_w - 4.0 {
                doc.text_in(x, bar_w, centred_baseline(y1, y0 - y1, SMALL.size), &label, Style { color: text_on(color), ..SMALL }, Align::Center);
            }
            base += to_f32(value);
        }
        let (total, total_style) = (m.total.grouped(), Style { size: 8.5, bold: true, color: INK });
        let total_w = doc.bold.width(&total, total_style.size);
        // On white, so a gridline never runs through the figure.
        doc.rect(centre - total_w / 2.0 - 2.0, axis.y(plot, base) - 14.0, total_w + 4.0, 12.0, WHITE);
        doc.text_in(centre - total_w / 2.0, total_w, axis.y(plot, base) - 4.0, &total, total_style, Align::Center);
        doc.text_in(centre - 80.0, 160.0, plot.top + plot.h + 12.0, name, Style { size: 8.5, ..BODY }, Align::Center);
    }
    let baseline = frame.top + frame.h - 6.0;
    legend(doc, plot.x, baseline, &[(STANDBY, "Standby"), (CALLOUT, "Callout"), (SETUP, "Setup (amortised)"), (LOSS, "Expected loss")]);
}

struct Series {
    color: Rgb3,
    label: &'static str,
    value: fn(&RunCostPoint) -> Money,
    width: f32,
    dash: &'static [f32],
}

/// The series often coincide (domain schedules and Ops Run It at one
/// domain): domain schedules are drawn wide and Ops Run It dashed over
/// them, so both show.
const RUN_COST_SERIES: [Series; 3] = [
    Series { color: STANDBY, label: "YBIYRI team schedules", value: |p| p.team_schedules, width: 1.6, dash: &[] },
    Series { color: CALLOUT, label: "YBIYRI domain schedules", value: |p| p.domain_schedules, width: 3.0, dash: &[] },
    Series { color: LOSS, label: "Ops Run It", value: |p| p.ops_run_it, width: 1.4, dash: &[4.0, 2.5] },
];

/// The run cost series against the number of teams on call.
fn line_chart(doc: &mut Doc, frame: Frame, currency: &str, points: &[RunCostPoint]) {
    let plot = plot_area(doc, frame, "Standby per year by teams on call", &format!("{currency} per year"));
    let max = points.iter().flat_map(|p| [p.team_schedules, p.domain_schedules, p.ops_run_it]).map(to_f32).fold(0.0, f32::max);
    let axis = Axis::new(max);
    axis.draw(doc, plot);
    let last = points.len().max(2) - 1;
    let x_of = |i: usize| plot.x + plot.w * i as f32 / last as f32;
    // Label every team count while they fit, else every few.
    let every = points.len().div_ceil(12).max(1);
    for (i, p) in points.iter().enumerate().filter(|(i, _)| i % every == 0) {
        doc.line(&[(x_of(i), plot.top + plot.h), (x_of(i), plot.top + plot.h + 3.0)], 0.6, INK);
        doc.text_in(x_of(i) - 15.0, 30.0, plot.top + plot.h + 12.0, &p.teams.to_string(), SMALL, Align::Center);
    }
    doc.text_in(plot.x, plot.w, plot.top + plot.h + 24.0, "Teams on call", SMALL, Align::Center);
    for s in &RUN_COST_SERIES {
        let path: Vec<(f32, f32)> = points.iter().enumerate().map(|(i, p)| (x_of(i), axis.y(plot, to_f32((s.value)(p))))).collect();
        doc.ops().push(Op::SetLineDashPattern { dash: LineDashPattern::new(0.0, s.dash) });
        doc.line(&path, s.width, s.color);
    }
    doc.ops().push(Op::SetLineDashPattern { dash: LineDashPattern::solid() });
    let items: Vec<(Rgb3, &str)> = RUN_COST_SERIES.iter().map(|s| (s.color, s.label)).collect();
    legend(doc, plot.x, frame.top + frame.h - 6.0, &items);
}

// -------------------------------------------------------------- document

/// A font face, embedded in the document and measured with its own advances.
struct Face {
    font: ParsedFont,
    id: FontId,
    units_per_em: f32,
}

impl Face {
    fn load(pdf: &mut PdfDocument, bytes: &[u8]) -> Face {
        let font = ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).expect("the bundled DejaVu fonts parse");
        let id = pdf.add_font(&font);
        let units_per_em = f32::from(font.pdf_font_metrics.units_per_em);
        Face { font, id, units_per_em }
    }

    fn advance(&self, c: char) -> f32 {
        let glyph = self.font.lookup_glyph_index(c as u32).unwrap_or(0);
        f32::from(self.font.get_horizontal_advance(glyph))
    }

    /// The width of `text` in points. printpdf writes one glyph per char
    /// with the font's advances and no kerning, so this is exact.
    fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance(c)).sum::<f32>() * size / self.units_per_em
    }

    /// `text`, cut short with "…" if it is wider than `max`.
    fn fit(&self, text: &str, size: f32, max: f32) -> String {
        if self.width(text, size) <= max {
            return text.to_string();
        }
        let room = max * self.units_per_em / size - self.advance('…');
        let mut used = 0.0;
        let cut: String = text
            .chars()
            .take_while(|c| {
                used += self.advance(*c);
                used <= room
            })
            .collect();
        format!("{}…", cut.trim_end())
    }

    /// Greedy word wrap to `max`; a word longer than a line is cut with "…".
    fn wrap(&self, text: &str, size: f32, max: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let joined = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
            if line.is_empty() || self.width(&joined, size) <= max {
                line = joined;
            } else {
                lines.push(std::mem::replace(&mut line, word.to_string()));
            }
        }
        lines.push(line);
        lines.iter().map(|l| self.fit(l, size, max)).collect()
    }
}

/// Pages of drawing operations, laid out top to bottom, with a cursor `y`.
struct Doc {
    pdf: PdfDocument,
    regular: Face,
    bold: Face,
    /// Left of every footer: the report and the workspace.
    footer: String,
    generated: NaiveDate,
    pages: Vec<Vec<Op>>,
    /// The page drawing goes to; the footers revisit every page.
    current: usize,
    /// The top of the free space on the current page.
    y: f32,
}

impl Doc {
    fn new(title: &str, workspace: &str, generated: NaiveDate) -> Doc {
        let mut pdf = PdfDocument::new(&format!("{title}: {workspace}"));
        let date = pdf_date(generated);
        let info = &mut pdf.metadata.info;
        info.creator = "opmodel".into();
        info.subject = format!("{title} for the workspace {workspace}");
        (info.creation_date, info.modification_date, info.metadata_date) = (date, date, date);
        let regular = Face::load(&mut pdf, REGULAR_TTF);
        let bold = Face::load(&mut pdf, BOLD_TTF);
        Doc { pdf, regular, bold, footer: format!("{title} · {workspace}"), generated, pages: vec![Vec::new()], current: 0, y: MARGIN }
    }

    fn face(&self, bold: bool) -> &Face {
        if bold {
            &self.bold
        } else {
            &self.regular
        }
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.current = self.pages.len() - 1;
        self.y = MARGIN;
    }

    fn room(&self) -> f32 {
        CONTENT_BOTTOM - self.y
    }

    /// Starts a new page unless `h` points still fit on this one.
    fn ensure(&mut self, h: f32) {
        if self.room() < h && self.y > MARGIN {
            self.new_page();
        }
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        &mut self.pages[self.current]
    }

    fn text(&mut self, x: f32, baseline: f32, text: &str, style: Style) {
        let font = self.face(style.bold).id.clone();
        self.ops().extend([
            Op::SetFillColor { col: color(style.color) },
            Op::StartTextSection,
            Op::SetFont { font: PdfFontHandle::External(font), size: Pt(style.size) },
            Op::SetTextCursor { pos: point(x, baseline) },
            Op::ShowText { items: vec![TextItem::Text(text.to_string())] },
            Op::EndTextSection,
        ]);
    }

    /// Text aligned inside a box from `x`, `w` wide (not cut: callers fit it).
    fn text_in(&mut self, x: f32, w: f32, baseline: f32, text: &str, style: Style, align: Align) {
        let width = self.face(style.bold).width(text, style.size);
        let left = match align {
            Align::Left => x,
            Align::Center => x + (w - width) / 2.0,
            Align::Right => x + w - width,
        };
        self.text(left, baseline, text, style);
    }

    fn rect(&mut self, x: f32, top: f32, w: f32, h: f32, fill: Rgb3) {
        let rectangle = Rect { x: Pt(x), y: Pt(PAGE_H - top - h), width: Pt(w), height: Pt(h), mode: Some(PaintMode::Fill), winding_order: None };
        self.ops().extend([Op::SetFillColor { col: color(fill) }, Op::DrawRectangle { rectangle }]);
    }

    fn line(&mut self, points: &[(f32, f32)], width: f32, stroke: Rgb3) {
        let points = points.iter().map(|&(x, y)| LinePoint { p: point(x, y), bezier: false }).collect();
        self.ops().extend([
            Op::SetOutlineColor { col: color(stroke) },
            Op::SetOutlineThickness { pt: Pt(width) },
            Op::DrawLine { line: Line { points, is_closed: false } },
        ]);
    }

    /// The first page's head: the title and the facts a reader checks first
    /// on the left, the headline figure on the right.
    fn title_block(&mut self, title: &str, facts: &[(&str, String)], headline: (&str, String)) {
        self.text(MARGIN, MARGIN + 20.0, title, Style { size: 22.0, bold: true, color: INK });
        let mut baseline = MARGIN + 44.0;
        for (label, value) in facts {
            self.text(MARGIN, baseline, label, Style { color: MUTED, ..BODY });
            let value = self.bold.fit(value, BODY.size, CONTENT_W / 2.0);
            self.text(MARGIN + 80.0, baseline, &value, Style { bold: true, ..BODY });
            baseline += 13.0;
        }
        self.text_in(MARGIN, CONTENT_W, MARGIN + 44.0, headline.0, Style { color: MUTED, ..BODY }, Align::Right);
        self.text_in(MARGIN, CONTENT_W, MARGIN + 66.0, &headline.1, Style { size: 18.0, bold: true, color: INK }, Align::Right);
        self.y = baseline - 4.0;
        self.line(&[(MARGIN, self.y), (MARGIN + CONTENT_W, self.y)], 0.8, INK);
        self.y += 16.0;
    }

    fn heading(&mut self, text: &str) {
        // A heading never ends a page.
        self.ensure(90.0);
        self.text(MARGIN, self.y + 13.0, text, Style { size: 13.0, bold: true, color: HEADER_FILL });
        self.y += 22.0;
    }

    fn caption(&mut self, x: f32, text: &str) {
        self.text(x, self.y + 11.0, text, CAPTION);
        self.y += CAPTION_H;
    }

    fn paragraph(&mut self, text: &str) {
        for line in self.regular.wrap(text, BODY.size, CONTENT_W) {
            self.ensure(LINE_H + 2.0);
            self.text(MARGIN, self.y + 9.0, &line, Style { color: MUTED, ..BODY });
            self.y += LINE_H + 2.0;
        }
        self.y += 8.0;
    }

    /// Every page's footer: report and workspace left, generation date in
    /// the middle, "Page k of N" right.
    fn footer(&mut self, n: usize) {
        let baseline = PAGE_H - MARGIN;
        self.line(&[(MARGIN, baseline - 12.0), (MARGIN + CONTENT_W, baseline - 12.0)], 0.5, RULE);
        let left = self.regular.fit(&self.footer, SMALL.size, CONTENT_W * 0.4);
        self.text(MARGIN, baseline, &left, SMALL);
        self.text_in(MARGIN, CONTENT_W, baseline, &format!("Generated {}", self.generated), SMALL, Align::Center);
        self.text_in(MARGIN, CONTENT_W, baseline, &format!("Page {} of {n}", self.current + 1), SMALL, Align::Right);
    }

    fn finish(mut self) -> Vec<u8> {
        let n = self.pages.len();
        for k in 0..n {
            self.current = k;
            self.footer(n);
        }
        let pages = self.pages.into_iter().map(|ops| PdfPage::new(Mm(297.0), Mm(210.0), ops)).collect();
        self.pdf.with_pages(pages).save(&PdfSaveOptions::default(), &mut Vec::new())
    }
}

fn color(c: Rgb3) -> Color {
    Color::Rgb(Rgb::new(c[0], c[1], c[2], None))
}

/// A point given from the page's top edge, in PDF's bottom-up coordinates.
fn point(x: f32, top: f32) -> Point {
    Point { x: Pt(x), y: Pt(PAGE_H - top) }
}

fn pdf_date(d: NaiveDate) -> printpdf::OffsetDateTime {
    printpdf::DateTime {
        date: printpdf::Date { year: d.year(), month: d.month() as u8, day: d.day() as u8 },
        time: printpdf::Time { hour: 0, minute: 0, second: 0, millisecond: 0 },
        offset: printpdf::Offset { hours: 0, minutes: 0, seconds: 0, milliseconds: 0 },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axes_step_in_round_whole_numbers() {
        let steps = |max: f32| {
            let a = Axis::new(max);
            (a.step, a.ticks)
        };
        assert_eq!(steps(15_155_333.33), (5_000_000, 4));
        assert_eq!(steps(260_000.0), (100_000, 3));
        assert_eq!(steps(12_000.0), (2_500, 5));
        assert_eq!(steps(0.0), (1, 1));
        assert_eq!(Axis::new(5_049_434_000.0).label(3), "6,000,000,000");
    }

    #[test]
    fn text_is_cut_to_fit_its_column_by_the_font_s_own_advances() {
        let mut pdf = PdfDocument::new("test");
        let face = Face::load(&mut pdf, REGULAR_TTF);
        let long = "ecommerce-platform-with-a-very-long-name";
        let cut = face.fit(long, 9.0, 100.0);
        assert!(cut.ends_with('…') && long.starts_with(cut.trim_end_matches('…')), "{cut}");
        assert!(face.width(&cut, 9.0) <= 100.0);
        assert_eq!(face.fit("bedroom", 9.0, 100.0), "bedroom");
        assert_eq!(face.wrap("A for product-funded services", 9.0, 100.0), ["A for product-funded", "services"]);
    }
}
