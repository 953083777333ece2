//! Rule 3: the operating model selector. Every selection carries the rule
//! that fired, as a sentence a workshop can read.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::availability::Level;
use crate::demand::Frequency;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ServiceKind {
    Digital,
    Foundational,
}

impl ServiceKind {
    pub fn parse(text: &str) -> Option<ServiceKind> {
        match text.trim().to_ascii_lowercase().as_str() {
            // The codes, and the words the CSV reports write.
            "digital" | "digital service" => Some(ServiceKind::Digital),
            "foundational" | "foundational system" => Some(ServiceKind::Foundational),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ServiceKind::Digital => "digital",
            ServiceKind::Foundational => "foundational",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ServiceKind::Digital => "Digital service",
            ServiceKind::Foundational => "Foundational system",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OperatingModel {
    OpsRunIt,
    YouBuildItYouRunIt,
}

impl OperatingModel {
    pub fn parse(text: &str) -> Option<OperatingModel> {
        match text.trim().to_ascii_lowercase().replace([' ', '-'], "_").as_str() {
            "ops_run_it" => Some(OperatingModel::OpsRunIt),
            "you_build_it_you_run_it" | "ybiyri" => Some(OperatingModel::YouBuildItYouRunIt),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            OperatingModel::OpsRunIt => "ops_run_it",
            OperatingModel::YouBuildItYouRunIt => "you_build_it_you_run_it",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            OperatingModel::OpsRunIt => "Ops Run It",
            OperatingModel::YouBuildItYouRunIt => "You Build It You Run It",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TrafficLight {
    Green,
    Amber,
    Red,
}

/// Which of the selector's rules fired, in the order they are applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SelectionRule {
    HighestTarget,
    Foundational,
    FrequentDeployments,
    InfrequentDeployments,
    BetweenFortnightlyAndWeekly,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selection {
    pub model: OperatingModel,
    pub rule: SelectionRule,
    pub traffic_light: Option<TrafficLight>,
    pub reason: String,
    pub warning: Option<String>,
}

pub const LOW_DEMAND_WARNING: &str = "low feature demand for a digital service: are we building the right thing?";

/// The selector's rules in DOMAIN.md's order: which fires, the model it
/// gives and its traffic light. Cheap: no text is built.
pub fn choose(kind: ServiceKind, target: Level, deployment: Frequency) -> (SelectionRule, OperatingModel, Option<TrafficLight>) {
    use OperatingModel::*;
    if target >= Level::FOUR_NINES {
        (SelectionRule::HighestTarget, YouBuildItYouRunIt, None)
    } else if kind == ServiceKind::Foundational {
        (SelectionRule::Foundational, OpsRunIt, None)
    } else if deployment.at_least_weekly() {
        (SelectionRule::FrequentDeployments, YouBuildItYouRunIt, Some(TrafficLight::Green))
    } else if deployment.at_most_fortnightly() {
        (SelectionRule::InfrequentDeployments, OpsRunIt, Some(TrafficLight::Red))
    } else if target >= Level::THREE_NINES {
        (SelectionRule::BetweenFortnightlyAndWeekly, YouBuildItYouRunIt, Some(TrafficLight::Amber))
    } else {
        (SelectionRule::BetweenFortnightlyAndWeekly, OpsRunIt, Some(TrafficLight::Amber))
    }
}

/// Applies the selector and says why. `lowest_level` is the lowest
/// availability level of the bands (95.0% by default), the one at which a
/// rarely deployed digital service earns the low-demand warning.
pub fn select(kind: ServiceKind, target: Level, deployment: Frequency, lowest_level: Level) -> Selection {
    let (rule, model, traffic_light) = choose(kind, target, deployment);
    let reason = match rule {
        SelectionRule::HighestTarget => format!("A {target}% availability target needs You Build It You Run It, whatever the kind of service (selector step 1)."),
        SelectionRule::Foundational => "A foundational system is a utility: Ops Run It (selector step 2).".to_string(),
        SelectionRule::FrequentDeployments => format!("A digital service with a {deployment} deployment target, weekly or more often: You Build It You Run It (selector step 3, green)."),
        SelectionRule::InfrequentDeployments => format!("A digital service with a {deployment} deployment target, fortnightly or less often: Ops Run It (selector step 4, red)."),
        SelectionRule::BetweenFortnightlyAndWeekly if model == OperatingModel::YouBuildItYouRunIt => format!("A digital service with a deployment target of {deployment}, between fortnightly and weekly, and a {target}% availability target (99.9% or higher): You Build It You Run It (selector step 5, amber)."),
        SelectionRule::BetweenFortnightlyAndWeekly => format!("A digital service with a deployment target of {deployment}, between fortnightly and weekly, and a {target}% availability target (below 99.9%): Ops Run It (selector step 5, amber)."),
    };
    let warning = (rule == SelectionRule::InfrequentDeployments && target == lowest_level)
        .then(|| LOW_DEMAND_WARNING.to_string());
    Selection { model, rule, traffic_light, reason, warning }
}

#[cfg(test)]
mod tests {
    use super::*;
    use OperatingModel::*;
    use ServiceKind::*;

    fn l(s: &str) -> Level {
        Level::parse(s).unwrap()
    }

    fn sel(kind: ServiceKind, target: &str, f: Frequency) -> Selection {
        select(kind, l(target), f, l("95.0"))
    }

    #[test]
    fn furniture_retailer_models() {
        let ecommerce = sel(Foundational, "99.9", Frequency::MONTHLY);
        assert_eq!((ecommerce.model, ecommerce.rule), (OpsRunIt, SelectionRule::Foundational));
        let appointments = sel(Digital, "95.0", Frequency::WEEKLY);
        assert_eq!((appointments.model, appointments.traffic_light), (YouBuildItYouRunIt, Some(TrafficLight::Green)));
        assert_eq!(appointments.warning, None);
        let bedroom = sel(Digital, "99.0", Frequency::DAILY);
        assert_eq!(bedroom.model, YouBuildItYouRunIt);
        assert!(bedroom.reason.contains("selector step 3"), "{}", bedroom.reason);
    }

    #[test]
    fn a_99_99_target_wins_over_every_other_rule() {
        let s = sel(Foundational, "99.99", Frequency::MONTHLY);
        assert_eq!((s.model, s.rule), (YouBuildItYouRunIt, SelectionRule::HighestTarget));
        assert!(s.reason.contains("99.99%"));
    }

    #[test]
    fn infrequent_digital_services_are_red_and_warned_at_the_lowest_target() {
        let s = sel(Digital, "95.0", Frequency::FORTNIGHTLY);
        assert_eq!((s.model, s.traffic_light), (OpsRunIt, Some(TrafficLight::Red)));
        assert_eq!(s.warning.as_deref(), Some(LOW_DEMAND_WARNING));
        let s = sel(Digital, "99.0", Frequency::MONTHLY);
        assert_eq!((s.model, s.warning), (OpsRunIt, None));
    }

    #[test]
    fn the_amber_case_turns_on_the_target() {
        let ten = Frequency::parse("every 10 days").unwrap();
        let s = sel(Digital, "99.9", ten);
        assert_eq!((s.model, s.traffic_light), (YouBuildItYouRunIt, Some(TrafficLight::Amber)));
        let s = sel(Digital, "99.0", ten);
        assert_eq!((s.model, s.traffic_light, s.rule), (OpsRunIt, Some(TrafficLight::Amber), SelectionRule::BetweenFortnightlyAndWeekly));
        assert!(s.reason.contains("selector step 5"));
        // Weekly and fortnightly themselves are not amber.
        assert_eq!(sel(Digital, "99.0", Frequency::WEEKLY).traffic_light, Some(TrafficLight::Green));
        assert_eq!(sel(Digital, "99.9", Frequency::FORTNIGHTLY).traffic_light, Some(TrafficLight::Red));
    }
}
