//! Rules 1 to 4 applied to one service: its target, deployment target,
//! operating model (with the reason) and out-of-hours on-call level.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::availability::{Target, ABOVE_HIGHEST_BAND};
use crate::demand::Frequency;
use crate::model::Service;
use crate::money::Money;
use crate::oncall::{out_of_hours, OutOfHours};
use crate::selector::{select, OperatingModel, Selection};
use crate::settings::Settings;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assessment {
    pub exposure_per_hour: Money,
    pub target: Target,
    pub tolerable_unavailability_seconds: Decimal,
    pub deployment_target: Frequency,
    /// What the selector chose, with its reason.
    pub selection: Selection,
    /// The model in force: the override's, or else the selector's.
    pub model: OperatingModel,
    pub out_of_hours: OutOfHours,
    pub warnings: Vec<String>,
}

impl Assessment {
    /// The reason a workshop reads: the override's first when there is one.
    pub fn reason(&self, service: &Service) -> String {
        match &service.model_override {
            Some(o) => format!(
                "Overridden to {}: {} (the selector chose {}: {})",
                o.model.label(),
                o.reason,
                self.selection.model.label(),
                self.selection.reason
            ),
            None => self.selection.reason.clone(),
        }
    }
}

/// The peak warning: a peak exposure above every band is flagged like a normal one.
pub const PEAK_ABOVE_HIGHEST_BAND: &str = "peak exposure above the highest band: review, or consider 99.99%";

/// Assesses a service at a given hourly exposure (its normal one, or its
/// peak one). The operating model is always chosen from the normal
/// exposure (or the override): a peak moves the target, the out-of-hours
/// level and the costs, never who builds, deploys and supports the service.
pub fn assess_at(service: &Service, exposure_per_hour: Money, settings: &Settings) -> Assessment {
    let target = settings.exposure_bands.target(exposure_per_hour);
    let normal = if exposure_per_hour == service.exposure_per_hour { target } else { settings.exposure_bands.target(service.exposure_per_hour) };
    let mut warnings = Vec::new();
    if normal.above_highest_band {
        warnings.push(ABOVE_HIGHEST_BAND.to_string());
    }
    let peak_target = service.peak.as_ref().map(|p| settings.exposure_bands.target(p.exposure_per_hour));
    if peak_target.is_some_and(|t| t.above_highest_band) {
        warnings.push(PEAK_ABOVE_HIGHEST_BAND.to_string());
    }
    let deployment_target = match settings.demand_bands.find(&service.feature_demand) {
        Some((_, f)) => *f,
        None => {
            // The store keeps labels and bands in step; this only guards.
            warnings.push(format!("feature demand '{}' is not a demand band: assumed monthly", service.feature_demand));
            Frequency::MONTHLY
        }
    };
    let selection = select(service.kind, normal.level, deployment_target, settings.exposure_bands.lowest_level());
    warnings.extend(selection.warning.clone());
    let model = service.model_override.as_ref().map_or(selection.model, |o| o.model);
    Assessment {
        exposure_per_hour,
        target,
        tolerable_unavailability_seconds: target.level.tolerable_unavailability_seconds(),
        deployment_target,
        out_of_hours: out_of_hours(model, target.level, &settings.out_of_hours_levels),
        model,
        selection,
        warnings,
    }
}

/// Assesses a service at its normal exposure.
pub fn assess(service: &Service, settings: &Settings) -> Assessment {
    assess_at(service, service.exposure_per_hour, settings)
}

/// Assesses a service as it stands on a day: its target and cover from its
/// peak exposure inside a peak range, from its normal exposure outside.
pub fn assess_on(service: &Service, day: NaiveDate, settings: &Settings) -> Assessment {
    assess_at(service, service.exposure_on(day), settings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateRange, Override, Peak};
    use crate::selector::ServiceKind;

    fn service(name: &str, kind: ServiceKind, exposure: i64, demand: &str) -> Service {
        Service {
            id: 0,
            name: name.into(),
            kind,
            team: "t".into(),
            domain: None,
            exposure_per_hour: Money::units(exposure),
            feature_demand: demand.into(),
            peak: None,
            out_of_hours_incidents_per_year: Decimal::ZERO,
            model_override: None,
        }
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn furniture_retailer_plan() {
        let s = Settings::defaults();
        let ecommerce = assess(&service("ecommerce-platform", ServiceKind::Foundational, 810_000, "low"), &s);
        assert_eq!(ecommerce.target.level.to_string(), "99.9");
        assert_eq!(ecommerce.warnings, [ABOVE_HIGHEST_BAND]);
        assert_eq!(ecommerce.deployment_target.to_string(), "Monthly");
        assert_eq!((ecommerce.model, ecommerce.out_of_hours), (OperatingModel::OpsRunIt, OutOfHours::AppSupport));

        let appointments = assess(&service("appointments", ServiceKind::Digital, 6_000, "high"), &s);
        assert_eq!(appointments.target.level.to_string(), "95.0");
        assert_eq!(appointments.tolerable_unavailability_seconds, Decimal::from(30_240));
        assert_eq!(appointments.deployment_target.to_string(), "Weekly");
        assert_eq!((appointments.model, appointments.out_of_hours), (OperatingModel::YouBuildItYouRunIt, OutOfHours::None));

        let bedroom = assess(&service("bedroom", ServiceKind::Digital, 200_000, "very high"), &s);
        assert_eq!(bedroom.target.level.to_string(), "99.0");
        assert_eq!(bedroom.tolerable_unavailability_seconds, Decimal::from(6_048));
        assert_eq!(bedroom.deployment_target.to_string(), "Daily");
        assert_eq!((bedroom.model, bedroom.out_of_hours), (OperatingModel::YouBuildItYouRunIt, OutOfHours::Domain));
        assert!(bedroom.warnings.is_empty());
    }

    #[test]
    fn an_override_changes_the_model_and_keeps_both_reasons() {
        let s = Settings::defaults();
        let mut bedroom = service("bedroom", ServiceKind::Digital, 200_000, "very high");
        bedroom.model_override = Some(Override { model: OperatingModel::OpsRunIt, reason: "team not yet formed".into() });
        let a = assess(&bedroom, &s);
        assert_eq!((a.selection.model, a.model, a.out_of_hours), (OperatingModel::YouBuildItYouRunIt, OperatingModel::OpsRunIt, OutOfHours::AppSupport));
        let reason = a.reason(&bedroom);
        assert!(reason.starts_with("Overridden to Ops Run It: team not yet formed"), "{reason}");
        assert!(reason.contains("selector step 3"), "{reason}");
    }

    #[test]
    fn a_peak_raises_target_and_cover_only_on_its_days() {
        let s = Settings::defaults();
        let mut bedroom = service("bedroom", ServiceKind::Digital, 200_000, "very high");
        bedroom.peak = Some(Peak {
            exposure_per_hour: Money::units(400_000),
            periods: DateRange::parse_list("2026-11-23..2026-11-29;2026-12-14..2026-12-24").unwrap(),
        });
        for (d, level, ooh) in [
            ("2026-11-22", "99.0", OutOfHours::Domain),
            ("2026-11-23", "99.9", OutOfHours::Team),
            ("2026-11-29", "99.9", OutOfHours::Team),
            ("2026-11-30", "99.0", OutOfHours::Domain),
            ("2026-12-20", "99.9", OutOfHours::Team),
        ] {
            let a = assess_on(&bedroom, day(d), &s);
            assert_eq!((a.target.level.to_string().as_str(), a.out_of_hours), (level, ooh), "{d}");
        }
        assert_eq!(assess(&bedroom, &s).target.level.to_string(), "99.0");
    }

    #[test]
    fn an_unknown_demand_label_is_warned_not_fatal() {
        let a = assess(&service("x", ServiceKind::Digital, 1, "extreme"), &Settings::defaults());
        assert_eq!(a.deployment_target, Frequency::MONTHLY);
        assert!(a.warnings[0].contains("extreme"));
    }
}
