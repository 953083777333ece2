//! Teams and domains as people enter them, in the app or in a CSV file:
//! checked by one path, then stored.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Place, Problem, Result};
use crate::input::{check_name, NAME_EXPECTED};
use crate::model::{BudgetHolder, Domain, DomainKind, Funding, Team};
use crate::store::Workspace;

pub const PARTICIPANTS_EXPECTED: &str = "a whole number of people from 0 to 10000";
pub const HOLDER_EXPECTED: &str = "head_of_product or head_of_delivery";

/// A problem with one column of an entry.
fn problem(place: &Place, column: &str, value: &str, expected: &str) -> Problem {
    Problem { place: Place { column: Some(column.to_string()), ..place.clone() }, value: value.trim().to_string(), expected: expected.to_string() }
}

/// A team as entered: every value still text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TeamInput {
    pub name: String,
    #[ts(type = "Funding")]
    pub funding: String,
    pub on_call_participants: String,
}

impl TeamInput {
    /// The team, or every problem found, each naming its column.
    pub fn validate(&self, place: &Place) -> Result<Team, Vec<Problem>> {
        let name = check_name(&self.name);
        let funding = Funding::parse(&self.funding);
        let participants = self.on_call_participants.trim().parse::<u32>().ok().filter(|n| *n <= 10_000);
        match (name, funding, participants) {
            (Some(name), Some(funding), Some(on_call_participants)) => Ok(Team { name, funding, on_call_participants }),
            (name, funding, participants) => Err([
                name.is_none().then(|| problem(place, "name", &self.name, NAME_EXPECTED)),
                funding.is_none().then(|| problem(place, "funding", &self.funding, Funding::EXPECTED)),
                participants.is_none().then(|| problem(place, "on_call_participants", &self.on_call_participants, PARTICIPANTS_EXPECTED)),
            ]
            .into_iter()
            .flatten()
            .collect()),
        }
    }
}

/// A domain as entered: every value still text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DomainInput {
    pub name: String,
    #[ts(type = "DomainKind")]
    pub kind: String,
    #[ts(type = "BudgetHolder")]
    pub on_call_budget_holder: String,
}

impl DomainInput {
    /// The domain, or every problem found, each naming its column.
    pub fn validate(&self, place: &Place) -> Result<Domain, Vec<Problem>> {
        let name = check_name(&self.name);
        let kind = DomainKind::parse(&self.kind);
        let holder = BudgetHolder::parse_domain_holder(&self.on_call_budget_holder);
        match (name, kind, holder) {
            (Some(name), Some(kind), Some(on_call_budget_holder)) => Ok(Domain { name, kind, on_call_budget_holder }),
            (name, kind, holder) => Err([
                name.is_none().then(|| problem(place, "name", &self.name, NAME_EXPECTED)),
                kind.is_none().then(|| problem(place, "kind", &self.kind, DomainKind::EXPECTED)),
                holder.is_none().then(|| problem(place, "on_call_budget_holder", &self.on_call_budget_holder, HOLDER_EXPECTED)),
            ]
            .into_iter()
            .flatten()
            .collect()),
        }
    }
}

/// A team as the app shows it, with how many services it owns.
#[derive(Clone, Debug, Serialize, TS)]
pub struct TeamView {
    pub name: String,
    pub funding: Funding,
    pub on_call_participants: u32,
    pub services: u32,
}

/// A domain as the app shows it, with how many services it holds.
#[derive(Clone, Debug, Serialize, TS)]
pub struct DomainView {
    pub name: String,
    pub kind: DomainKind,
    pub on_call_budget_holder: BudgetHolder,
    pub services: u32,
}

/// The teams and domains of a workspace, by name.
#[derive(Clone, Debug, Serialize, TS)]
pub struct Organisation {
    pub teams: Vec<TeamView>,
    pub domains: Vec<DomainView>,
}

pub fn organisation(ws: &Workspace) -> Result<Organisation> {
    // Services per team and per domain, counted in one pass.
    let services = ws.services()?;
    let mut per_team: HashMap<&str, u32> = HashMap::new();
    let mut per_domain: HashMap<&str, u32> = HashMap::new();
    for s in &services {
        *per_team.entry(s.team.as_str()).or_default() += 1;
        if let Some(d) = &s.domain {
            *per_domain.entry(d.as_str()).or_default() += 1;
        }
    }
    let count = |counts: &HashMap<&str, u32>, name: &str| counts.get(name).copied().unwrap_or(0);
    Ok(Organisation {
        teams: ws
            .teams()?
            .into_iter()
            .map(|t| TeamView { services: count(&per_team, &t.name), name: t.name, funding: t.funding, on_call_participants: t.on_call_participants })
            .collect(),
        domains: ws
            .domains()?
            .into_iter()
            .map(|d| DomainView { services: count(&per_domain, &d.name), name: d.name, kind: d.kind, on_call_budget_holder: d.on_call_budget_holder })
            .collect(),
    })
}

/// Adds a team, or changes one (its name too): `original` is its name before the edit.
pub fn save_team(ws: &mut Workspace, original: Option<&str>, input: &TeamInput) -> Result<()> {
    let place = Place { item: Some(format!("team '{}'", input.name.trim())), ..Default::default() };
    let team = input.validate(&place).map_err(Error::Invalid)?;
    ws.save_team(original, &team)
}

/// Adds a domain, or changes one (its name too): `original` is its name before the edit.
pub fn save_domain(ws: &mut Workspace, original: Option<&str>, input: &DomainInput) -> Result<()> {
    let place = Place { item: Some(format!("domain '{}'", input.name.trim())), ..Default::default() };
    let domain = input.validate(&place).map_err(Error::Invalid)?;
    ws.save_domain(original, &domain)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workspace() -> (tempfile::TempDir, Workspace) {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = Workspace::open(&dir.path().join("w.opmodel")).unwrap();
        crate::demo::write_example(&mut ws, false).unwrap();
        (dir, ws)
    }

    fn team(name: &str, funding: &str, participants: &str) -> TeamInput {
        TeamInput { name: name.into(), funding: funding.into(), on_call_participants: participants.into() }
    }

    #[test]
    fn every_bad_value_names_its_column() {
        let problems = team(" ", "marketing", "-1").validate(&Place::default()).unwrap_err();
        let columns: Vec<_> = problems.iter().map(|p| p.place.column.as_deref().unwrap()).collect();
        assert_eq!(columns, ["name", "funding", "on_call_participants"]);
        let d = DomainInput { name: "home".into(), kind: "region".into(), on_call_budget_holder: "head_of_operations".into() };
        let problems = d.validate(&Place::default()).unwrap_err();
        assert_eq!(problems[1].to_string(), "column on_call_budget_holder: 'head_of_operations' is not valid; expected head_of_product or head_of_delivery");
    }

    #[test]
    fn a_team_is_added_renamed_and_deleted_and_its_services_follow_a_rename() {
        let (_dir, mut ws) = workspace();
        save_team(&mut ws, None, &team("search-team", "it", "4")).unwrap();
        save_team(&mut ws, Some("bedroom-team"), &team("beds", "product", "3")).unwrap();
        let org = organisation(&ws).unwrap();
        let beds = org.teams.iter().find(|t| t.name == "beds").unwrap();
        assert_eq!((beds.on_call_participants, beds.services), (3, 1));
        assert!(ws.services().unwrap().iter().any(|s| s.name == "bedroom" && s.team == "beds"));
        // A name another team has is refused; so is deleting a team that owns services.
        let e = save_team(&mut ws, Some("beds"), &team("app-support", "product", "3")).unwrap_err();
        assert_eq!(e.code(), "conflict");
        let e = ws.delete_team("beds").unwrap_err();
        assert_eq!(e.to_string(), "team 'beds' still has services: bedroom. Move them to another team first");
        ws.delete_team("search-team").unwrap();
        assert_eq!(ws.delete_team("search-team").unwrap_err().code(), "not_found");
        assert!(organisation(&ws).unwrap().teams.iter().all(|t| t.name != "search-team"));
    }

    #[test]
    fn a_domain_is_added_changed_and_deleted() {
        let (_dir, mut ws) = workspace();
        let d = |name: &str, holder: &str| DomainInput { name: name.into(), kind: "architecture".into(), on_call_budget_holder: holder.into() };
        save_domain(&mut ws, None, &d("platform", "head_of_delivery")).unwrap();
        save_domain(&mut ws, Some("home-shopping"), &d("home", "head_of_delivery")).unwrap();
        let org = organisation(&ws).unwrap();
        let home = org.domains.iter().find(|x| x.name == "home").unwrap();
        assert_eq!((home.kind, home.on_call_budget_holder, home.services), (DomainKind::Architecture, BudgetHolder::HeadOfDelivery, 2));
        assert_eq!(ws.delete_domain("home").unwrap_err().code(), "conflict");
        ws.delete_domain("platform").unwrap();
        assert_eq!(organisation(&ws).unwrap().domains.len(), 1);
    }
}
