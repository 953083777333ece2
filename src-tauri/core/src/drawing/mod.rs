//! The domain map and the selector as pictures (SVG, and PNG through resvg
//! with our own fonts), for the CLI and to hand out after a workshop.
//! Coordinates are geometry; every figure written is a presented amount.

use std::fmt::Write;

use crate::map::{DomainMap, TeamCard};
use crate::model::BudgetHolder;
use crate::money::group_thousands;
use crate::oncall::OutOfHours;
use crate::selector::{OperatingModel, ServiceKind, TrafficLight};
use crate::selector_chart::SelectorChart;

const REGULAR_TTF: &[u8] = include_bytes!("../../fonts/DejaVuSans.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../../fonts/DejaVuSans-Bold.ttf");
const FONT: &str = "DejaVu Sans";
const INK: &str = "#21262e";
const MUTED: &str = "#5f6b7a";
const AMBER: &str = "#b45309";

/// Text safe inside SVG.
fn esc(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// DejaVu Sans averages about 0.55 em a character: text is cut to fit on that.
fn fit(text: &str, size: f32, width: f32) -> String {
    let max = (width / (size * 0.56)) as usize;
    if text.chars().count() <= max {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(max.saturating_sub(1)).collect::<String>())
    }
}

fn text(out: &mut String, x: f32, y: f32, size: f32, bold: bool, fill: &str, content: &str) {
    let weight = if bold { " font-weight=\"bold\"" } else { "" };
    let _ = writeln!(out, r#"<text x="{x:.1}" y="{y:.1}" font-size="{size}"{weight} fill="{fill}">{}</text>"#, esc(content));
}

fn model_word(m: OperatingModel) -> &'static str {
    match m {
        OperatingModel::OpsRunIt => "Ops Run It",
        OperatingModel::YouBuildItYouRunIt => "YBIYRI",
    }
}

fn cover_word(o: OutOfHours) -> &'static str {
    match o {
        OutOfHours::None => "no cover",
        OutOfHours::Domain => "domain",
        OutOfHours::Team => "team",
        OutOfHours::AppSupport => "app support",
    }
}

const BOX_W: f32 = 560.0;
const GAP: f32 = 28.0;
const LINE: f32 = 22.0;

/// One domain's (or the tray's) height: header lines, then each team and its services.
fn box_height(header_lines: usize, teams: &[TeamCard]) -> f32 {
    let rows: usize = teams.iter().map(|t| 1 + t.services.len()).sum();
    24.0 + header_lines as f32 * LINE + rows as f32 * LINE + teams.len() as f32 * 10.0 + 14.0
}

fn draw_teams(out: &mut String, x: f32, mut y: f32, teams: &[TeamCard]) {
    for t in teams {
        let rows = t.services.len() as f32;
        let _ = writeln!(out, r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="6" fill="#ffffff" stroke="#c9d1dc"/>"##, x, y - 16.0, BOX_W - 32.0, (rows + 1.0) * LINE + 4.0);
        let schedule = if t.team_schedule { "  · has a team schedule" } else { "" };
        text(out, x + 10.0, y, 14.0, true, INK, &fit(&format!("Team {}{schedule}", t.name), 14.0, BOX_W - 52.0));
        y += LINE;
        for s in &t.services {
            let kind = if s.kind == ServiceKind::Foundational { "■ " } else { "● " };
            let line = format!("{kind}{} · {}% · {} · out of hours: {}", s.name, s.availability_target, model_word(s.operating_model), cover_word(s.on_call_out_of_hours));
            text(out, x + 22.0, y, 13.0, false, INK, &fit(&line, 13.0, BOX_W - 64.0));
            y += LINE;
        }
        y += 10.0;
    }
}

/// The domains drawn as labelled regions with their teams, services and
/// schedules, the tray of services in no domain last.
pub fn domain_map_svg(map: &DomainMap) -> String {
    let width = 3.0 * BOX_W + 4.0 * GAP;
    let mut body = String::new();
    let mut heights = [84.0_f32; 3];
    let headline = format!("{} out-of-hours schedules · standby {} {} a year", map.schedules, group_thousands(&map.standby), map.currency);
    text(&mut body, GAP, 40.0, 24.0, true, INK, "On-call domains");
    text(&mut body, GAP, 68.0, 16.0, false, MUTED, &headline);
    let mut place = |h: f32| {
        let col = (0..3).min_by(|a, b| heights[*a].total_cmp(&heights[*b])).unwrap_or(0);
        let (x, y) = (GAP + col as f32 * (BOX_W + GAP), heights[col]);
        heights[col] += h + GAP;
        (x, y)
    };
    for d in &map.domains {
        let schedule = match &d.schedule {
            Some(s) => format!("Domain schedule: {} people (one week in {}) · {} {} a year", s.participants, s.participants.max(1), group_thousands(&s.standby), map.currency),
            None => "No domain schedule".to_string(),
        };
        let header = 3 + d.warnings.len();
        let h = box_height(header, &d.teams);
        let (x, y) = place(h);
        let stroke = if d.warnings.is_empty() { "#2c4060" } else { AMBER };
        let _ = writeln!(body, r##"<rect x="{x:.1}" y="{y:.1}" width="{BOX_W}" height="{h:.1}" rx="10" fill="#eef3f9" stroke="{stroke}" stroke-width="2"/>"##);
        let kind = if d.not_recommended { format!("{} (not recommended)", d.kind.as_str()) } else { d.kind.as_str().to_string() };
        let holder = if d.holder == BudgetHolder::HeadOfDelivery { "Head of Delivery" } else { "Head of Product" };
        text(&mut body, x + 16.0, y + 28.0, 17.0, true, INK, &fit(&format!("{} ({kind})", d.name), 17.0, BOX_W - 32.0));
        text(&mut body, x + 16.0, y + 28.0 + LINE, 13.0, false, MUTED, &format!("On-call paid by the {holder}"));
        text(&mut body, x + 16.0, y + 28.0 + 2.0 * LINE, 13.0, false, MUTED, &fit(&schedule, 13.0, BOX_W - 32.0));
        for (i, w) in d.warnings.iter().enumerate() {
            text(&mut body, x + 16.0, y + 28.0 + LINE * (3 + i) as f32, 13.0, true, AMBER, &fit(&format!("⚠ {w}"), 13.0, BOX_W - 32.0));
        }
        draw_teams(&mut body, x + 16.0, y + 28.0 + LINE * (header as f32 + 0.6), &d.teams);
    }
    if !map.tray.is_empty() {
        let h = box_height(1, &map.tray);
        let (x, y) = place(h);
        let _ = writeln!(body, r##"<rect x="{x:.1}" y="{y:.1}" width="{BOX_W}" height="{h:.1}" rx="10" fill="#f7f7f8" stroke="#8a94a3" stroke-width="2" stroke-dasharray="8 5"/>"##);
        text(&mut body, x + 16.0, y + 28.0, 17.0, true, INK, "In no domain");
        draw_teams(&mut body, x + 16.0, y + 28.0 + LINE * 1.6, &map.tray);
    }
    let height = heights.iter().copied().fold(0.0_f32, f32::max) + GAP;
    document(width, height, &body)
}

fn document(width: f32, height: f32, body: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.0} {height:.0}\" font-family=\"{FONT}\">\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n{body}</svg>\n"
    )
}

const CELL_W: f32 = 300.0;
const CELL_LINE: f32 = 19.0;
/// Beyond this many names a cell says how many more there are.
const NAMES_PER_CELL: usize = 12;

/// The selector: demand across, availability up, each cell coloured as the
/// selector decides for a digital service, every service named in its cell
/// (■ foundational, ● digital; "→ 99.9% at peak" where its peak takes it).
pub fn selector_svg(chart: &SelectorChart) -> String {
    let cols = chart.columns.len().max(1);
    let rows = chart.rows.len().max(1);
    let mut per_cell = vec![vec![Vec::new(); cols]; rows];
    for m in &chart.services {
        per_cell[m.row as usize][m.column as usize].push(m);
    }
    let tallest = per_cell.iter().flatten().map(|c| c.len().min(NAMES_PER_CELL + 1)).max().unwrap_or(0);
    let cell_h = (60.0 + tallest as f32 * CELL_LINE).max(120.0);
    let (left, top) = (150.0, 110.0);
    let width = left + cols as f32 * CELL_W + 40.0;
    let height = top + rows as f32 * cell_h + 120.0;
    let mut body = String::new();
    text(&mut body, 24.0, 40.0, 24.0, true, INK, "Operating model selector");
    text(&mut body, 24.0, 68.0, 15.0, false, MUTED, "Green: You Build It You Run It · red: Ops Run It · amber: borderline · ■ foundational system (Ops Run It below 99.99%) · ● digital service");
    for (r, level) in chart.rows.iter().enumerate() {
        // The highest level at the top.
        let y = top + (rows - 1 - r) as f32 * cell_h;
        text(&mut body, 24.0, y + cell_h / 2.0, 18.0, true, INK, &format!("{level}%"));
        for (c, cell) in chart.cells[r].iter().enumerate() {
            let x = left + c as f32 * CELL_W;
            let fill = match (cell.highest_target, cell.light) {
                (true, _) => "#cfe9f3",
                (_, Some(TrafficLight::Green)) => "#dcf2e4",
                (_, Some(TrafficLight::Amber)) => "#fdeccc",
                (_, Some(TrafficLight::Red)) => "#fbdcdb",
                _ => "#eceff3",
            };
            let _ = writeln!(body, r##"<rect x="{x:.1}" y="{y:.1}" width="{CELL_W}" height="{cell_h:.1}" fill="{fill}" stroke="#ffffff" stroke-width="3"/>"##);
            let decision = format!("{} digital{}", model_word(cell.digital), if cell.highest_target { ", and foundational" } else { "" });
            text(&mut body, x + 10.0, y + 22.0, 12.0, true, MUTED, &decision);
            let names = &per_cell[r][c];
            for (i, m) in names.iter().take(NAMES_PER_CELL).enumerate() {
                let mark = if m.kind == ServiceKind::Foundational { "■" } else { "●" };
                let peak = m.peak_row.map(|p| format!(" → {}% at peak", chart.rows[p as usize])).unwrap_or_default();
                let over = if m.overridden { format!(" ({}, overridden)", model_word(m.operating_model)) } else { String::new() };
                text(&mut body, x + 12.0, y + 44.0 + i as f32 * CELL_LINE, 13.0, false, INK, &fit(&format!("{mark} {}{over}{peak}", m.name), 13.0, CELL_W - 24.0));
            }
            if names.len() > NAMES_PER_CELL {
                text(&mut body, x + 12.0, y + 44.0 + NAMES_PER_CELL as f32 * CELL_LINE, 13.0, true, MUTED, &format!("and {} more", names.len() - NAMES_PER_CELL));
            }
        }
    }
    let bottom = top + rows as f32 * cell_h;
    for (c, col) in chart.columns.iter().enumerate() {
        let x = left + c as f32 * CELL_W + 10.0;
        text(&mut body, x, bottom + 28.0, 16.0, true, INK, &col.demand);
        text(&mut body, x, bottom + 50.0, 14.0, false, MUTED, &format!("deploys {}", col.deployment.to_lowercase()));
    }
    text(&mut body, left, bottom + 84.0, 15.0, false, MUTED, "Feature demand (deployment target) →      ↑ Availability target, from financial exposure");
    document(width, height, &body)
}

/// An SVG of ours as a PNG, at twice its size so it stays sharp on a projector.
pub fn png(svg: &str) -> Vec<u8> {
    let mut fonts = resvg::usvg::fontdb::Database::new();
    fonts.load_font_data(REGULAR_TTF.to_vec());
    fonts.load_font_data(BOLD_TTF.to_vec());
    let options = resvg::usvg::Options { fontdb: std::sync::Arc::new(fonts), font_family: FONT.to_string(), ..Default::default() };
    let tree = resvg::usvg::Tree::from_str(svg, &options).expect("our own SVG parses");
    let scale = 2.0;
    let size = tree.size();
    let mut pixmap = resvg::tiny_skia::Pixmap::new((size.width() * scale).ceil() as u32, (size.height() * scale).ceil() as u32).expect("a picture of a sensible size");
    resvg::render(&tree, resvg::tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().expect("PNG encoding")
}
