//! The domain map as a picture: each domain a labelled box with its kind,
//! who pays its on-call, its schedule and warnings, then its teams and their
//! services; the services in no domain last.

use super::scene::{fit, masonry, Scene, AMBER, INK, MUTED, WHITE};
use crate::map::{DomainCard, DomainMap, TeamCard};
use crate::model::BudgetHolder;
use crate::money::group_thousands;
use crate::oncall::OutOfHours;
use crate::selector::{OperatingModel, ServiceKind};

pub const BOX_W: f32 = 560.0;
pub const GAP: f32 = 28.0;
const LINE: f32 = 22.0;
/// The page title and headline above the boxes.
const HEAD_H: f32 = 84.0;

pub(super) fn model_word(m: OperatingModel) -> &'static str {
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

fn teams_height(teams: &[TeamCard]) -> f32 {
    teams.iter().map(|t| (1 + t.services.len()) as f32 * LINE + 10.0).sum()
}

fn draw_teams(s: &mut Scene, x: f32, mut y: f32, teams: &[TeamCard]) {
    for t in teams {
        let rows = t.services.len() as f32;
        s.rect(x, y - 16.0, BOX_W - 32.0, (rows + 1.0) * LINE + 4.0, 6.0, WHITE, Some(([0xc9, 0xd1, 0xdc], 1.0)));
        let schedule = if t.team_schedule { "  · has a team schedule" } else { "" };
        s.text(x + 10.0, y, 14.0, true, INK, fit(&format!("Team {}{schedule}", t.name), 14.0, BOX_W - 52.0));
        y += LINE;
        for v in &t.services {
            let kind = if v.kind == ServiceKind::Foundational { "■ " } else { "● " };
            let line = format!("{kind}{} · {}% · {} · out of hours: {}", v.name, v.availability_target, model_word(v.operating_model), cover_word(v.on_call_out_of_hours));
            s.text(x + 22.0, y, 13.0, false, INK, fit(&line, 13.0, BOX_W - 64.0));
            y += LINE;
        }
        y += 10.0;
    }
}

fn domain_box(d: &DomainCard, currency: &str) -> Scene {
    let schedule = match &d.schedule {
        Some(s) => format!("Domain schedule: {} people (one week in {}) · {} {currency} a year", s.participants, s.participants.max(1), group_thousands(&s.standby)),
        None => "No domain schedule".to_string(),
    };
    let header = 3 + d.warnings.len();
    let h = 24.0 + header as f32 * LINE + teams_height(&d.teams) + 14.0;
    let mut s = Scene::new(BOX_W, h);
    let stroke = if d.warnings.is_empty() { [0x2c, 0x40, 0x60] } else { AMBER };
    s.rect(0.0, 0.0, BOX_W, h, 10.0, [0xee, 0xf3, 0xf9], Some((stroke, 2.0)));
    let kind = if d.not_recommended { format!("{} (not recommended)", d.kind.as_str()) } else { d.kind.as_str().to_string() };
    let holder = if d.holder == BudgetHolder::HeadOfDelivery { "Head of Delivery" } else { "Head of Product" };
    s.text(16.0, 28.0, 17.0, true, INK, fit(&format!("{} ({kind})", d.name), 17.0, BOX_W - 32.0));
    s.text(16.0, 28.0 + LINE, 13.0, false, MUTED, format!("On-call paid by the {holder}"));
    s.text(16.0, 28.0 + 2.0 * LINE, 13.0, false, MUTED, fit(&schedule, 13.0, BOX_W - 32.0));
    for (i, w) in d.warnings.iter().enumerate() {
        s.text(16.0, 28.0 + LINE * (3 + i) as f32, 13.0, true, AMBER, fit(&format!("⚠ {w}"), 13.0, BOX_W - 32.0));
    }
    draw_teams(&mut s, 16.0, 28.0 + LINE * (header as f32 + 0.6), &d.teams);
    s
}

fn tray_box(teams: &[TeamCard]) -> Scene {
    let h = 24.0 + LINE + teams_height(teams) + 14.0;
    let mut s = Scene::new(BOX_W, h);
    s.dashed_rect(0.0, 0.0, BOX_W, h, 10.0, [0xf7, 0xf7, 0xf8], ([0x8a, 0x94, 0xa3], 2.0));
    s.text(16.0, 28.0, 17.0, true, INK, "In no domain");
    draw_teams(&mut s, 16.0, 28.0 + LINE * 1.6, teams);
    s
}

/// One box per domain, then the tray when some services are in no domain.
pub fn domain_boxes(map: &DomainMap) -> Vec<Scene> {
    let mut boxes: Vec<Scene> = map.domains.iter().map(|d| domain_box(d, &map.currency)).collect();
    if !map.tray.is_empty() {
        boxes.push(tray_box(&map.tray));
    }
    boxes
}

/// "3 out-of-hours schedules · standby 52,000.00 USD a year".
pub fn headline(map: &DomainMap) -> String {
    format!("{} out-of-hours schedules · standby {} {} a year", map.schedules, group_thousands(&map.standby), map.currency)
}

/// The whole map on one canvas, boxes in three columns.
pub fn domain_map_scene(map: &DomainMap) -> Scene {
    let boxes = domain_boxes(map);
    let heights: Vec<f32> = boxes.iter().map(|b| b.h).collect();
    let (places, bottom) = masonry(&heights, 3, BOX_W, GAP, HEAD_H);
    let mut s = Scene::new(3.0 * BOX_W + 4.0 * GAP, bottom);
    s.text(GAP, 40.0, 24.0, true, INK, "On-call domains");
    s.text(GAP, 68.0, 16.0, false, MUTED, headline(map));
    for (b, (x, y)) in boxes.iter().zip(places) {
        s.place(b, x, y);
    }
    s
}
