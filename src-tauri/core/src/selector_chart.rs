//! The selector as a chart (issue 8): feature demand bands across,
//! availability levels up, each cell coloured as the selector decides, and
//! every service placed in its cell, with where its peak takes it.

use serde::Serialize;
use ts_rs::TS;

use crate::availability::Level;
use crate::portfolio::Portfolio;
use crate::selector::{choose, OperatingModel, SelectionRule, ServiceKind, TrafficLight};
use crate::view::views;

#[derive(Clone, Debug, Serialize, TS)]
pub struct SelectorChart {
    /// Feature demand bands, least demand first: the x axis.
    pub columns: Vec<DemandColumn>,
    /// Availability levels, lowest first: the y axis.
    pub rows: Vec<String>,
    /// One per column and row: `cells[row][column]`.
    pub cells: Vec<Vec<SelectorCell>>,
    pub services: Vec<SelectorMark>,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct DemandColumn {
    /// "Very High".
    pub demand: String,
    /// "Daily", "Every 10 days".
    pub deployment: String,
}

/// What the selector decides in a cell, for a digital service and for a
/// foundational system (which is Ops Run It unless the target is 99.99%).
#[derive(Clone, Debug, Serialize, TS)]
pub struct SelectorCell {
    pub digital: OperatingModel,
    pub light: Option<TrafficLight>,
    /// The top row's rule: 99.99% is You Build It You Run It, whatever the kind.
    pub highest_target: bool,
    pub foundational: OperatingModel,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct SelectorMark {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub kind: ServiceKind,
    pub column: u32,
    pub row: u32,
    pub operating_model: OperatingModel,
    pub overridden: bool,
    pub reason: String,
    /// The row its peak exposure takes it to, when it has a peak in another row.
    pub peak_row: Option<u32>,
}

pub fn selector_chart(p: &Portfolio) -> SelectorChart {
    let s = &p.settings;
    let bands = s.demand_bands.bands();
    let mut levels: Vec<Level> = s.exposure_bands.bands().iter().map(|b| b.level).collect();
    levels.sort();
    levels.dedup();
    let row_of = |target: &str| levels.iter().position(|l| l.to_string() == target).unwrap_or(0) as u32;
    let cells = levels
        .iter()
        .map(|&level| {
            bands
                .iter()
                .map(|(_, f)| {
                    let (rule, digital, light) = choose(ServiceKind::Digital, level, *f);
                    SelectorCell { digital, light, highest_target: rule == SelectionRule::HighestTarget, foundational: choose(ServiceKind::Foundational, level, *f).1 }
                })
                .collect()
        })
        .collect();
    let services = views(&p.services, s)
        .into_iter()
        .map(|v| {
            let column = bands.iter().position(|(label, _)| crate::demand::title_case(label) == v.feature_demand).unwrap_or(0) as u32;
            let row = row_of(&v.availability_target);
            let peak_row = v.peak.as_ref().map(|pk| row_of(&pk.availability_target)).filter(|r| *r != row);
            SelectorMark {
                id: v.id,
                name: v.name,
                kind: v.kind,
                column,
                row,
                operating_model: v.operating_model,
                overridden: v.model_override.is_some(),
                reason: v.selection_reason,
                peak_row,
            }
        })
        .collect();
    SelectorChart {
        columns: bands.iter().map(|(label, f)| DemandColumn { demand: crate::demand::title_case(label), deployment: f.to_string() }).collect(),
        rows: levels.iter().map(Level::to_string).collect(),
        cells,
        services,
    }
}
