//! The workspace file: one SQLite database per workspace. Every edit is one
//! transaction; a file that is not ours, or is newer than this code, is
//! refused before SQLite ever opens it, so its bytes stay as they were.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OpenFlags, OptionalExtension, Transaction};
use rusqlite_migration::{Migrations, M};
use rust_decimal::Decimal;

use crate::error::{Error, Place, Result};
use crate::model::{BudgetHolder, DateRange, Domain, DomainKind, Funding, Override, Peak, Service, Team};
use crate::money::Money;
use crate::selector::{OperatingModel, ServiceKind};
use crate::settings::{SettingError, Settings};

/// `PRAGMA application_id`: "OPMD", so our files are recognisable.
pub const APPLICATION_ID: u32 = 0x4F50_4D44;

const SCHEMA_V1: &str = include_str!("schema_v1.sql");
const SCHEMA_V2: &str = include_str!("schema_v2.sql");
const SCHEMA_V3: &str = include_str!("schema_v3.sql");
const SCHEMA_V4: &str = include_str!("schema_v4.sql");
const SCHEMA_V5: &str = include_str!("schema_v5.sql");

fn migrations() -> Migrations<'static> {
    Migrations::new(vec![M::up(SCHEMA_V1), M::up(SCHEMA_V2), M::up(SCHEMA_V3), M::up(SCHEMA_V4), M::up(SCHEMA_V5)])
}

/// The schema version this code writes.
pub fn latest_schema_version() -> i64 {
    5
}

pub struct Workspace {
    conn: Connection,
    path: PathBuf,
}

/// What an edit that may create teams and domains did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Created {
    pub teams: Vec<String>,
    pub domains: Vec<String>,
}

/// Reads the 100-byte SQLite header without opening the file for writing:
/// refuses anything that is not a workspace of a schema we know.
fn check_header(path: &Path) -> Result<()> {
    let io = |source| Error::Io { path: path.to_path_buf(), source };
    let mut header = Vec::with_capacity(100);
    fs::File::open(path).map_err(io)?.take(100).read_to_end(&mut header).map_err(io)?;
    let not_ours = |why: &str| Error::NotAWorkspace { path: path.to_path_buf(), why: why.to_string() };
    if header.len() < 100 || !header.starts_with(b"SQLite format 3\0") {
        return Err(not_ours("not an SQLite database"));
    }
    let word = |at: usize| u32::from_be_bytes(header[at..at + 4].try_into().expect("4 bytes"));
    if word(68) != APPLICATION_ID {
        return Err(not_ours("an SQLite database of another application"));
    }
    let version = i64::from(word(60) as i32);
    if version > latest_schema_version() {
        return Err(Error::NewerSchema { path: path.to_path_buf(), found: version, known: latest_schema_version() });
    }
    Ok(())
}

/// Pragmas every connection needs: durable commits, enforced references,
/// and patience with a second process (the CLI beside the app).
///
/// A rollback journal, not WAL: every commit is written into the
/// `.opmodel` file itself before it returns, so the file alone always
/// holds every saved edit (a copy, an e-mail attachment or a synced folder
/// never lacks a session's work), and the journal beside it lives only
/// while a transaction does. A file left in WAL mode by an earlier version
/// is checkpointed into its main file here. docs/performance.md gives what
/// an edit costs this way.
fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "journal_mode", "DELETE")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(())
}

impl Workspace {
    /// Opens a workspace, creating it (with default settings) if the file is missing.
    pub fn open(path: &Path) -> Result<Workspace> {
        if path.exists() {
            Self::open_existing(path)
        } else {
            Self::create(path)
        }
    }

    /// Opens an existing workspace; refuses (untouched) anything else.
    pub fn open_existing(path: &Path) -> Result<Workspace> {
        check_header(path)?;
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
        configure(&conn)?;
        let mut ws = Workspace { conn, path: path.to_path_buf() };
        // The header may lag a WAL that holds a newer schema: ask SQLite too.
        let version: i64 = ws.conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version > latest_schema_version() {
            return Err(Error::NewerSchema { path: path.to_path_buf(), found: version, known: latest_schema_version() });
        }
        migrations().to_latest(&mut ws.conn).map_err(migration_error)?;
        // The plan's tables are unchanged by a migration, so the restore point taken
        // now holds the plan as it was before it.
        if version > 0 && version < latest_schema_version() {
            crate::snapshot::take_restore_point(&mut ws, &format!("schema migration from {version} to {}", latest_schema_version()))?;
        }
        Ok(ws)
    }

    /// Creates a new workspace. The schema is written to a file beside the
    /// target and moved into place, so a crash never leaves half a workspace.
    pub fn create(path: &Path) -> Result<Workspace> {
        if path.exists() {
            return Err(Error::Conflict(format!("{} already exists; choose another name, or open it", path.display())));
        }
        let io = |source| Error::Io { path: path.to_path_buf(), source };
        let tmp = path.with_file_name(format!(
            ".{}.creating-{}",
            path.file_name().map_or("workspace".into(), |n| n.to_string_lossy()),
            std::process::id()
        ));
        let written = Connection::open(&tmp)
            .map_err(Error::from)
            .and_then(|mut conn| migrations().to_latest(&mut conn).map_err(migration_error))
            .and_then(|()| fs::rename(&tmp, path).map_err(io));
        if let Err(e) = written {
            let _ = fs::remove_file(&tmp);
            return Err(match e {
                Error::Database(_) if !path.parent().is_some_and(|d| d.as_os_str().is_empty() || d.is_dir()) => {
                    Error::Io { path: path.to_path_buf(), source: std::io::Error::new(std::io::ErrorKind::NotFound, "its folder does not exist") }
                }
                other => other,
            });
        }
        Self::open_existing(path)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` in one transaction: all of it is stored, or none.
    /// One edit: one transaction, and one undo step called `label` when it changed anything.
    fn edit<T>(&mut self, label: &str, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let step = crate::undo::begin(&tx)?;
        let out = f(&tx)?;
        crate::undo::end(&tx, step, label)?;
        tx.commit()?;
        Ok(out)
    }

    /// One transaction that is not an edit of its own, for undo and redo.
    pub(crate) fn unrecorded<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

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

    /// The incident log, oldest first.
    pub fn incidents(&self) -> Result<Vec<crate::incidents::Incident>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, service, team, domain, started_at, duration_seconds, loss_minor, exposure_minor, availability_target, operating_model
             FROM incidents ORDER BY started_at, id",
        )?;
        let rows = stmt.query_map([], |r| {
            let seconds: String = r.get(5)?;
            let target: String = r.get(8)?;
            let model: String = r.get(9)?;
            Ok(crate::incidents::Incident {
                id: r.get(0)?,
                service: r.get(1)?,
                team: r.get(2)?,
                domain: r.get(3)?,
                started_at: r.get(4)?,
                duration_seconds: seconds.parse().unwrap_or(Decimal::ZERO),
                entered_loss: r.get::<_, Option<i64>>(6)?.map(Money::from_minor),
                exposure_per_hour: Money::from_minor(r.get(7)?),
                target: crate::availability::Level::parse(&target).unwrap_or(crate::availability::Level::THREE_NINES),
                operating_model: OperatingModel::parse(&model).unwrap_or(OperatingModel::OpsRunIt),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records incidents (id 0) or changes one (its id), in one transaction.
    pub fn save_incidents(&mut self, incidents: &[crate::incidents::Incident]) -> Result<()> {
        let label = match incidents {
            [one] if one.id != 0 => format!("edit an incident of {}", one.service),
            [one] => format!("record an incident of {}", one.service),
            many => format!("record {} incidents", many.len()),
        };
        self.edit(&label, |tx| {
            for i in incidents {
                let values = params![
                    i.service,
                    i.team,
                    i.domain,
                    i.started_at,
                    i.duration_seconds.normalize().to_string(),
                    i.entered_loss.map(minor),
                    minor(i.exposure_per_hour),
                    i.target.to_string(),
                    i.operating_model.as_str()
                ];
                let columns = "service, team, domain, started_at, duration_seconds, loss_minor, exposure_minor, availability_target, operating_model";
                if i.id == 0 {
                    tx.execute(&format!("INSERT INTO incidents ({columns}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"), values)?;
                } else if tx.execute(
                    &format!("UPDATE incidents SET ({columns}) = (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) WHERE id = ?10"),
                    rusqlite::params_from_iter(values.iter().copied().chain(std::iter::once(&i.id as &dyn rusqlite::ToSql))),
                )? == 0
                {
                    return Err(Error::NotFound(format!("no incident with id {}", i.id)));
                }
            }
            Ok(())
        })
    }

    pub fn delete_incident(&mut self, id: i64) -> Result<()> {
        self.edit("delete an incident", |tx| match tx.execute("DELETE FROM incidents WHERE id = ?1", [id])? {
            0 => Err(Error::NotFound(format!("no incident with id {id}"))),
            _ => Ok(()),
        })
    }

    /// Writes a consistent copy of the workspace to a new file with SQLite's
    /// backup API (never a file copy of a live database); the copy opens on
    /// its own. An existing file is never overwritten.
    pub fn save_copy(&self, to: &Path) -> Result<()> {
        if to.exists() {
            return Err(Error::Conflict(format!("{} already exists; choose another name", to.display())));
        }
        let tmp = to.with_file_name(format!(".{}.copying-{}", to.file_name().map_or("workspace".into(), |n| n.to_string_lossy()), std::process::id()));
        let written = self
            .conn
            .backup(rusqlite::MAIN_DB, &tmp, None)
            .map_err(Error::from)
            .and_then(|()| Connection::open(&tmp).and_then(|c| c.pragma_update(None, "journal_mode", "DELETE")).map_err(Error::from))
            .and_then(|()| fs::rename(&tmp, to).map_err(|source| Error::Io { path: to.to_path_buf(), source }));
        if written.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        written
    }

    /// The connection, for the snapshot module's own statements.
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` in one transaction, for the snapshot module.
    pub(crate) fn transaction<T>(&mut self, label: &str, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        self.edit(label, f)
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

    /// Several changes as one edit (an import, the example, a restored plan), undone as one.
    pub fn batch<T>(&mut self, label: &str, f: impl FnOnce(&mut Batch) -> Result<T>) -> Result<T> {
        self.edit(label, |tx| f(&mut Batch { tx }))
    }
}

fn put_positions(tx: &Transaction, positions: &[crate::map::Position]) -> Result<()> {
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

/// Changes inside one transaction.
pub struct Batch<'a> {
    tx: &'a Transaction<'a>,
}

impl Batch<'_> {
    /// Adds or updates a service by name.
    pub fn put_service(&mut self, service: &Service, created: &mut Created) -> Result<i64> {
        let id = self.tx.query_row("SELECT id FROM services WHERE name = ?1", [&service.name], |r| r.get(0)).optional()?;
        upsert_service(self.tx, id, service, created)
    }

    /// Adds or updates a team by name.
    pub fn put_team(&mut self, team: &Team) -> Result<()> {
        self.tx.execute(
            "INSERT INTO teams(name, funding, on_call_participants) VALUES (?1, ?2, ?3)
             ON CONFLICT(name) DO UPDATE SET funding = excluded.funding, on_call_participants = excluded.on_call_participants",
            params![team.name, team.funding.as_str(), team.on_call_participants],
        )?;
        Ok(())
    }

    /// Adds or updates a domain by name.
    pub fn put_domain(&mut self, domain: &Domain) -> Result<()> {
        self.tx.execute(
            "INSERT INTO domains(name, kind, on_call_budget_holder) VALUES (?1, ?2, ?3)
             ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, on_call_budget_holder = excluded.on_call_budget_holder",
            params![domain.name, domain.kind.as_str(), domain.on_call_budget_holder.as_str()],
        )?;
        Ok(())
    }

    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        self.tx.execute("INSERT INTO settings(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value", params![key, value])?;
        Ok(())
    }

    /// Empties the workspace: services, teams, domains and settings.
    pub fn put_positions(&mut self, positions: &[crate::map::Position]) -> Result<()> {
        put_positions(self.tx, positions)
    }

    pub fn clear(&mut self) -> Result<()> {
        self.tx.execute_batch("DELETE FROM peak_periods; DELETE FROM services; DELETE FROM teams; DELETE FROM domains; DELETE FROM settings; DELETE FROM map_positions;")?;
        Ok(())
    }

    /// Rows of services, teams, domains and settings.
    pub fn counts(&self) -> Result<(i64, i64, i64, i64)> {
        Ok(self.tx.query_row(
            "SELECT (SELECT count(*) FROM services), (SELECT count(*) FROM teams), (SELECT count(*) FROM domains), (SELECT count(*) FROM settings)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?)
    }
}

fn team_id(tx: &Transaction, service: &Service, created: &mut Created) -> Result<i64> {
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

fn domain_id(tx: &Transaction, name: &str, created: &mut Created) -> Result<i64> {
    if let Some(id) = tx.query_row("SELECT id FROM domains WHERE name = ?1", [name], |r| r.get(0)).optional()? {
        return Ok(id);
    }
    tx.execute("INSERT INTO domains(name, kind, on_call_budget_holder) VALUES (?1, 'product', 'head_of_product')", [name])?;
    created.domains.push(name.to_string());
    Ok(tx.last_insert_rowid())
}

fn minor(m: Money) -> i64 {
    m.to_minor().expect("entered amounts have at most two decimal places")
}

fn upsert_service(tx: &Transaction, id: Option<i64>, s: &Service, created: &mut Created) -> Result<i64> {
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

fn migration_error(e: rusqlite_migration::Error) -> Error {
    match e {
        rusqlite_migration::Error::RusqliteError { err, .. } => Error::Database(err),
        other => Error::Conflict(format!("the workspace schema could not be brought up to date: {other}")),
    }
}
