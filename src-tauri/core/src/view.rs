//! What the app shows and the reports print for a service: its entered
//! values beside the derived ones. One shape for the UI and for JSON.

use serde::Serialize;
use ts_rs::TS;

use crate::assess::{assess, Assessment};
use crate::availability::hms;
use crate::demand::title_case;
use crate::model::{DateRange, Service};
use crate::oncall::OutOfHours;
use crate::selector::{OperatingModel, ServiceKind, TrafficLight};
use crate::settings::Settings;
use crate::store::Workspace;
use crate::error::Result;

#[derive(Clone, Debug, Serialize, TS)]
pub struct ServiceView {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub kind: ServiceKind,
    pub team: String,
    pub domain: Option<String>,
    pub exposure_per_hour: String,
    pub feature_demand: String,
    pub peak_exposure_per_hour: Option<String>,
    pub peak_periods: String,
    pub out_of_hours_incidents_per_year: String,
    pub availability_target: String,
    #[ts(type = "number")]
    #[serde(with = "rust_decimal::serde::float")]
    pub tolerable_unavailability_seconds: rust_decimal::Decimal,
    /// h:mm:ss, rounded to the second.
    pub tolerable_unavailability: String,
    pub above_highest_band: bool,
    /// snake_case: `weekly`, `every_10_days`.
    pub deployment_target: String,
    pub operating_model: OperatingModel,
    pub selection_reason: String,
    pub traffic_light: Option<TrafficLight>,
    pub model_override: Option<OperatingModel>,
    pub override_reason: Option<String>,
    pub on_call_out_of_hours: OutOfHours,
    pub warnings: Vec<String>,
    /// The target and cover on peak days, when the service has a peak.
    pub peak: Option<PeakView>,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct PeakView {
    pub exposure_per_hour: String,
    pub availability_target: String,
    /// Always the service's own model: a peak never changes it.
    pub operating_model: OperatingModel,
    pub on_call_out_of_hours: OutOfHours,
    pub above_highest_band: bool,
}

impl ServiceView {
    pub fn new(s: &Service, settings: &Settings) -> ServiceView {
        let a: Assessment = assess(s, settings);
        let peak = s.peak.as_ref().map(|p| {
            let pa = crate::assess::assess_at(s, p.exposure_per_hour, settings);
            PeakView {
                exposure_per_hour: p.exposure_per_hour.plain(),
                availability_target: pa.target.level.to_string(),
                operating_model: pa.model,
                on_call_out_of_hours: pa.out_of_hours,
                above_highest_band: pa.target.above_highest_band,
            }
        });
        ServiceView {
            id: s.id,
            name: s.name.clone(),
            kind: s.kind,
            team: s.team.clone(),
            domain: s.domain.clone(),
            exposure_per_hour: s.exposure_per_hour.plain(),
            feature_demand: title_case(&s.feature_demand),
            peak_exposure_per_hour: s.peak.as_ref().map(|p| p.exposure_per_hour.plain()),
            peak_periods: s.peak.as_ref().map(|p| DateRange::format_list(&p.periods)).unwrap_or_default(),
            out_of_hours_incidents_per_year: s.out_of_hours_incidents_per_year.to_string(),
            availability_target: a.target.level.to_string(),
            tolerable_unavailability_seconds: a.tolerable_unavailability_seconds.normalize(),
            tolerable_unavailability: hms(a.tolerable_unavailability_seconds),
            above_highest_band: a.target.above_highest_band,
            deployment_target: a.deployment_target.code(),
            operating_model: a.model,
            selection_reason: a.reason(s),
            traffic_light: a.selection.traffic_light,
            model_override: s.model_override.as_ref().map(|o| o.model),
            override_reason: s.model_override.as_ref().map(|o| o.reason.clone()),
            on_call_out_of_hours: a.out_of_hours,
            warnings: a.warnings,
            peak,
        }
    }
}

/// Services with their derived values.
pub fn views(services: &[Service], settings: &Settings) -> Vec<ServiceView> {
    services.iter().map(|s| ServiceView::new(s, settings)).collect()
}

/// Every service of a workspace with its derived values.
pub fn service_views(ws: &Workspace) -> Result<Vec<ServiceView>> {
    Ok(views(&ws.services()?, &ws.settings()?))
}

/// One service with its derived values: what an edit of it changes in the grid.
pub fn service_view(ws: &Workspace, id: i64) -> Result<ServiceView> {
    Ok(ServiceView::new(&ws.service(id)?, &ws.settings()?))
}

/// What the app's header shows, and the choices its editors offer.
#[derive(Clone, Debug, Serialize, TS)]
pub struct WorkspaceInfo {
    pub path: String,
    pub name: String,
    pub currency: String,
    pub demand_bands: Vec<String>,
    pub teams: Vec<String>,
    pub domains: Vec<String>,
    pub service_count: u32,
}

impl WorkspaceInfo {
    pub fn new(ws: &Workspace) -> Result<WorkspaceInfo> {
        let settings = ws.settings()?;
        Ok(WorkspaceInfo {
            path: ws.path().display().to_string(),
            name: ws.path().file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
            currency: settings.currency.clone(),
            demand_bands: settings.demand_bands.display_labels(),
            teams: ws.teams()?.into_iter().map(|t| t.name).collect(),
            domains: ws.domains()?.into_iter().map(|d| d.name).collect(),
            service_count: ws.service_count()?,
        })
    }
}

/// A workspace opened before, as the app's File menu and empty plan list
/// it: the file name as the label, its folder as the hint. The desktop
/// shell keeps the list; the type is here so the UI's is generated from it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct RecentWorkspace {
    pub path: String,
    pub name: String,
    /// The folder, with the home folder written `~`.
    pub folder: String,
    /// Whether the file was there when the list was read.
    pub exists: bool,
}

/// One setting as the app's settings editor shows it.
#[derive(Clone, Debug, Serialize, TS)]
pub struct SettingView {
    pub key: String,
    /// For people: "Ops Run It: time to restore minutes".
    pub label: String,
    pub value: String,
    pub default: String,
    /// What a value must look like.
    pub expected: String,
}

/// Every setting of a workspace, in the order CLI.md lists them.
pub fn setting_views(ws: &Workspace) -> Result<Vec<SettingView>> {
    let settings = ws.settings()?;
    Ok(crate::settings::KEYS
        .iter()
        .map(|(key, default, expected)| SettingView {
            key: key.to_string(),
            label: setting_label(key),
            value: settings.value(key).unwrap_or_default(),
            default: default.to_string(),
            expected: expected.to_string(),
        })
        .collect())
}

fn setting_label(key: &str) -> String {
    let words = key.replacen("ops_run_it_", "Ops Run It: ", 1).replacen("you_build_it_you_run_it_", "You Build It You Run It: ", 1).replace('_', " ");
    let mut chars = words.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_read_as_people_say_them() {
        assert_eq!(setting_label("developer_standby_rate"), "Developer standby rate");
        assert_eq!(setting_label("ops_run_it_time_to_restore_minutes"), "Ops Run It: time to restore minutes");
        assert_eq!(setting_label("you_build_it_you_run_it_setup_cost"), "You Build It You Run It: setup cost");
    }

    #[test]
    fn every_setting_is_listed_with_its_value_default_and_form() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = Workspace::open(&dir.path().join("w.opmodel")).unwrap();
        ws.set_setting("developer_standby_rate", "600/week").unwrap();
        let views = setting_views(&ws).unwrap();
        assert_eq!(views.len(), crate::settings::KEYS.len());
        let rate = views.iter().find(|v| v.key == "developer_standby_rate").unwrap();
        assert_eq!((rate.value.as_str(), rate.default.as_str()), ("600/week", "500/week"));
        assert!(rate.expected.contains("AMOUNT/week"));
    }
}
