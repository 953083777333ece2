//! The operating model selector as a picture: demand across, availability
//! up, each cell coloured as the selector decides for a digital service,
//! every service named in its cell (■ foundational, ● digital; "→ 99.9% at
//! peak" where its peak takes it).

use super::domain_map::model_word;
use super::scene::{fit, Scene, INK, MUTED};
use crate::selector::{ServiceKind, TrafficLight};
use crate::selector_chart::SelectorChart;

const CELL_LINE: f32 = 19.0;

/// How the selector is laid out: on a screen or handout, or under a page's own heading.
#[derive(Clone, Copy)]
pub struct SelectorLayout {
    pub cell_w: f32,
    /// Beyond this many names a cell says how many more there are.
    pub names_per_cell: usize,
    /// Its own title above the key (a page has its heading instead).
    pub title: bool,
}

pub const SCREEN: SelectorLayout = SelectorLayout { cell_w: 300.0, names_per_cell: 12, title: true };

pub fn selector_scene(chart: &SelectorChart, layout: SelectorLayout) -> Scene {
    let SelectorLayout { cell_w, names_per_cell, title } = layout;
    let cols = chart.columns.len().max(1);
    let rows = chart.rows.len().max(1);
    let mut per_cell = vec![vec![Vec::new(); cols]; rows];
    for m in &chart.services {
        per_cell[m.row as usize][m.column as usize].push(m);
    }
    let tallest = per_cell.iter().flatten().map(|c| c.len().min(names_per_cell + 1)).max().unwrap_or(0);
    let cell_h = (60.0 + tallest as f32 * CELL_LINE).max(120.0);
    let (left, top) = (150.0, if title { 110.0 } else { 70.0 });
    let mut s = Scene::new(left + cols as f32 * cell_w + 40.0, top + rows as f32 * cell_h + 120.0);
    if title {
        s.text(24.0, 40.0, 24.0, true, INK, "Operating model selector");
    }
    let key = "Green: You Build It You Run It · red: Ops Run It · amber: borderline · ■ foundational system (Ops Run It below 99.99%) · ● digital service";
    s.text(24.0, top - 42.0, 15.0, false, MUTED, fit(key, 15.0, s.w - 48.0));
    for (r, level) in chart.rows.iter().enumerate() {
        // The highest level at the top.
        let y = top + (rows - 1 - r) as f32 * cell_h;
        s.text(24.0, y + cell_h / 2.0, 18.0, true, INK, format!("{level}%"));
        for (c, cell) in chart.cells[r].iter().enumerate() {
            let x = left + c as f32 * cell_w;
            let fill = match (cell.highest_target, cell.light) {
                (true, _) => [0xcf, 0xe9, 0xf3],
                (_, Some(TrafficLight::Green)) => [0xdc, 0xf2, 0xe4],
                (_, Some(TrafficLight::Amber)) => [0xfd, 0xec, 0xcc],
                (_, Some(TrafficLight::Red)) => [0xfb, 0xdc, 0xdb],
                _ => [0xec, 0xef, 0xf3],
            };
            s.rect(x, y, cell_w, cell_h, 0.0, fill, Some(([0xff, 0xff, 0xff], 3.0)));
            let decision = format!("{} digital{}", model_word(cell.digital), if cell.highest_target { ", and foundational" } else { "" });
            s.text(x + 10.0, y + 22.0, 12.0, true, MUTED, decision);
            let names = &per_cell[r][c];
            for (i, m) in names.iter().take(names_per_cell).enumerate() {
                let mark = if m.kind == ServiceKind::Foundational { "■" } else { "●" };
                let peak = m.peak_row.map(|p| format!(" → {}% at peak", chart.rows[p as usize])).unwrap_or_default();
                let over = if m.overridden { format!(" ({}, overridden)", model_word(m.operating_model)) } else { String::new() };
                s.text(x + 12.0, y + 44.0 + i as f32 * CELL_LINE, 13.0, false, INK, fit(&format!("{mark} {}{over}{peak}", m.name), 13.0, cell_w - 24.0));
            }
            if names.len() > names_per_cell {
                s.text(x + 12.0, y + 44.0 + names_per_cell as f32 * CELL_LINE, 13.0, true, MUTED, format!("and {} more", names.len() - names_per_cell));
            }
        }
    }
    let bottom = top + rows as f32 * cell_h;
    for (c, col) in chart.columns.iter().enumerate() {
        let x = left + c as f32 * cell_w + 10.0;
        s.text(x, bottom + 28.0, 16.0, true, INK, col.demand.clone());
        s.text(x, bottom + 50.0, 14.0, false, MUTED, format!("deploys {}", col.deployment.to_lowercase()));
    }
    s.text(left, bottom + 84.0, 15.0, false, MUTED, "Feature demand (deployment target) →      ↑ Availability target, from financial exposure");
    s
}
