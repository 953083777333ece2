//! Evidence against assumptions (issue 9): what the incident log measured,
//! beside what the premiums assume: the median time availability was lost
//! per operating model, and each service's out-of-hours incidents a year.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDateTime};
use rust_decimal::Decimal;
use serde::Serialize;
use ts_rs::TS;

use crate::incidents::{minutes_of, Incident};
use crate::selector::OperatingModel;
use crate::settings::{Settings, WorkingHours};

#[derive(Clone, Debug, Serialize, TS)]
pub struct Evidence {
    pub models: Vec<ModelEvidence>,
    pub services: Vec<ServiceEvidence>,
    /// The year the incident rates are measured over: the 364 days up to the latest incident.
    pub from: Option<String>,
    pub to: Option<String>,
}

/// Time to acknowledge and restore: the assumption, and the median the log measured.
#[derive(Clone, Debug, Serialize, TS)]
pub struct ModelEvidence {
    pub operating_model: OperatingModel,
    pub incidents: u32,
    /// Assumed minutes to acknowledge + restore.
    pub assumed_minutes: String,
    /// The median minutes availability was lost in the log's incidents under this model.
    pub measured_minutes: Option<String>,
    /// The restore time that makes acknowledge + restore the measured median (never below zero).
    pub measured_restore_minutes: Option<String>,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct ServiceEvidence {
    pub service: String,
    pub assumed_per_year: String,
    pub measured_per_year: String,
}

/// Whether an incident started out of hours: on a non-working day, or outside the working day's hours.
fn out_of_hours(at: NaiveDateTime, w: &WorkingHours) -> bool {
    let day = at.weekday().num_days_from_monday() as usize;
    let t = at.time();
    !w.days[day] || t < w.start || t >= w.end
}

/// The median of minutes, exact (the mean of the middle two for an even count).
fn median(mut minutes: Vec<Decimal>) -> Option<Decimal> {
    minutes.sort();
    let n = minutes.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(minutes[n / 2]),
        _ => Some((minutes[n / 2 - 1] + minutes[n / 2]) / Decimal::TWO),
    }
}

pub fn evidence(incidents: &[Incident], services: &[crate::model::Service], s: &Settings) -> Evidence {
    let minutes = |i: &Incident| i.duration_seconds / Decimal::from(60);
    let models = [OperatingModel::OpsRunIt, OperatingModel::YouBuildItYouRunIt]
        .into_iter()
        .map(|model| {
            let a = match model {
                OperatingModel::OpsRunIt => &s.ops_run_it,
                OperatingModel::YouBuildItYouRunIt => &s.you_build_it_you_run_it,
            };
            let under: Vec<Decimal> = incidents.iter().filter(|i| i.operating_model == model).map(minutes).collect();
            let measured = median(under.clone());
            ModelEvidence {
                operating_model: model,
                incidents: under.len() as u32,
                assumed_minutes: (a.time_to_acknowledge_minutes + a.time_to_restore_minutes).normalize().to_string(),
                measured_minutes: measured.map(|m| minutes_of(m * Decimal::from(60))),
                measured_restore_minutes: measured.map(|m| minutes_of((m - a.time_to_acknowledge_minutes).max(Decimal::ZERO) * Decimal::from(60))),
            }
        })
        .collect();
    // Rates over the log's latest year: out-of-hours incidents per service in the 364 days up to the latest one.
    let latest = incidents.iter().map(|i| i.started_at).max();
    let window = latest.map(|end| (end - Duration::days(363), end));
    let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
    if let Some((start, end)) = window {
        for i in incidents.iter().filter(|i| i.started_at.date() >= start.date() && i.started_at <= end && out_of_hours(i.started_at, &s.working_hours)) {
            *counts.entry(i.service.as_str()).or_default() += 1;
        }
    }
    let services = services
        .iter()
        .filter(|svc| counts.contains_key(svc.name.as_str()) || window.is_some())
        .map(|svc| ServiceEvidence {
            service: svc.name.clone(),
            assumed_per_year: svc.out_of_hours_incidents_per_year.to_string(),
            measured_per_year: counts.get(svc.name.as_str()).copied().unwrap_or(0).to_string(),
        })
        .collect();
    Evidence { models, services, from: window.map(|(s, _)| s.date().to_string()), to: window.map(|(_, e)| e.date().to_string()) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::availability::Level;
    use crate::money::Money;

    fn incident(service: &str, at: &str, minutes: i64, model: OperatingModel) -> Incident {
        Incident {
            id: 0,
            service: service.into(),
            team: "t".into(),
            domain: None,
            started_at: at.parse().unwrap(),
            duration_seconds: Decimal::from(minutes * 60),
            entered_loss: None,
            exposure_per_hour: Money::units(1000),
            target: Level::parse("99.0").unwrap(),
            operating_model: model,
        }
    }

    #[test]
    fn medians_per_model_and_out_of_hours_rates_from_the_log() {
        let s = Settings::defaults();
        let log = [
            incident("bedroom", "2026-06-10T21:15:00", 30, OperatingModel::YouBuildItYouRunIt),
            incident("bedroom", "2026-06-13T10:00:00", 50, OperatingModel::YouBuildItYouRunIt), // a Saturday: out of hours
            incident("bedroom", "2026-06-15T10:00:00", 10, OperatingModel::YouBuildItYouRunIt), // Monday 10:00: working hours
            incident("ecommerce-platform", "2026-07-01T03:00:00", 200, OperatingModel::OpsRunIt),
        ];
        let e = evidence(&log, &[], &s);
        let ybiyri = &e.models[1];
        // Median of 10, 30, 50 minutes: 30; acknowledging takes 5, so restoring 25.
        assert_eq!((ybiyri.incidents, ybiyri.assumed_minutes.as_str()), (3, "35"));
        assert_eq!((ybiyri.measured_minutes.as_deref(), ybiyri.measured_restore_minutes.as_deref()), (Some("30"), Some("25")));
        assert_eq!(e.models[0].measured_minutes.as_deref(), Some("200"));
        assert_eq!(median(vec![Decimal::from(10), Decimal::from(20)]), Some(Decimal::from(15)));
        assert!(out_of_hours("2026-06-10T21:15:00".parse().unwrap(), &s.working_hours));
        assert!(!out_of_hours("2026-06-15T10:00:00".parse().unwrap(), &s.working_hours));
    }
}
