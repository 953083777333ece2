//! The domain map (issue 8): each domain with its teams and their services,
//! and each domain's out-of-hours health, so a workshop sees what a move
//! costs. Services outside any domain are in the tray.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::budget::budget;
use crate::model::{BudgetHolder, DomainKind};
use crate::money::Exact;
use crate::oncall::OutOfHours;
use crate::portfolio::Portfolio;
use crate::schedules::{holder, ScheduleKind};
use crate::selector::{OperatingModel, ServiceKind, TrafficLight};
use crate::view::{views, ServiceView};

#[derive(Clone, Debug, Serialize, TS)]
pub struct DomainMap {
    pub currency: String,
    pub domains: Vec<DomainCard>,
    /// Teams with services in no domain.
    pub tray: Vec<TeamCard>,
    /// Out-of-hours schedules in the plan, of every kind, and their standby a year.
    pub schedules: u32,
    pub standby: String,
    /// Where the user left each box: `domain:NAME`, `team:DOMAIN/TEAM`.
    pub positions: Vec<Position>,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct DomainCard {
    pub name: String,
    pub kind: DomainKind,
    /// Geography and tool groupings are allowed but not recommended.
    pub not_recommended: bool,
    pub holder: BudgetHolder,
    pub schedule: Option<DomainSchedule>,
    pub warnings: Vec<String>,
    pub teams: Vec<TeamCard>,
}

/// A domain's shared out-of-hours schedule, when the plan has one.
#[derive(Clone, Debug, Serialize, TS)]
pub struct DomainSchedule {
    pub participants: u32,
    /// Days of the year it exists.
    pub days: u32,
    pub standby: String,
    pub holder: BudgetHolder,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct TeamCard {
    pub name: String,
    /// The team has its own out-of-hours schedule on some day.
    pub team_schedule: bool,
    pub services: Vec<ServiceCard>,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct ServiceCard {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub kind: ServiceKind,
    pub availability_target: String,
    pub operating_model: OperatingModel,
    pub overridden: bool,
    pub traffic_light: Option<TrafficLight>,
    pub on_call_out_of_hours: OutOfHours,
}

/// A box's place on the canvas, in canvas pixels (geometry, never money).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Position {
    pub node: String,
    #[ts(type = "number")]
    pub x: i64,
    #[ts(type = "number")]
    pub y: i64,
}

impl ServiceCard {
    fn of(v: &ServiceView) -> ServiceCard {
        ServiceCard {
            id: v.id,
            name: v.name.clone(),
            kind: v.kind,
            availability_target: v.availability_target.clone(),
            operating_model: v.operating_model,
            overridden: v.model_override.is_some(),
            traffic_light: v.traffic_light,
            on_call_out_of_hours: v.on_call_out_of_hours,
        }
    }
}

pub const FEW_PEOPLE: &str = "fewer than 3 people on call";
pub const NOT_RECOMMENDED: &str = "grouped by geography or tool: not recommended; group by customer journey or technology capability";
pub const UNNEEDED: &str = "team schedules already cover its services out of hours: this domain's schedule is not needed";

/// The map of a portfolio, with the positions the user left.
/// Deletes a domain, its services moving out to no domain. When that moves
/// more than one service, the plan before it is kept as a restore point, as
/// before any change of many rows.
pub fn release_domain(ws: &mut crate::store::Workspace, name: &str) -> crate::error::Result<()> {
    if !ws.domains()?.iter().any(|d| d.name == name) {
        return Err(crate::error::Error::NotFound(format!("there is no domain named '{name}'")));
    }
    let moved = ws.services()?.iter().filter(|s| s.domain.as_deref() == Some(name)).count();
    if moved > 1 {
        crate::snapshot::take_restore_point(ws, &format!("delete the domain {name} ({moved} services)"))?;
    }
    ws.delete_domain_releasing(name)
}

pub fn domain_map(p: &Portfolio, positions: Vec<Position>) -> DomainMap {
    let b = budget(p);
    let plan = &b.schedules;
    let all = views(&p.services, &p.settings);
    let teams_by_name: BTreeMap<&str, &crate::model::Team> = p.teams.iter().map(|t| (t.name.as_str(), t)).collect();
    let with_team_schedule: Vec<&str> = plan.schedules.iter().filter(|s| s.kind == ScheduleKind::Team).map(|s| s.owner.as_str()).collect();
    let cards = |services: &[&ServiceView]| -> Vec<TeamCard> {
        let mut by_team: BTreeMap<&str, Vec<ServiceCard>> = BTreeMap::new();
        for v in services {
            by_team.entry(v.team.as_str()).or_default().push(ServiceCard::of(v));
        }
        by_team
            .into_iter()
            .map(|(team, mut services)| {
                services.sort_by(|a, b| a.name.cmp(&b.name));
                TeamCard { name: team.to_string(), team_schedule: with_team_schedule.contains(&team), services }
            })
            .collect()
    };
    let domains = p
        .domains
        .iter()
        .map(|d| {
            let members: Vec<&ServiceView> = all.iter().filter(|v| v.domain.as_deref() == Some(d.name.as_str())).collect();
            let schedule = plan.schedules.iter().find(|s| s.kind == ScheduleKind::Domain && s.owner == d.name).map(|s| DomainSchedule {
                participants: s.participants,
                days: s.days,
                standby: s.standby_cost.plain(),
                holder: holder(s, &teams_by_name, &p.domains),
            });
            let not_recommended = matches!(d.kind, DomainKind::Geography | DomainKind::Technology);
            let mut warnings = Vec::new();
            if let Some(s) = &schedule {
                if s.participants < 3 {
                    warnings.push(format!("{FEW_PEOPLE}: each is on call one week in {}", s.participants.max(1)));
                }
            } else if members.iter().any(|v| v.operating_model == OperatingModel::YouBuildItYouRunIt && v.on_call_out_of_hours == OutOfHours::Domain) {
                warnings.push(UNNEEDED.to_string());
            }
            if not_recommended {
                warnings.push(NOT_RECOMMENDED.to_string());
            }
            DomainCard { name: d.name.clone(), kind: d.kind, not_recommended, holder: d.on_call_budget_holder, schedule, warnings, teams: cards(&members) }
        })
        .collect();
    let outside: Vec<&ServiceView> = all.iter().filter(|v| v.domain.is_none()).collect();
    DomainMap {
        currency: p.settings.currency.clone(),
        domains,
        tray: cards(&outside),
        schedules: plan.schedules.len() as u32,
        standby: plan.schedules.iter().map(|s| s.standby_cost).sum::<Exact>().plain(),
        positions,
    }
}
