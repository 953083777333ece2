//! Checking what people enter, in the app or in a CSV file, before anything
//! is stored. One path for both, so a value valid in one is valid in the other.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Place, Problem, Result};
use crate::store::Workspace;
use crate::model::{DateRange, Override, Peak, Service};
use crate::money::Money;
use crate::selector::{OperatingModel, ServiceKind};
use crate::settings::Settings;

/// A service as entered: every value still text, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ServiceInput {
    pub name: String,
    #[ts(type = "ServiceKind")]
    pub kind: String,
    pub team: String,
    pub domain: Option<String>,
    pub exposure_per_hour: String,
    pub feature_demand: String,
    pub peak_exposure_per_hour: Option<String>,
    pub peak_periods: String,
    pub out_of_hours_incidents_per_year: String,
    pub model_override: Option<OperatingModel>,
    pub override_reason: Option<String>,
}

pub const NAME_EXPECTED: &str = "a name of 1 to 200 characters";

/// Checks a name: trimmed, 1 to 200 characters.
pub fn check_name(name: &str) -> Option<String> {
    let n = name.trim();
    (!n.is_empty() && n.chars().count() <= 200).then(|| n.to_string())
}

fn blank_to_none(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl ServiceInput {
    /// The service these values describe (id 0: the store assigns it), or
    /// every problem found, each naming its column.
    pub fn validate(&self, settings: &Settings, place: &Place) -> Result<Service, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut bad = |column: &str, value: &str, expected: &str| {
            problems.push(Problem {
                place: Place { column: Some(column.to_string()), ..place.clone() },
                value: value.to_string(),
                expected: expected.to_string(),
            })
        };
        let name = check_name(&self.name).unwrap_or_else(|| {
            bad("name", &self.name, NAME_EXPECTED);
            String::new()
        });
        let kind = ServiceKind::parse(&self.kind).unwrap_or_else(|| {
            bad("kind", &self.kind, "digital or foundational");
            ServiceKind::Digital
        });
        let team = check_name(&self.team).unwrap_or_else(|| {
            bad("team", &self.team, "the name of the owning team");
            String::new()
        });
        let domain = blank_to_none(&self.domain).map(str::to_string);
        if domain.as_deref().is_some_and(|d| check_name(d).is_none()) {
            bad("domain", domain.as_deref().unwrap_or_default(), "a domain name of at most 200 characters, or empty for none");
        }
        let exposure = Money::parse_input(&self.exposure_per_hour).unwrap_or_else(|e| {
            bad("exposure_per_hour", &self.exposure_per_hour, &e.to_string());
            Money::ZERO
        });
        let demand = match settings.demand_bands.find(&self.feature_demand) {
            Some((label, _)) => label.clone(),
            None => {
                let labels = settings.demand_bands.display_labels().join(", ");
                bad("feature_demand", &self.feature_demand, &format!("one of the demand bands: {labels}"));
                String::new()
            }
        };
        let peak_exposure = blank_to_none(&self.peak_exposure_per_hour).and_then(|t| match Money::parse_input(t) {
            Ok(m) => Some(m),
            Err(e) => {
                bad("peak_exposure_per_hour", t, &e.to_string());
                None
            }
        });
        let periods = DateRange::parse_list(&self.peak_periods).unwrap_or_else(|| {
            bad("peak_periods", &self.peak_periods, "date ranges like 2026-11-23..2026-11-29;2026-12-14..2026-12-24, each start on or before its end");
            Vec::new()
        });
        let peak = match (peak_exposure, periods.is_empty()) {
            (Some(exposure_per_hour), false) => Some(Peak { exposure_per_hour, periods }),
            (Some(_), true) if self.peak_periods.trim().is_empty() => {
                bad("peak_periods", "", "at least one date range when a peak exposure is given");
                None
            }
            (None, false) if blank_to_none(&self.peak_exposure_per_hour).is_none() => {
                bad("peak_exposure_per_hour", "", "a peak exposure when peak periods are given");
                None
            }
            _ => None,
        };
        let incidents_text = self.out_of_hours_incidents_per_year.trim();
        let incidents = if incidents_text.is_empty() {
            Decimal::ZERO
        } else {
            match incidents_text.parse::<Decimal>() {
                Ok(d) if d >= Decimal::ZERO && d <= Decimal::from(10_000) && d.scale() <= 2 && incidents_text.chars().all(|c| c.is_ascii_digit() || c == '.') => d,
                _ => {
                    bad("out_of_hours_incidents_per_year", incidents_text, "a number of incidents a year from 0 to 10000, with at most two decimal places, such as 4 or 0.5");
                    Decimal::ZERO
                }
            }
        };
        let model_override = match (self.model_override, blank_to_none(&self.override_reason)) {
            (Some(model), Some(reason)) => Some(Override { model, reason: reason.to_string() }),
            (Some(_), None) => {
                bad("override_reason", "", "a reason for overriding the selector, kept and shown in reports");
                None
            }
            (None, _) => None,
        };
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Service {
            id: 0,
            name,
            kind,
            team,
            domain,
            exposure_per_hour: exposure,
            feature_demand: demand,
            peak,
            out_of_hours_incidents_per_year: incidents.normalize(),
            model_override,
        })
    }

    /// The values of a stored service, as the app shows them for editing.
    pub fn from_service(s: &Service) -> ServiceInput {
        ServiceInput {
            name: s.name.clone(),
            kind: s.kind.as_str().to_string(),
            team: s.team.clone(),
            domain: s.domain.clone(),
            exposure_per_hour: s.exposure_per_hour.decimal().normalize().to_string(),
            feature_demand: s.feature_demand.clone(),
            peak_exposure_per_hour: s.peak.as_ref().map(|p| p.exposure_per_hour.decimal().normalize().to_string()),
            peak_periods: s.peak.as_ref().map(|p| DateRange::format_list(&p.periods)).unwrap_or_default(),
            out_of_hours_incidents_per_year: s.out_of_hours_incidents_per_year.to_string(),
            model_override: s.model_override.as_ref().map(|o| o.model),
            override_reason: s.model_override.as_ref().map(|o| o.reason.clone()),
        }
    }
}

/// A team or domain the app creates together with a service edit, once the
/// user has said what it is (never silently, with 0 on-call participants).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NewOwners {
    #[ts(optional)]
    pub team: Option<crate::organisation::TeamInput>,
    #[ts(optional)]
    pub domain: Option<crate::organisation::DomainInput>,
}

/// Checks an edit made in the app and stores it as one transaction. A team
/// or domain that does not exist is refused, naming the closest existing
/// ones, unless `create` says what it is; then it is created with the edit.
/// Resolves to the service's id.
pub fn save_service(ws: &mut Workspace, id: Option<i64>, input: &ServiceInput, create: &NewOwners) -> Result<i64> {
    let settings = ws.settings()?;
    let place = Place { item: Some(format!("service '{}'", input.name.trim())), ..Default::default() };
    let service = input.validate(&settings, &place).map_err(Error::Invalid)?;
    let teams: Vec<String> = ws.teams()?.into_iter().map(|t| t.name).collect();
    let domains: Vec<String> = ws.domains()?.into_iter().map(|d| d.name).collect();
    let new_team = new_owner("team", &service.team, &teams, create.team.as_ref().map(|t| t.validate(&place)))?;
    let new_domain = match &service.domain {
        Some(d) => new_owner("domain", d, &domains, create.domain.as_ref().map(|x| x.validate(&place)))?,
        None => None,
    };
    ws.save_service_with(id, &service, new_team.as_ref(), new_domain.as_ref())
}

/// The team or domain (`what`) to create for `name`: none when it exists;
/// the one the user described when it does not; else an error offering the
/// closest existing names.
fn new_owner<T: Named>(what: &'static str, name: &str, existing: &[String], described: Option<Result<T, Vec<Problem>>>) -> Result<Option<T>> {
    if existing.iter().any(|e| e == name) {
        return Ok(None);
    }
    match described {
        Some(Ok(owner)) if owner.name() == name => Ok(Some(owner)),
        Some(Err(problems)) => Err(Error::Invalid(problems)),
        _ => Err(Error::Unknown { what, name: name.to_string(), suggestions: crate::names::closest_names(name, existing) }),
    }
}

trait Named {
    fn name(&self) -> &str;
}

impl Named for crate::model::Team {
    fn name(&self) -> &str {
        &self.name
    }
}

impl Named for crate::model::Domain {
    fn name(&self) -> &str {
        &self.name
    }
}


#[cfg(test)]
mod tests {
    use super::*;

    fn bedroom() -> ServiceInput {
        ServiceInput {
            name: "bedroom".into(),
            kind: "digital".into(),
            team: "bedroom-team".into(),
            domain: Some("home".into()),
            exposure_per_hour: "200000".into(),
            feature_demand: "Very High".into(),
            ..Default::default()
        }
    }

    #[test]
    fn valid_input_becomes_a_service() {
        let s = bedroom().validate(&Settings::defaults(), &Place::default()).unwrap();
        assert_eq!((s.name.as_str(), s.feature_demand.as_str()), ("bedroom", "very high"));
        assert_eq!(s.exposure_per_hour, Money::units(200_000));
        assert_eq!(ServiceInput::from_service(&s).validate(&Settings::defaults(), &Place::default()).unwrap(), s);
    }

    #[test]
    fn every_problem_names_its_column_and_what_was_expected() {
        let mut input = bedroom();
        input.kind = "website".into();
        input.exposure_per_hour = "200k".into();
        input.feature_demand = "urgent".into();
        input.peak_periods = "2026-11-29..2026-11-23".into();
        input.model_override = Some(OperatingModel::OpsRunIt);
        let place = Place { file: Some("services.csv".into()), row: Some(3), ..Default::default() };
        let problems = input.validate(&Settings::defaults(), &place).unwrap_err();
        let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(text[0], "services.csv, row 3, column kind: 'website' is not valid; expected digital or foundational");
        assert!(text[1].starts_with("services.csv, row 3, column exposure_per_hour: '200k'"), "{}", text[1]);
        assert!(text[2].contains("one of the demand bands: Low, Medium, High, Very High"), "{}", text[2]);
        assert!(text[3].contains("column peak_periods"), "{}", text[3]);
        assert!(text[4].contains("column override_reason"), "{}", text[4]);
        assert_eq!(problems.len(), 5);
    }

    #[test]
    fn a_peak_needs_both_its_exposure_and_its_days() {
        let mut input = bedroom();
        input.peak_exposure_per_hour = Some("400000".into());
        let p = input.validate(&Settings::defaults(), &Place::default()).unwrap_err();
        assert_eq!(p[0].place.column.as_deref(), Some("peak_periods"));
        input.peak_periods = "2026-11-23..2026-11-29".into();
        let s = input.validate(&Settings::defaults(), &Place::default()).unwrap();
        assert_eq!(s.peak.unwrap().periods.len(), 1);
    }

    #[test]
    fn incidents_are_a_plain_count_with_at_most_two_places() {
        for good in ["0", "4", "0.5", "0.25", "10000"] {
            let mut input = bedroom();
            input.out_of_hours_incidents_per_year = good.into();
            assert!(input.validate(&Settings::defaults(), &Place::default()).is_ok(), "{good}");
        }
        for bad in ["-1", "0.125", "10001", "1e3", "four"] {
            let mut input = bedroom();
            input.out_of_hours_incidents_per_year = bad.into();
            let p = input.validate(&Settings::defaults(), &Place::default()).unwrap_err();
            assert_eq!(p[0].place.column.as_deref(), Some("out_of_hours_incidents_per_year"), "{bad}");
        }
    }
}
