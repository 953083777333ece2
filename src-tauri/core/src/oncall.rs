//! Rule 4 (the level part): who is on call out of hours for a service.

use std::fmt;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::availability::Level;
use crate::selector::OperatingModel;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OutOfHours {
    None,
    Domain,
    Team,
    AppSupport,
}

impl OutOfHours {
    pub fn as_str(self) -> &'static str {
        match self {
            OutOfHours::None => "none",
            OutOfHours::Domain => "domain",
            OutOfHours::Team => "team",
            OutOfHours::AppSupport => "app_support",
        }
    }

    /// For people: "Team schedule".
    pub fn label(self) -> &'static str {
        match self {
            OutOfHours::None => "None",
            OutOfHours::Domain => "Domain schedule",
            OutOfHours::Team => "Team schedule",
            OutOfHours::AppSupport => "Application support rota",
        }
    }
}

impl fmt::Display for OutOfHours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The levels a YBIYRI service's target maps to, e.g. 99.0 → domain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutOfHoursLevels(Vec<(Level, OutOfHours)>);

impl OutOfHoursLevels {
    /// `None` when a level repeats or a level maps to the app support rota
    /// (that rota is Ops Run It's, never a YBIYRI level).
    pub fn new(mut levels: Vec<(Level, OutOfHours)>) -> Option<OutOfHoursLevels> {
        levels.sort_by_key(|(l, _)| *l);
        let ok = levels.windows(2).all(|w| w[0].0 != w[1].0) && levels.iter().all(|(_, o)| *o != OutOfHours::AppSupport);
        ok.then_some(OutOfHoursLevels(levels))
    }

    pub fn levels(&self) -> &[(Level, OutOfHours)] {
        &self.0
    }

    /// The mapping of the highest listed level at or below the target
    /// (a target below every listed level has no out-of-hours cover).
    pub fn for_target(&self, target: Level) -> OutOfHours {
        self.0.iter().rev().find(|(l, _)| *l <= target).map_or(OutOfHours::None, |(_, o)| *o)
    }
}

/// Ops Run It services are on the application support rota; YBIYRI services
/// follow the target mapping, so one at level None never joins that rota.
pub fn out_of_hours(model: OperatingModel, target: Level, levels: &OutOfHoursLevels) -> OutOfHours {
    match model {
        OperatingModel::OpsRunIt => OutOfHours::AppSupport,
        OperatingModel::YouBuildItYouRunIt => levels.for_target(target),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(s: &str) -> Level {
        Level::parse(s).unwrap()
    }

    fn defaults() -> OutOfHoursLevels {
        OutOfHoursLevels::new(vec![
            (l("95.0"), OutOfHours::None),
            (l("99.0"), OutOfHours::Domain),
            (l("99.9"), OutOfHours::Team),
            (l("99.99"), OutOfHours::Team),
        ])
        .unwrap()
    }

    #[test]
    fn ybiyri_levels_follow_the_target() {
        let ybiyri = OperatingModel::YouBuildItYouRunIt;
        assert_eq!(out_of_hours(ybiyri, l("95.0"), &defaults()), OutOfHours::None);
        assert_eq!(out_of_hours(ybiyri, l("99.0"), &defaults()), OutOfHours::Domain);
        assert_eq!(out_of_hours(ybiyri, l("99.9"), &defaults()), OutOfHours::Team);
        assert_eq!(out_of_hours(ybiyri, l("99.99"), &defaults()), OutOfHours::Team);
        assert_eq!(out_of_hours(ybiyri, l("99.5"), &defaults()), OutOfHours::Domain);
        assert_eq!(out_of_hours(ybiyri, l("90"), &defaults()), OutOfHours::None);
    }

    #[test]
    fn ops_run_it_is_the_app_support_rota_whatever_the_target() {
        assert_eq!(out_of_hours(OperatingModel::OpsRunIt, l("95.0"), &defaults()), OutOfHours::AppSupport);
        assert!(OutOfHoursLevels::new(vec![(l("99.0"), OutOfHours::AppSupport)]).is_none());
    }
}
