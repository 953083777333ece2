//! The plan's tables: settings, teams, domains, services with their peaks
//! and overrides, and where the map's boxes were left. Each change is one
//! edit (one transaction, one undo step).

use std::collections::{BTreeMap, HashMap};

use rusqlite::{params, OptionalExtension, Transaction};
use rust_decimal::Decimal;

use super::{Batch, Created, Workspace};
use crate::error::{Error, Place, Result};
use crate::model::{BudgetHolder, DateRange, Domain, DomainKind, Funding, Override, Peak, Service, Team};
use crate::money::Money;
use crate::selector::{OperatingModel, ServiceKind};
use crate::settings::{SettingError, Settings};

impl Workspace {
    pub fn stored_settings(&self) -> Result<BTreeMap<String, String>> {
        let mut stmt = self.conn.prepare("SELECT key, value FROM settings")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn settings(&self) -> Result<Settings> {
        Ok(Settings::from_stored(&self.stored_settings()?)?)
    }

    /// Sets one setting after checking it, and that no service is left with
    /// a demand label the new bands lack.
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        let mut settings = self.settings()?;
        settings.apply(key, value)?;
        if key == "demand_bands" {
            let orphans: Vec<String> = self.services()?.into_iter()
                .filter(|s| settings.demand_bands.find(&s.feature_demand).is_none())
                .map(|s| format!("{} ({})", s.name, s.feature_demand))
                .collect();
            if !orphans.is_empty() {
                return Err(Error::Invalid(vec![crate::error::Problem {
                    place: Place { column: Some("demand_bands".into()), ..Default::default() },
                    value: value.to_string(),
                    expected: format!("bands that keep every label in use; these services use a label it drops: {}", orphans.join(", ")),
                }]));
            }
        }
        let canonical = settings.value(key).ok_or_else(|| SettingError::UnknownKey(key.to_string()))?;
        self.edit(&format!("change the setting {key}"), |tx| {
            tx.execute("INSERT INTO settings(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value", params![key, canonical])?;
            Ok(())
        })
    }

    pub fn teams(&self) -> Result<Vec<Team>> {
        let mut stmt = self.conn.prepare("SELECT name, funding, on_call_participants FROM teams ORDER BY name")?;
        let rows = stmt.query_map([], |r| {
            let funding: String = r.get(1)?;
            Ok(Team { name: r.get(0)?, funding: Funding::parse(&funding).unwrap_or(Funding::Product), on_call_participants: r.get(2)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn domains(&self) -> Result<Vec<Domain>> {
        let mut stmt = self.conn.prepare("SELECT name, kind, on_call_budget_holder FROM domains ORDER BY name")?;
        let rows = stmt.query_map([], |r| {
            let kind: String = r.get(1)?;
            let holder: String = r.get(2)?;
            Ok(Domain {
                name: r.get(0)?,
                kind: DomainKind::parse(&kind).unwrap_or(DomainKind::Product),
                on_call_budget_holder: BudgetHolder::parse_domain_holder(&holder).unwrap_or(BudgetHolder::HeadOfProduct),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every service, in the order they were added.
    pub fn services(&self) -> Result<Vec<Service>> {
        self.services_where(None)
    }

    /// One service, as `services` gives it: an edit shows its row without reading them all.
    pub fn service(&self, id: i64) -> Result<Service> {
        self.services_where(Some(id))?.pop().ok_or_else(|| Error::NotFound(format!("no service with id {id}")))
    }

    pub fn service_count(&self) -> Result<u32> {
        Ok(self.conn.query_row("SELECT COUNT(*) FROM services", [], |r| r.get(0))?)
    }

    /// Every service, or only the one with id `only`.
    fn services_where(&self, only: Option<i64>) -> Result<Vec<Service>> {
        let mut peaks: HashMap<i64, Vec<DateRange>> = HashMap::new();
        let mut stmt = self.conn.prepare("SELECT service_id, start_date, end_date FROM peak_periods WHERE ?1 IS NULL OR service_id = ?1 ORDER BY service_id, start_date")?;
        let mut rows = stmt.query([only])?;
        while let Some(r) = rows.next()? {
            peaks.entry(r.get(0)?).or_default().push(DateRange { start: r.get(1)?, end: r.get(2)? });
        }
        let mut stmt = self.conn.prepare(
            "SELECT s.id, s.name, s.kind, t.name, d.name, s.exposure_minor, s.feature_demand, s.peak_exposure_minor,
                    s.incidents_per_year, s.model_override, s.override_reason
             FROM services s JOIN teams t ON t.id = s.team_id LEFT JOIN domains d ON d.id = s.domain_id
             WHERE ?1 IS NULL OR s.id = ?1
             ORDER BY s.id",
        )?;
        let rows = stmt.query_map([only], |r| {
            let id: i64 = r.get(0)?;
            let kind: String = r.get(2)?;
            let peak_minor: Option<i64> = r.get(7)?;
            let incidents: String = r.get(8)?;
            let model: Option<String> = r.get(9)?;
            let reason: Option<String> = r.get(10)?;
            Ok(Service {
                id,
                name: r.get(1)?,
                kind: ServiceKind::parse(&kind).unwrap_or(ServiceKind::Digital),
                team: r.get(3)?,
                domain: r.get(4)?,
                exposure_per_hour: Money::from_minor(r.get(5)?),
                feature_demand: r.get(6)?,
                peak: peak_minor.map(|m| Peak { exposure_per_hour: Money::from_minor(m), periods: peaks.remove(&id).unwrap_or_default() }),
                out_of_hours_incidents_per_year: incidents.parse().unwrap_or(Decimal::ZERO),
                model_override: model.and_then(|m| OperatingModel::parse(&m)).zip(reason).map(|(model, reason)| Override { model, reason }),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Adds (`id` None) or updates a service, creating its team and domain
    /// with defaults when they are new; one transaction.
    pub fn save_service(&mut self, id: Option<i64>, service: &Service) -> Result<(i64, Created)> {
        self.edit(&service_label(id, service), |tx| {
            let mut created = Created::default();
            let id = upsert_service(tx, id, service, &mut created)?;
            Ok((id, created))
        })
    }

    /// Adds or updates a service together with the new team and domain it
    /// needs, in one transaction.
    pub fn save_service_with(&mut self, id: Option<i64>, service: &Service, team: Option<&Team>, domain: Option<&Domain>) -> Result<i64> {
        self.edit(&service_label(id, service), |tx| {
            let mut batch = Batch { tx };
            team.map(|t| batch.put_team(t)).transpose()?;
            domain.map(|d| batch.put_domain(d)).transpose()?;
            upsert_service(tx, id, service, &mut Created::default())
        })
    }

    pub fn delete_service(&mut self, id: i64) -> Result<()> {
        let name: Option<String> = self.conn.query_row("SELECT name FROM services WHERE id = ?1", [id], |r| r.get(0)).optional()?;
        self.edit(&format!("delete the service {}", name.unwrap_or_default()), |tx| match tx.execute("DELETE FROM services WHERE id = ?1", [id])? {
            0 => Err(Error::NotFound(format!("no service with id {id}"))),
            _ => Ok(()),
        })
    }

    /// Runs several changes as one transaction (an import, the example).
    /// Adds a team, or changes the one named `original` (its name too: its
    /// services follow, as they refer to it by id).
    pub fn save_team(&mut self, original: Option<&str>, team: &Team) -> Result<()> {
        let label = if original.is_some() { format!("edit the team {}", team.name) } else { format!("add the team {}", team.name) };
        self.edit(&label, |tx| {
            let values = params![team.name, team.funding.as_str(), team.on_call_participants];
            match row_to_save(tx, "team", original, &team.name)? {
                Some(id) => tx.execute("UPDATE teams SET name = ?1, funding = ?2, on_call_participants = ?3 WHERE id = ?4", [values, params![id]].concat().as_slice())?,
                None => tx.execute("INSERT INTO teams(name, funding, on_call_participants) VALUES (?1, ?2, ?3)", values)?,
            };
            Ok(())
        })
    }

    /// Adds a domain, or changes the one named `original` (its name too).
    pub fn save_domain(&mut self, original: Option<&str>, domain: &Domain) -> Result<()> {
        let label = if original.is_some() { format!("edit the domain {}", domain.name) } else { format!("add the domain {}", domain.name) };
        self.edit(&label, |tx| {
            let values = params![domain.name, domain.kind.as_str(), domain.on_call_budget_holder.as_str()];
            match row_to_save(tx, "domain", original, &domain.name)? {
                Some(id) => {
                    // The map keeps its boxes where they were under the new name.
                    if let Some(old) = original.filter(|o| *o != domain.name) {
                        tx.execute("UPDATE map_positions SET node = 'domain:' || ?1 WHERE node = 'domain:' || ?2", params![domain.name, old])?;
                        tx.execute(
                            "UPDATE map_positions SET node = 'team:' || ?1 || substr(node, length(?2) + 6) WHERE node LIKE 'team:' || ?2 || '/%'",
                            params![domain.name, old],
                        )?;
                    }
                    tx.execute("UPDATE domains SET name = ?1, kind = ?2, on_call_budget_holder = ?3 WHERE id = ?4", [values, params![id]].concat().as_slice())?
                }
                None => tx.execute("INSERT INTO domains(name, kind, on_call_budget_holder) VALUES (?1, ?2, ?3)", values)?,
            };
            Ok(())
        })
    }

    /// Deletes a team no service belongs to.
    pub fn delete_team(&mut self, name: &str) -> Result<()> {
        self.edit(&format!("delete the team {name}"), |tx| delete_unused(tx, "team", name))
    }

    /// Deletes a domain no service is in.
    pub fn delete_domain(&mut self, name: &str) -> Result<()> {
        self.edit(&format!("delete the domain {name}"), |tx| delete_unused(tx, "domain", name))
    }

    /// Deletes a domain, its services moving out to no domain, in one transaction.
    pub fn delete_domain_releasing(&mut self, name: &str) -> Result<()> {
        self.edit(&format!("delete the domain {name}"), |tx| {
            tx.execute("UPDATE services SET domain_id = NULL WHERE domain_id = (SELECT id FROM domains WHERE name = ?1)", [name])?;
            tx.execute("DELETE FROM map_positions WHERE node = ?1 OR node LIKE ?2", params![format!("domain:{name}"), format!("team:{name}/%")])?;
            delete_unused(tx, "domain", name)
        })
    }

    /// Moves services into a domain (or out of every domain), in one transaction.
    pub fn move_services(&mut self, ids: &[i64], domain: Option<&str>) -> Result<()> {
        let what = if ids.len() == 1 { "a service".to_string() } else { format!("{} services", ids.len()) };
        self.edit(&format!("move {what} to {}", domain.unwrap_or("no domain")), |tx| {
            let domain_id: Option<i64> = match domain {
                Some(d) => Some(tx.query_row("SELECT id FROM domains WHERE name = ?1", [d], |r| r.get(0)).optional()?.ok_or_else(|| Error::NotFound(format!("there is no domain named '{d}'")))?),
                None => None,
            };
            for id in ids {
                if tx.execute("UPDATE services SET domain_id = ?1 WHERE id = ?2", params![domain_id, id])? == 0 {
                    return Err(Error::NotFound(format!("no service with id {id}")));
                }
            }
            Ok(())
        })
    }

    /// Where the user left each box on the domain map.
    pub fn positions(&self) -> Result<Vec<crate::map::Position>> {
        let mut stmt = self.conn.prepare("SELECT node, x, y FROM map_positions ORDER BY node")?;
        let rows = stmt.query_map([], |r| Ok(crate::map::Position { node: r.get(0)?, x: r.get(1)?, y: r.get(2)? }))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Keeps where boxes were dragged to.
    pub fn save_positions(&mut self, positions: &[crate::map::Position]) -> Result<()> {
        self.edit("move boxes on the map", |tx| put_positions(tx, positions))
    }
}

pub(super) fn put_positions(tx: &Transaction, positions: &[crate::map::Position]) -> Result<()> {
    for p in positions {
        tx.execute(
            "INSERT INTO map_positions(node, x, y) VALUES (?1, ?2, ?3) ON CONFLICT(node) DO UPDATE SET x = excluded.x, y = excluded.y",
            params![p.node, p.x, p.y],
        )?;
    }
    Ok(())
}

fn service_label(id: Option<i64>, service: &Service) -> String {
    if id.is_some() { format!("edit {}", service.name) } else { format!("add {}", service.name) }
}

/// The id of the team or domain (`what`) an edit saves: the one named
/// `original`, or none for a new one. Refuses a name another one has.
fn row_to_save(tx: &Transaction, what: &str, original: Option<&str>, name: &str) -> Result<Option<i64>> {
    let find = |n: &str| tx.query_row(&format!("SELECT id FROM {what}s WHERE name = ?1"), [n], |r| r.get::<_, i64>(0)).optional();
    let id = match original {
        Some(o) => Some(find(o)?.ok_or_else(|| Error::NotFound(format!("there is no {what} named '{o}'")))?),
        None => None,
    };
    match find(name)? {
        Some(other) if Some(other) != id => Err(Error::Conflict(format!("there is already a {what} named '{name}': choose another name"))),
        _ => Ok(id),
    }
}

/// Deletes the team or domain (`what`) named `name`, unless a service refers to it.
fn delete_unused(tx: &Transaction, what: &str, name: &str) -> Result<()> {
    let mut stmt = tx.prepare(&format!("SELECT s.name FROM services s JOIN {what}s x ON s.{what}_id = x.id WHERE x.name = ?1 ORDER BY s.name"))?;
    let users: Vec<String> = stmt.query_map([name], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    if !users.is_empty() {
        let move_to = if what == "team" { "Move them to another team first" } else { "Move them to another domain, or none, first" };
        return Err(Error::Conflict(format!("{what} '{name}' still has services: {}. {move_to}", users.join(", "))));
    }
    match tx.execute(&format!("DELETE FROM {what}s WHERE name = ?1"), [name])? {
        0 => Err(Error::NotFound(format!("there is no {what} named '{name}'"))),
        _ => Ok(()),
    }
}

pub(super) fn team_id(tx: &Transaction, service: &Service, created: &mut Created) -> Result<i64> {
    if let Some(id) = tx.query_row("SELECT id FROM teams WHERE name = ?1", [&service.team], |r| r.get(0)).optional()? {
        return Ok(id);
    }
    // A new team: an application support team for a foundational system,
    // otherwise product-funded; participants unknown until entered.
    let funding = match service.kind {
        ServiceKind::Foundational => Funding::Operations,
        ServiceKind::Digital => Funding::Product,
    };
    tx.execute("INSERT INTO teams(name, funding, on_call_participants) VALUES (?1, ?2, 0)", params![service.team, funding.as_str()])?;
    created.teams.push(service.team.clone());
    Ok(tx.last_insert_rowid())
}

pub(super) fn domain_id(tx: &Transaction, name: &str, created: &mut Created) -> Result<i64> {
    if let Some(id) = tx.query_row("SELECT id FROM domains WHERE name = ?1", [name], |r| r.get(0)).optional()? {
        return Ok(id);
    }
    tx.execute("INSERT INTO domains(name, kind, on_call_budget_holder) VALUES (?1, 'product', 'head_of_product')", [name])?;
    created.domains.push(name.to_string());
    Ok(tx.last_insert_rowid())
}

pub(super) fn minor(m: Money) -> i64 {
    m.to_minor().expect("entered amounts have at most two decimal places")
}

pub(super) fn upsert_service(tx: &Transaction, id: Option<i64>, s: &Service, created: &mut Created) -> Result<i64> {
    if let Some(other) = tx.query_row("SELECT id FROM services WHERE name = ?1", [&s.name], |r| r.get::<_, i64>(0)).optional()? {
        if Some(other) != id {
            return Err(Error::Conflict(format!("a service named '{}' already exists", s.name)));
        }
    }
    let team = team_id(tx, s, created)?;
    let domain = s.domain.as_deref().map(|d| domain_id(tx, d, created)).transpose()?;
    let values = params![
        s.name,
        s.kind.as_str(),
        team,
        domain,
        minor(s.exposure_per_hour),
        s.feature_demand,
        s.peak.as_ref().map(|p| minor(p.exposure_per_hour)),
        s.out_of_hours_incidents_per_year.to_string(),
        s.model_override.as_ref().map(|o| o.model.as_str()),
        s.model_override.as_ref().map(|o| o.reason.as_str()),
    ];
    let sql_columns = "name, kind, team_id, domain_id, exposure_minor, feature_demand, peak_exposure_minor, incidents_per_year, model_override, override_reason";
    let id = match id {
        Some(id) => {
            let n = tx.execute(
                &format!("UPDATE services SET ({sql_columns}) = (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) WHERE id = ?11"),
                rusqlite::params_from_iter(values.iter().copied().chain(std::iter::once(&id as &dyn rusqlite::ToSql))),
            )?;
            if n == 0 {
                return Err(Error::NotFound(format!("no service with id {id}")));
            }
            tx.execute("DELETE FROM peak_periods WHERE service_id = ?1", [id])?;
            id
        }
        None => {
            tx.execute(&format!("INSERT INTO services ({sql_columns}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"), values)?;
            tx.last_insert_rowid()
        }
    };
    for p in s.peak.iter().flat_map(|p| &p.periods) {
        tx.execute("INSERT INTO peak_periods(service_id, start_date, end_date) VALUES (?1, ?2, ?3)", params![id, p.start, p.end])?;
    }
    Ok(id)
}
