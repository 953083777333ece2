//! The incident log: incidents as entered (in the app, or a CSV exported
//! from an on-call platform), checked, stored with what their service was
//! on that date, and reported with rule 8's measures.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Place, Problem, Result};
use crate::import::{get, Table};
use crate::incidents::{in_range, minutes_of, percentage, Aggregate, Incident, IncidentType, LossClass, Measured};
use crate::model::Service;
use crate::money::{Exact, Money};
use crate::portfolio::Portfolio;
use crate::schedules::{model_of, Scenario};
use crate::settings::Settings;
use crate::store::Workspace;

pub const COLUMNS: &[&str] = &["service", "started_at", "duration_minutes", "resolved_at", "loss"];
const STARTED_EXPECTED: &str = "a date and time such as 2026-11-24T21:15 (seconds and a UTC offset such as Z or +01:00 are allowed)";
const MINUTES_EXPECTED: &str = "minutes above 0 and at most 525600 (a year), with at most four decimal places, such as 30 or 12.5";

/// A date and time as on-call platforms export it: `2026-11-24T21:15`,
/// with seconds (and fractions of one), or an offset (`Z`, `+01:00`).
/// The wall-clock time as written is kept: incidents are local time.
pub fn parse_timestamp(text: &str) -> Option<NaiveDateTime> {
    let t = text.trim();
    if let Ok(with_offset) = chrono::DateTime::parse_from_rfc3339(t) {
        return Some(with_offset.naive_local());
    }
    ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok())
        .filter(|d| (1900..=9999).contains(&chrono::Datelike::year(d)))
}

/// An incident as entered: every value still text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct IncidentInput {
    pub service: String,
    pub started_at: String,
    /// Either this or `resolved_at`.
    pub duration_minutes: String,
    #[ts(optional)]
    pub resolved_at: Option<String>,
    /// Empty: the exposure on that date × the duration.
    pub loss: String,
}

impl IncidentInput {
    /// The incident, with what its service was on that date, or every problem found.
    pub fn validate(&self, services: &[Service], settings: &Settings, place: &Place) -> Result<Incident, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut bad = |column: &str, value: &str, expected: &str| {
            problems.push(Problem { place: Place { column: Some(column.into()), ..place.clone() }, value: value.trim().into(), expected: expected.into() })
        };
        let service = services.iter().find(|s| s.name == self.service.trim());
        if service.is_none() {
            bad("service", &self.service, "the name of a service in this workspace");
        }
        let started = parse_timestamp(&self.started_at);
        if started.is_none() {
            bad("started_at", &self.started_at, STARTED_EXPECTED);
        }
        let seconds = match self.resolved_at.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
            Some(resolved) => match (parse_timestamp(resolved), started) {
                (Some(end), Some(start)) if end > start => Some(Decimal::from((end - start).num_milliseconds()) / Decimal::from(1000)),
                (Some(_), Some(_)) => {
                    bad("resolved_at", resolved, "a time after started_at");
                    None
                }
                (None, _) => {
                    bad("resolved_at", resolved, STARTED_EXPECTED);
                    None
                }
                _ => None,
            },
            None => {
                let t = self.duration_minutes.trim();
                let minutes = t.parse::<Decimal>().ok().filter(|m| {
                    t.chars().all(|c| c.is_ascii_digit() || c == '.') && *m > Decimal::ZERO && *m <= Decimal::from(525_600) && m.normalize().scale() <= 4
                });
                if minutes.is_none() {
                    bad("duration_minutes", t, MINUTES_EXPECTED);
                }
                minutes.map(|m| m * Decimal::from(60))
            }
        };
        let loss = match self.loss.trim() {
            "" => None,
            t => match Money::parse_input(t) {
                Ok(m) => Some(m),
                Err(e) => {
                    bad("loss", t, &format!("{e}, or empty for the exposure on that date × the duration"));
                    None
                }
            },
        };
        match (service, started, seconds, problems.is_empty()) {
            (Some(svc), Some(started_at), Some(duration_seconds), true) => {
                let exposure = svc.exposure_on(started_at.date());
                Ok(Incident {
                    id: 0,
                    service: svc.name.clone(),
                    team: svc.team.clone(),
                    domain: svc.domain.clone(),
                    started_at,
                    duration_seconds: duration_seconds.normalize(),
                    entered_loss: loss,
                    exposure_per_hour: exposure,
                    target: settings.exposure_bands.target(exposure).level,
                    operating_model: model_of(svc, settings, Scenario::Planned),
                })
            }
            _ => Err(problems),
        }
    }
}

/// Adds the incidents of a CSV file; all or nothing. Returns how many.
pub fn import_incidents(ws: &mut Workspace, path: &Path) -> Result<usize> {
    let incidents = checked(ws, path)?;
    crate::import::restore_point(ws, "incidents", path)?;
    ws.save_incidents(&incidents)?;
    Ok(incidents.len())
}

/// Every row of an incidents file, checked; nothing is stored.
pub(crate) fn checked(ws: &Workspace, path: &Path) -> Result<Vec<Incident>> {
    let table = Table::read(path, COLUMNS, &["service", "started_at"])?;
    let (services, settings) = (ws.services()?, ws.settings()?);
    let mut problems = Vec::new();
    let mut incidents = Vec::new();
    for (row, values) in &table.rows {
        let input = IncidentInput {
            service: get(values, "service").into(),
            started_at: get(values, "started_at").into(),
            duration_minutes: get(values, "duration_minutes").into(),
            resolved_at: values.get("resolved_at").cloned(),
            loss: get(values, "loss").into(),
        };
        if input.duration_minutes.trim().is_empty() && input.resolved_at.as_deref().is_none_or(|r| r.trim().is_empty()) {
            problems.push(Problem {
                place: Place { column: Some("duration_minutes".into()), ..table.place(*row) },
                value: String::new(),
                expected: "a duration in minutes, or a resolved_at time".into(),
            });
            continue;
        }
        match input.validate(&services, &settings, &table.place(*row)) {
            Ok(i) => incidents.push(i),
            Err(p) => problems.extend(p),
        }
    }
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    Ok(incidents)
}

/// One incident as reports show it.
#[derive(Clone, Debug, Serialize, TS)]
pub struct IncidentRow {
    #[ts(type = "number")]
    pub id: i64,
    pub service: String,
    pub team: String,
    pub domain: Option<String>,
    pub started_at: String,
    pub duration_minutes: String,
    pub loss: String,
    pub loss_entered: bool,
    pub loss_class: LossClass,
    pub incident_type: IncidentType,
    pub response: String,
    pub operating_model: crate::selector::OperatingModel,
    pub availability_target: String,
    pub projected_loss: String,
    pub protection: Option<String>,
    pub overrun: Option<String>,
    /// Protection ÷ projected, "70.24"; none for an overrun.
    pub effectiveness: Option<String>,
    /// Overrun ÷ projected, for an overrun.
    pub overrun_share: Option<String>,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct AggregateRow {
    pub name: String,
    pub incidents: u32,
    pub projected_loss: String,
    pub actual_loss: String,
    pub protection: String,
    pub overrun: String,
    pub net_effectiveness: Option<String>,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct IncidentReport {
    pub currency: String,
    pub from: Option<String>,
    pub to: Option<String>,
    pub incidents: Vec<IncidentRow>,
    pub aggregates: Aggregates,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct Aggregates {
    pub by_service: Vec<AggregateRow>,
    pub by_team: Vec<AggregateRow>,
    pub by_domain: Vec<AggregateRow>,
    pub by_operating_model: Vec<AggregateRow>,
}

fn rows(groups: BTreeMap<String, Aggregate>) -> Vec<AggregateRow> {
    groups
        .into_iter()
        .map(|(name, a)| AggregateRow {
            name,
            incidents: a.incidents,
            projected_loss: a.projected.plain(),
            actual_loss: a.actual.plain(),
            protection: a.protection.plain(),
            overrun: a.overrun.plain(),
            net_effectiveness: a.net_effectiveness(),
        })
        .collect()
}

/// The incidents that started within [from, to], measured, and their aggregates.
pub fn report(incidents: &[Incident], settings: &Settings, from: Option<NaiveDate>, to: Option<NaiveDate>) -> IncidentReport {
    let mut by: [BTreeMap<String, Aggregate>; 4] = Default::default();
    let mut out = Vec::new();
    for i in incidents.iter().filter(|i| in_range(i, from, to)) {
        let m = Measured::of(i, settings);
        let keys = [i.service.clone(), i.team.clone(), i.domain.clone().unwrap_or_else(|| "(no domain)".into()), i.operating_model.as_str().to_string()];
        for (group, key) in by.iter_mut().zip(keys) {
            group.entry(key).or_default().add(&m);
        }
        out.push(IncidentRow {
            id: i.id,
            service: i.service.clone(),
            team: i.team.clone(),
            domain: i.domain.clone(),
            started_at: i.started_at.format("%Y-%m-%dT%H:%M:%S").to_string(),
            duration_minutes: minutes_of(i.duration_seconds),
            loss: m.loss.plain(),
            loss_entered: i.entered_loss.is_some(),
            loss_class: m.class,
            incident_type: m.class.incident_type(),
            response: m.class.response().to_string(),
            operating_model: i.operating_model,
            availability_target: i.target.to_string(),
            projected_loss: m.projected.plain(),
            protection: m.protection().map(Exact::plain),
            overrun: m.overrun().map(Exact::plain),
            effectiveness: m.protection().and_then(|p| percentage(p, m.projected)),
            overrun_share: m.overrun().and_then(|o| percentage(o, m.projected)),
        });
    }
    let [service, team, domain, model] = by;
    IncidentReport {
        currency: settings.currency.clone(),
        from: from.map(|d| d.to_string()),
        to: to.map(|d| d.to_string()),
        incidents: out,
        aggregates: Aggregates { by_service: rows(service), by_team: rows(team), by_domain: rows(domain), by_operating_model: rows(model) },
    }
}

/// The live calculation for a service `minutes` into an incident at `at`.
pub fn live(p: &Portfolio, service: &str, minutes: Decimal, at: NaiveDateTime, loss: Option<Money>) -> Result<crate::incidents::LiveIncident> {
    let svc = p.services.iter().find(|s| s.name == service).ok_or_else(|| {
        Error::invalid(Place { column: Some("service".into()), ..Default::default() }, service, "the name of a service in this workspace")
    })?;
    let exposure = svc.exposure_on(at.date());
    Ok(crate::incidents::live(&svc.name, exposure, p.settings.exposure_bands.target(exposure).level, minutes, loss, &p.settings))
}

/// Parses the minutes of the live calculation: 0 or more, at most four places.
pub fn parse_minutes(text: &str) -> Option<Decimal> {
    let t = text.trim();
    t.parse::<Decimal>().ok().filter(|m| t.chars().all(|c| c.is_ascii_digit() || c == '.') && *m >= Decimal::ZERO && *m <= Decimal::from(525_600) && m.normalize().scale() <= 4)
}

/// Records (id None) or changes an incident entered in the app.
pub fn save(ws: &mut Workspace, id: Option<i64>, input: &IncidentInput) -> Result<()> {
    let (services, settings) = (ws.services()?, ws.settings()?);
    let place = Place { item: Some(format!("incident of '{}'", input.service.trim())), ..Default::default() };
    let mut incident = input.validate(&services, &settings, &place).map_err(Error::Invalid)?;
    incident.id = id.unwrap_or(0);
    ws.save_incidents(&[incident])
}

/// The live calculation from what the app's calculator holds: minutes as
/// typed, the start (now when empty), and a loss if the people in it know it.
pub fn live_from(ws: &Workspace, service: &str, minutes: &str, at: NaiveDateTime, loss: &str) -> Result<crate::incidents::LiveIncident> {
    let bad = |column: &str, value: &str, expected: &str| Error::invalid(Place { column: Some(column.into()), ..Default::default() }, value, expected);
    let minutes = parse_minutes(minutes).ok_or_else(|| bad("minutes", minutes, "minutes so far, 0 or more, such as 30 or 12.5"))?;
    let loss = match loss.trim() {
        "" => None,
        t => Some(Money::parse_input(t).map_err(|e| bad("loss", t, &e.to_string()))?),
    };
    live(&Portfolio::load(ws)?, service, minutes, at, loss)
}
