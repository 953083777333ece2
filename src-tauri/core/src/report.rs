//! The reports the CLI prints and the app exports.

use crate::csv_out::{self, Cell};
use crate::error::Result;
use crate::store::Workspace;
use crate::view::{service_views, ServiceView};

pub const SERVICE_CSV_HEADER: &[&str] = &[
    "name", "kind", "team", "domain", "exposure_per_hour", "feature_demand", "peak_exposure_per_hour",
    "peak_periods", "out_of_hours_incidents_per_year", "availability_target", "tolerable_unavailability_seconds",
    "tolerable_unavailability", "above_highest_band", "deployment_target", "operating_model", "selection_reason",
    "model_override", "override_reason", "on_call_out_of_hours", "warnings",
];

pub fn services_json(ws: &Workspace) -> Result<String> {
    Ok(serde_json::to_string_pretty(&service_views(ws)?).expect("views serialise"))
}

fn service_row(v: &ServiceView) -> Vec<Cell> {
    let opt = |s: &Option<String>| Cell::text(s.clone().unwrap_or_default());
    vec![
        Cell::text(&v.name),
        Cell::text(v.kind.as_str()),
        Cell::text(&v.team),
        opt(&v.domain),
        Cell::Number(v.exposure_per_hour.clone()),
        Cell::text(&v.feature_demand),
        v.peak_exposure_per_hour.clone().map_or(Cell::text(""), Cell::Number),
        Cell::text(&v.peak_periods),
        Cell::Number(v.out_of_hours_incidents_per_year.clone()),
        Cell::Number(v.availability_target.clone()),
        Cell::Number(v.tolerable_unavailability_seconds.to_string()),
        Cell::text(&v.tolerable_unavailability),
        Cell::text(v.above_highest_band.to_string()),
        Cell::text(&v.deployment_target),
        Cell::text(v.operating_model.as_str()),
        Cell::text(&v.selection_reason),
        Cell::text(v.model_override.map_or("", |m| m.as_str())),
        opt(&v.override_reason),
        Cell::text(v.on_call_out_of_hours.as_str()),
        Cell::text(v.warnings.join("; ")),
    ]
}

pub fn services_csv(ws: &Workspace) -> Result<Vec<u8>> {
    let rows: Vec<_> = service_views(ws)?.iter().map(service_row).collect();
    Ok(csv_out::write(SERVICE_CSV_HEADER, &rows))
}
