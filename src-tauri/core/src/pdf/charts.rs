//! Charts beside the tables they illustrate. Floating point only places
//! bars and lines; every figure written is an exact presented amount.

use printpdf::{LineDashPattern, Op};
use rust_decimal::prelude::ToPrimitive;

use super::doc::*;
use crate::money::{group_thousands, Money};
use crate::premiums::{ModelCost, RunCostPoint};
use crate::summary::RunCostNow;
use crate::selector::OperatingModel;


/// A rectangle on the page: `top` measured down from the page's top edge.
#[derive(Clone, Copy)]
pub(super) struct Frame {
    pub(super) x: f32,
    pub(super) top: f32,
    pub(super) w: f32,
    pub(super) h: f32,
}

/// Where a chart goes: right of a table starting at `top`.
pub(super) fn chart_frame(top: f32) -> Frame {
    Frame { x: CHART_X, top, w: MARGIN + CONTENT_W - CHART_X, h: CHART_H }
}

/// Chart geometry only: never used to present an amount.
pub(super) fn to_f32(m: Money) -> f32 {
    m.decimal().to_f32().unwrap_or(0.0)
}

/// A value axis from zero in round steps (1, 2, 2.5 or 5 times a power of
/// ten) of whole currency units, reaching at least `max`. Steps are integers,
/// so the tick labels are exact.
pub(super) struct Axis {
    pub(super) step: u64,
    pub(super) ticks: u64,
}

impl Axis {
    pub(super) fn new(max: f32) -> Axis {
        let max = max.max(1.0);
        let raw = f64::from(max) / 5.0;
        let mut magnitude: u64 = 1;
        while (magnitude * 10) as f64 <= raw {
            magnitude *= 10;
        }
        let step = [10, 20, 25, 50, 100].iter().map(|m| m * magnitude / 10).find(|s| *s as f64 >= raw).expect("ten times the magnitude exceeds raw");
        Axis { step, ticks: (f64::from(max) / step as f64).ceil() as u64 }
    }

    pub(super) fn top(&self) -> f32 {
        (self.step * self.ticks) as f32
    }

    pub(super) fn label(&self, i: u64) -> String {
        group_thousands(&(self.step * i).to_string())
    }

    /// Draws the gridlines and their labels left of `plot`.
    pub(super) fn draw(&self, doc: &mut Doc, plot: Frame) {
        for i in 0..=self.ticks {
            let y = plot.top + plot.h - plot.h * i as f32 / self.ticks as f32;
            let (width, color) = if i == 0 { (0.8, INK) } else { (0.4, RULE) };
            doc.line(&[(plot.x, y), (plot.x + plot.w, y)], width, color);
            doc.text_in(plot.x - 56.0, 52.0, y + 2.5, &self.label(i), SMALL, Align::Right);
        }
    }

    /// The vertical position of a value inside `plot`.
    pub(super) fn y(&self, plot: Frame, value: f32) -> f32 {
        plot.top + plot.h - plot.h * value / self.top()
    }
}

/// The plot area of a chart inside its frame: room for the caption and axis
/// title above, the value labels left, and the category labels and legend below.
pub(super) fn plot_area(doc: &mut Doc, frame: Frame, caption: &str, axis_title: &str) -> Frame {
    doc.text(frame.x, frame.top + 11.0, caption, CAPTION);
    doc.text(frame.x, frame.top + CAPTION_H + 6.0, axis_title, SMALL);
    let top = frame.top + CAPTION_H + 22.0;
    Frame { x: frame.x + 60.0, top, w: frame.w - 64.0, h: frame.top + frame.h - 44.0 - top }
}

pub(super) fn legend(doc: &mut Doc, x: f32, baseline: f32, items: &[(Rgb3, &str)]) {
    let mut x = x;
    for (color, label) in items {
        doc.rect(x, baseline - 7.0, 8.0, 8.0, *color);
        doc.text(x + 11.0, baseline, label, Style { color: INK, ..SMALL });
        x += 11.0 + doc.regular.width(label, SMALL.size) + 14.0;
    }
}

/// Two stacked bars, one per operating model, split into the premium's
/// components (what is paid: standby, callout, setup), with each premium
/// written above its bar. The expected loss is in the table beside it: on
/// the same scale it would dwarf the premium it is compared with.
pub(super) fn premium_chart(doc: &mut Doc, frame: Frame, currency: &str, models: [&ModelCost; 2]) {
    let plot = plot_area(doc, frame, "Premium paid per year by component", &format!("{currency} per year"));
    let axis = Axis::new(models.iter().map(|m| to_f32(m.premium)).fold(0.0, f32::max));
    axis.draw(doc, plot);
    let names = [OperatingModel::OpsRunIt.label(), OperatingModel::YouBuildItYouRunIt.label()];
    let bar_w = (plot.w / 4.0).min(90.0);
    for (i, (m, name)) in models.iter().zip(names).enumerate() {
        let centre = plot.x + plot.w * (0.25 + 0.5 * i as f32);
        let x = centre - bar_w / 2.0;
        let mut base = 0.0;
        for (value, color) in [(m.standby, STANDBY), (m.callout, CALLOUT), (m.setup, SETUP)] {
            let (y0, y1) = (axis.y(plot, base), axis.y(plot, base + to_f32(value)));
            doc.rect(x, y1, bar_w, y0 - y1, color);
            // Written on the segment only where it fits; the table has them all.
            let label = value.grouped();
            if y0 - y1 >= 11.0 && doc.regular.width(&label, SMALL.size) <= bar_w - 4.0 {
                doc.text_in(x, bar_w, centred_baseline(y1, y0 - y1, SMALL.size), &label, Style { color: text_on(color), ..SMALL }, Align::Center);
            }
            base += to_f32(value);
        }
        let (total, total_style) = (m.premium.grouped(), Style { size: 8.5, bold: true, color: INK });
        let total_w = doc.bold.width(&total, total_style.size);
        // On white, so a gridline never runs through the figure.
        doc.rect(centre - total_w / 2.0 - 2.0, axis.y(plot, base) - 14.0, total_w + 4.0, 12.0, WHITE);
        doc.text_in(centre - total_w / 2.0, total_w, axis.y(plot, base) - 4.0, &total, total_style, Align::Center);
        doc.text_in(centre - 80.0, 160.0, plot.top + plot.h + 12.0, name, Style { size: 8.5, ..BODY }, Align::Center);
    }
    let baseline = frame.top + frame.h - 6.0;
    legend(doc, plot.x, baseline, &[(STANDBY, "Standby"), (CALLOUT, "Callout"), (SETUP, "Setup (amortised)")]);
}

pub(super) struct Series {
    pub(super) color: Rgb3,
    pub(super) label: &'static str,
    pub(super) value: fn(&RunCostPoint) -> Money,
    pub(super) width: f32,
    pub(super) dash: &'static [f32],
}

/// The series often coincide (domain schedules and Ops Run It at one
/// domain): domain schedules are drawn wide and Ops Run It dashed over
/// them, so both show.
pub(super) const RUN_COST_SERIES: [Series; 3] = [
    Series { color: STANDBY, label: "YBIYRI team schedules", value: |p| p.team_schedules, width: 1.6, dash: &[] },
    Series { color: CALLOUT, label: "YBIYRI domain schedules", value: |p| p.domain_schedules, width: 3.0, dash: &[] },
    Series { color: LOSS, label: "Ops Run It", value: |p| p.ops_run_it, width: 1.4, dash: &[4.0, 2.5] },
];

/// The run cost series against the number of teams on call.
pub(super) fn line_chart(doc: &mut Doc, frame: Frame, currency: &str, points: &[RunCostPoint], now: &RunCostNow) {
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
    // Where this plan stands: its teams on call and its developer schedules' standby.
    if let Some(i) = points.iter().position(|p| p.teams == now.teams) {
        let (x, y) = (x_of(i), axis.y(plot, to_f32(now.standby)));
        doc.rect(x - 3.5, y - 3.5, 7.0, 7.0, INK);
        let label = format!("This plan: {} team{}, {}", now.teams, if now.teams == 1 { "" } else { "s" }, now.standby.grouped());
        let w = doc.regular.width(&label, SMALL.size) + 6.0;
        let left = (x + 6.0).min(plot.x + plot.w - w);
        doc.rect(left, y - 16.0, w, 11.0, WHITE);
        doc.text(left + 3.0, y - 7.5, &label, Style { color: INK, bold: true, ..SMALL });
    }
    let items: Vec<(Rgb3, &str)> = RUN_COST_SERIES.iter().map(|s| (s.color, s.label)).collect();
    legend(doc, plot.x, frame.top + frame.h - 6.0, &items);
}

