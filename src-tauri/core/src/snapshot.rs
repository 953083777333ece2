//! Scenarios and restore points (issue 11): a whole plan kept under a name,
//! or taken automatically before anything that replaces data, in the same
//! workspace file. A plan is the settings, teams, domains, services (with
//! their peaks and overrides) and map positions; never the incident log.

use std::collections::BTreeMap;
use std::io::{Read, Write};

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::input::ServiceInput;
use crate::map::Position;
use crate::model::{Domain, Service, Team};
use crate::portfolio::Portfolio;
use crate::settings::Settings;
use crate::store::{Created, Workspace};

/// Restore points kept; the oldest go first.
pub const RESTORE_POINTS_KEPT: usize = 50;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub settings: BTreeMap<String, String>,
    pub teams: Vec<TeamRecord>,
    pub domains: Vec<DomainRecord>,
    pub services: Vec<ServiceInput>,
    pub positions: Vec<Position>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamRecord {
    pub name: String,
    pub funding: String,
    pub on_call_participants: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainRecord {
    pub name: String,
    pub kind: String,
    pub on_call_budget_holder: String,
}

/// A restore point or scenario as lists show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct SnapshotInfo {
    #[ts(type = "number")]
    pub id: i64,
    pub name: Option<String>,
    pub taken_at: String,
    pub before: String,
    pub services: u32,
}

impl Plan {
    /// The workspace's plan as it stands.
    pub fn of(ws: &Workspace) -> Result<Plan> {
        Ok(Plan {
            settings: ws.stored_settings()?,
            teams: ws.teams()?.into_iter().map(|t| TeamRecord { name: t.name, funding: t.funding.as_str().into(), on_call_participants: t.on_call_participants }).collect(),
            domains: ws
                .domains()?
                .into_iter()
                .map(|d| DomainRecord { name: d.name, kind: d.kind.as_str().into(), on_call_budget_holder: d.on_call_budget_holder.as_str().into() })
                .collect(),
            services: ws.services()?.iter().map(ServiceInput::from_service).collect(),
            positions: ws.positions()?,
        })
    }

    fn settings(&self) -> Result<Settings> {
        Ok(Settings::from_stored(&self.settings)?)
    }

    fn teams(&self) -> Vec<Team> {
        self.teams
            .iter()
            .map(|t| Team { name: t.name.clone(), funding: crate::model::Funding::parse(&t.funding).unwrap_or(crate::model::Funding::Product), on_call_participants: t.on_call_participants })
            .collect()
    }

    fn domains(&self) -> Vec<Domain> {
        self.domains
            .iter()
            .map(|d| Domain {
                name: d.name.clone(),
                kind: crate::model::DomainKind::parse(&d.kind).unwrap_or(crate::model::DomainKind::Product),
                on_call_budget_holder: crate::model::BudgetHolder::parse_domain_holder(&d.on_call_budget_holder).unwrap_or(crate::model::BudgetHolder::HeadOfProduct),
            })
            .collect()
    }

    fn services(&self, settings: &Settings) -> Result<Vec<Service>> {
        self.services
            .iter()
            .enumerate()
            .map(|(i, input)| {
                let mut s = input.validate(settings, &Default::default()).map_err(Error::Invalid)?;
                s.id = i as i64 + 1;
                Ok(s)
            })
            .collect()
    }

    /// The plan as a portfolio, to compute from without storing it.
    pub fn portfolio(&self) -> Result<Portfolio> {
        let settings = self.settings()?;
        Ok(Portfolio { services: self.services(&settings)?, teams: self.teams(), domains: self.domains(), settings })
    }

    fn pack(&self) -> Vec<u8> {
        let json = serde_json::to_vec(self).expect("a plan serialises");
        let mut z = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(&json).expect("writing to memory");
        z.finish().expect("writing to memory")
    }

    fn unpack(bytes: &[u8]) -> Result<Plan> {
        let mut json = Vec::new();
        flate2::read::DeflateDecoder::new(bytes).read_to_end(&mut json).map_err(|e| Error::Conflict(format!("a stored plan could not be read: {e}")))?;
        serde_json::from_slice(&json).map_err(|e| Error::Conflict(format!("a stored plan could not be read: {e}")))
    }
}

fn now() -> String {
    chrono::Local::now().format("%Y-%m-%dT%H:%M:%S").to_string()
}

/// Takes a restore point of the plan as it stands, before `what`; the
/// oldest beyond the fifty kept are dropped.
pub fn take_restore_point(ws: &mut Workspace, before: &str) -> Result<i64> {
    let packed = Plan::of(ws)?.pack();
    ws.transaction("", |tx| {
        tx.execute("INSERT INTO snapshots (kind, taken_at, before, plan) VALUES ('restore_point', ?1, ?2, ?3)", params![now(), before, packed])?;
        let id = tx.last_insert_rowid();
        tx.execute(
            "DELETE FROM snapshots WHERE kind = 'restore_point' AND id NOT IN (SELECT id FROM snapshots WHERE kind = 'restore_point' ORDER BY id DESC LIMIT ?1)",
            [RESTORE_POINTS_KEPT as i64],
        )?;
        Ok(id)
    })
}

fn list(ws: &Workspace, kind: &str) -> Result<Vec<SnapshotInfo>> {
    let mut stmt = ws.conn().prepare("SELECT id, name, taken_at, before, plan FROM snapshots WHERE kind = ?1 ORDER BY id DESC")?;
    let rows = stmt.query_map([kind], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get::<_, Vec<u8>>(4)?)))?;
    rows.map(|row| {
        let (id, name, taken_at, before, plan): (i64, Option<String>, String, String, Vec<u8>) = row?;
        Ok(SnapshotInfo { id, name, taken_at, before, services: Plan::unpack(&plan)?.services.len() as u32 })
    })
    .collect()
}

/// Restore points, newest first.
pub fn restore_points(ws: &Workspace) -> Result<Vec<SnapshotInfo>> {
    list(ws, "restore_point")
}

/// Scenarios, newest first.
pub fn scenarios(ws: &Workspace) -> Result<Vec<SnapshotInfo>> {
    list(ws, "scenario")
}

fn plan_of(ws: &Workspace, sql: &str, key: &dyn rusqlite::ToSql, missing: String) -> Result<Plan> {
    let packed: Option<Vec<u8>> = ws.conn().query_row(sql, [key], |r| r.get(0)).optional()?;
    Plan::unpack(&packed.ok_or(Error::NotFound(missing))?)
}

/// A scenario's plan, or the working plan for `current`.
pub fn plan_named(ws: &Workspace, name: &str) -> Result<Plan> {
    if name == "current" {
        return Plan::of(ws);
    }
    let packed: Option<Vec<u8>> = ws.conn().query_row("SELECT plan FROM snapshots WHERE kind = 'scenario' AND name = ?1", [name], |r| r.get(0)).optional()?;
    Plan::unpack(&packed.ok_or_else(|| no_scenario(name))?)
}

/// Makes `plan` the working plan, in one transaction.
fn replace(ws: &mut Workspace, plan: &Plan, label: &str) -> Result<()> {
    let settings = plan.settings()?;
    let services = plan.services(&settings)?;
    ws.batch(label, |b| {
        b.clear()?;
        for (k, v) in &plan.settings {
            b.set_setting(k, v)?;
        }
        for t in plan.teams() {
            b.put_team(&t)?;
        }
        for d in plan.domains() {
            b.put_domain(&d)?;
        }
        let mut created = Created::default();
        for s in &services {
            b.put_service(s, &mut created)?;
        }
        b.put_positions(&plan.positions)
    })
}

/// Restores a restore point; the working plan is kept as a restore point first.
pub fn restore(ws: &mut Workspace, id: i64) -> Result<()> {
    let plan = plan_of(ws, "SELECT plan FROM snapshots WHERE kind = 'restore_point' AND id = ?1", &id, format!("there is no restore point {id}: opmodel history list shows them"))?;
    take_restore_point(ws, &format!("history restore {id}"))?;
    replace(ws, &plan, &format!("restore the plan kept as restore point {id}"))
}

fn scenario_name(name: &str) -> Result<String> {
    crate::input::check_name(name).filter(|n| n != "current").ok_or_else(|| Error::invalid(Default::default(), name, "a scenario name of 1 to 200 characters, other than 'current'"))
}

fn no_scenario(name: &str) -> Error {
    Error::NotFound(format!("there is no scenario named '{name}': opmodel scenario list shows them"))
}

/// Keeps the working plan as the scenario `name` (replacing one of that name).
pub fn save_scenario(ws: &mut Workspace, name: &str) -> Result<()> {
    let name = scenario_name(name)?;
    let packed = Plan::of(ws)?.pack();
    ws.transaction("", |tx| {
        tx.execute("DELETE FROM snapshots WHERE kind = 'scenario' AND name = ?1", [&name])?;
        tx.execute("INSERT INTO snapshots (kind, name, taken_at, before, plan) VALUES ('scenario', ?1, ?2, 'saved', ?3)", params![name, now(), packed])?;
        Ok(())
    })
}

/// Makes a scenario's plan the working plan; the working plan is kept as a restore point first.
pub fn open_scenario(ws: &mut Workspace, name: &str) -> Result<()> {
    let plan = plan_named(ws, name)?;
    take_restore_point(ws, &format!("scenario open {name}"))?;
    replace(ws, &plan, &format!("open the scenario {name}"))
}

pub fn delete_scenario(ws: &mut Workspace, name: &str) -> Result<()> {
    ws.transaction("", |tx| match tx.execute("DELETE FROM snapshots WHERE kind = 'scenario' AND name = ?1", [name])? {
        0 => Err(no_scenario(name)),
        _ => Ok(()),
    })
}

/// Renames (`keep` false) or copies (`keep` true) the scenario `from` as `to`; `to` must be a new name,
/// so neither ever replaces another scenario.
fn rename_or_copy(ws: &mut Workspace, from: &str, to: &str, keep: bool) -> Result<()> {
    let to = scenario_name(to)?;
    ws.transaction("", |tx| {
        let exists = |name: &str| tx.query_row("SELECT 1 FROM snapshots WHERE kind = 'scenario' AND name = ?1", [name], |_| Ok(())).optional();
        if exists(from)?.is_none() {
            return Err(no_scenario(from));
        }
        if exists(&to)?.is_some() {
            return Err(Error::Conflict(format!("there is already a scenario named '{to}': choose another name, or delete that one first")));
        }
        let sql = if keep {
            "INSERT INTO snapshots (kind, name, taken_at, before, plan) SELECT kind, ?2, taken_at, before, plan FROM snapshots WHERE kind = 'scenario' AND name = ?1"
        } else {
            "UPDATE snapshots SET name = ?2 WHERE kind = 'scenario' AND name = ?1"
        };
        tx.execute(sql, params![from, to])?;
        Ok(())
    })
}

pub fn rename_scenario(ws: &mut Workspace, from: &str, to: &str) -> Result<()> {
    rename_or_copy(ws, from, to, false)
}

/// A copy of a scenario under a new name, to change one and keep the other.
pub fn copy_scenario(ws: &mut Workspace, from: &str, to: &str) -> Result<()> {
    rename_or_copy(ws, from, to, true)
}

/// `history list --format json`: newest first, each with its id, when it
/// was taken and what it was taken before.
pub fn history_json(points: &[SnapshotInfo]) -> String {
    let rows: Vec<serde_json::Value> = points.iter().map(|p| serde_json::json!({ "id": p.id, "taken_at": p.taken_at, "before": p.before, "services": p.services })).collect();
    serde_json::to_string_pretty(&rows).expect("json") + "\n"
}
